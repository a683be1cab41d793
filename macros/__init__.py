"""mkdocs-macros glue: load the checked data once, expose it to pages.

All logic lives in the modules beside this one (plain Python, testable
without a build); this file only connects them to MkDocs.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import governance, render
from .problems import DataFileError
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

    def page_src() -> str:
        return env.page.file.src_uri

    def plan_or_fail(plan_id: str):
        try:
            return protocol.plan(plan_id)
        except KeyError as error:
            raise PluginError(f"{page_src()}: {error.args[0]}") from None

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
            raise PluginError(f"{page_src()}: {error.args[0]}") from None

    @env.macro
    def cite(*keys: str) -> str:
        unknown = [k for k in keys if k not in references]
        if unknown or not keys:
            raise PluginError(f"{page_src()}: unknown reference key(s) {', '.join(unknown) or '(none given)'}; keys are defined in docs/_data/references.yml")
        cited.setdefault(page_src(), set()).update(keys)
        return render.cite(keys, references, page_src())

    @env.macro
    def schedule_calculator(plan_id: str = "acne-scars") -> str:
        plan_or_fail(plan_id)
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

    env.variables["_site_data"] = {"protocol": protocol, "references": references, "cited": cited}


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
