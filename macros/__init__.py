"""mkdocs-macros glue: load the checked data once, expose it to pages.

All logic lives in the modules beside this one (plain Python, testable
without a build); this file only connects them to MkDocs.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import corrections, embed, governance, links, page_check, page_footer, problem_report, render, security_headers, structured_data
from .checks import suggestion
from .clinic import load_clinic
from .problems import DataFileError, Problem, locate
from .protocol import UnusableEntry, load_protocol
from .publisher import load_publisher, with_built_repository
from .references import load_references
from .reviewers import load_reviewers
from .warning_signs import care_cards_html, care_cards_text, load_warning_signs

PROTOCOL = "_data/protocol.yml"
REFERENCES = "_data/references.yml"
WARNING_SIGNS = "_data/warning_signs.yml"
CLINIC = "_data/clinic.yml"
INCLUDES = "includes"  # the only folder snippets (--8<--) may read from (mkdocs.yml)
REVIEWERS = "_data/reviewers.yml"
PUBLISHER = "_data/site.yml"
CORRECTIONS = "_data/corrections.yml"
SITE_CSS = "partials/site.css"  # in the theme's custom_dir; inlined in every page (overrides/main.html)
# Pages that get a "see a practitioner" or clinic contact box.
CONTACT_PAGE_TYPES = {"condition", "treatment"}

def _own_logger(name: str, prefix: str) -> logging.Logger:
    """A logger outside "mkdocs" (MkDocs' strict mode counts only warnings of
    its own loggers), printing each message after `prefix`."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(prefix + " - %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


# An overdue page elsewhere must not stop an urgent correction from publishing.
REVIEW_LOG = _own_logger("microneedling.review", "REVIEW DUE")
# In the live preview the build's problems are printed here (and shown on the
# pages) instead of stopping the server.
PREVIEW_LOG = _own_logger("microneedling.problems", "PROBLEMS")


def _live_preview() -> bool:
    return os.environ.get("LIVE_PREVIEW") == "1"


def _load_all(problems: list, load, *args):
    """The loader's result; on problems, record them and go on with what it
    could read (None: nothing usable), so one build reports every file."""
    try:
        return load(*args)
    except DataFileError as error:
        problems.extend(error.problems)
        return error.partial


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _material_bundle() -> str:
    """Site path of the installed Material's JavaScript bundle (its name has a hash)."""
    import material

    scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (bundle,) = scripts.glob("bundle.*.min.js")
    return bundle.relative_to(scripts.parents[1]).as_posix()


def _site_css(custom_dir: str | None) -> str:
    """The site's CSS, minified for inlining ('' for a theme without our overrides)."""
    path = Path(custom_dir) / SITE_CSS if custom_dir else None
    return render.minify_css(path.read_text(encoding="utf-8")) if path and path.is_file() else ""


