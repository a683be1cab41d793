"""Quality checks over a built site, one function per check.

Each real test and its "can fail" twin call the same function: the twin
feeds it a deliberately broken page and expects the failure, so a check that
silently stopped checking would be noticed.  site_checks/report.py uses
them too (`make report`).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml
from bs4 import BeautifulSoup

from pipeline.urls import address, built_file

ROOT = Path(__file__).resolve().parents[1]


def html_pages(site_root: Path) -> list[Path]:
    """Every HTML page of a built site: full pages, embed pages, the 404 page."""
    return sorted(site_root.rglob("*.html"))


# The Spanish edition repeats the English pages' templates, scripts and styles:
# the browser checks (axe, layout) look at these of its pages, not at all of them
# (issue 17: sample the second language where a check would only repeat itself);
# the checks that read files (links, basics, structured data, HTML) read every page.
SAMPLED_TRANSLATIONS = ("es/index.html", "es/treatment-plan/index.html", "es/aftercare/index.html",
                        "es/safety/index.html", "es/conditions/acne-scars/index.html",
                        "embed/es/treatment-plan/index.html", "embed/es/aftercare/index.html")
TRANSLATION_FOLDERS = ("es/", "embed/es/")


def sampled_pages(pages: list[Path], site_root: Path) -> list[Path]:
    """Every English page of `pages` and the sampled Spanish ones."""
    def keep(path: Path) -> bool:
        name = name_of(site_root, path)
        return not name.startswith(TRANSLATION_FOLDERS) or name in SAMPLED_TRANSLATIONS
    return [path for path in pages if keep(path)]


def name_of(site_root: Path, path: Path) -> str:
    return path.relative_to(site_root).as_posix()


def url_of(site_root: Path, base_url: str, path: Path) -> str:
    """The address a page is served at: a/index.html → base/a/."""
    return urljoin(base_url, address(name_of(site_root, path)))


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def source_of(project: Path, site_root: Path, path: Path) -> Path | None:
    """The Markdown page a built page comes from (embed copies: the same page)."""
    docs = project / "docs"
    pages = {built_file(page.relative_to(docs).as_posix()): page for page in docs.rglob("*.md")}
    return pages.get(name_of(site_root, path).removeprefix("embed/"))


def front_matter(source: Path) -> dict:
    """A page's front matter as plain YAML reads it (independently of pipeline/)."""
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


# --- accessibility (axe-core in Chromium) ------------------------------------

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
# WCAG 2.0, 2.1 and 2.2, levels A and AA, plus axe's best practices (which
# include the search dialog's name, aria-dialog-name).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page open in Playwright; its violations.  No rule is
    excluded for any element: every element of every page is checked."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe_axe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        more = f" and {len(violation['nodes']) - 5} more" if len(violation["nodes"]) > 5 else ""
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}{more} [{violation['helpUrl']}]")
    return "\n    ".join(lines)


# --- valid HTML (the Nu Html Checker) ----------------------------------------

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class VnuFilter:
    message: str  # regular expression the checker's message must match
    element: str  # regular expression the reported markup must match in full
    reason: str


# Every message we accept, matched on the message AND the exact markup, with why.
VNU_FILTERS = [
    VnuFilter(
        message=r"Attribute “autocomplete” is only allowed when the input type is ",
        element=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        reason="Material 9.8.1's base.html puts autocomplete=\"off\" on its two hidden menu and search toggles so that "
        "Firefox does not restore them as open after the Back button. It changes nothing else; removing it means copying "
        "and maintaining Material's whole base template.",
    ),
    VnuFilter(
        message=r"Bad value “” for attribute “tabindex” on element “label”",
        element=r'<label class="md-nav__link" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        reason="Material 9.8.1's partials/nav-item.html writes an empty tabindex on the titles of navigation sections "
        "(navigation.sections). Browsers treat an empty tabindex as none, so the title stays out of the tab order as "
        "intended (sections are always open); fixing it means copying Material's navigation template.",
    ),
    VnuFilter(
        message=r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        element=r'<label class="md-nav__title" for="__toc">',
        reason="Material 9.8.1's partials/toc.html titles the table of contents with a label for the menu's __toc "
        "toggle, which partials/nav-item.html writes only for pages in the menu. The privacy, accessibility, corrections "
        "and 'Embed these pages' pages are linked from the footer and the About page, not from the patient menu "
        "(not_in_nav in mkdocs.yml), so the label does nothing there. Fixing it means copying Material's navigation "
        "templates, or putting the pages in the patient menu.",
    ),
    VnuFilter(
        message=r"^CSS: “container-type”: Property “container-type” doesn't exist\.$",
        element=r"inline-size",
        reason="The checker's CSS grammar predates CSS container queries (supported by every current browser since "
        "2023). The schedule calculator is a size container so that its session cards replace the table whenever "
        "the calculator is narrow: on a phone, and inside a clinic's narrow frame (overrides/partials/site.css).",
    ),
    VnuFilter(
        message=r"^CSS: Unrecognized at-rule “@container”\.?$",
        element=r"@container",
        reason="The checker's CSS grammar predates CSS container queries; the one @container rule switches the "
        "calculator from its table to session cards when the calculator is narrower than 30em.",
    ),
]


