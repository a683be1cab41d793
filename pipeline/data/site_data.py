"""Every data file of docs/_data/, loaded and checked once per build.

One build reports the problems of every file: a loader that finds problems
records them and the build goes on with what it could read; only a file
nothing usable could be read from stops it (load_site_data returns None)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import corrections
from .clinic import Clinic, load_clinic
from .governance import front_matter
from .problems import DataFileError, Problem
from .protocol import Protocol, load_protocol
from .publisher import Publisher, load_publisher, with_built_repository
from .references import Reference, load_references
from .reviewers import load_reviewers
from .source_text import read_source
from .twins import (Content, load_corrections_twin, load_protocol_twin, load_references_twin, load_site_twin,
                    load_warning_signs_twin, twin_path)
from .warning_signs import load_warning_signs

PROTOCOL = "_data/protocol.yml"
REFERENCES = "_data/references.yml"
WARNING_SIGNS = "_data/warning_signs.yml"
CLINIC = "_data/clinic.yml"
REVIEWERS = "_data/reviewers.yml"
PUBLISHER = "_data/site.yml"
CORRECTIONS = "_data/corrections.yml"
# Languages besides English whose words the data files' twins hold (*.es.yml).
TRANSLATED = ("es",)


@dataclass
class SiteData:
    references: dict[str, Reference]
    protocol: Protocol
    clinic: Clinic
    reviewers: dict
    publisher: Publisher
    warning_signs: object
    corrections: list
    known_pages: set[str]  # source path of every page, e.g. "conditions/acne-scars.md"
    broken_keys: set[str]  # reference keys whose entries have problems
    reference_keys: set[str]  # every key a page may cite (broken ones wait for their fix, not "unknown")
    problems: list[Problem]  # problems found in the files that could still be used
    translations: dict[str, Content]  # the data files' words in another language (twins), by language code

    def in_language(self, lang: str) -> Content:
        """The protocol, publisher, warning signs, corrections log and sources
        with their words in `lang`: its twins where they exist, else the English files'."""
        return self.translations.get(lang) or Content(self.protocol, self.publisher, self.warning_signs,
                                                      self.corrections, self.references)


def display(path: Path, root: Path) -> str:
    """A path as error messages name it: relative to the project where it can be."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _load_all(problems: list, load, *args):
    """The loader's result; on problems, record them and go on with what it
    could read (None: nothing usable), so one build reports every file."""
    try:
        return load(*args)
    except DataFileError as error:
        problems.extend(error.problems)
        return error.partial


def load_site_data(docs: Path, root: Path, repository: str, today: dt.date, problems: list[Problem]) -> SiteData | None:
    """Every data file, checked; each problem found is added to `problems`.
    None: a file gave nothing usable (its problems say why)."""
    def source(name: str) -> tuple[Path, str]:
        return docs / name, display(docs / name, root)

    known_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    references = _load_all(problems, load_references, *source(REFERENCES))
    # Keys whose entries have problems (reported against the reference file):
    # what cites them waits for the fix instead of calling them unknown.
    broken_keys = {p.path.split(".")[0] for p in problems if p.file.endswith(REFERENCES) and p.path}
    reference_keys = set(references or ()) | broken_keys
    protocol = None if references is None else _load_all(
        problems, load_protocol, *source(PROTOCOL), known_pages, reference_keys)
    clinic = None if protocol is None else _load_all(problems, load_clinic, *source(CLINIC), docs, protocol)
    reviewers = _load_all(problems, load_reviewers, *source(REVIEWERS))
    publisher = _load_all(problems, load_publisher, *source(PUBLISHER))
    if publisher is not None:
        publisher = _load_all(problems, with_built_repository, publisher, repository)
    warning_signs = _load_all(problems, load_warning_signs, *source(WARNING_SIGNS))
    log = None if references is None else _load_all(
        problems, corrections.load_corrections, *source(CORRECTIONS), known_pages, reference_keys,
        corrections.clinical_fingerprint(corrections.clinical_values(docs)), today,
    )
    if any(v is None for v in (references, protocol, clinic, reviewers, publisher, warning_signs, log)):
        return None
    english = Content(protocol, publisher, warning_signs, log, references)
    translations = {lang: _translation(english, lang, source, problems) for lang in TRANSLATED}
    return SiteData(references, protocol, clinic, reviewers, publisher, warning_signs, log, known_pages,
                    broken_keys, reference_keys, problems, translations)


def _translation(english: Content, lang: str, source, problems: list[Problem]) -> Content:
    """The English content with the words of each twin file that exists and
    has no problems (a twin's problems are recorded; the build then fails)."""
    words = {}
    twins = (("protocol", PROTOCOL, load_protocol_twin), ("publisher", PUBLISHER, load_site_twin),
             ("warning_signs", WARNING_SIGNS, load_warning_signs_twin), ("corrections", CORRECTIONS, load_corrections_twin),
             ("references", REFERENCES, load_references_twin))
    for field, name, load in twins:
        path, shown = source(str(twin_path(Path(name), lang)))
        if path.exists():
            words[field] = _load_all(problems, load, path, shown, getattr(english, field))
    return Content(**{field: words.get(field) or getattr(english, field) for field, _, _ in twins})


def front_matters(docs: Path, known_pages: set[str]) -> dict[str, dict]:
    """Each page's front matter, read once per build (titles, the review
    summary).  Only once every front matter has passed its check: a page that
    is not UTF-8 is reported by that check, not read here."""
    return {src: front_matter(read_source(docs / src)) for src in known_pages}
