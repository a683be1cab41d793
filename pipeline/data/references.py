"""The reference list: one entry per key, cited in pages by number ([1, 3]),
each page ending with a numbered list of its own sources (pipeline/pages/render.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import limits, safe_text, strict_yaml
from .checks import Checker
from .problems import DataFileError

CHECKED = ("full text", "abstract", "secondary source", "not seen")
KEY = re.compile(r"^[A-Za-z][A-Za-z0-9.-]*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
OPTIONAL = frozenset({"doi", "pmid", "pmcid", "url", "note"})
LONG_TEXT = "reference citation and note"  # length limits in pipeline/data/limits.py
URL_TEXT = "web address (booking_url, reference url)"


@dataclass(frozen=True)
class Reference:
    key: str
    label: str
    citation: str
    checked: str
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    note: str | None = None
    note_language: str = "en"  # of `note` (a twin's words, or the English ones until translated)

    @property
    def anchor(self) -> str:
        return "ref-" + self.key.lower()

    @property
    def links(self) -> list[tuple[str, str]]:
        """(text, address) pairs for the entry, most stable identifier first."""
        links = []
        if self.doi:
            links.append((f"doi:{self.doi}", f"https://doi.org/{self.doi}"))
        if self.pmid:
            links.append((f"PMID {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"))
        if self.pmcid:
            links.append((self.pmcid, f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"))
        if self.url:
            links.append(("Source page", self.url))
        return links


def load_references(path: Path, display_name: str) -> dict[str, Reference]:
    data, problems = strict_yaml.load(path, display_name)
    check = Checker(display_name, data)
    check.problems.extend(problems)
    references: dict[str, Reference] = {}
    labels: dict[str, str] = {}
    root = data.value
    if root is not None and not isinstance(root, dict):
        check.fail((), "expected a mapping of reference keys, e.g. 'Alam2014:' with label, citation and checked")
        root = {}
    for key, fields in (root or {}).items():
        path_ = (key,)
        if not isinstance(key, str) or not KEY.match(key):
            check.fail(path_, f"'{key}' is not a valid key; use letters, digits, dots and hyphens, starting with a letter")
            continue
        if not check.mapping(fields, path_, {"label", "citation", "checked"}, OPTIONAL):
            continue
        ok = "label" not in fields or check.single_line(fields["label"], path_ + ("label",), "reference label")
        ok &= "citation" not in fields or check.single_line(fields["citation"], path_ + ("citation",), LONG_TEXT)
        ok &= "checked" in fields and check.choice(fields["checked"], path_ + ("checked",), CHECKED)
        for name in OPTIONAL & fields.keys():
            ok &= check.single_line(fields[name], path_ + (name,), LONG_TEXT)
        if isinstance(fields.get("doi"), str) and not DOI.match(fields["doi"]):
            check.fail(path_ + ("doi",), f"'{fields['doi']}' is not a DOI; write it without https://doi.org/, e.g. 10.1001/jamadermatol.2013.8687")
            ok = False
        if isinstance(fields.get("pmid"), str) and not fields["pmid"].isdigit():
            check.fail(path_ + ("pmid",), f"'{fields['pmid']}' is not a PubMed id; write the digits only, in quotes")
            ok = False
        problem = isinstance(fields.get("url"), str) and safe_text.url_problem(fields["url"], limits.TEXT[URL_TEXT])
        if problem:
            check.fail(path_ + ("url",), f"'{fields['url']}' {problem}")
            ok = False
        label = fields.get("label")
        if isinstance(label, str):
            if label in labels:
                check.fail(path_ + ("label",), f"label '{label}' is already used by {labels[label]}; labels must tell references apart")
                ok = False
            labels.setdefault(label, key)
        # An unknown key is reported by check.mapping(); the entry is then left out, not built.
        if ok and {"label", "citation", "checked"} <= fields.keys() <= {"label", "citation", "checked"} | OPTIONAL:
            references[key] = Reference(key=key, **fields)
    if check.problems:
        raise DataFileError(check.problems, partial=references)
    return references
