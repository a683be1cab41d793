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
from urllib.parse import urlsplit

from . import strict_yaml
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

    def sets(self, plan: Plan) -> bool:
        """Whether the clinic chose its own values for this plan."""
        return plan.id in self.plans

    def sessions(self, plan: Plan) -> int:
        """The clinic's number of sessions for the plan, else the typical one."""
        own = self.plans.get(plan.id)
        return own.sessions if own and own.sessions is not None else plan.sessions.typical

    def interval_days(self, plan: Plan) -> int:
        """The clinic's days between sessions for the plan, else the typical ones."""
        own = self.plans.get(plan.id)
        return own.interval_days if own and own.interval_days is not None else plan.interval_days.typical


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


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and " " not in value


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
        raise DataFileError(check.problems)
    return clinic


def _text(check: Checker, root: dict, key: str) -> str:
    value = root.get(key)
    if value is None:
        return ""
    return value.strip() if check.text(value, (key,)) else ""


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
    if booking and not _is_web_address(booking):
        check.fail(("booking_url",), f"'{booking}' is not a secure web address; write the full address, starting with https://")
    if logo:
        logo_file = docs_dir / logo
        if not logo.lower().endswith(LOGO_TYPES):
            check.fail(("logo",), f"'{logo}' is not an image this site can show; use one of {', '.join(LOGO_TYPES)}")
        elif not logo_file.is_file():
            check.fail(("logo",), f"file '{logo}' not found under docs/; put the logo in docs/ (e.g. docs/assets/images/) "
                                  "and write its path from there")
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
                check.fail(path + (key,), f"{value} is outside the range in docs/_data/protocol.yml for "
                                          f"{plan_id} ({allowed.min} to {allowed.max}); choose a value in that range, "
                                          "or change the protocol file with clinical sign-off")
                continue
            chosen[key] = value
        result[plan_id] = ClinicPlan(chosen.get("sessions"), chosen.get("interval_days"))
    return result
