"""HTML and Markdown produced from the checked data.  Pure string functions."""
from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re
from collections.abc import Mapping
from html import escape
from urllib.parse import urljoin, urlsplit

from ..data.clinic import NO_CLINIC, Clinic
from ..data.protocol import Plan, Protocol, Range
from ..data.references import Reference
from ..data.safe_text import attribute_text, markdown_text
from ..urls import page_address
from . import calculator_text
from .embed_snippet import iframe_snippet
from .calculator_text import TEXT, date_in_words, describe_day, fill, interval_text, plural
from .wording import say
from .schedule import Step, after_the_session, compute_schedule, interval_choices


def link_from(page_src: str, target_src: str, anchor: str = "") -> str:
    """Relative Markdown link target from one source page to another."""
    relative = posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def range_text(low: int, high: int, lang: str = "en") -> str:
    """'3', '2 to 6' ('2 a 6')."""
    return str(low) if low == high else say("range", lang, low=low, high=high)


def interval_range_text(interval: Range, lang: str = "en") -> str:
    """'4 weeks', '2 to 6 weeks', or '10 to 30 days' when not whole weeks."""
    if interval.min == interval.max:
        return interval_text(interval.min, lang)
    if interval.min % 7 == 0 and interval.max % 7 == 0:
        return say("rangeWeeks", lang, low=interval.min // 7, high=interval.max // 7)
    return say("rangeDays", lang, low=interval.min, high=interval.max)


def source_anchor(number: int) -> str:
    return f"source-{number}"


def number_sources(order: list[str], keys: tuple[str, ...]) -> list[int]:
    """The page's numbers for `keys`, ascending and each once: a source keeps
    the number of its first citation on the page; a new one takes the next.
    `order` (the page's sources so far, in order of first citation) grows."""
    for key in keys:
        if key not in order:
            order.append(key)
    return sorted({order.index(key) + 1 for key in keys})


def cite(keys: tuple[str, ...], references: dict[str, Reference], order: list[str], lang: str = "en") -> str:
    """Short numbered links, e.g. [1, 3], each to its entry in the page's own
    list of sources (page_sources).  On screen the number alone; its name for
    a screen reader, and its tooltip, say which source it is."""
    links = []
    for number in number_sources(order, keys):
        # One text for the name and the tooltip (title), so that a screen
        # reader that also reads the description hears no second, different label.
        name = say("sourceName", lang, number=number, label=attribute_text(references[order[number - 1]].label))
        links.append(f'<a href="#{source_anchor(number)}" aria-label="{name}" title="{name}">{number}</a>')
    # Not in the search index: a bare number means nothing in a search result.
    return f'<sup class="cite" data-search-exclude>[{", ".join(links)}]</sup>'


# After a word, a closing bracket, quote or emphasis: never after a list
# marker ("- ", "1. ") or at the start of a line.  Tried on the two
# characters before the spaces only (a look-behind tried at every position
# of every page cost more than the rest of the join).
_JOINS_AFTER = re.compile(r'(?:[^\W_]|[)\]%"\'\u2019\u201d]|\S\*)\Z')
CITATION_START = re.escape('<sup class="cite"')


def attach_citations(markdown: str, citation_start: str = CITATION_START) -> str:
    """Each citation joined to the word before it: writers type a space
    before {{ cite(...) }}, where a line could break and leave the number
    alone at the start of the next line.  `citation_start`: a regular
    expression for how a citation starts in `markdown` (its HTML, or the
    token that holds it: pipeline/pages/held_html.py)."""
    # Found from each citation, looking back over its spaces: a pattern
    # starting with the spaces was tried at every space of the page.
    pieces, copied = [], 0
    for citation in re.finditer(citation_start, markdown):
        start = end = citation.start()
        while start > 0 and markdown[start - 1] in " \t":
            start -= 1
        if start < end and _JOINS_AFTER.search(markdown, max(0, start - 2), start):
            pieces.append(markdown[copied:start])
            copied = end
    return "".join(pieces) + markdown[copied:]


def page_sources(order: list[str], references: dict[str, Reference], entry_link, lang: str = "en", hold=str) -> str:
    """The numbered list at the end of a page that its citation numbers lead
    to: each source's label, its citation, and a link to its full entry in
    the reference list (`entry_link(key)`: the entry's address from this page).
    The list's HTML passes through `hold` (the glue keeps it out of Markdown's
    reading: pipeline/pages/held_html.py); the heading stays Markdown, for
    the table of contents."""
    if not order:
        return ""
    items = "\n".join(
        f'<li id="{source_anchor(number)}"><a href="{escape(entry_link(key))}">{escape(references[key].label)}</a>: '
        f"{escape(references[key].citation)}</li>"
        for number, key in enumerate(order, start=1)
    )
    return (f"\n\n## {say('sourcesHeading', lang)} {{#page-sources data-search-exclude}}\n\n"
            + hold(f'<ol class="page-sources" data-search-exclude>\n{items}\n</ol>\n'))


# --- schedule calculator -------------------------------------------------


def results_time_text(plan: Plan, lang: str = "en") -> str:
    """When studies judged results: '12 weeks after your first session',
    'about 6 months after your first session'."""
    weeks = plan.results_check_weeks
    amount = say("resultsWeeks", lang, weeks=weeks) if weeks <= 12 else say("resultsMonths", lang, months=plan.results_check_months)
    return say("resultsAfterFirst" if plan.results_from_first_session else "resultsAfterLast", lang, amount=amount)


def results_note(plan: Plan, lang: str = "en") -> str:
    return say("resultsNote", lang, time=results_time_text(plan, lang))


def _checkpoint_list(step: Step, plan: Plan, start: dt.date | None, lang: str) -> str:
    if not step.aftercare:
        return escape(results_note(plan, lang))
    items = "".join(f"<li>{escape(fill(TEXT[lang]['milestone'], when=_when(c.day, start, lang), title=c.title))}</li>" for c in step.aftercare)
    return f"<ul>{items}</ul>"


def _when(day: int, start: dt.date | None, lang: str) -> str:
    return fill(TEXT[lang]["dayShort"], day=day) if start is None else date_in_words(start + dt.timedelta(days=day), lang=lang)


def schedule_rows(steps: list[Step], plan: Plan, start: dt.date | None = None, lang: str = "en") -> str:
    """The table's rows; with a `start` date they are what the script shows
    for that date (the tests compare the two).  A line break between cells
    (and after <br>) in every table we write: search reads a page's text
    with its tags taken out, and "<th>Day 1</th><td>Make-up" would be found
    only as "1Make-up"."""
    def date_cell(day: int) -> str:
        if start is None:
            return "<td data-date-cell hidden></td>"
        date = start + dt.timedelta(days=day)
        return f'<td data-date-cell><time datetime="{date.isoformat()}">{escape(date_in_words(date, lang=lang))}</time></td>'

    return "\n".join(
        f'<tr><th scope="row">{escape(step.label)}</th>\n<td data-days-cell{" hidden" if start else ""}>{escape(describe_day(step.day, lang))}</td>\n'
        f"{date_cell(step.day)}\n<td>{_checkpoint_list(step, plan, start, lang)}</td></tr>"
        for step in steps
    )


def calculator_data(protocol: Protocol, plan: Plan, clinic: Clinic = NO_CLINIC, lang: str = "en") -> dict:
    """Everything the browser needs, computed here so the rules and the words
    live in one place (the scripts hold no reader-facing text).

    Only fields the scripts read (tests/unit/test_calculator_scripts.py);
    the gaps offered are `intervalLabels`' keys.  `defaults` are the
    clinic's own values where it set them, else the plan the calculator
    starts from (the typical one, or the smallest that studies used);
    `defaultsCaption` says whose they are.  Plan names and milestone titles
    come in the page's language with `protocol`."""
    return {
        "defaultPlan": plan.id,
        "plans": {
            p.id: {
                "name": p.name,
                "sessions": {"min": p.sessions.min, "max": p.sessions.max},
                "intervalLabels": {str(days): interval_text(days, lang) for days in gap_choices(p, clinic)},
                "summaryName": p.name.lower(),
                "defaults": {"sessions": clinic.sessions(p), "intervalDays": clinic.interval_days(p)},
                "defaultsCaption": defaults_caption(p, clinic, lang),
                "sessionsHint": sessions_hint(p, clinic, lang),
                "intervalHint": interval_hint(p, clinic, lang),
                "resultsCheckDays": p.results_check_weeks * 7,
                "resultsFromFirst": p.results_from_first_session,
                "resultsNote": results_note(p, lang),
            }
            for p in protocol.plans.values()
        },
        "aftercare": [{"day": m.day, "title": m.title} for m in after_the_session(protocol.aftercare)],
        "words": calculator_text.words(lang),
    }


def defaults_caption(plan: Plan, clinic: Clinic, lang: str = "en") -> str:
    """How the table's caption starts for the starting values: whose they are."""
    if clinic.sets_sessions(plan) and clinic.sets_interval(plan):
        return say("captionClinic", lang, clinic=clinic.name)
    if clinic.sets_sessions(plan) or clinic.sets_interval(plan):
        return say("captionMixed", lang)  # part the clinic's, part the studies': the hints say which
    return start_label(plan, lang)


def gap_choices(plan: Plan, clinic: Clinic) -> list[int]:
    """The gaps studies used, plus the clinic's own where it set one."""
    return interval_choices(plan, clinic.interval_days(plan) if clinic.sets_interval(plan) else None)


def sessions_hint(plan: Plan, clinic: Clinic, lang: str = "en") -> str:
    """What studies used, and whose choice the starting value is."""
    studies = say("studiesUsed", lang, range=range_text(plan.sessions.min, plan.sessions.max, lang))
    if clinic.sets_sessions(plan):
        return say("hintClinicSessions", lang, studies=studies, clinic=clinic.name, sessions=clinic.sessions(plan))
    if plan.sessions.min == plan.sessions.max:
        return say("hintEnd", lang, studies=studies)
    if plan.sessions.typical is None:
        return say("hintNoTypical", lang, studies=studies)
    return say("hintTypical", lang, studies=studies, typical=plan.sessions.typical)


def interval_hint(plan: Plan, clinic: Clinic, lang: str = "en") -> str:
    studies = say("studiesUsed", lang, range=interval_range_text(plan.interval_days, lang))
    if not clinic.sets_interval(plan):
        return say("hintEnd", lang, studies=studies)
    return say("hintClinicInterval", lang, studies=studies, clinic=clinic.name, interval=interval_text(clinic.interval_days(plan), lang))


def start_label(plan: Plan, lang: str = "en") -> str:
    """Caption words for the plan the calculator starts from: 'typical' only
    where a source names a usual value, or studies used a single one."""
    typical = all(r.typical is not None or r.min == r.max for r in (plan.sessions, plan.interval_days))
    return say("captionTypical" if typical else "captionStudies", lang)


def options(values: list[int], label, chosen: int) -> str:
    return "".join(f'<option value="{v}"{" selected" if v == chosen else ""}>{escape(label(v))}</option>' for v in values)


def plan_summary(plan: Plan, sessions: int, interval_days: int, lang: str = "en") -> str:
    return fill(TEXT[lang]["summary"], plan=plan.name.lower(), sessions=plural("session", sessions, lang),
                interval=interval_text(interval_days, lang))


def calculator(protocol: Protocol, plan_id: str, clinic: Clinic = NO_CLINIC, site_root: str = "",
               care: tuple[str, str] = ("", ""), valid_until: dt.date | None = None, lang: str = "en") -> str:
    """The calculator: a plain table that works without JavaScript, the data
    for the scripts, and the scripts themselves.  `site_root` leads from the
    page to the site's root (e.g. '../'); the scripts are only loaded on pages
    that show a calculator.  `care` is the care cards as HTML (the printed
    plan) and as text (the calendar file); `valid_until` the page's next review."""
    plan = protocol.plan(plan_id)
    sessions, interval_days = clinic.sessions(plan), clinic.interval_days(plan)
    steps = compute_schedule(plan, protocol.aftercare, sessions, interval_days, lang)
    text, word = TEXT[lang], (lambda key: escape(say(key, lang)))
    prefix = f"calc-{plan.id}"
    plan_options = "".join(
        f'<option value="{escape(p.id)}"{" selected" if p.id == plan.id else ""}>{escape(p.name)}</option>'
        for p in protocol.plans.values()
    )
    # A <template>, not a <script>: Material's instant navigation re-runs
    # every <script> in the page body as JavaScript, whatever its type.
    data = escape(json.dumps(dict(calculator_data(protocol, plan, clinic, lang), careText=care[1]), separators=(",", ":")), quote=False)
    caption = fill(text["captionDefault"], whose=defaults_caption(plan, clinic, lang), summary=plan_summary(plan, sessions, interval_days, lang))
    return f"""
<div class="calculator" data-calculator>
{print_heading(clinic, valid_until, lang)}
<form class="calculator__form" data-calculator-form data-search-exclude>
<fieldset>
<legend>{word("calcLegend")}</legend>
<div class="calculator__field">
<label for="{prefix}-plan">{word("calcPlan")}</label>
<select id="{prefix}-plan" name="plan" data-calculator-plan>{plan_options}</select>
</div>
<div class="calculator__field">
<label for="{prefix}-start">{word("calcStart")}</label>
<input type="date" id="{prefix}-start" name="start" min="2000-01-01" max="2099-12-31" aria-describedby="{prefix}-start-hint {prefix}-start-error" data-calculator-start>
<p class="calculator__hint" id="{prefix}-start-hint">{escape(text["dateHint"])}</p>
<p class="calculator__chosen" aria-live="polite" data-calculator-chosen></p>
<p class="calculator__error" id="{prefix}-start-error" data-calculator-error hidden></p>
</div>
<div class="calculator__field">
<label for="{prefix}-sessions">{word("calcSessions")}</label>
<select id="{prefix}-sessions" name="sessions" aria-describedby="{prefix}-sessions-hint" data-calculator-sessions>{options(list(range(plan.sessions.min, plan.sessions.max + 1)), str, sessions)}</select>
<p class="calculator__hint" id="{prefix}-sessions-hint" data-calculator-sessions-hint>{escape(sessions_hint(plan, clinic, lang))}</p>
</div>
<div class="calculator__field">
<label for="{prefix}-interval">{word("calcInterval")}</label>
<select id="{prefix}-interval" name="interval" aria-describedby="{prefix}-interval-hint" data-calculator-interval>{options(gap_choices(plan, clinic), lambda days: interval_text(days, lang), interval_days)}</select>
<p class="calculator__hint" id="{prefix}-interval-hint" data-calculator-interval-hint>{escape(interval_hint(plan, clinic, lang))}</p>
</div>
</fieldset>
<div class="calculator__actions">
<button type="button" class="md-button md-button--primary" data-calculator-ics disabled>{word("calcIcs")}</button>
<button type="button" class="md-button" data-calculator-print>{word("calcPrint")}</button>
</div>
</form>
<p class="calculator__status" role="status" aria-live="polite" data-calculator-status></p>
<div class="calculator__table md-typeset__scrollwrap"><div class="md-typeset__table"><table data-calculator-table>
<caption data-calculator-caption>{escape(caption)}</caption>
<thead><tr><th scope="col">{word("colStep")}</th>
<th scope="col" data-days-cell>{word("colDays")}</th>
<th scope="col" data-date-cell hidden>{word("colDate")}</th>
<th scope="col">{word("colAftercare")}</th></tr></thead>
<tbody data-calculator-rows>
{schedule_rows(steps, plan, lang=lang)}
</tbody>
</table></div></div>
<div class="calculator__cards"><p class="calculator__cards-caption" data-calculator-cards-caption></p><ol data-calculator-cards></ol></div>
<div class="calculator__print calculator__care" data-search-exclude>
<h2>{escape(text["printCareHeading"])}</h2>
{care[0]}
</div>
<template data-calculator-data data-search-exclude>{data}</template>
<p class="calculator__privacy">{word("calcPrivacy")}</p>
<script type="module" src="{site_root}assets/javascripts/calculator.js"></script>
</div>
"""


def print_heading(clinic: Clinic, valid_until: dt.date | None, lang: str = "en") -> str:
    """The printed plan's title block (only on paper, after "Print this
    plan"): the script fills in the start date; the footer says the day it is
    printed (print-date.js)."""
    text = TEXT[lang]
    lines = [f'<p class="calculator__print-title">{escape(text["printTitle"])}</p>']
    if clinic.shown:
        lines.append(f"<p>{escape(fill(text['printClinic'], clinic=clinic.name))}</p>")
    lines.append(f'<p>{escape(text["printStart"])} <span data-calculator-print-start></span></p>')
    if valid_until is not None:
        lines.append(f"<p>{escape(fill(text['printValidUntil'], date=date_in_words(valid_until, 'full', lang)))}</p>")
    return f'<div class="calculator__print calculator__print-head">{"".join(lines)}</div>'


# --- other tables ------------------------------------------------------------


def aftercare_table(protocol: Protocol, lang: str = "en") -> str:
    rows = "\n".join(
        f'<tr><th scope="row">{say("treatmentDay", lang) if m.day == 0 else fill(TEXT[lang]["dayShort"], day=m.day)}</th>'
        f"\n<td><strong>{escape(m.title)}</strong><br>\n{escape(m.advice)}</td></tr>"
        for m in protocol.aftercare
    )
    return f"""
<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>
<caption>{say("aftercareCaption", lang)}</caption>
<thead><tr><th scope="col">{say("colWhen", lang)}</th>
<th scope="col">{say("colWhat", lang)}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table></div></div>
"""


# The plans table's columns.  On a phone the table shows one card per plan,
# each value after its column's name (overrides/partials/site.css,
# .table-stack), so the names are written here once for both.
PLANS_COLUMNS = ("colTreated", "colStudySessions", "colGap", "colEvidence")


def plans_overview(protocol: Protocol, page_src: str, lang: str = "en") -> str:
    columns = [say(key, lang) for key in PLANS_COLUMNS]

    def cell(column: int, value: str) -> str:
        return f'<span class="cell-label">{columns[column]}: </span>{value}'

    lines = ["| " + " | ".join(columns) + " |", "|---|---|---|---|"]
    for plan in protocol.plans.values():
        often = "" if plan.sessions.typical is None or plan.sessions.min == plan.sessions.max else say("often", lang, typical=plan.sessions.typical)
        lines.append(
            f"| [{markdown_text(plan.name)}]({link_from(page_src, plan.page)}) "
            f"| {cell(1, range_text(plan.sessions.min, plan.sessions.max, lang) + often)} "
            f"| {cell(2, interval_range_text(plan.interval_days, lang))} | {cell(3, say('evidence.' + plan.evidence, lang))} |"
        )
    return '\n<div class="table-stack" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def reference_list(references: dict[str, Reference], lang: str = "en") -> str:
    items = []
    for ref in sorted(references.values(), key=lambda r: r.label.lower()):
        # The identifiers (doi:, PMID) read the same in every language; the plain address's label does not.
        links = " ".join(f'<a href="{escape(url)}" rel="noopener">{escape(say("sourcePage", lang) if url == ref.url else text)}</a>'
                         for text, url in ref.links)
        words = "" if ref.note_language == lang else f' lang="{escape(ref.note_language)}"'  # not yet translated
        note = f" <em{words}>{escape(ref.note)}</em>" if ref.note else ""
        items.append(
            f'<li id="{ref.anchor}"><strong>{escape(ref.label)}</strong>. {escape(ref.citation)} {links}'
            f'<br>\n<small>{escape(say("whatWeChecked", lang, checked=say("checked." + ref.checked, lang)))}{note}</small></li>'
        )
    return '\n<ol class="references">\n' + "\n".join(items) + "\n</ol>\n"


# A string literal, or a comment: strings are kept byte for byte, comments dropped.
_CSS_STRING_OR_COMMENT = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/', re.S)


def _squeeze(code: str) -> str:
    code = re.sub(r"\s+", " ", code)
    return re.sub(r"\s*([{};])\s*", r"\1", code)


# The stylesheet is made in each language's run of a build, from the same file.
@functools.lru_cache(maxsize=4)
def minify_css(css: str) -> str:
    """Comments and layout white space out (the site's CSS ships after
    Material's, pipeline/pages/theme.py); the text inside strings, such as `content: "Error: "`, is kept."""
    pieces, code, position = [], "", 0
    for match in _CSS_STRING_OR_COMMENT.finditer(css):
        code += css[position:match.start()]
        if match.group().startswith("/*"):
            code += " "
        else:
            pieces += [_squeeze(code), match.group()]
            code = ""
        position = match.end()
    pieces.append(_squeeze(code + css[position:]))
    return "".join(pieces).strip()


# --- clinic --------------------------------------------------------------------


def clinic_template_data(clinic: Clinic) -> dict:
    """What overrides/main.html shows of the clinic (empty name: nothing)."""
    if not clinic.shown:
        return {}
    return {
        "name": clinic.name,
        "phone": clinic.phone,
        "phone_link": clinic.phone_link if clinic.phone else "",
        "booking_url": clinic.booking_url,
        "address": clinic.address,
        "logo": clinic.logo,
        "brand_colour": clinic.brand_colour,
    }


def plan_link(plan: Plan, page_src: str, lang: str = "en") -> str:
    """A line leading to the calculator with this page's plan chosen
    (the script accepts only known plan ids from the address)."""
    target = link_from(page_src, "treatment-plan.md") + f"?plan={plan.id}"
    return say("planLink", lang, plan=markdown_text(plan.name.lower()), target=target)


def clinic_contact(clinic: Clinic, plan: Plan | None, page_src: str, lang: str = "en") -> str:
    """Markdown box at the end of condition and treatment pages: the clinic's
    contact details and own plan, or neutral advice when no clinic is set;
    on a condition page, a link to the calculator with its plan."""
    questions = link_from(page_src, "safety.md", "questions-to-ask-a-practitioner")
    dates = [plan_link(plan, page_src, lang)] if plan is not None else []
    if not clinic.shown:
        body = "\n\n".join([say("ctaNoClinic", lang, questions=questions), *dates])
        return f'\n\n<aside class="clinic-cta" aria-label="{say("ctaLabel", lang)}" markdown>\n{body}\n</aside>\n'
    # Staff text is Markdown-escaped (shown as typed, never as a link or
    # markup); the addresses were checked to hold only safe characters.
    name = markdown_text(clinic.name)
    contact = []
    if clinic.phone:
        contact.append(f"[{say('call', lang, phone=markdown_text(clinic.phone))}]({clinic.phone_link})")
    if clinic.booking_url:
        contact.append(f"[{say('book', lang)}]({clinic.booking_url})")
    if clinic.address:
        contact.append(markdown_text(clinic.address))
    lines = [say("ctaTalkTo", lang, clinic=name) + " · ".join(contact)]
    if plan is not None:
        lines += _clinic_plan_lines(clinic, plan, name, lang)
    lines += dates
    lines.append(say("ctaBeforeYouBook", lang, questions=questions))
    body = "\n\n".join(lines)
    return f'\n\n<aside class="clinic-cta" aria-label="{escape(say("ctaContactLabel", lang, clinic=clinic.name))}" markdown>\n{body}\n</aside>\n'


def _clinic_plan_lines(clinic: Clinic, plan: Plan, name: str, lang: str = "en") -> list[str]:
    """The clinic's own values for the plan, each credited only where it set it."""
    sessions, interval = clinic.sessions(plan), clinic.interval_days(plan)
    studies_sessions = say("studiesSessions", lang, range=range_text(plan.sessions.min, plan.sessions.max, lang))
    studies_interval = say("studiesInterval", lang, range=interval_range_text(plan.interval_days, lang))
    treated = markdown_text(plan.name.lower())
    if clinic.sets_sessions(plan) and clinic.sets_interval(plan):
        own = markdown_text(plan_summary(plan, sessions, interval, lang))
        studies = say("bothStudies", lang, sessions=studies_sessions, interval=studies_interval)
        return [say("clinicPlanBoth", lang, clinic=name, own=own, studies=studies)]
    if clinic.sets_sessions(plan):
        own = say("ownSessions", lang, sessions=plural("session", sessions, lang), plan=treated)
        return [say("clinicPlanOne", lang, clinic=name, own=own, studies=studies_sessions)]
    if clinic.sets_interval(plan):
        own = say("ownInterval", lang, interval=interval_text(interval, lang), plan=treated)
        return [say("clinicPlanOne", lang, clinic=name, own=own, studies=studies_interval)]
    return []


# --- embedding -----------------------------------------------------------------

EMBED_SANDBOX = "allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox allow-modals"


def embed_snippets(pages: list[tuple[str, str]], site_url: str, embed_dir: str, front_matters: Mapping[str, dict],
                   lang: str = "en") -> str:
    """A section per page with its copy-paste snippet (pages marked
    `embed: false` in their front matter have no embed version).
    `front_matters`: each page's front matter, by source path."""
    parts = urlsplit(site_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    sections = []
    for src_uri, title in pages:
        meta = front_matters[src_uri]
        if meta.get("embed") is False:
            continue
        title = meta.get("title") or title
        folder = page_address(src_uri)
        url = urljoin(site_url, f"{embed_dir}/{folder}")
        snippet = iframe_snippet(url, title, origin, EMBED_SANDBOX)
        sections.append(f"### {title}\n\n{say('embedAddress', lang)} `{url}`\n\n```html\n{snippet}\n```\n")
    return "\n".join(sections)
