"""The Spanish words of the data files: a twin beside each English file.

`docs/_data/protocol.es.yml`, `site.es.yml`, `warning_signs.es.yml`,
`corrections.es.yml` and `references.es.yml` hold only words (plan names,
milestone titles and advice; the publisher's prose and country names; the
warning signs; what each correction changed and why; the notes on the
sources), keyed by the English file's ids, never the numbers: those stay in
the English file alone.  Each twin is checked
against its English file: the same ids, every field present, the same plain
text rules, and no number typed that the English does not have (a dose, a
day or a phone number written differently in one language is a mistake).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import strict_yaml
from .checks import Checker
from .corrections import Correction, correction_id
from .problems import DataFileError
from .protocol import Protocol
from .publisher import Publisher
from .references import LONG_TEXT, Reference
from .warning_signs import LEVELS, WarningSigns
from ..pages.language import source_language

SITE_PROSE = ("description", "funding", "host_records")


@dataclass(frozen=True)
class Content:
    """What the pages show from the data files, in one language."""
    protocol: Protocol
    publisher: Publisher
    warning_signs: WarningSigns
    corrections: tuple[Correction, ...]
    references: dict[str, Reference]


def twin_path(path: Path, lang: str) -> Path:
    """docs/_data/site.yml → docs/_data/site.es.yml."""
    return path.with_name(f"{path.stem}.{lang}{path.suffix}")


def numbers(text: str) -> list[str]:
    """The numbers written in a text ("3", "0.5", "1,5"), sorted: a twin must write the English ones."""
    return sorted(re.findall(r"\d+(?:[.,]\d+)?", text))


class _TwinChecker(Checker):
    def words(self, value, english: str, path: tuple, field: str | None, multi_line: bool = False) -> bool:
        """Text under the English field's rules (`field`: its length limit,
        pipeline/data/limits.py; None: any length, as the publisher's prose),
        with the same numbers as the English."""
        if not (self.text(value, path) if field is None else self.single_line(value, path, field, multi_line)):
            return False
        if numbers(value) != numbers(english):
            self.fail(path, f"has the numbers {', '.join(numbers(value)) or 'none'} but the English has "
                            f"{', '.join(numbers(english)) or 'none'}; numbers come from the English file: write the same ones")
            return False
        return True


def _load(path: Path, display_name: str) -> tuple[_TwinChecker, object]:
    data, problems = strict_yaml.load(path, display_name)
    check = _TwinChecker(display_name, data)
    check.problems.extend(problems)
    return check, data.value


def _english_ids(check: _TwinChecker, value, english_ids: list[str], path: tuple, what: str, *, every: bool) -> bool:
    """A mapping of the English file's ids, none other: `every` one of them,
    or some (a newer one may wait for its translation: untranslated() lists it)."""
    if not isinstance(value, dict):
        check.fail(path, f"expected a mapping of the English file's {what} ids: {', '.join(english_ids)}")
        return False
    if every:
        return check.mapping(value, path, set(english_ids))
    return check.mapping(value, path, set(), frozenset(english_ids))


def load_protocol_twin(path: Path, display_name: str, english: Protocol) -> Protocol:
    """The protocol with the twin's plan names, milestone titles and advice;
    raise DataFileError naming file, line and field."""
    check, root = _load(path, display_name)
    plans, aftercare = dict(english.plans), list(english.aftercare)
    if check.mapping(root, (), {"plans", "aftercare"}):
        if _english_ids(check, root.get("plans"), list(english.plans), ("plans",), "plan", every=True):
            for plan_id, fields in root["plans"].items():
                path_ = ("plans", plan_id)
                if plan_id in plans and check.mapping(fields, path_, {"name"}) and "name" in fields \
                        and check.words(fields["name"], plans[plan_id].name, path_ + ("name",), "plan name"):
                    plans[plan_id] = replace(plans[plan_id], name=fields["name"].strip())
        ids = [m.id for m in english.aftercare]
        if _english_ids(check, root.get("aftercare"), ids, ("aftercare",), "aftercare milestone", every=True):
            for index, milestone in enumerate(aftercare):
                fields, path_ = root["aftercare"].get(milestone.id), ("aftercare", milestone.id)
                if not check.mapping(fields, path_, {"title", "advice"}) or not {"title", "advice"} <= fields.keys():
                    continue
                # Both checked (a list, not `and`): one build reports every problem.
                if all([check.words(fields["title"], milestone.title, path_ + ("title",), "aftercare title"),
                        check.words(fields["advice"], milestone.advice, path_ + ("advice",), "aftercare advice", multi_line=True)]):
                    aftercare[index] = replace(milestone, title=fields["title"].strip(), advice=fields["advice"].strip())
    if check.problems:
        raise DataFileError(check.problems)
    return replace(english, plans=plans, aftercare=tuple(aftercare))


def load_site_twin(path: Path, display_name: str, english: Publisher) -> Publisher:
    """The publisher setting with the twin's prose and country names (names,
    addresses and numbers are the English file's)."""
    check, root = _load(path, display_name)
    present = {key for key in SITE_PROSE if getattr(english, key)}
    changes: dict[str, object] = {}
    required = present | ({"countries"} if english.countries else set())
    if check.mapping(root, (), required):
        for key in sorted(present & set(root)):
            if check.words(root[key], getattr(english, key), (key,), None):
                changes[key] = root[key].strip()
        countries = root.get("countries")
        if english.countries and countries is not None:
            if not isinstance(countries, list) or len(countries) != len(english.countries):
                check.fail(("countries",), at_key=True, message=f"expected {len(english.countries)} countries, in the English file's order "
                                           f"({', '.join(c.name for c in english.countries)}), each as '- name: ...'")
            else:
                names = []
                for index, (country, original) in enumerate(zip(countries, english.countries)):
                    path_ = ("countries", index)
                    if check.mapping(country, path_, {"name"}) and "name" in country \
                            and check.words(country["name"], original.name, path_ + ("name",), "plan name"):
                        names.append(replace(original, name=country["name"].strip()))
                if len(names) == len(english.countries):
                    changes["countries"] = tuple(names)
    if check.problems:
        raise DataFileError(check.problems)
    return replace(english, **changes)