def define_env(env) -> None:
    docs = Path(env.conf["docs_dir"])
    root = Path(env.conf["config_file_path"]).parent
    # Before MkDocs reads any page: it would drop a broken front matter
    # silently, and expand YAML aliases without limit.
    front_matter_problems = page_check.check_all_front_matter(docs, lambda path: _display(path, root))
    known_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    data_problems: list = []
    references = _load_all(data_problems, load_references, docs / REFERENCES, _display(docs / REFERENCES, root))
    # Keys whose entries have problems (reported against the reference file):
    # what cites them waits for the fix instead of calling them unknown.
    broken_keys = {p.path.split(".")[0] for p in data_problems if p.file.endswith(REFERENCES) and p.path}
    reference_keys = set(references or ()) | broken_keys
    protocol = None if references is None else _load_all(
        data_problems, load_protocol, docs / PROTOCOL, _display(docs / PROTOCOL, root), known_pages, reference_keys)
    clinic = None if protocol is None else _load_all(
        data_problems, load_clinic, docs / CLINIC, _display(docs / CLINIC, root), docs, protocol)
    reviewers = _load_all(data_problems, load_reviewers, docs / REVIEWERS, _display(docs / REVIEWERS, root))
    publisher = _load_all(data_problems, load_publisher, docs / PUBLISHER, _display(docs / PUBLISHER, root))
    if publisher is not None:
        publisher = _load_all(data_problems, with_built_repository, publisher, os.environ.get("SITE_REPOSITORY", ""))
    warning_signs = _load_all(data_problems, load_warning_signs, docs / WARNING_SIGNS, _display(docs / WARNING_SIGNS, root))
    log = None if references is None else _load_all(
        data_problems, corrections.load_corrections,
        docs / CORRECTIONS, _display(docs / CORRECTIONS, root), known_pages, reference_keys,
        corrections.clinical_fingerprint(corrections.clinical_values(docs)), dt.date.today(),
    )
    # A broken front matter stops here, before MkDocs reads the pages (it
    # would drop it silently, and expand YAML aliases without limit); so does
    # a data file nothing could be read from.  Otherwise the pages are built
    # and checked too, and the build fails at its end with every problem.
    if front_matter_problems or any(v is None for v in (references, protocol, clinic, reviewers, publisher, warning_signs, log)):
        raise DataFileError(problem_report.unique(front_matter_problems + data_problems))
    # Each page's front matter, read once for the titles, the review summary and the embed pages.
    front_matters = {src: governance.front_matter(docs.joinpath(src).read_text(encoding="utf-8")) for src in known_pages}
    titles = {src: front_matters[src].get("title", src) for src in known_pages}
    # Templates (overrides/main.html) read the clinic from config.extra.
    env.conf["extra"]["clinic"] = render.clinic_template_data(clinic)
    env.conf["extra"]["material_bundle"] = _material_bundle()
    env.conf["extra"]["site_css"] = _site_css(env.conf["theme"].custom_dir)
    env.conf["extra"]["publisher_statement"] = publisher.statement()
    cited: dict[str, set[str]] = {}
    held: set[str] = set()  # pages not rendered as written: they have problems, or show a broken entry
    calculator_pages: set[str] = set()  # pages that show the schedule calculator

    # The macros page text may call: ours, not mkdocs-macros' built-in ones
    # (`context()` and `macros_info()` print the whole configuration).
    site_macros: dict[str, object] = {}

    def site_macro(function):
        site_macros[function.__name__] = function
        return env.macro(function)

    def page_src() -> str:
        return env.page.file.src_uri

    def where(text: str) -> str:
        """docs/page.md:line:column of `text` (quoted, as macros are called) in
        the current page, for error messages."""
        source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
        found = next((f for f in (f'"{text}"', f"'{text}'", text) if f in source), text)
        line, column = locate(source, found)
        return f"docs/{page_src()}:{line}:{column}"

    def plan_or_fail(plan_id: str):
        try:
            return protocol.plan(plan_id)
        except KeyError as error:
            raise PluginError(f"{where(plan_id)}: {error.args[0]}") from None

    @site_macro
    def plan(plan_id: str):
        """The plan's numbers, e.g. {{ plan("acne-scars").sessions.typical }}."""
        return plan_or_fail(plan_id)

    @site_macro
    def sessions_range(plan_id: str) -> str:
        sessions = plan_or_fail(plan_id).sessions
        return render.range_text(sessions.min, sessions.max)

    @site_macro
    def interval_range(plan_id: str) -> str:
        return render.interval_range_text(plan_or_fail(plan_id).interval_days)

    @site_macro
    def results_time(plan_id: str) -> str:
        """When studies judged results, e.g. '12 weeks after your first session'."""
        return render.results_time_text(plan_or_fail(plan_id))

    @site_macro
    def milestone(milestone_id: str):
        try:
            return protocol.milestone(milestone_id)
        except KeyError as error:
            raise PluginError(f"{where(milestone_id)}: {error.args[0]}") from None

    def cite_problem(keys: tuple) -> str | None:
        unknown = [k for k in keys if k not in reference_keys]
        if broken_keys.intersection(keys):
            held.add(page_src())
        if not keys:
            return "give at least one reference key, e.g. cite(\"Alam2014\")"
        if unknown:
            return (f"unknown reference key(s) {', '.join(map(str, unknown))}{suggestion(unknown[0], sorted(references))}; "
                    "keys are defined in docs/_data/references.yml: correct the key, or add the source there first")
        return None

    @site_macro
    def cite(*keys: str) -> str:
        problem = cite_problem(keys)
        if problem:
            raise PluginError(f"{where(next((k for k in keys if k not in references), 'cite('))}: {problem}")
        cited.setdefault(page_src(), set()).update(keys)
        return render.cite(keys, references, page_src())

    @site_macro
    def schedule_calculator(plan_id: str = "acne-scars") -> str:
        plan_or_fail(plan_id)
        calculator_pages.add(page_src())
        return render.calculator(protocol, plan_id, clinic, links.to_site_root(links.built_file(page_src())),
                                 care=(care_cards_html(warning_signs, publisher), care_cards_text(warning_signs, publisher)),
                                 valid_until=env.page.meta.get("next_review"))

    @site_macro
    def aftercare_timeline() -> str:
        return render.aftercare_table(protocol)

    @site_macro
    def plans_overview() -> str:
        return render.plans_overview(protocol, page_src())

    @site_macro
    def reference_list() -> str:
        return render.reference_list(references)

    @site_macro
    def embed_snippets() -> str:
        """One copy-paste iframe snippet per patient page, for clinics."""
        pages = [(p.file.src_uri, p.title) for p in env.variables["navigation"].pages]
        return render.embed_snippets(pages, env.conf["site_url"] or "", embed.EMBED_DIR, docs)

    @site_macro
    def care_cards() -> str:
        """When to get help: the warning signs as care cards (docs/_data/warning_signs.yml)."""
        return care_cards_html(warning_signs, publisher)

    @site_macro
    def emergency_numbers() -> str:
        """Which number to call in an emergency, for the countries the site serves."""
        return escape(publisher.emergency_text())

    @site_macro
    def publisher_statement() -> str:
        return escape(publisher.statement())

    @site_macro
    def countries_served() -> str:
        return escape(publisher.countries_text())

    @site_macro
    def report_routes() -> str:
        return publisher.report_routes()

    @site_macro
    def host_statement() -> str:
        return escape(publisher.host_statement())

    @site_macro
    def clinical_review_summary() -> str:
        """How many pages a clinician has signed off, counted from every page's front matter."""
        signed = sorted(
            src for src in known_pages if isinstance(front_matters[src].get("clinical_review"), dict)
        )
        if not signed:
            return f"No clinician has reviewed any page of this site yet: all {len(known_pages)} pages say so at their end."
        return (f"A clinician has signed off {len(signed)} of {len(known_pages)} pages; each page says at its end "
                "who reviewed it, when, and whether it has changed since.")

    @site_macro
    def corrections_log() -> str:
        here = page_src()
        return corrections.log_html(
            log,
            page_link=lambda src: _site_link(here, src),
            page_title=lambda src: titles.get(src, src),
            reference_link=lambda key: _site_link(here, "references.md") + "#" + references[key].anchor,
            reference_label=lambda key: references[key].label,
        )

    def argument_problem(name: str, args: tuple) -> str | None:
        """Why a macro call's literal arguments would fail (None: they will not)."""
        if name == "cite":
            return cite_problem(args)
        try:
            if name == "milestone":
                protocol.milestone(*args)
            elif args and name in {"plan", "sessions_range", "interval_range", "results_time", "schedule_calculator"}:
                protocol.plan(args[0])
        except UnusableEntry:
            held.add(page_src())  # its entry's problems are reported against the protocol file
        except KeyError as error:
            return error.args[0]
        return None

    env.variables["_site_data"] = {"protocol": protocol, "references": references, "cited": cited,
                                   "calculator_pages": calculator_pages, "clinic": clinic, "reviewers": reviewers,
                                   "publisher": publisher, "corrections": log, "titles": titles,
                                   "argument_problem": argument_problem, "root": root, "macros": site_macros,
                                   "problems": data_problems, "held": held, "reference_keys": reference_keys,
                                   "first_line": {}, "front_matters": front_matters}


