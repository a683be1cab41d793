"""The warning signs after microneedling (docs/_data/warning_signs.yml):
loaded and checked, then shown as care cards in the pattern health services
use (contact your clinic / get help now / call the emergency number), on
pages, on the printed plan and in the calendar file."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from . import strict_yaml
from .checks import Checker
from .problems import DataFileError
from ..pages.wording import say
from .publisher import Publisher

LEVELS = ("contact_clinic", "urgent", "emergency")


@dataclass(frozen=True)
class WarningSigns:
    contact_clinic: tuple[str, ...]
    urgent: tuple[str, ...]
    emergency: tuple[str, ...]


def load_warning_signs(path: Path, display_name: str) -> WarningSigns:
    """Read and check the file; raise DataFileError naming file, line and field."""
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    levels: dict[str, tuple[str, ...]] = {level: () for level in LEVELS}
    if check.mapping(root, (), set(LEVELS)):
        for level in LEVELS:
            signs = root.get(level)
            if not isinstance(signs, list) or not signs:
                check.fail((level,), "expected a list of one or more signs, each a short phrase such as '- trouble breathing'")
                continue
            levels[level] = tuple(sign.strip() for index, sign in enumerate(signs)
                                  if check.single_line(sign, (level, index), "sign"))
    if check.problems:
        raise DataFileError(check.problems)
    return WarningSigns(**levels)


@dataclass(frozen=True)
class Card:
    level: str
    heading: str
    action: str
    signs: tuple[str, ...]
    note: str = ""  # a line under the heading ("": none)


def care_cards(signs: WarningSigns, publisher: Publisher, lang: str = "en") -> list[Card]:
    """The three cards, in order of urgency, each with its own heading (the
    level is in the words, never only in the colour), in `lang` (the signs
    and the publisher given in the same language)."""
    def numbers(pairs) -> str:
        return say("or", lang).join(say("numberIn", lang, number=number, country=name) for number, name in pairs)

    emergency = [(c.emergency, c.name) for c in publisher.countries]
    advice = [(c.urgent_advice, c.name) for c in publisher.countries if c.urgent_advice]
    urgent_action = say("cardUrgentActionAdvice", lang, advice=numbers(advice)) if advice else say("cardUrgentAction", lang)
    emergency_heading = say("cardEmergencyHeading", lang, numbers=numbers(emergency)) if emergency else say("cardEmergencyLocal", lang)
    return [
        Card("contact_clinic", say("cardContactHeading", lang), say("cardContactAction", lang), signs.contact_clinic),
        Card("urgent", say("cardUrgentHeading", lang), urgent_action, signs.urgent),
        Card("emergency", emergency_heading, say("cardEmergencyAction", lang), signs.emergency,
             # The numbers are those of the countries served: elsewhere, the reader's own.
             say("cardEmergencyElsewhere", lang) if emergency else ""),
    ]


def care_cards_html(signs: WarningSigns, publisher: Publisher, heading_level: int = 3, lang: str = "en") -> str:
    """The cards as HTML (inside a page's "When to get help" section)."""
    tag = f"h{heading_level}"
    cards = "".join(
        f'<section class="care-card care-card--{card.level.replace("_", "-")}">'
        f'<{tag} class="care-card__heading">{escape(card.heading)}</{tag}>'
        + (f'<p class="care-card__note">{escape(card.note)}</p>' if card.note else "")
        + f"<p>{escape(card.action)}</p>"
        f'<ul>{"".join(f"<li>{escape(s)}</li>" for s in card.signs)}</ul></section>'
        for card in care_cards(signs, publisher, lang)
    )
    return f'\n<div class="care-cards">{cards}</div>\n'


def care_cards_text(signs: WarningSigns, publisher: Publisher, lang: str = "en") -> str:
    """The cards as plain text (the calendar file's event descriptions)."""
    return "\n\n".join(
        "\n".join([f"{card.heading}. {card.note + ' ' if card.note else ''}{card.action}", *(f"- {s}" for s in card.signs)])
        for card in care_cards(signs, publisher, lang)
    )
