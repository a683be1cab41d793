"""The clinic settings file: who is showing these pages, and who may frame them.

Empty by default: the site then names no clinic and gives neutral advice to
see a qualified practitioner.  A clinic fills in its details and, if it
wants, its own number of sessions and interval for a plan; those must lie
within the ranges of the protocol file, so a clinic can choose but never
leave what the evidence supports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import limits, logo as logo_check, safe_text, strict_yaml
from .checks import Checker, suggestion
from .origins import embed_origins
from .problems import DataFileError
from .protocol import Plan, Protocol

CLINIC_KEYS = {"name", "phone", "booking_url", "address", "logo", "brand_colour", "plans", "embed_origins"}
CLINIC_PLAN_KEYS = {"sessions", "interval_days"}
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
HEX_COLOUR = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text: white text on the brand colour


@dataclass(frozen=True)
class ClinicPlan:
    sessions: int | None
    interval_days: int | None


@dataclass(frozen=True)
class Clinic:
    """Validated settings.  `name` empty means: no clinic is shown."""

    name: str = ""
    phone: str = ""
    booking_url: str = ""
    address: str = ""
    logo: str = ""
    brand_colour: str = ""
    plans: dict[str, ClinicPlan] = field(default_factory=dict)
    # None: any HTTPS site may frame the embed pages; a list: only these origins.
    embed_origins: tuple[str, ...] | None = None

    @property
    def shown(self) -> bool:
        return bool(self.name)

    @property
    def phone_link(self) -> str:
        """tel: address of the phone number (digits and a leading +)."""
        return "tel:" + re.sub(r"(?!^\+)[^0-9]", "", self.phone.strip())

    # Whose each value is, field by field: a clinic that sets only the number
    # of sessions is not credited with the studies' interval.
    def sets_sessions(self, plan: Plan) -> bool:
        own = self.plans.get(plan.id)
        return own is not None and own.sessions is not None

    def sets_interval(self, plan: Plan) -> bool:
        own = self.plans.get(plan.id)
        return own is not None and own.interval_days is not None

    def sessions(self, plan: Plan) -> int:
        """The clinic's number of sessions for the plan, else the one the calculator starts from."""
        return self.plans[plan.id].sessions if self.sets_sessions(plan) else plan.sessions.start

    def interval_days(self, plan: Plan) -> int:
        """The clinic's days between sessions for the plan, else the ones the calculator starts from."""
        return self.plans[plan.id].interval_days if self.sets_interval(plan) else plan.interval_days.start


NO_CLINIC = Clinic()


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of #rrggbb."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def full_hex(colour: str) -> str:
    """#abc → #aabbcc, lower case."""
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.lower()


