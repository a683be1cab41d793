"""The protocol file: load, validate, and expose it as plain read-only data.

Every clinical number the site shows (sessions, intervals, aftercare days,
when results are checked) is read from this one file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import limits, strict_yaml
from .checks import Checker, suggestion
from .problems import DataFileError

EVIDENCE_LEVELS = ("moderate", "low", "very low")
PLAN_KEYS = {"name", "page", "sessions", "interval_days", "evidence", "results_check_weeks", "references"}
# Studies measured results at a fixed time from the first session (e.g. melasma
# at week 12) or after the last one; the file says which.  Older files meant
# "after the last session", so that stays the default.
OPTIONAL_PLAN_KEYS = frozenset({"results_counted_from"})
RESULTS_ANCHORS = ("first-session", "last-session")
MILESTONE_KEYS = {"id", "day", "title", "advice"}


@dataclass(frozen=True)
class Range:
    """What studies used.  `typical` only where a source names a usual value
    (None otherwise); `start` is the value the calculator starts from."""

    typical: int | None
    min: int
    max: int

    @property
    def start(self) -> int:
        """The typical value, or else the smallest one studies used."""
        return self.min if self.typical is None else self.typical


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    page: str
    sessions: Range
    interval_days: Range
    evidence: str
    results_check_weeks: int
    references: tuple[str, ...]
    results_counted_from: str = "last-session"

    @property
    def interval_weeks(self) -> Range:
        """Interval in weeks for prose; days that are not whole weeks round to a half."""
        i = self.interval_days
        return Range(None if i.typical is None else weeks(i.typical), weeks(i.min), weeks(i.max))

    @property
    def results_check_months(self) -> int:
        return max(1, round(self.results_check_weeks * 7 / 30.44))

    @property
    def results_from_first_session(self) -> bool:
        return self.results_counted_from == "first-session"


@dataclass(frozen=True)
class Milestone:
    id: str
    day: int
    title: str
    advice: str


class UnusableEntry(KeyError):
    """The id is in the protocol file, but its entry has problems (already
    reported against the file): pages that show it wait for the fix."""


@dataclass(frozen=True)
class Protocol:
    plans: dict[str, Plan]
    aftercare: tuple[Milestone, ...]
    # Ids in the file whose entries have problems (only in a partial protocol).
    unusable: frozenset[str] = frozenset()

    def plan(self, plan_id: str) -> Plan:
        if plan_id in self.unusable and plan_id not in self.plans:
            raise UnusableEntry(f"plan '{plan_id}' has problems in the protocol file")
        if plan_id not in self.plans:
            raise KeyError(f"unknown plan '{plan_id}'{suggestion(plan_id, self.plans)}; valid plan ids: {', '.join(self.plans)}")
        return self.plans[plan_id]

    def milestone(self, milestone_id: str) -> Milestone:
        for milestone in self.aftercare:
            if milestone.id == milestone_id:
                return milestone
        if milestone_id in self.unusable:
            raise UnusableEntry(f"aftercare milestone '{milestone_id}' has problems in the protocol file")
        ids = [m.id for m in self.aftercare]
        raise KeyError(f"unknown aftercare milestone '{milestone_id}'{suggestion(milestone_id, ids)}; valid ids: {', '.join(ids)}")


def weeks(days: int) -> float | int:
    return days // 7 if days % 7 == 0 else round(days / 7 * 2) / 2


def load_protocol(path: Path, display_name: str, known_pages: set[str], known_references: set[str]) -> Protocol:
    """Read and check the protocol file; raise DataFileError listing every problem."""
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    protocol = None
    if root is not None and check.mapping(root, (), {"version", "plans", "aftercare"}):
        if "version" in root and root["version"] != 1:
            check.fail(("version",), f"unsupported version {root['version']!r}; this site reads version 1")
        plans = _plans(check, root.get("plans"), known_pages, known_references) if "plans" in root else {}
        aftercare = _aftercare(check, root.get("aftercare")) if "aftercare" in root else ()
        protocol = Protocol(plans, aftercare)
    if check.problems:
        raise DataFileError(check.problems, partial=_partial(root, protocol))
    return protocol


def _partial(root, protocol: Protocol | None) -> Protocol | None:
    """The entries that passed, and the ids of those that did not."""
    if protocol is None:
        return None
    plan_ids = {k for k in root.get("plans") or {} if isinstance(k, str)} if isinstance(root.get("plans"), dict) else set()
    items = root.get("aftercare") if isinstance(root.get("aftercare"), list) else []
    milestone_ids = {i.get("id") for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
    built = set(protocol.plans) | {m.id for m in protocol.aftercare}
    return Protocol(protocol.plans, protocol.aftercare, frozenset((plan_ids | milestone_ids) - built))


def _plans(check: Checker, plans, known_pages, known_references) -> dict[str, Plan]:
    if not isinstance(plans, dict) or not plans:
        check.fail(("plans",), "expected at least one plan, e.g. 'acne-scars:' with its fields")
        return {}
    result = {}
    for plan_id, fields in plans.items():
        path = ("plans", plan_id)
        ok = check.slug(plan_id, path)
        ok &= check.mapping(fields, path, PLAN_KEYS, OPTIONAL_PLAN_KEYS)
        if not ok:
            continue
        ok &= "name" not in fields or check.single_line(fields["name"], path + ("name",), "plan name")
        ok &= "page" not in fields or check.text(fields["page"], path + ("page",))
        if "page" in fields and isinstance(fields["page"], str) and fields["page"] not in known_pages:
            check.fail(path + ("page",), f"page '{fields['page']}' does not exist under docs/; valid pages: {', '.join(sorted(known_pages))}")
            ok = False
        ok &= "sessions" in fields and check.range_triple(fields["sessions"], path + ("sessions",), limits.SESSIONS)
        ok &= "interval_days" in fields and check.range_triple(fields["interval_days"], path + ("interval_days",), limits.INTERVAL_DAYS)
        if "results_counted_from" in fields:
            ok &= check.choice(fields["results_counted_from"], path + ("results_counted_from",), RESULTS_ANCHORS)
        ok &= "evidence" in fields and check.choice(fields["evidence"], path + ("evidence",), EVIDENCE_LEVELS)
        ok &= "results_check_weeks" in fields and check.limited(fields["results_check_weeks"], path + ("results_check_weeks",), limits.RESULTS_CHECK_WEEKS)
        ok &= "references" in fields and _reference_list(check, fields["references"], path + ("references",), known_references)
        if ok:
            result[plan_id] = Plan(
                id=plan_id,
                name=fields["name"],
                page=fields["page"],
                sessions=_range(fields["sessions"]),
                interval_days=_range(fields["interval_days"]),
                evidence=fields["evidence"],
                results_check_weeks=fields["results_check_weeks"],
                references=tuple(fields["references"]),
                results_counted_from=fields.get("results_counted_from", "last-session"),
            )
    return result


def _range(fields: dict) -> Range:
    return Range(fields.get("typical"), fields["min"], fields["max"])


def _reference_list(check: Checker, keys, path: tuple, known_references: set[str]) -> bool:
    if not isinstance(keys, list) or not keys:
        check.fail(path, "expected a list of reference keys, e.g. [Alam2014, Harris2015]")
        return False
    ok = True
    for index, key in enumerate(keys):
        if key not in known_references:
            check.fail(path + (index,), f"unknown reference key {key!r}{suggestion(key, sorted(known_references))}; keys are defined in docs/_data/references.yml")
            ok = False
    return ok


def _aftercare(check: Checker, items) -> tuple[Milestone, ...]:
    if not isinstance(items, list) or not items:
        check.fail(("aftercare",), "expected a list of milestones, each with id, day, title and advice")
        return ()
    milestones: list[Milestone] = []
    seen: set[str] = set()
    for index, fields in enumerate(items):
        path = ("aftercare", index)
        if not check.mapping(fields, path, MILESTONE_KEYS):
            continue
        ok = "id" in fields and check.slug(fields["id"], path + ("id",))
        if ok and fields["id"] in seen:
            check.fail(path + ("id",), f"milestone id '{fields['id']}' is used twice; each id must be unique")
            ok = False
        ok &= "day" in fields and check.limited(fields["day"], path + ("day",), limits.AFTERCARE_DAY)
        ok &= "title" not in fields or check.single_line(fields["title"], path + ("title",), "aftercare title")
        ok &= "advice" not in fields or check.single_line(fields["advice"], path + ("advice",), "aftercare advice", multi_line=True)
        ok &= fields.keys() >= MILESTONE_KEYS
        if ok:
            if milestones and fields["day"] < milestones[-1].day:
                check.fail(path + ("day",), f"day {fields['day']} comes before the previous milestone's day {milestones[-1].day}; list milestones in day order")
            seen.add(fields["id"])
            milestones.append(Milestone(**{k: fields[k] for k in MILESTONE_KEYS}))
    return tuple(milestones)
