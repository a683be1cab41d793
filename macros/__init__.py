"""mkdocs-macros glue: load the checked data once, expose it to pages.

All logic lives in pipeline/ (plain Python, testable without a build): its
data/ loads and checks docs/_data and front matter, pages/ renders what a
page shows, after_build/ finishes the written site.  This file only connects
them to the hooks mkdocs-macros calls.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import shutil
from html import escape
from pathlib import Path

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError

from pipeline import urls
from pipeline.after_build import embed, language_builds, links
from pipeline.after_build.preview import show_in_pages
from pipeline.after_build.steps import after_build
from pipeline.data import corrections, governance, translation
from pipeline.data.checks import suggestion
from pipeline.data.problems import DataFileError, Problem, locate
from pipeline.data.protocol import UnusableEntry
from pipeline.data.site_data import display, front_matters as read_front_matters, load_site_data
from pipeline.data.source_text import read_source
from pipeline.data.twins import untranslated
from pipeline.data.warning_signs import care_cards_html, care_cards_text
from pipeline.pages import abbreviations, page_check, page_footer, problem_report, render, structured_data, theme, translation_note, wording
from pipeline.pages.checked_page import CheckedPage, renders_alike
from pipeline.pages.held_html import CONFIG_ATTRIBUTE as HELD_HTML, HeldHtml, HeldHtmlExtension
from pipeline.pages.language import default_source, page_language, search_index_path, source_language, translated_source

INCLUDES = "includes"  # the only folder snippets (--8<--) may read from (mkdocs.yml)
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
# A translation whose English page has changed since: published with a notice,
# listed at every build, never stopping it (like an overdue review).
TRANSLATION_LOG = _own_logger("microneedling.translation", "TRANSLATION OUTDATED")
# In the live preview the build's problems are printed here (and shown on the
# pages) instead of stopping the server.
PREVIEW_LOG = _own_logger("microneedling.problems", "PROBLEMS")


def _live_preview() -> bool:
    return os.environ.get("LIVE_PREVIEW") == "1"


def _build_language(config) -> str:
    """The language this run of the build writes (mkdocs-static-i18n builds
    once per language on the same config; without it, English).  For what
    the templates show outside any page; pages use page_language()."""
    i18n = config["plugins"].get("i18n")
    return getattr(i18n, "current_language", None) or "en"


# Per docs folder: what define_env read and checked from the files, for the
# build's other languages (mkdocs-static-i18n runs define_env once per
# language, in one process, on the same files).
_LOADED: dict[str, tuple] = {}


def _load(env, docs: Path, root: Path) -> tuple[list, list, object, dict]:
    """(front matter problems, data problems, site data, front matters): read
    in the plugin's outer run (the first language, and every rebuild of the
    live preview), reused while it is `building` the others.  Each run gets
    its own copy of the problem list: the pages' problems are added to it."""
    i18n = env.conf["plugins"].get("i18n")
    key = str(docs)
    if i18n is None or not i18n.building or key not in _LOADED:
        front_matter_problems = page_check.check_all_front_matter(docs, lambda path: display(path, root))
        data_problems: list = []
        site_data = load_site_data(docs, root, os.environ.get("SITE_REPOSITORY", ""), dt.date.today(), data_problems)
        front_matters = None if front_matter_problems or site_data is None else read_front_matters(docs, site_data.known_pages)
        _LOADED[key] = (front_matter_problems, data_problems, site_data, front_matters)
    front_matter_problems, data_problems, site_data, front_matters = _LOADED[key]
    return front_matter_problems, list(data_problems), site_data, front_matters


