"""mkdocs-macros glue: load the checked data once, expose it to pages.

All logic lives in the modules beside this one (plain Python, testable
without a build); this file only connects them to MkDocs.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import embed, governance, links, render, security_headers, structured_data
from .checks import suggestion
from .clinic import load_clinic
from .problems import DataFileError, locate
from .protocol import load_protocol
from .references import load_references

PROTOCOL = "_data/protocol.yml"
REFERENCES = "_data/references.yml"
CLINIC = "_data/clinic.yml"
SITE_CSS = "partials/site.css"  # in the theme's custom_dir; inlined in every page (overrides/main.html)
# Pages that get a "see a practitioner" or clinic contact box.
CONTACT_PAGE_TYPES = {"condition", "treatment"}


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
    known_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    references = load_references(docs / REFERENCES, _display(docs / REFERENCES, root))
    protocol = load_protocol(docs / PROTOCOL, _display(docs / PROTOCOL, root), known_pages, set(references))
    clinic = load_clinic(docs / CLINIC, _display(docs / CLINIC, root), docs, protocol)
    # Templates (overrides/main.html) read the clinic from config.extra.
    env.conf["extra"]["clinic"] = render.clinic_template_data(clinic)
    env.conf["extra"]["material_bundle"] = _material_bundle()
    env.conf["extra"]["site_css"] = _site_css(env.conf["theme"].custom_dir)
    cited: dict[str, set[str]] = {}
    calculator_pages: set[str] = set()  # pages that show the schedule calculator

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

    @env.macro
    def plan(plan_id: str):
        """The plan's numbers, e.g. {{ plan("acne-scars").sessions.typical }}."""
        return plan_or_fail(plan_id)

    @env.macro
    def sessions_range(plan_id: str) -> str:
        sessions = plan_or_fail(plan_id).sessions
        return render.range_text(sessions.min, sessions.max)

    @env.macro
    def interval_range(plan_id: str) -> str:
        return render.interval_range_text(plan_or_fail(plan_id).interval_days)

    @env.macro
    def milestone(milestone_id: str):
        try:
            return protocol.milestone(milestone_id)
        except KeyError as error:
            raise PluginError(f"{where(milestone_id)}: {error.args[0]}") from None

    @env.macro
    def cite(*keys: str) -> str:
        unknown = [k for k in keys if k not in references]
        if unknown or not keys:
            hint = suggestion(unknown[0], sorted(references)) if unknown else ""
            raise PluginError(
                f"{where(unknown[0] if unknown else 'cite(')}: unknown reference key(s) {', '.join(unknown) or '(none given)'}{hint}; "
                "keys are defined in docs/_data/references.yml: correct the key, or add the source there first"
            )
        cited.setdefault(page_src(), set()).update(keys)
        return render.cite(keys, references, page_src())

    @env.macro
    def schedule_calculator(plan_id: str = "acne-scars") -> str:
        plan_or_fail(plan_id)
        calculator_pages.add(page_src())
        return render.calculator(protocol, plan_id, clinic, links.to_site_root(links.built_file(page_src())))

    @env.macro
    def aftercare_timeline() -> str:
        return render.aftercare_table(protocol)

    @env.macro
    def plans_overview() -> str:
        return render.plans_overview(protocol, page_src())

    @env.macro
    def reference_list() -> str:
        return render.reference_list(references)

    @env.macro
    def embed_snippets() -> str:
        """One copy-paste iframe snippet per patient page, for clinics."""
        pages = [(p.file.src_uri, p.title) for p in env.variables["navigation"].pages]
        return render.embed_snippets(pages, env.conf["site_url"] or "", embed.EMBED_DIR, docs)

    env.variables["_site_data"] = {"protocol": protocol, "references": references, "cited": cited,
                                   "calculator_pages": calculator_pages, "clinic": clinic}


def on_pre_page_macros(env) -> None:
    """Stop the build on a page whose governance fields are missing or overdue."""
    data = env.variables["_site_data"]
    file = env.page.file
    source = Path(file.abs_src_path).read_text(encoding="utf-8")
    problems = governance.check_front_matter(
        f"docs/{file.src_uri}", source, env.page.meta, set(data["references"]), dt.date.today()
    )
    data["cited"][file.src_uri] = set()
    if problems:
        raise DataFileError(problems)


def on_post_page_macros(env) -> None:
    data = env.variables["_site_data"]
    file = env.page.file
    source = Path(file.abs_src_path).read_text(encoding="utf-8")
    problems = governance.check_citations(
        f"docs/{file.src_uri}", source, env.page.meta.get("references") or [], data["cited"].get(file.src_uri, set())
    )
    if problems:
        raise DataFileError(problems)
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
    clinic = env.variables["_site_data"]["clinic"]
    problems = links.check_site_links(Path(env.conf["docs_dir"]), site_dir, env.conf["use_directory_urls"])
    if not problems:
        embed.write_embed_pages(site_dir, skip=_not_embedded(env), site_name=env.conf["site_name"], clinic_name=clinic.name or "")
        problems = security_headers.write_security_headers(site_dir, embed.EMBED_DIR, clinic.embed_origins)
    if problems:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise DataFileError(problems)


def _not_embedded(env) -> frozenset[str]:
    """Built paths of pages whose front matter says `embed: false` (pages for
    clinics, not patients).  Every page, in the menu or not: "Embed these
    pages" is kept out of the patient menu (not_in_nav in mkdocs.yml)."""
    docs = Path(env.conf["docs_dir"])
    return frozenset(
        links.built_file(path.relative_to(docs).as_posix())
        for path in sorted(docs.rglob("*.md"))
        if governance.front_matter(path.read_text(encoding="utf-8")).get("embed") is False
    )
