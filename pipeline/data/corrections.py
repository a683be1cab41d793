"""The corrections log: every change to a clinical value, in public.

A fingerprint of the clinical values (the parsed data of every clinical data
file: comments, spacing and layout do not count) must equal the fingerprint
recorded by the newest log entry.  So a clinical number cannot change without
an entry saying what changed, why, and on which source.  The log is also
published as a page and as an Atom feed for clinics that embed the pages.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from . import strict_yaml
from .checks import Checker, suggestion
from ..pages.wording import long_date, say
from .problems import DataFileError, Problem

# Data files that hold clinical facts, relative to docs/.  A new file of
# clinical facts (e.g. warning signs) is added here, and its values then need
# a log entry like the protocol's.
CLINICAL_DATA_FILES = ("_data/protocol.yml", "_data/warning_signs.yml")
ENTRY_KEYS = {"date", "pages", "what", "why", "sources", "fingerprint"}
FEED_FILE = "corrections.xml"
COMMAND = "python -m scripts.fingerprint --clinical"


@dataclass(frozen=True)
class Correction:
    date: dt.date
    pages: tuple[str, ...]
    what: str
    why: str
    sources: tuple[str, ...]
    fingerprint: str
    language: str = "en"  # of `what` and `why` (a twin's words, or the English ones until translated)


def correction_id(index: int, count: int) -> str:
    """The id of the log's entry at `index` (newest first) among `count`:
    numbered from the oldest, as the corrections page's anchors, so an id
    never changes when a newer entry is added ('correction-3')."""
    return f"correction-{count - index}"


def clinical_fingerprint(values: dict[str, object]) -> str:
    """First 16 hexadecimal digits of the SHA-256 of the clinical values
    (file name → parsed data) written as canonical JSON: sorted keys, no
    spaces, dates as YYYY-MM-DD."""
    text = json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clinical_values(docs_dir: Path) -> dict[str, object]:
    """The parsed data of every clinical data file that exists ({} for none).
    Each file was already checked by its own loader, so it parses."""
    values = {}
    for name in CLINICAL_DATA_FILES:
        path = docs_dir / name
        if path.is_file():
            values[name] = strict_yaml.load(path)[0].value
    return values


def load_corrections(path: Path, display_name: str, known_pages: set[str], known_references: set[str],
                     current_fingerprint: str, today: dt.date) -> tuple[Correction, ...]:
    """Read and check the log, newest entry first; raise DataFileError listing
    every problem, including clinical values that changed without an entry."""
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    entries: list[Correction] = []
    if root is not None and check.mapping(root, (), {"corrections"}):
        listed = root.get("corrections")
        if not isinstance(listed, list) or not listed:
            check.fail(("corrections",), "expected a list of entries, newest first (see 'Corrections log' in CONTRIBUTING.md)")
            listed = []
        for index, fields in enumerate(listed):
            entry = _entry(check, ("corrections", index), fields, known_pages, known_references, today)
            if entry:
                entries.append(entry)
        dates = [e.date for e in entries]
        if dates != sorted(dates, reverse=True):
            check.fail(("corrections",), "entries must be listed newest first; put the newest entry at the top")
        if listed and entries and len(entries) == len(listed) and entries[0].fingerprint != current_fingerprint:
            check.problems.append(_unlogged_change(check, entries[0], current_fingerprint))
    if check.problems:
        raise DataFileError(check.problems, partial=tuple(entries))
    return tuple(entries)


def _unlogged_change(check: Checker, newest: Correction, current: str) -> Problem:
    line, column = check.data.where(("corrections", 0, "fingerprint"))
    files = ", ".join(f"docs/{name}" for name in CLINICAL_DATA_FILES)
    return Problem(check.file, line, column, "corrections[0].fingerprint",
                   f"the clinical values in {files} have changed since the newest entry (it records {newest.fingerprint}, "
                   f"the values now give {current}); add a new entry at the top of 'corrections:' with date, pages, "
                   f"what changed, why, sources, and 'fingerprint: \"{current}\"' (`{COMMAND}` prints it)")


def _entry(check: Checker, path: tuple, fields, known_pages, known_references, today: dt.date) -> Correction | None:
    if not check.mapping(fields, path, ENTRY_KEYS):
        return None
    ok = ENTRY_KEYS <= fields.keys()
    day = fields.get("date")
    if "date" in fields and not isinstance(day, dt.date):
        check.fail(path + ("date",), f"'{day}' is not a date; write it as YYYY-MM-DD")
        ok = False
    elif isinstance(day, dt.date) and day > today:
        check.fail(path + ("date",), f"{day} is in the future; write the date the change was made")
        ok = False
    ok &= all([check.text(fields.get(k), path + (k,)) for k in ("what", "why") if k in fields])
    for key, known, where in (("pages", known_pages, "pages under docs/, e.g. conditions/acne-scars.md"),
                              ("sources", known_references, "keys of docs/_data/references.yml")):
        values = fields.get(key)
        if key not in fields:
            continue
        if not isinstance(values, list) or not values:
            check.fail(path + (key,), f"expected a list of {where}")
            ok = False
            continue
        for index, value in enumerate(values):
            if value not in known:
                check.fail(path + (key, index), f"'{value}' is not one of the {where}{suggestion(value, sorted(known))}")
                ok = False
    mark = fields.get("fingerprint")
    if "fingerprint" in fields and not (isinstance(mark, str) and len(mark) == 16 and all(c in "0123456789abcdef" for c in mark)):
        check.fail(path + ("fingerprint",), f"expected 16 hexadecimal digits in quotes; `{COMMAND}` prints the current one")
        ok = False
    if not ok:
        return None
    return Correction(day, tuple(fields["pages"]), fields["what"].strip(), fields["why"].strip(),
                      tuple(fields["sources"]), mark)


# --- the public page and the feed ---------------------------------------------------

def log_html(entries, page_link, page_title, reference_link, reference_label, lang: str = "en") -> str:
    """The corrections page's list, newest first.  Every value is escaped:
    the log is data, not markup.  `page_link(src)`/`reference_link(key)` give
    addresses relative to the corrections page."""
    items = []
    for index, entry in enumerate(entries):
        pages = ", ".join(f'<a href="{escape(page_link(p))}">{escape(page_title(p))}</a>' for p in entry.pages)
        sources = ", ".join(f'<a href="{escape(reference_link(k))}">{escape(reference_label(k))}</a>' for k in entry.sources)
        # An entry not yet translated is shown in English, marked as such for screen readers.
        words = "" if entry.language == lang else f' lang="{escape(entry.language)}"'
        items.append(
            f'<li class="correction" id="{correction_id(index, len(entries))}"><p><strong><time datetime="{entry.date.isoformat()}">{escape(long_date(entry.date, lang))}</time></strong>: {pages}</p>\n'
            f"<p><strong>{say('whatChanged', lang)}</strong> <span{words}>{escape(entry.what)}</span></p>\n"
            f"<p><strong>{say('why', lang)}</strong> <span{words}>{escape(entry.why)}</span></p>\n"
            f"<p><strong>{say('sources', lang)}</strong> {sources}</p></li>"
        )
    return '<ol class="corrections" reversed>\n' + "\n".join(items) + "\n</ol>"


def atom_feed(entries, site_name: str, log_url: str, feed_url: str, page_url, page_title) -> str:
    """An Atom 1.0 feed of the log (RFC 4287): one entry per correction."""
    def stamp(day: dt.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    updated = stamp(entries[0].date) if entries else "1970-01-01T00:00:00Z"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site_name)}: corrections</title>",
        f"  <id>{escape(feed_url)}</id>",
        f'  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(log_url)}"/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(site_name)}</name></author>",
    ]
    for index, entry in enumerate(entries):  # newest first, numbered from the oldest: ids never change
        anchor = correction_id(index, len(entries))
        titles = ", ".join(page_title(p) for p in entry.pages)
        summary = f"What changed: {entry.what} Why: {entry.why}"
        parts += [
            "  <entry>",
            f"    <title>{escape(f'{long_date(entry.date)}: {titles}')}</title>",
            f"    <id>{escape(log_url)}#{anchor}</id>",
            f'    <link rel="alternate" type="text/html" href="{escape(page_url(entry.pages[0]))}"/>',
            f"    <updated>{stamp(entry.date)}</updated>",
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