def _record_render_errors(env) -> None:
    """A macro call that fails while a page is rendered (e.g. a misspelt
    `.typicall`) is recorded as that page's problem and the page is kept
    inert, instead of mkdocs-macros printing a traceback and exiting (which
    also stopped the live preview)."""
    jinja = env.env  # exists once pages are rendered, not yet in define_env
    if getattr(jinja, "records_render_errors", False):
        return
    jinja.records_render_errors = True
    from_string = jinja.from_string
    parse = jinja.parse
    # The page check (page_check.check_template) parses each page's text just
    # before mkdocs-macros renders that same text: the renderer compiles the
    # check's syntax tree instead of parsing the text a second time.
    parsed: dict[str, object] = {}

    def parse_and_keep(source, *args, **kwargs):
        tree = parse(source, *args, **kwargs)
        if isinstance(source, str) and not args and not kwargs:
            parsed.clear()
            parsed[source] = tree
        return tree

    def guarded_from_string(source, *args, **kwargs):
        tree = parsed.pop(source, None) if isinstance(source, str) else None
        template = from_string(source if tree is None else tree, *args, **kwargs)
        render = template.render

        def render_or_record(*r_args, **r_kwargs):
            try:
                return render(*r_args, **r_kwargs)
            except Exception as error:  # any failure of page text is the page's problem, not a crash
                page = getattr(env, "page", None)
                data = env.variables.get("_site_data")
                if page is None or data is None:
                    raise
                line = data["first_line"].get(page.file.src_uri, 1) + problem_report.render_error_line(error) - 1
                data["problems"].append(Problem(f"docs/{page.file.src_uri}", line, 1, "",
                                                problem_report.render_error_message(error)))
                data["held"].add(page.file.src_uri)
                return problem_report.without_template_code(source)

        template.render = render_or_record
        return template

    jinja.parse = parse_and_keep
    jinja.from_string = guarded_from_string


