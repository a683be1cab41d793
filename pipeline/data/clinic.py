"""The clinic settings file: who is showing these pages, and who may frame them.

Empty by default: the site then names no clinic and gives neutral advice to
see a qualified practitioner.  A clinic fills in its details and, if it
wants, its own number of sessions and interval for a plan; those must lie
within the ranges of the protocol file, so a clinic can choose but never
leave what the evidence supports.
"""
from __future__ import annotations

import math
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
# The brand colour is also the colour of links and the clinic's own text
# (Material's --md-primary-fg-color), on the page and inside its boxes.
# These are the boxes' backgrounds, as overrides/partials/site.css and
# Material's palette give them (tests/unit/test_clinic.py checks they match).
BRAND_TEXT_BACKGROUNDS = {
    "the page": "#ffffff",
    "the key points box": "#f4f6f8",
    "the clinic's box": "#f5f5f5",
    "the emergency care card": "#fdf0f0",
}
# The urgent and emergency care cards' red (site.css .care-card--urgent):
# a brand colour of that hue would make the clinic strip look like a warning.
WARNING_RED = "#8a1c1c"
WARNING_HUE_RANGE = 20  # degrees of hue either side of the warning red (CIELAB)
WARNING_MIN_CHROMA = 30  # below this a colour reads as grey or brown, not red


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


def contrast(colour: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((relative_luminance(colour), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darken_until_readable(colour: str, backgrounds: tuple[str, ...] = ("#ffffff",)) -> str:
    """The nearest darker shade of `colour` that is readable with each of
    `backgrounds` (white text on it; it as text on each box)."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        shade = "#" + "".join(f"{round(c * (1 - step / 100)):02x}" for c in channels)
        if all(contrast(shade, background) >= MIN_CONTRAST for background in backgrounds):
            return shade
    return "#000000"


def hue_and_chroma(colour: str) -> tuple[float, float]:
    """CIELAB hue angle (degrees) and chroma of #rrggbb (sRGB, D65): how people
    see a colour's hue, so that 'a red' means the same at any lightness."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    a, b_ = 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
    return math.degrees(math.atan2(b_, a)) % 360, math.hypot(a, b_)


def looks_like_warning(colour: str) -> bool:
    """A clear red of the care cards' warning hue."""
    hue, chroma = hue_and_chroma(colour)
    warning_hue, _ = hue_and_chroma(WARNING_RED)
    distance = abs((hue - warning_hue + 180) % 360 - 180)
    return chroma >= WARNING_MIN_CHROMA and distance <= WARNING_HUE_RANGE


def brand_colour_problem(colour: str) -> str | None:
    """Why a brand colour (#rrggbb) would clash with the page: white text on
    it unreadable, it unreadable as text on the page or a box, or a red that
    makes the clinic's strip and box look like an urgent care card."""
    # The hue first: no shade of a warning red would do.
    if looks_like_warning(colour):
        return (f"{colour} is a red like the urgent and emergency care cards ({WARNING_RED}), so the clinic's strip "
                "and box could be mistaken for a warning; choose a colour of another hue, such as a blue, green "
                "or purple (e.g. '#0d47a1', '#1b5e20' or '#6a1b9a')")
    # A shade readable everywhere the colour is used (the boxes are all light:
    # what is readable on them is readable under white text too).
    shade = darken_until_readable(colour, tuple(BRAND_TEXT_BACKGROUNDS.values()))
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        return (f"white text on {colour} has a contrast of {ratio:.2f}:1; it needs at least "
                f"{MIN_CONTRAST}:1 to be readable (WCAG AA); a darker shade such as '{shade}' would pass")
    box, background = min(BRAND_TEXT_BACKGROUNDS.items(), key=lambda item: contrast(colour, item[1]))
    ratio = contrast(colour, background)
    if ratio < MIN_CONTRAST:
        return (f"links in {colour} on {box} ({background}) have a contrast of {ratio:.2f}:1; text needs at least "
                f"{MIN_CONTRAST}:1 on the page and on every box (WCAG AA); a darker shade such as '{shade}' would pass")
    return None




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
            problem = brand_colour_problem(colour)
            if problem:
                check.fail(("brand_colour",), problem)
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
                slip = limits.weeks_as_days(value, allowed.min, allowed.max) if key == "interval_days" else ""
                check.fail(path + (key,), f"{value} is outside the range in docs/_data/protocol.yml for "
                                          f"{plan_id} ({allowed.min} to {allowed.max}){slip}; choose a value in that range, "
                                          "or change the protocol file with clinical sign-off")
                continue
            chosen[key] = value
        result[plan_id] = ClinicPlan(chosen.get("sessions"), chosen.get("interval_days"))
    return result
