"""Structured data (schema.org JSON-LD) for every patient page.

Search engines read it to tell a reviewed medical page from an advert.
Pure functions: page facts and the checked protocol in, JSON text out; the
glue in macros/__init__.py calls them and overrides/main.html prints the
result in the page head as <script type="application/ld+json"> (data that
browsers never run).

Only schema.org properties that say something true are used:
- MedicalWebPage: name, description, url, inLanguage, audience (patients),
  specialty, isPartOf, publisher, license, citation, about; the editorial
  check as what it is (dateModified, editor); lastReviewed and reviewedBy
  only for a clinical sign-off that still covers the page's text.
- MedicalProcedure (on the page with the schedule calculator), one per plan
  in the protocol file: procedureType (needles pass through the skin:
  PercutaneousProcedure), bodyLocation, howPerformed (the sessions and the
  time between them that studies used), followup (when results are checked).
  schema.org has no number-valued property for a course of sessions, so the
  numbers are written into those text properties, straight from the file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from ..data.governance import EDITORS, ReviewStatus
from ..data.protocol import Plan, Protocol
from ..data.publisher import CONTENT_LICENCE, Publisher
from ..data.references import Reference
from ..urls import page_url
from .calculator_text import plural
from .wording import say

SCHEMA = "https://schema.org"


def how_performed(plan: Plan, lang: str = "en") -> str:
    s, i = plan.sessions, plan.interval_days
    # "(… is typical)" only where studies used a range: with one value it says nothing new.
    # No "(… is typical)" where no source names a usual value.
    if s.min == s.max:
        sessions = plural("session", s.min, lang)
    else:
        sessions = say("sdSessionsRange", lang, low=s.min, high=s.max) + (
            "" if s.typical is None else say("sdTypical", lang, typical=s.typical))
    if i.min == i.max:
        gap = say("sdApart", lang, gap=plural("day", i.min, lang))
    else:
        gap = say("sdDaysRangeApart", lang, low=i.min, high=i.max) + (
            "" if i.typical is None else say("sdTypical", lang, typical=plural("day", i.typical, lang)))
    return say("sdHowPerformed", lang, sessions=sessions, gap=gap)


def followup(plan: Plan, lang: str = "en") -> str:
    return say("sdFollowupFirst" if plan.results_from_first_session else "sdFollowupLast", lang, weeks=plan.results_check_weeks)


def medical_procedure(plan: Plan, site_url: str, use_directory_urls: bool = True, lang: str = "en") -> dict:
    treated = f"{plan.name[0].lower()}{plan.name[1:]}"
    return {
        "@type": "MedicalProcedure",
        "name": say("sdProcedureName", lang, plan=treated),
        "alternateName": say("sdAlternateName", lang),
        "description": say("sdDescription", lang, plan=treated, evidence=say("evidence." + plan.evidence, lang).lower()),
        "url": page_url(site_url, plan.page, use_directory_urls),
        "procedureType": f"{SCHEMA}/PercutaneousProcedure",
        "bodyLocation": say("sdBodyLocation", lang),
        "relevantSpecialty": f"{SCHEMA}/Dermatology",
        "howPerformed": how_performed(plan, lang),
        "followup": followup(plan, lang),
    }


def citation(reference: Reference) -> str | dict:
    """The source's address (DOI, PubMed) where it has one, else its citation.

    An address is enough for a search engine and keeps every page's data
    small; the full citations are on the references page."""
    if reference.links:
        return reference.links[0][1]
    return {"@type": "CreativeWork", "name": reference.citation}


def editor(checked_by: str, publisher: Publisher, lang: str = "en") -> dict:
    """Who did the editorial check: the publisher's editors, or a named person."""
    if checked_by == EDITORS:
        return {"@type": "Organization", "name": say("sdEditors", lang, publisher=publisher.name)}
    return {"@type": "Person", "name": checked_by}


def publisher_entity(publisher: Publisher, site_url: str) -> dict:
    data = {"@type": "Organization", "name": publisher.name}
    if publisher.description:
        data["description"] = publisher.description
    if site_url:
        data["url"] = site_url
    if publisher.contact_email:
        data["email"] = publisher.contact_email
    return data


def medical_web_page(
    *,
    title: str,
    description: str,
    url: str,
    language: str,
    status: ReviewStatus,
    publisher: Publisher,
    site_name: str,
    site_url: str,
    references: Iterable[Reference] = (),
    about: Plan | None = None,
    procedures: Iterable[dict] = (),
) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": language,
        # The editorial check is not a clinical review: it is the date the
        # page was last checked and changed, by its editors.
        "dateModified": status.checked_on.isoformat(),
        "editor": editor(status.checked_by, publisher, language),
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "specialty": f"{SCHEMA}/Dermatology",
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "publisher": publisher_entity(publisher, site_url),
        "license": CONTENT_LICENCE["url"],
    }
    if status.clinically_reviewed:
        reviewer = status.clinical.reviewer
        data["lastReviewed"] = status.clinical.date.isoformat()
        data["reviewedBy"] = {"@type": "Person", "name": reviewer.name, "jobTitle": reviewer.profession}
    cited = [citation(r) for r in references]
    if cited:
        data["citation"] = cited
    if about is not None:
        data["about"] = {"@type": "MedicalCondition", "name": about.name}
    procedures = list(procedures)
    if procedures:
        data["mainEntity"] = procedures
    return data


def page_structured_data(*, page_src: str, meta: dict, protocol: Protocol, references: dict[str, Reference],
                         has_calculator: bool, use_directory_urls: bool = True, **page) -> dict:
    """The JSON-LD object for one page, from its (already checked) front matter;
    `page` holds the rest of medical_web_page()'s facts (url, language, status,
    publisher, site_name, site_url)."""
    about = next((p for p in protocol.plans.values() if p.page == page_src), None)
    return medical_web_page(
        title=meta["title"],
        description=meta["description"],
        references=[references[k] for k in meta.get("references") or () if k in references],
        about=about,
        procedures=[medical_procedure(p, page["site_url"], use_directory_urls, page["language"]) for p in protocol.plans.values()]
        if has_calculator else (),
        **page,
    )


def to_script_text(data: dict) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