def on_pre_page_macros(env) -> None:
    """Stop the build, before the page is rendered, on anything in its text or
    front matter that is not allowed, and on missing or false governance
    fields; warn (without failing) about a page whose review is overdue."""
    _record_render_errors(env)
    data = env.variables["_site_data"]
    file = env.page.file
    name = f"docs/{file.src_uri}"
    source = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
    first_line = page_check.markdown_start_line(source, env.markdown)
    data["first_line"][file.src_uri] = first_line
    today = dt.date.today()
    problems = governance.check_front_matter(name, source, env.page.meta, data["reference_keys"], data["reviewers"], today)
    problems += page_check.check_meta(env.page.meta, name, lambda key: governance.field_line(source, key), env.macros)
    problems += page_check.check_page_text(env.markdown, name, first_line, data["macros"], env.env,
                                           data["argument_problem"], data["root"] / INCLUDES)
    data["cited"][file.src_uri] = set()
    if problems or file.src_uri in data["held"]:
        # Recorded, not raised: the build goes on to check the other pages and
        # fails at its end (on_post_build).  Nothing in this page is executed.
        data["problems"].extend(problems)
        data["held"].add(file.src_uri)
        env.markdown = problem_report.without_template_code(env.markdown)
        return
    status = governance.review_status(source, env.page.meta, data["reviewers"], today)
    if status.overdue:
        REVIEW_LOG.warning("docs/%s: review was due on %s; readers see a notice that the page may be out of date "
                           "until it is checked and next_review is updated", file.src_uri, status.next_review)
    env.page.meta["review_status"] = status
    env.page.meta["page_footer"] = page_footer.footer_data(
        status, data["publisher"], env.page.meta.get("title") or "", env.page.canonical_url or env.page.url
    )


def on_post_page_macros(env) -> None:
    data = env.variables["_site_data"]
    file = env.page.file
    if file.src_uri in data["held"]:
        return
    source = Path(file.abs_src_path).read_text(encoding="utf-8")
    problems = governance.check_citations(
        f"docs/{file.src_uri}", source, env.page.meta.get("references") or [], data["cited"].get(file.src_uri, set())
    )
    if problems:
        data["problems"].extend(problems)
        return
    if env.page.meta.get("page_type") in CONTACT_PAGE_TYPES:
        about = next((p for p in data["protocol"].plans.values() if p.page == file.src_uri), None)
        env.markdown += render.clinic_contact(data["clinic"], about, file.src_uri)
    # JSON-LD for search engines; overrides/main.html prints it at the end of the page.
    site_url = env.conf.get("site_url") or ""
    env.page.meta["structured_data"] = structured_data.to_script_text(structured_data.page_structured_data(
        page_src=file.src_uri,
        meta=env.page.meta,
        url=env.page.canonical_url or "",
        language=env.conf["theme"]["language"] or "en",
        status=env.page.meta["review_status"],
        publisher=data["publisher"],
        site_name=env.conf["site_name"],
        site_url=site_url,
        protocol=data["protocol"],
        references=data["references"],
        has_calculator=file.src_uri in data["calculator_pages"],
    ))