def java_command() -> str | None:
    return os.environ.get("JAVA") or shutil.which("java")


def run_vnu(files: list[Path]) -> dict[Path, list[dict]]:
    """Check many files, pages and stylesheets, in ONE run of the checker (it
    takes seconds to start).  Returns every error message per file (warnings
    are not errors)."""
    java = java_command()
    if not java:
        raise RuntimeError("No Java for the Nu Html Checker: run the tests with `make test`, which installs "
                           "Debian's default-jre-headless when you are root, or install Java 11+ and set JAVA.")
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `make test` (it runs `npm ci`) or `npm ci` in {ROOT}.")
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--stdout", "--also-check-css",
         *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"the Nu Html Checker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}")
    by_file: dict[Path, list[dict]] = {Path(f).resolve(): [] for f in files}
    for message in json.loads(result.stdout)["messages"]:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        path = Path(unquote(urlparse(message.get("url", "")).path)).resolve()
        by_file.setdefault(path, []).append(message)
    return by_file


def reported_markup(message: dict) -> str:
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart"), message.get("hiliteLength")
    return extract[start:start + length] if start is not None and length is not None else extract


def split_filtered(messages: list[dict]) -> tuple[list[dict], list[tuple[dict, VnuFilter]]]:
    """(errors that count, (error, filter) pairs accepted by VNU_FILTERS)."""
    kept, filtered = [], []
    for message in messages:
        markup = reported_markup(message).strip()
        rule = next(
            (f for f in VNU_FILTERS if re.search(f.message, message.get("message", "")) and re.fullmatch(f.element, markup)),
            None,
        )
        if rule:
            filtered.append((message, rule))
        else:
            kept.append(message)
    return kept, filtered


def describe_vnu(name: str, messages: list[dict]) -> str:
    return "\n".join(
        f"{name}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: {m['message']}  "
        f"[{' '.join(reported_markup(m).split())[:160]}]"
        for m in messages
    )


# --- links --------------------------------------------------------------------

LINK_ATTRIBUTES = (("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src"),
                   ("form", "action"), ("img", "srcset"), ("source", "srcset"))
NOT_LOCATIONS = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")


@dataclass
class Crawl:
    pages: set[str] = field(default_factory=set)  # HTML pages read
    checked: int = 0  # internal links and resources checked
    problems: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)  # address → pages linking to it


def _ids(html: str) -> set[str]:
    document = soup(html)
    return {e["id"] for e in document.find_all(id=True)} | {a["name"] for a in document.find_all("a", attrs={"name": True})}


