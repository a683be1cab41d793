"""The lists in the staff guide (CONTRIBUTING.md) that mirror the protocol
file: plan ids with their names and pages, and the aftercare milestones.
Generated here so that they cannot drift from the file; a test keeps the
guide equal to `python -m pipeline.data.staff_lists`."""
from __future__ import annotations

from pathlib import Path

from .protocol import Protocol


def plan_table(protocol: Protocol) -> str:
    rows = ["| Plan id (in `{{ … }}`) | Name | Page |", "|---|---|---|"]
    rows += [f"| `{plan.id}` | {plan.name} | `docs/{plan.page}` |" for plan in protocol.plans.values()]
    return "\n".join(rows)


def milestone_line(protocol: Protocol) -> str:
    return "Aftercare milestones (in `{{ milestone(\"…\") }}`): " + ", ".join(
        f"`{m.id}` (day {m.day})" for m in protocol.aftercare) + "."


def staff_lists(protocol: Protocol) -> str:
    return plan_table(protocol) + "\n\n" + milestone_line(protocol)


def load_site_protocol(docs: Path) -> Protocol:
    from .protocol import load_protocol
    from .references import load_references

    references = load_references(docs / "_data" / "references.yml", "docs/_data/references.yml")
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    return load_protocol(docs / "_data" / "protocol.yml", "docs/_data/protocol.yml", pages, set(references))


if __name__ == "__main__":
    print(staff_lists(load_site_protocol(Path(__file__).resolve().parents[2] / "docs")))
