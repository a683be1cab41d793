"""The publisher setting: who publishes the site, how to reach them, who pays,
and which countries it serves.

One file (docs/_data/site.yml) feeds the About page, the line under the
header, the report-a-problem links, the structured data's `publisher` and
the emergency numbers.  Only what is set is said: a field left empty is left
out everywhere, never filled with a placeholder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, urlencode

from . import strict_yaml
from .checks import Checker
from ..pages.wording import say
from .problems import DataFileError, Problem

KEYS = {"publisher", "description", "contact_email", "repository", "funding", "adverts", "host", "host_records", "countries"}
COUNTRY_KEYS = {"name", "emergency", "urgent_advice"}
EMAIL = re.compile(r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
# The report link opens GitHub's "new issue" form, so only a GitHub repository can take it.
GITHUB_REPOSITORY = re.compile(r"^https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")
PHONE_NUMBER = re.compile(r"^[0-9]{2,4}$")  # emergency and advice lines are short numbers
# The licences (LICENSE-CONTENT, LICENSE): a fact about the project, not a setting.
CONTENT_LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


@dataclass(frozen=True)
class Country:
    name: str
    emergency: str
    urgent_advice: str = ""  # a non-emergency line, e.g. NHS 111


@dataclass(frozen=True)
class Publisher:
    name: str
    description: str = ""
    contact_email: str = ""
    repository: str = ""
    funding: str = ""
    adverts: bool | None = None  # None: not stated
    host: str = ""
    host_records: str = ""  # what the host says it records, in plain words
    countries: tuple[Country, ...] = ()

    def statement(self, lang: str = "en") -> str:
        """The one line under the header: who runs the site, who pays, adverts."""
        parts = [say("runByDescribed", lang, name=self.name, description=self.description) if self.description
                 else say("runBy", lang, name=self.name)]
        if self.funding:
            parts.append(say("funding", lang, funding=self.funding))
        if self.adverts is False:
            parts.append(say("noAdverts", lang))
        elif self.adverts:
            parts.append(say("adverts", lang))
        return " ".join(parts)

    def emergency_text(self, lang: str = "en") -> str:
        """Which number to call where, for the countries served ('' for none)."""
        calls = [say("emergencyCall", lang, number=c.emergency, country=c.name) for c in self.countries]
        if not calls:
            return ""
        joined = say("callsJoin", lang).join(calls[:-1]) + say("callsLast", lang) + calls[-1] if len(calls) > 1 else calls[0]
        text = say("emergency", lang, calls=joined)
        for country in self.countries:
            if country.urgent_advice:
                text += say("urgentAdvice", lang, country=country.name, number=country.urgent_advice)
        return text

    def host_statement(self, lang: str = "en") -> str:
        """Who hosts the site and what it records, as far as the setting says."""
        if not self.host:
            return ""
        return say("host", lang, host=self.host) + (f" {self.host_records}" if self.host_records else "")

    def countries_text(self, lang: str = "en") -> str:
        names = [say("countryName", lang, country=c.name) for c in self.countries]
        return say("countriesLast", lang).join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)

    def report_routes(self, lang: str = "en") -> str:
        """Markdown: how a reader reaches the publisher, from the setting alone."""
        routes = []
        if self.repository:
            routes.append(say("routeIssue", lang, repository=self.repository))
        if self.contact_email:
            routes.append(say("routeEmail", lang, email=self.contact_email))
        if not routes:
            return say("noRoutes", lang)
        return say("routes", lang, routes=say("routesOr", lang).join(routes))

    def report_links(self, page_title: str, page_url: str, review_line: str, lang: str = "en") -> list[tuple[str, str]]:
        """(label, address) of each way to report a problem with a page.

        A pre-filled issue on the repository's tracker and an e-mail, each
        only when the setting exists.  Both are plain links: nothing is sent
        until the reader chooses to."""
        body = (f"Page: {page_url}\nReview status: {review_line}\n\n"
                "What is wrong, and where on the page:\n\nA source that shows the fix (if you have one):\n")
        subject = f"Problem on the page: {page_title}"
        links = []
        if self.repository:
            links.append((say("reportProblem", lang), f"{self.repository}/issues/new?" + urlencode({"title": subject, "body": body}, quote_via=quote)))
        if self.contact_email:
            label = say("reportEmail", lang) if links else say("reportByEmail", lang)
            links.append((label, f"mailto:{self.contact_email}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)))
        return links


def with_built_repository(publisher: Publisher, address: str) -> Publisher:
    """The publisher with the repository the site is built from (the workflow
    passes GitHub's own address of it as SITE_REPOSITORY), so that the report
    link leads to a tracker that exists.  A repository set in the publisher
    setting wins; no address, no change."""
    if publisher.repository or not address:
        return publisher
    if not GITHUB_REPOSITORY.match(address.rstrip("/")):
        raise DataFileError([Problem("SITE_REPOSITORY", 1, 1, "", f"'{address}' is not a GitHub repository address; "
                                     "the workflow sets it to https://github.com/owner/name, or leave it unset")])
    return replace(publisher, repository=address.rstrip("/"))


def load_publisher(path: Path, display_name: str) -> Publisher:
    """Read and check the publisher setting; raise DataFileError listing every problem."""
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    root = data.value
    publisher = None
    if root is not None and check.mapping(root, (), {"publisher"}, frozenset(KEYS)):
        publisher = _publisher(check, root)
    if check.problems:
        raise DataFileError(check.problems)
    return publisher


def _optional_text(check: Checker, root: dict, key: str) -> str:
    value = root.get(key)
    if value is None:
        return ""
    return value.strip() if check.text(value, (key,)) else ""


def _publisher(check: Checker, root: dict) -> Publisher:
    name = _optional_text(check, root, "publisher")
    if "publisher" in root and root["publisher"] is None:
        check.fail(("publisher",), "empty; name who publishes the site, e.g. 'publisher: Microneedling, explained project'")
    description, email, repository, funding, host, host_records = (
        _optional_text(check, root, key) for key in ("description", "contact_email", "repository", "funding", "host", "host_records")
    )
    if email and not EMAIL.match(email):
        check.fail(("contact_email",), f"'{email}' is not an e-mail address; write it like 'editors@example.org', "
                                       "or leave it empty when there is none (no e-mail link is shown)")
        email = ""
    if repository and not GITHUB_REPOSITORY.match(repository.rstrip("/")):
        check.fail(("repository",), f"'{repository}' is not a GitHub repository address; write it like "
                                    "'https://github.com/owner/name' (its issue tracker takes the reports), or leave it empty")
        repository = ""
    adverts = root.get("adverts")
    if adverts is not None and not isinstance(adverts, bool):
        check.fail(("adverts",), "write true or false (does the site carry adverts?), or leave it empty")
        adverts = None
    if host_records and not host:
        check.fail(("host_records",), "says what a host records, but 'host' is empty; name the host, or empty both")
        host_records = ""
    return Publisher(name, description, email, repository.rstrip("/"), funding, adverts, host, host_records,
                     _countries(check, root.get("countries")))


def _countries(check: Checker, countries) -> tuple[Country, ...]:
    if countries is None:
        return ()
    if not isinstance(countries, list):
        check.fail(("countries",), "expected a list of countries, e.g. '- {name: United Kingdom, emergency: \"999\"}'")
        return ()
    result = []
    for index, country in enumerate(countries):
        path = ("countries", index)
        if not check.mapping(country, path, {"name", "emergency"}, frozenset(COUNTRY_KEYS)):
            continue
        ok = "name" in country and check.text(country.get("name"), path + ("name",))
        for key in ("emergency", "urgent_advice"):
            value = country.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not PHONE_NUMBER.match(value):
                check.fail(path + (key,), f"{value!r} is not a short phone number; write the digits in quotes, e.g. \"999\"")
                ok = False
        if ok and country.get("emergency") is not None:
            result.append(Country(country["name"].strip(), country["emergency"], country.get("urgent_advice") or ""))
    return tuple(result)