def crawl_links(site_root: Path, base_url: str) -> Crawl:
    """Follow every internal href/src from the home page and from every page;
    each must name a file of the built site, and each #anchor an id in it."""
    base = urlparse(base_url)
    crawl = Crawl()
    ids: dict[Path, set[str]] = {}
    queue = [site_root / "index.html", *html_pages(site_root)]
    while queue:
        path = queue.pop(0)
        name = name_of(site_root, path)
        if name in crawl.pages:
            continue
        crawl.pages.add(name)
        html = path.read_text(encoding="utf-8")
        document = soup(html)
        here = url_of(site_root, base_url, path)
        if document.base and document.base.get("href"):  # embed pages resolve against their full page
            here = urljoin(here, document.base["href"])
        for tag, attribute in LINK_ATTRIBUTES:
            for element in document.find_all(tag, attrs={attribute: True}):
                values = [element[attribute]]
                if attribute == "srcset":
                    values = [part.strip().split()[0] for part in element[attribute].split(",") if part.strip()]
                for value in values:
                    value = value.strip()
                    if not value or value.lower().startswith(NOT_LOCATIONS):
                        continue
                    address = urlparse(urljoin(here, value))
                    if (address.scheme, address.netloc) != (base.scheme, base.netloc):
                        crawl.external.setdefault(address.geturl(), set()).add(name)
                        continue
                    crawl.checked += 1
                    where = f"{name}: <{tag} {attribute}=\"{value}\">"
                    if not address.path.startswith(base.path):
                        crawl.problems.append(f"{where} leaves the site's folder {base.path}")
                        continue
                    relative = unquote(address.path[len(base.path):])
                    target = site_root / relative
                    if relative == "" or relative.endswith("/"):
                        target = target / "index.html"
                    elif target.is_dir():
                        crawl.problems.append(f"{where} names the folder {relative} without a final '/': relative links there break")
                        continue
                    if not target.is_file():
                        crawl.problems.append(f"{where}: {relative or '/'} does not exist in the built site")
                        continue
                    if target.suffix == ".html":
                        queue.append(target)
                        fragment = unquote(address.fragment)
                        if fragment:
                            if target not in ids:
                                ids[target] = _ids(target.read_text(encoding="utf-8"))
                            if fragment not in ids[target]:
                                crawl.problems.append(f"{where}: {name_of(site_root, target)} has no element with id '{fragment}'")
    return crawl


def linked_from_home(site_root: Path, base_url: str) -> set[str]:
    """Pages a reader reaches by following links (<a href>) from the home page."""
    base = urlparse(base_url)
    reached: set[str] = set()
    queue = [site_root / "index.html"]
    while queue:
        path = queue.pop()
        name = name_of(site_root, path)
        if name in reached or not path.is_file():
            continue
        reached.add(name)
        here = url_of(site_root, base_url, path)
        for link in soup(path.read_text(encoding="utf-8")).find_all("a", href=True):
            address = urlparse(urljoin(here, link["href"]))
            if (address.scheme, address.netloc) != (base.scheme, base.netloc) or not address.path.startswith(base.path):
                continue
            relative = unquote(address.path[len(base.path):])
            target = site_root / relative / "index.html" if relative == "" or relative.endswith("/") else site_root / relative
            if target.suffix == ".html":
                queue.append(target)
    return reached


# --- title, h1, lang, description -----------------------------------------------


def page_basics_problems(pages: dict[str, str]) -> list[str]:
    """Every page: a title, unique among pages search engines index (embed
    pages are noindex copies), exactly one h1, lang set, a meta description."""
    problems = []
    titles: dict[str, list[str]] = {}
    for name, html in sorted(pages.items()):
        document = soup(html)
        root = document.find("html")
        if root is None or not (root.get("lang") or "").strip():
            problems.append(f"{name}: <html> has no lang attribute (screen readers need it to pick a voice)")
        headings = document.find_all("h1")
        if len(headings) != 1:
            problems.append(f"{name}: has {len(headings)} <h1> elements; a page needs exactly one (its main heading)")
        elif not headings[0].get_text(strip=True):
            problems.append(f"{name}: its <h1> is empty")
        title = " ".join(document.title.get_text().split()) if document.title else ""
        if not title:
            problems.append(f"{name}: has no <title>")
        description = document.find("meta", attrs={"name": "description"})
        if description is None or not (description.get("content") or "").strip():
            problems.append(f"{name}: has no meta description (search results show it; set 'description' in the front matter)")
        robots = document.find("meta", attrs={"name": "robots"})
        indexed = not (robots and "noindex" in (robots.get("content") or "").lower())
        if title and indexed:
            titles.setdefault(title, []).append(name)
        canonical = document.find("link", attrs={"rel": "canonical"})
        if indexed and canonical is not None:
            problems += link_preview_problems(name, document, canonical.get("href"), description)
    for title, names in titles.items():
        if len(names) > 1:
            problems.append(f"title '{title}' is used by {len(names)} pages ({', '.join(names)}); each page needs its own 'title' in the front matter")
    return problems


def link_preview_problems(name: str, document, canonical: str, description) -> list[str]:
    """A shared link's preview (Open Graph): the page's title, its own
    description and its canonical address."""
    def og(key):
        tag = document.find("meta", attrs={"property": f"og:{key}"})
        return (tag.get("content") or "").strip() if tag else ""

    problems = []
    if not og("title"):
        problems.append(f"{name}: has no og:title (a shared link's preview shows it; overrides/main.html writes it)")
    wanted = (description.get("content") or "").strip() if description else ""
    if og("description") != wanted:
        problems.append(f"{name}: og:description {og('description')!r} differs from the meta description {wanted!r}")
    if og("url") != canonical:
        problems.append(f"{name}: og:url {og('url')!r} differs from the canonical address {canonical!r}")
    return problems


