"""The reviewers file: the clinicians who may sign a page off.

Maintainers own it (.github/CODEOWNERS), not content editors: a page can
claim a clinical review only by an id listed here, and an entry counts only
with every detail a reader needs to judge the reviewer (name, profession,
registration body and number, declared conflicts of interest).  Empty as
shipped: no clinician has reviewed any page yet.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import strict_yaml
from .checks import Checker
from .problems import DataFileError

REVIEWER_KEYS = {"name", "profession", "registration", "conflicts"}
REGISTRATION_KEYS = {"body", "number"}


@dataclass(frozen=True)
class Reviewer:
    id: str
    name: str
    profession: str
    registration_body: str
    registration_number: str
    conflicts: str  # what the reviewer declared; "None" when they declared none


def load_reviewers(path: Path, display_name: str) -> dict[str, Reviewer]:
    """Read and check the reviewers file; raise DataFileError listing every
    problem.  A missing file means no reviewers."""
    if not path.is_file():
        return {}
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    result: dict[str, Reviewer] = {}
    if root is not None and check.mapping(root, (), {"reviewers"}):
        entries = root.get("reviewers")
        if entries is None:
            entries = {}
        if not isinstance(entries, dict):
            check.fail(("reviewers",), "expected reviewer ids with their details, or {} for none")
            entries = {}
        for reviewer_id, fields in entries.items():
            reviewer = _reviewer(check, reviewer_id, fields)
            if reviewer:
                result[reviewer_id] = reviewer
    if check.problems:
        raise DataFileError(check.problems)
    return result


def _reviewer(check: Checker, reviewer_id, fields) -> Reviewer | None:
    path = ("reviewers", reviewer_id)
    if not check.slug(reviewer_id, path) or not check.mapping(fields, path, REVIEWER_KEYS):
        return None
    ok = all([check.text(fields.get(k), path + (k,)) for k in ("name", "profession", "conflicts") if k in fields])
    registration = fields.get("registration")
    if "registration" in fields and check.mapping(registration, path + ("registration",), REGISTRATION_KEYS):
        number = registration.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)  # a number of digits only is still an identifier
        ok &= "body" in registration and check.text(registration.get("body"), path + ("registration", "body"))
        ok &= "number" in registration and check.text(number, path + ("registration", "number"))
    else:
        ok = False
    if not ok or not REVIEWER_KEYS <= fields.keys():
        return None
    return Reviewer(reviewer_id, fields["name"].strip(), fields["profession"].strip(), registration["body"].strip(),
                    str(registration["number"]).strip(), fields["conflicts"].strip())