def darken_until_readable(colour: str) -> str:
    """The nearest darker shade of `colour` that white text is readable on."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        shade = "#" + "".join(f"{round(c * (1 - step / 100)):02x}" for c in channels)
        if contrast_with_white(shade) >= MIN_CONTRAST:
            return shade
    return "#000000"




def load_clinic(path: Path, display_name: str, docs_dir: Path, protocol: Protocol) -> Clinic:
    """Read and check the clinic settings; raise DataFileError listing every problem.

    A missing file, or one whose keys are all empty, means no clinic."""
    if not path.is_file():
        return NO_CLINIC
    data, problems = strict_yaml.load(path, display_name)
    if problems and data.value is None and "the file is empty" in problems[0].message:
        return NO_CLINIC
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    clinic = NO_CLINIC
    if root is not None and check.mapping(root, (), set(), frozenset(CLINIC_KEYS)):
        clinic = _clinic(check, root, docs_dir, protocol)
    if check.problems:
        # A clinic with problems is left out (its values are unchecked).
        raise DataFileError(check.problems, partial=NO_CLINIC)
    return clinic


# Longest text per field (pipeline/data/limits.py).
TEXT_LIMITS = {"name": "clinic name", "phone": "clinic phone", "address": "clinic address",
               "booking_url": "web address (booking_url, reference url)", "logo": "logo path"}


def _text(check: Checker, root: dict, key: str) -> str:
    value = root.get(key)
    if value is None:
        return ""
    ok = check.single_line(value, (key,), TEXT_LIMITS[key]) if key in TEXT_LIMITS else check.text(value, (key,))
    return value.strip() if ok else ""


def _clinic(check: Checker, root: dict, docs_dir: Path, protocol: Protocol) -> Clinic:
    name, phone, booking, address, logo, colour = (
        _text(check, root, key) for key in ("name", "phone", "booking_url", "address", "logo", "brand_colour")
    )
    if not name and any((phone, booking, address, logo, colour, root.get("plans"))):
        check.fail(("name",), "the clinic's name is empty but other clinic details are set; add the name, "
                              "or empty every clinic field to show no clinic")
    if phone and (not PHONE.match(phone) or not 7 <= len(re.sub(r"[^0-9]", "", phone)) <= 15):
        check.fail(("phone",), f"'{phone}' is not a phone number; use 7 to 15 digits, with an optional leading + "
                               "and spaces, e.g. '+44 20 7946 0000'")
    problem = booking and safe_text.url_problem(booking, limits.TEXT[TEXT_LIMITS["booking_url"]])
    if problem:
        check.fail(("booking_url",), f"'{booking}' {problem}")
    problem = logo and logo_check.logo_problem(logo, docs_dir, LOGO_TYPES)
    if problem:
        check.fail(("logo",), problem)
    if colour:
        if not HEX_COLOUR.match(colour):
            check.fail(("brand_colour",), f"'{colour}' is not a colour; write it as # and 6 hexadecimal digits, e.g. '#1b5e20'")
        else:
            colour = full_hex(colour)
            ratio = contrast_with_white(colour)
            if ratio < MIN_CONTRAST:
                check.fail(("brand_colour",), f"white text on {colour} has a contrast of {ratio:.2f}:1; it needs at least "
                                              f"{MIN_CONTRAST}:1 to be readable (WCAG AA); a darker shade such as "
                                              f"'{darken_until_readable(colour)}' would pass")
    plans = _clinic_plans(check, root.get("plans"), protocol)
    origins = embed_origins(check, root.get("embed_origins"))
    return Clinic(name, phone, booking, address, logo, colour, plans, origins)


def _clinic_plans(check: Checker, plans, protocol: Protocol) -> dict[str, ClinicPlan]:
    if plans is None:
        return {}
    if not isinstance(plans, dict):
        check.fail(("plans",), "expected plan ids with the clinic's values, e.g. 'acne-scars: {sessions: 4, interval_days: 28}'")
        return {}
    result = {}
    for plan_id, values in plans.items():
        path = ("plans", plan_id)
        if plan_id not in protocol.plans:
            check.fail(path, f"unknown plan '{plan_id}'{suggestion(plan_id, protocol.plans)}; valid plan ids: "
                             f"{', '.join(protocol.plans)}", at_key=True)
            continue
        if values is None or values == {}:
            check.fail(path, f"sets no value; give sessions, interval_days or both, e.g. '{plan_id}: {{sessions: 4}}', "
                             "or remove the line to use the typical values", at_key=True)
            continue
        if not check.mapping(values, path, set(), frozenset(CLINIC_PLAN_KEYS)):
            continue
        plan = protocol.plans[plan_id]
        chosen = {}
        for key, allowed in (("sessions", plan.sessions), ("interval_days", plan.interval_days)):
            value = values.get(key)
            if value is None:
                continue
            if not check.whole_number(value, path + (key,), 1):
                continue
            if not allowed.min <= value <= allowed.max:
                slip = (f"; did you mean {value} weeks = {value * 7} days?"
                        if key == "interval_days" and allowed.min <= value * 7 <= allowed.max else "")
                check.fail(path + (key,), f"{value} is outside the range in docs/_data/protocol.yml for "
                                          f"{plan_id} ({allowed.min} to {allowed.max}){slip}; choose a value in that range, "
                                          "or change the protocol file with clinical sign-off")
                continue
            chosen[key] = value
        result[plan_id] = ClinicPlan(chosen.get("sessions"), chosen.get("interval_days"))
    return result