# --- structured data (JSON-LD) ----------------------------------------------------

SCHEMA = "https://schema.org"
PROCEDURE_TYPES = {f"{SCHEMA}/PercutaneousProcedure", f"{SCHEMA}/NoninvasiveProcedure", "PercutaneousProcedure", "NoninvasiveProcedure"}
# "2 to 6 sessions (3 is typical)", "4 to 5 sessions" where no source names a
# usual value, or "3 sessions" where studies used one value; the same for
# "14 to 42 days apart (28 days is typical)".
SESSIONS = re.compile(r"(\d+)(?: to (\d+))? sessions?\b(?: \((\d+) is typical\))?")
INTERVAL = re.compile(r"(\d+)(?: to (\d+))? days? apart(?: \((\d+) days? is typical\))?")
WEEKS = re.compile(r"(\d+) weeks? after the (first|last) session")


def json_ld(html: str) -> list:
    """Every JSON-LD block of a page, parsed; invalid JSON raises ValueError."""
    blocks = []
    for script in soup(html).find_all("script", attrs={"type": "application/ld+json"}):
        try:
            blocks.append(json.loads(script.string or ""))
        except json.JSONDecodeError as error:
            raise ValueError(f"JSON-LD is not valid JSON: {error}") from None
    return blocks


def _items(value):
    """Every dict inside the parsed JSON-LD, nested ones included."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _items(child)
    elif isinstance(value, list):
        for child in value:
            yield from _items(child)


def of_type(blocks: list, type_name: str) -> list[dict]:
    def types(item):
        value = item.get("@type")
        return value if isinstance(value, list) else [value]

    return [item for item in _items(blocks) if type_name in types(item)]


CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def web_page_problems(name: str, html: str, meta: dict, publisher_name: str | None = None) -> list[str]:
    """The page's MedicalWebPage against its front matter (`meta`, as YAML
    reads it): an editorial check is shown as dateModified and editor, never
    as a clinical review; lastReviewed and reviewedBy only where the front
    matter records a clinical sign-off."""
    try:
        blocks = json_ld(html)
    except ValueError as error:
        return [f"{name}: {error}"]
    pages = of_type(blocks, "MedicalWebPage")
    if len(pages) != 1:
        return [f"{name}: has {len(pages)} JSON-LD MedicalWebPage items; needs exactly one"]
    data, problems = pages[0], []

    def expect(key, wanted, got):
        if got != wanted:
            problems.append(f"{name}: MedicalWebPage {key} is {got!r}, expected {wanted!r}")

    top = next(b for b in blocks if data in _items(b))
    expect("@context", SCHEMA, top.get("@context"))
    for key in ("name", "description", "dateModified", "editor", "audience", "publisher", "license"):
        if not data.get(key):
            problems.append(f"{name}: MedicalWebPage lacks {key}")
    expect("name", meta.get("title"), data.get("name"))
    expect("description", meta.get("description"), data.get("description"))
    described = soup(html).find("meta", attrs={"name": "description"})
    expect("description (as in the meta description)", described.get("content") if described else None, data.get("description"))
    checked = (meta.get("editorial_check") or {}).get("date")
    expect("dateModified (the editorial check)", checked.isoformat() if isinstance(checked, dt.date) else checked, data.get("dateModified"))
    expect("license", CONTENT_LICENCE_URL, data.get("license"))
    page_lang = soup(html).html.get("lang") if soup(html).html else None
    expect("inLanguage (the page's lang)", page_lang, data.get("inLanguage"))
    if publisher_name is not None:
        expect("publisher.name", publisher_name, (data.get("publisher") or {}).get("name"))
    review = meta.get("clinical_review")
    if not isinstance(review, dict):
        for key in ("lastReviewed", "reviewedBy"):
            if key in data:
                problems.append(f"{name}: MedicalWebPage has {key}, but the front matter records no clinical review "
                                f"(clinical_review: {review!r}); an editorial check is not a review")
    elif "lastReviewed" in data:
        expect("lastReviewed (the clinical sign-off)", review.get("date").isoformat(), data.get("lastReviewed"))
        reviewer = data.get("reviewedBy")
        if not (isinstance(reviewer, dict) and reviewer.get("@type") == "Person" and reviewer.get("name")):
            problems.append(f"{name}: reviewedBy must be the Person who signed the page off, got {reviewer!r}")
    audience = data.get("audience")
    if audience and not (
        isinstance(audience, dict) and audience.get("@type") == "MedicalAudience"
        and audience.get("audienceType") in {"Patient", f"{SCHEMA}/Patient"}
    ):
        problems.append(f"{name}: audience must be a MedicalAudience of type Patient, got {audience!r}")
    canonical = soup(html).find("link", rel="canonical")
    if canonical is not None:
        expect("url (as in the canonical link)", canonical.get("href"), data.get("url"))
    cited = data.get("citation") or []
    expect("number of citations (front matter references)", len(meta.get("references") or []), len(cited))
    return problems


def _numbers(pattern: re.Pattern, text: str) -> tuple[int, int, int | None] | None:
    """(min, max, typical) from e.g. '2 to 6 sessions (3 is typical)',
    (4, 5, None) from '4 to 5 sessions', or (3, 3, None) from '3 sessions'."""
    match = pattern.search(text or "")
    if not match:
        return None
    low = match.group(1)
    return int(low), int(match.group(2) or low), int(match.group(3)) if match.group(3) else None


def _expected(values: dict) -> tuple[int, int, int | None]:
    """(min, max, typical) as the page should state them: no typical where
    studies used one value or the file names none."""
    typical = values.get("typical") if values["min"] != values["max"] else None
    return values["min"], values["max"], typical


def procedure_problems(name: str, html: str, plans: dict, base_url: str) -> list[str]:
    """One MedicalProcedure per plan of the protocol file (`plans` as YAML reads
    it), whose numbers are the file's."""
    try:
        procedures = of_type(json_ld(html), "MedicalProcedure")
    except ValueError as error:
        return [f"{name}: {error}"]
    problems = []
    if len(procedures) != len(plans):
        problems.append(f"{name}: {len(procedures)} MedicalProcedure items for {len(plans)} plans in the protocol file")
    by_url = {p.get("url"): p for p in procedures}
    for plan_id, plan in plans.items():
        page = plan["page"].removesuffix(".md")
        url = urljoin(base_url, "" if page == "index" else page.removesuffix("/index") + "/")
        procedure = by_url.get(url)
        if procedure is None:
            problems.append(f"{name}: no MedicalProcedure with url {url} for plan {plan_id}")
            continue
        where = f"{name}: MedicalProcedure for {plan_id}"
        if plan["name"].lower() not in (procedure.get("name") or "").lower():
            problems.append(f"{where}: name {procedure.get('name')!r} does not name {plan['name']!r}")
        if procedure.get("procedureType") not in PROCEDURE_TYPES:
            problems.append(f"{where}: procedureType {procedure.get('procedureType')!r} is not a schema.org MedicalProcedureType")
        for key in ("bodyLocation", "howPerformed", "followup"):
            if not procedure.get(key):
                problems.append(f"{where}: lacks {key}")
        sessions, interval = plan["sessions"], plan["interval_days"]
        wanted = {
            "sessions": (SESSIONS, _expected(sessions)),
            "days between sessions": (INTERVAL, _expected(interval)),
        }
        for label, (pattern, expected) in wanted.items():
            got = _numbers(pattern, procedure.get("howPerformed"))
            if got != expected:
                problems.append(f"{where}: howPerformed gives {label} (min, max, typical) {got}, the protocol file {expected}")
        weeks = WEEKS.search(procedure.get("followup") or "")
        anchor = plan.get("results_counted_from", "last-session").removesuffix("-session")
        if not weeks or (int(weeks.group(1)), weeks.group(2)) != (plan["results_check_weeks"], anchor):
            problems.append(f"{where}: followup {procedure.get('followup')!r} does not say {plan['results_check_weeks']} weeks after the {anchor} session")
    return problems


# --- results kept for the quality report ------------------------------------------------


@dataclass
class Record:
    """Per-page results of this test session, for the report in the summary."""

    site_root: Path | None = None
    project: Path | None = None
    axe: dict[str, dict[str, int]] = field(default_factory=dict)  # page → viewport → violations
    html_errors: dict[str, int] = field(default_factory=dict)  # page → errors after filters

    def site(self, site_root: Path, project: Path) -> None:
        self.site_root, self.project = site_root, project


RECORD = Record()