def define_env(env) -> None:
    docs = Path(env.conf["docs_dir"])
    root = Path(env.conf["config_file_path"]).parent
    front_matter_problems, data_problems, site_data, front_matters = _load(env, docs, root)
    # A broken front matter stops here, before MkDocs reads the pages (it
    # would drop it silently, and expand YAML aliases without limit); so does
    # a data file nothing could be read from.  Otherwise the pages are built
    # and checked too, and the build fails at its end with every problem.
    if front_matter_problems or site_data is None:
        raise DataFileError(problem_report.unique(front_matter_problems + data_problems))
    references, protocol, clinic = site_data.references, site_data.protocol, site_data.clinic
    reviewers, publisher, warning_signs, log = site_data.reviewers, site_data.publisher, site_data.warning_signs, site_data.corrections
    known_pages = site_data.known_pages
    titles = {src: front_matters[src].get("title", src) for src in known_pages}
    broken_keys, reference_keys = site_data.broken_keys, site_data.reference_keys
    use_directory_urls = env.conf["use_directory_urls"]
    # Templates (overrides/main.html) read the clinic from config.extra.
    env.conf["extra"]["clinic"] = render.clinic_template_data(clinic)
    env.conf["extra"]["material_bundle"] = theme.material_bundle()
    stylesheet = theme.site_stylesheet(env.conf["theme"].custom_dir)
    env.conf["extra"]["stylesheet"] = stylesheet.path
    # The templates' own words, in this run's language (define_env runs once
    # per language; this replaces the previous run's).  Not named like a
    # macro: mkdocs-macros makes config.extra page variables on the next run.
    build_language = _build_language(env.conf)
    # The title of the link after each heading, in this run's language (the
    # toc extension reads mdx_configs for every page it renders).
    env.conf["mdx_configs"].setdefault("toc", {})["permalink_title"] = wording.say("permalinkTitle", build_language)
    # The short forms every page of this run explains, in its language (pipeline/pages/abbreviations.py).
    words, abbreviation_problems = abbreviations.glossary(root / INCLUDES, build_language)
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = words
    data_problems += abbreviation_problems
    # Data-file words this language's pages still show in English (published; listed once, in that language's run).
    if build_language in site_data.translations:
        for line in untranslated(site_data.in_language(build_language), build_language):
            TRANSLATION_LOG.warning(line)
    # The search index of this run's pages (one per language, macros/i18n_hook.py).
    env.conf["extra"]["search_index"] = search_index_path(build_language)
    env.conf["extra"]["site_words"] = dict(wording.template_words(build_language),
                                           publisher_line=site_data.in_language(build_language).publisher.statement(build_language))
    # The HTML macros write reaches Markdown as tokens (pipeline/pages/held_html.py);
    # macros/held_html_hook.py gives MkDocs its anchors.  Replaces the previous run's.
    held_html = HeldHtml()
    env.conf["markdown_extensions"] = [*(e for e in env.conf["markdown_extensions"] if not isinstance(e, HeldHtmlExtension)),
                                       held_html.extension()]
    setattr(env.conf, HELD_HTML, held_html)
    cited: dict[str, list[str]] = {}  # per page, its sources in order of first citation
    held: set[str] = set()  # pages not rendered as written: they have problems, or show a broken entry
    calculator_pages: set[str] = set()  # pages that show the schedule calculator

    # The macros page text may call: ours, not mkdocs-macros' built-in ones
    # (`context()` and `macros_info()` print the whole configuration).
    site_macros: dict[str, object] = {}

    def site_macro(function):
        site_macros[function.__name__] = function
        return env.macro(function)

    def held_out(function):
        """A macro whose HTML Markdown need not read (pipeline/pages/held_html.py)."""
        @functools.wraps(function)
        def holding(*args, **kwargs):
            return held_html.hold(function(*args, **kwargs), page_src(), function.__name__)
        return holding

    def page_src() -> str:
        return env.page.file.src_uri

    def lang() -> str:
        return page_language(env.page)

    def content():
        """The data files' words in the page's language (numbers are the same)."""
        return site_data.in_language(lang())

    def where(text: str) -> str:
        """docs/page.md:line:column of `text` (quoted, as macros are called) in
        the current page, for error messages."""
        source = read_source(env.page.file.abs_src_path)
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
        plan_or_fail(plan_id)
        return content().protocol.plan(plan_id)

    @site_macro
    def sessions_range(plan_id: str) -> str:
        sessions = plan_or_fail(plan_id).sessions
        return render.range_text(sessions.min, sessions.max, lang())

    @site_macro
    def interval_range(plan_id: str) -> str:
        return render.interval_range_text(plan_or_fail(plan_id).interval_days, lang())

    @site_macro
    def results_time(plan_id: str) -> str:
        """When studies judged results, e.g. '12 weeks after your first session'."""
        return render.results_time_text(plan_or_fail(plan_id), lang())

    @site_macro
    def milestone(milestone_id: str):
        try:
            protocol.milestone(milestone_id)
            return content().protocol.milestone(milestone_id)
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
    @held_out
    def cite(*keys: str) -> str:
        problem = cite_problem(keys)
        if problem:
            raise PluginError(f"{where(next((k for k in keys if k not in references), 'cite('))}: {problem}")
        return render.cite(keys, references, cited.setdefault(page_src(), []), lang())

    @site_macro
    @held_out
    def schedule_calculator(plan_id: str = "acne-scars") -> str:
        plan_or_fail(plan_id)
        calculator_pages.add(page_src())
        words = content()
        return render.calculator(words.protocol, plan_id, clinic, urls.to_site_root(env.page.file.dest_uri),
                                 care=(care_cards_html(words.warning_signs, words.publisher, lang=lang()),
                                       care_cards_text(words.warning_signs, words.publisher, lang())),
                                 valid_until=env.page.meta.get("next_review"), lang=lang())

    @site_macro
    @held_out
    def aftercare_timeline() -> str:
        return render.aftercare_table(content().protocol, lang())

    @site_macro
    def plans_overview() -> str:
        return render.plans_overview(content().protocol, page_src(), lang())

    @site_macro
    @held_out
    def reference_list() -> str:
        return render.reference_list(content().references, lang())

    @site_macro
    def embed_snippets() -> str:
        """One copy-paste iframe snippet per patient page, for clinics."""
        pages = [(p.file.src_uri, p.title) for p in env.variables["navigation"].pages]
        return render.embed_snippets(pages, env.conf["site_url"] or "", embed.EMBED_DIR, front_matters, lang())

    @site_macro
    @held_out
    def care_cards() -> str:
        """When to get help: the warning signs as care cards (docs/_data/warning_signs.yml)."""
        return care_cards_html(content().warning_signs, content().publisher, lang=lang())

    @site_macro
    def emergency_numbers() -> str:
        """Which number to call in an emergency, for the countries the site serves."""
        return escape(content().publisher.emergency_text(lang()))

    @site_macro
    def publisher_statement() -> str:
        return escape(content().publisher.statement(lang()))

    @site_macro
    def countries_served() -> str:
        return escape(content().publisher.countries_text(lang()))

    @site_macro
    def report_routes() -> str:
        return content().publisher.report_routes(lang())

    @site_macro
    def host_statement() -> str:
        return escape(content().publisher.host_statement(lang()))

    @site_macro
    def clinical_review_summary() -> str:
        """How many pages a clinician has signed off, counted from every page's front matter."""
        # The pages of this page's language: a translation is the same page, with its own review.
        pages = [src for src in known_pages if source_language(src) == lang()]
        signed = sorted(
            src for src in pages if isinstance(front_matters[src].get("clinical_review"), dict)
        )
        if not signed:
            return wording.say("noSignOff", lang(), count=len(pages))
        return wording.say("someSignOff", lang(), signed=len(signed), count=len(pages))

    @site_macro
    @held_out
    def corrections_log() -> str:
        here, language = page_src(), lang()

        def link(src: str) -> str:  # to the page in this page's language
            return urls.site_link(here, translated_source(src, language), use_directory_urls)

        return corrections.log_html(
            content().corrections,
            page_link=link,
            page_title=lambda src: titles.get(translated_source(src, language), src),
            reference_link=lambda key: link("references.md") + "#" + references[key].anchor,
            reference_label=lambda key: references[key].label,
            lang=lang(),
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

    env.variables["_site_data"] = {"protocol": protocol, "references": references, "cited": cited, "site_data": site_data,
                                   "calculator_pages": calculator_pages, "clinic": clinic, "reviewers": reviewers,
                                   "publisher": publisher, "corrections": log, "titles": titles, "stylesheet": stylesheet,
                                   "argument_problem": argument_problem, "root": root, "macros": site_macros,
                                   "problems": data_problems, "held": held, "reference_keys": reference_keys, "held_html": held_html,
                                   "first_line": {}, "front_matters": front_matters, "checked": {}}


def _render_checked_pages(env) -> None:
    """Pages that passed their check are rendered from the syntax tree the
    check read, never compiled (pipeline/pages/checked_page.py); and a macro
    call that fails while a page is rendered (e.g. a misspelt `.typicall`)
    is recorded as that page's problem and the page is kept inert, instead of
    mkdocs-macros printing a traceback and exiting (which also stopped the
    live preview)."""
    jinja = env.env  # exists once pages are rendered, not yet in define_env
    if getattr(jinja, "renders_checked_pages", False):
        return
    jinja.renders_checked_pages = True
    from_string = jinja.from_string

    def checked_or_compiled(source, *args, **kwargs):
        data = env.variables["_site_data"]  # this language's run's (define_env replaces it)
        tree = data["checked"].pop(source, None) if isinstance(source, str) and not args and not kwargs else None
        if tree is not None:
            template = CheckedPage(tree, jinja) if renders_alike(jinja) else from_string(source, *args, **kwargs)
        else:
            # Text no check passed: a held page's (its template code removed already) or a page
            # title, which mkdocs-macros renders after the page whatever its check found (one
            # with template code is refused by check_meta).  Its template code never runs.
            template = from_string(problem_report.without_template_code(source) if isinstance(source, str) else source,
                                   *args, **kwargs)
        render = template.render

        def render_or_record(*r_args, **r_kwargs):
            try:
                return render(*r_args, **r_kwargs)
            except Exception as error:  # any failure of page text is the page's problem, not a crash
                page = getattr(env, "page", None)
                if page is None:
                    raise
                line = data["first_line"].get(page.file.src_uri, 1) + problem_report.render_error_line(error) - 1
                data["problems"].append(Problem(f"docs/{page.file.src_uri}", line, 1, "",
                                                problem_report.render_error_message(error)))
                data["held"].add(page.file.src_uri)
                return problem_report.without_template_code(source)

        template.render = render_or_record
        return template

    jinja.from_string = checked_or_compiled


def on_pre_page_macros(env) -> None:
    """Stop the build, before the page is rendered, on anything in its text or
    front matter that is not allowed, and on missing or false governance
    fields; warn (without failing) about a page whose review is overdue."""
    _render_checked_pages(env)
    data = env.variables["_site_data"]
    file = env.page.file
    name = f"docs/{file.src_uri}"
    source = read_source(file.abs_src_path)
    first_line = page_check.markdown_start_line(source, env.markdown)
    data["first_line"][file.src_uri] = first_line
    today = dt.date.today()
    problems = governance.check_front_matter(name, source, env.page.meta, data["reference_keys"], data["reviewers"], today)
    problems += translation.check_translation(name, file.src_uri, source, env.page.meta, Path(env.conf["docs_dir"]),
                                              data["reviewers"], today)
    problems += page_check.check_meta(env.page.meta, name, lambda key: governance.field_line(source, key), env.macros)
    text_problems, tree = page_check.check_page_text(env.markdown, name, first_line, data["macros"], env.env,
                                                     data["argument_problem"], data["root"] / INCLUDES)
    problems += text_problems
    data["cited"][file.src_uri] = []
    if problems or file.src_uri in data["held"]:
        # Recorded, not raised: the build goes on to check the other pages and
        # fails at its end (on_post_build).  Nothing in this page is executed.
        data["problems"].extend(problems)
        data["held"].add(file.src_uri)
        env.markdown = problem_report.without_template_code(env.markdown)
        return
    # Passed: mkdocs-macros renders the tree the check read, without compiling it.
    data["checked"][env.markdown] = tree
    status = governance.review_status(source, env.page.meta, data["reviewers"], today)
    if status.overdue:
        REVIEW_LOG.warning("docs/%s: review was due on %s; readers see a notice that the page may be out of date "
                           "until it is checked and next_review is updated", file.src_uri, status.next_review)
    env.page.meta["review_status"] = status
    translated = translation.translation_status(file.src_uri, source, env.page.meta, Path(env.conf["docs_dir"]), data["reviewers"],
                                                data["front_matters"])
    if translated is not None:
        if not translated.current:
            TRANSLATION_LOG.warning("docs/%s: docs/%s has changed since it was translated; readers see a notice that "
                                    "the translation may be out of date until it is updated and its source_sha256 "
                                    "is renewed (python -m scripts.fingerprint --translation docs/%s)",
                                    file.src_uri, translated.source, translated.source)
        env.page.meta["translation_note"] = translation_note.note_data(
            translated, page_language(env.page), urls.site_link(file.src_uri, translated.source, env.conf["use_directory_urls"]))
    env.page.meta["page_footer"] = page_footer.footer_data(
        status, data["publisher"], env.page.meta.get("title") or "", env.page.canonical_url or env.page.url,
        page_language(env.page),
    )


def on_post_page_macros(env) -> None:
    data = env.variables["_site_data"]
    file = env.page.file
    if file.src_uri in data["held"]:
        return
    source = read_source(file.abs_src_path)
    sources = data["cited"].get(file.src_uri, [])
    problems = governance.check_citations(f"docs/{file.src_uri}", source, env.page.meta.get("references") or [], set(sources))
    if problems:
        data["problems"].extend(problems)
        return
    lang = page_language(env.page)
    if env.page.meta.get("page_type") in CONTACT_PAGE_TYPES:
        # A plan's `page` is the English file; a translation shows the same plan, in its words.
        about = next((p for p in data["site_data"].in_language(lang).protocol.plans.values()
                      if p.page == default_source(file.src_uri)), None)
        env.markdown += render.clinic_contact(data["clinic"], about, file.src_uri, lang)
    # Last on the page: the sources its citation numbers lead to.
    held_html = data["held_html"]
    env.markdown = render.attach_citations(env.markdown, held_html.token_start("cite"))
    references_page = urls.site_link(file.src_uri, translated_source("references.md", lang),
                                     env.conf["use_directory_urls"])
    env.markdown += render.page_sources(sources, data["references"], lambda key: f"{references_page}#{data['references'][key].anchor}", lang,
                                        hold=lambda html: held_html.hold(html, file.src_uri))
    # JSON-LD for search engines; overrides/main.html prints it at the end of the page.
    site_url = env.conf.get("site_url") or ""
    env.page.meta["structured_data"] = structured_data.to_script_text(structured_data.page_structured_data(
        page_src=default_source(file.src_uri),
        meta=env.page.meta,
        url=env.page.canonical_url or "",
        language=lang,
        status=env.page.meta["review_status"],
        publisher=data["publisher"],
        site_name=env.conf["site_name"],
        site_url=site_url,
        protocol=data["site_data"].in_language(lang).protocol,
        references=data["references"],
        has_calculator=file.src_uri in data["calculator_pages"],
        use_directory_urls=env.conf["use_directory_urls"],
    ))


# Per site folder: what one build's language runs share (mkdocs-static-i18n
# builds each language in turn on the same config and folder).
_LANGUAGE_BUILDS: dict[str, language_builds.LanguageBuilds] = {}


def _language_builds(env) -> language_builds.LanguageBuilds:
    """This build's record of its language runs, with the current run added.
    The plugin's outer run (the first language) is the one where it is not
    yet `building` the others."""
    i18n = env.conf.plugins.get("i18n")
    key = str(env.conf["site_dir"])
    if i18n is None or not i18n.building or key not in _LANGUAGE_BUILDS:
        _LANGUAGE_BUILDS[key] = language_builds.LanguageBuilds(expected=len(i18n.build_languages) if i18n else 1)
    builds = _LANGUAGE_BUILDS[key]
    builds.add(i18n.current_language if i18n else "en", env.conf["site_name"])
    return builds


def on_post_build(env) -> None:
    """After the last language's build: check links, then add the embed
    pages and the security headers (pipeline/after_build/steps.py).

    Any problem stops the build and removes its output: nothing half-built
    is left to publish.  mkdocs-macros calls one on_post_build per module:
    add other post-build steps to after_build() rather than defining a
    second one."""
    site_dir = Path(env.conf["site_dir"])
    docs_dir = Path(env.conf["docs_dir"])
    data = env.variables["_site_data"]
    builds = _language_builds(env)
    # Written whatever the build's problems: a live preview showing them needs its styles.
    theme.write_stylesheet(site_dir, data["stylesheet"])
    language_builds.keep_not_found_page(site_dir, builds.languages[-1], builds)
    problems = data["problems"]
    if not problems:
        builds.embed_pages.update(_embed_pages(env))  # rendered now: with this language's theme and config
    if problems and not builds.last:
        # This language stops the build: report its broken links with its other problems.
        problems = [*problems, *links.check_site_links(docs_dir, site_dir, env.conf["use_directory_urls"])]
    elif builds.last:
        _LANGUAGE_BUILDS.pop(str(site_dir), None)
        language_builds.place_not_found_pages(site_dir, builds)
        problems = after_build(site_dir, docs_dir, problems, use_directory_urls=env.conf["use_directory_urls"],
                               site_name=builds.default_site_name, site_url=env.conf["site_url"] or "",
                               clinic=data["clinic"], corrections=data["corrections"], titles=data["titles"],
                               live_preview=_live_preview(), stylesheet=data["stylesheet"], embed_pages=lambda: builds.embed_pages)
    if problems and _live_preview():
        # The preview stays up: the problems in the terminal and on the pages.
        PREVIEW_LOG.error(problem_report.summary(problems))
        show_in_pages(site_dir, docs_dir, problems, env.conf["use_directory_urls"])
    elif problems:
        _LANGUAGE_BUILDS.pop(str(site_dir), None)
        shutil.rmtree(site_dir, ignore_errors=True)
        raise DataFileError(problem_report.unique(problems))


def _embed_pages(env) -> dict[str, str]:
    """Built path → embed page, for every page but those whose front matter
    says `embed: false` (pages for clinics, not patients; in the menu or not:
    "Embed these pages" is kept out of the patient menu).  Each is rendered
    with the theme's templates in the context MkDocs gave its full page.
    The build's own Jinja environment (kept by macros/theme_env_hook.py) has
    them compiled already; without the hook, a new one compiles them again."""
    files, nav = env.variables["files"], env.variables["navigation"]
    theme = getattr(env.conf, "theme_env", None) or env.conf.theme.get_env()
    return embed.render_embed_pages(theme, {
        file.dest_uri: get_context(nav, files, env.conf, file.page)
        for file in files.documentation_pages()
        if file.page.meta.get("embed") is not False
    }, icon_address=_svg_icon_address(env.conf))


def _svg_icon_address(conf) -> str:
    """The site icon, written into the embed pages, when it is an SVG of the
    site's own (docs/); else '' and they link to it."""
    icon = Path(conf.docs_dir, conf.theme.get("favicon") or "")
    return embed.svg_icon_address(read_source(icon)) if icon.suffix == ".svg" and icon.is_file() else ""