def on_post_build(env) -> None:
    """Check links, then add the embed pages and the security headers.

    Any problem stops the build and removes its output: nothing half-built
    is left to publish.  mkdocs-macros calls one on_post_build per module:
    add other post-build steps to this function rather than defining a
    second one."""
    site_dir = Path(env.conf["site_dir"])
    docs_dir = Path(env.conf["docs_dir"])
    data = env.variables["_site_data"]
    clinic = data["clinic"]
    _write_corrections_feed(env, site_dir)
    problems = [*data["problems"], *links.check_site_links(docs_dir, site_dir, env.conf["use_directory_urls"])]
    if not problems:
        embed.write_embed_pages(site_dir, skip=_not_embedded(env), site_name=env.conf["site_name"], clinic_name=clinic.name or "")
        sources = {links.built_file(src, env.conf["use_directory_urls"]) if src.endswith(".md") else src:
                   (f"docs/{src}", docs_dir / src)
                   for src in (p.relative_to(docs_dir).as_posix() for p in [*docs_dir.rglob("*.md"), *docs_dir.rglob("*.svg")])}
        problems = security_headers.write_security_headers(site_dir, embed.EMBED_DIR, clinic.embed_origins,
                                                           env.conf["site_url"] or "", sources,
                                                           policy_in_pages=os.environ.get("LIVE_PREVIEW") != "1")
    if problems and _live_preview():
        # The preview stays up: the problems in the terminal and on the pages.
        PREVIEW_LOG.error(problem_report.summary(problems))
        _show_in_pages(site_dir, docs_dir, problems, env.conf["use_directory_urls"])
    elif problems:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise DataFileError(problem_report.unique(problems))


def _show_in_pages(site_dir: Path, docs_dir: Path, problems: list, use_directory_urls: bool) -> None:
    """Each built page of the preview with a box of its own problems and those
    of every file that is not a page (data files, snippets)."""
    pages = {f"docs/{p.relative_to(docs_dir).as_posix()}": p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    shared = [p for p in problems if p.file not in pages]
    for name, src in pages.items():
        own = [p for p in problems if p.file == name]
        built = site_dir / links.built_file(src, use_directory_urls)
        if (own or shared) and built.is_file():
            built.write_text(problem_report.with_box(built.read_text(encoding="utf-8"), problem_report.error_box(own, shared)),
                             encoding="utf-8")


def _not_embedded(env) -> frozenset[str]:
    """Built paths of pages whose front matter says `embed: false` (pages for
    clinics, not patients).  Every page, in the menu or not: "Embed these
    pages" is kept out of the patient menu (not_in_nav in mkdocs.yml)."""
    front_matters = env.variables["_site_data"]["front_matters"]  # every page's, read in define_env
    return frozenset(links.built_file(src) for src in sorted(front_matters) if front_matters[src].get("embed") is False)


def _site_link(from_src: str, to_src: str) -> str:
    """Address of a built page relative to another, for links in raw HTML
    (MkDocs rewrites '.md' links only in Markdown)."""
    return links.to_site_root(links.built_file(from_src)) + embed.page_folder(links.built_file(to_src))


def _write_corrections_feed(env, site_dir: Path) -> None:
    """The corrections log as an Atom feed, beside the corrections page."""
    data = env.variables["_site_data"]
    site_url = env.conf.get("site_url") or ""

    def page_url(src: str) -> str:
        return structured_data.plan_page_url(site_url, src)

    feed = corrections.atom_feed(
        data["corrections"], env.conf["site_name"], page_url("corrections.md"),
        structured_data.plan_page_url(site_url, "index.md") + corrections.FEED_FILE, page_url,
        lambda src: data["titles"].get(src, src),
    )
    (site_dir / corrections.FEED_FILE).write_text(feed, encoding="utf-8")