def load_warning_signs_twin(path: Path, display_name: str, english: WarningSigns) -> WarningSigns:
    """The warning signs in the twin's words: the same levels, the same number
    of signs in each, in the English file's order."""
    check, root = _load(path, display_name)
    levels = {}
    if check.mapping(root, (), set(LEVELS)):
        for level in LEVELS:
            signs, originals = root.get(level), getattr(english, level)
            if not isinstance(signs, list) or len(signs) != len(originals):
                check.fail((level,), f"expected a list of {len(originals)} signs, one for each in the English file, in its order",
                           at_key=True)
                continue
            if all([check.words(sign, original, (level, index), "sign") for index, (sign, original) in enumerate(zip(signs, originals))]):
                levels[level] = tuple(sign.strip() for sign in signs)
    if check.problems:
        raise DataFileError(check.problems)
    return WarningSigns(**levels)


def load_corrections_twin(path: Path, display_name: str, english: tuple[Correction, ...]) -> tuple[Correction, ...]:
    """The corrections log with the twin's `what` and `why`, keyed by
    correction_id(); dates, pages, sources and fingerprints are the English
    file's.  An entry the twin does not have yet stays in English (an urgent
    correction is never held back by its translation)."""
    check, root = _load(path, display_name)
    entries = list(english)
    ids = [correction_id(index, len(english)) for index in range(len(english))]
    if check.mapping(root, (), {"corrections"}) and _english_ids(check, root.get("corrections"), ids, ("corrections",), "entry", every=False):
        for index, (entry, id_) in enumerate(zip(english, ids)):
            fields, path_ = root["corrections"].get(id_), ("corrections", id_)
            if id_ not in root["corrections"] or not check.mapping(fields, path_, {"what", "why"}) \
                    or not {"what", "why"} <= fields.keys():
                continue
            if all([check.words(fields["what"], entry.what, path_ + ("what",), None),
                    check.words(fields["why"], entry.why, path_ + ("why",), None)]):
                entries[index] = replace(entry, what=fields["what"].strip(), why=fields["why"].strip(), language=source_language(path.name))
    if check.problems:
        raise DataFileError(check.problems)
    return tuple(entries)


def load_references_twin(path: Path, display_name: str, english: dict[str, Reference]) -> dict[str, Reference]:
    """The sources with the twin's note, keyed by the reference key (labels,
    citations and identifiers are the English file's: a work keeps its own
    title).  A note the twin does not have yet stays in English."""
    check, root = _load(path, display_name)
    references = dict(english)
    keys = [key for key, reference in english.items() if reference.note]
    if _english_ids(check, root, keys, (), "reference (those with a note)", every=False):
        for key in (key for key in keys if key in root):
            fields = root[key]
            if check.mapping(fields, (key,), {"note"}) and "note" in fields \
                    and check.words(fields["note"], english[key].note, (key, "note"), LONG_TEXT):
                references[key] = replace(english[key], note=fields["note"].strip(), note_language=source_language(path.name))
    if check.problems:
        raise DataFileError(check.problems)
    return references


def untranslated(content: Content, language: str) -> list[str]:
    """What the pages of `language` still show in English: correction entries
    and source notes its twins do not have yet (published, and listed by the build)."""
    count = len(content.corrections)
    return ([f"docs/_data/corrections.{language}.yml: no '{correction_id(index, count)}' ({entry.date}) yet; "
             "the corrections page shows it in English"
             for index, entry in enumerate(content.corrections) if entry.language != language]
            + [f"docs/_data/references.{language}.yml: no note for '{key}' yet; the references page shows it in English"
               for key, reference in content.references.items() if reference.note and reference.note_language != language])
