"""mkdocs-macros glue: load the checked data once, expose it to pages.

All logic lives in the modules beside this one (plain Python, testable
without a build); this file only connects them to MkDocs.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import governance, links, render, structured_data
from .checks import suggestion
from .problems import DataFileError, locate
from .protocol import load_protocol
from .references import load_references

PROTOCOL = "_data/protocol.yml"
REFERENCES = "_data/references.yml"


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def define_env(env) -> None:
    docs = Path(env.conf["docs_dir"])
    root = Path(env.conf["config_file_path"]).parent
    known_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    references = load_references(docs / REFERENCES, _display(docs / REFERENCES, root))
    protocol = load_protocol(docs / PROTOCOL, _display(docs / PROTOCOL, root), known_pages, set(references))
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
        return render.calculator(protocol, plan_id)

    @env.macro
    def aftercare_timeline() -> str:
        return render.aftercare_table(protocol)

    @env.macro
    def plans_overview() -> str:
        return render.plans_overview(protocol, page_src())

    @env.macro
    def reference_list() -> str:
        return render.reference_list(references)

    env.variables["_site_data"] = {"protocol": protocol, "references": references, "cited": cited,
                                   "calculator_pages": calculator_pages}


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
    # JSON-LD for search engines; overrides/main.html prints it in the page head.
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
    """Stop the build on a link to a missing page or section, naming its file and line.

    mkdocs-macros calls one on_post_build per module: add other post-build
    steps to this function rather than defining a second one."""
    problems = links.check_site_links(Path(env.conf["docs_dir"]), Path(env.conf["site_dir"]), env.conf["use_directory_urls"])
    if problems:
        raise DataFileError(problems)
