"""The reference list loader: clear errors for staff editing references.yml."""
import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.references import load_references


def load(tmp_path, text):
    path = tmp_path / "references.yml"
    path.write_text(text)
    return load_references(path, "references.yml")


def test_entry_with_doi_and_pmid_links_both(tmp_path):
    refs = load(tmp_path, 'Alam2014:\n  label: Alam 2014\n  citation: A trial.\n  checked: abstract\n  doi: 10.1001/x.1\n  pmid: "123"\n')
    assert refs["Alam2014"].links == [("doi:10.1001/x.1", "https://doi.org/10.1001/x.1"), ("PMID 123", "https://pubmed.ncbi.nlm.nih.gov/123/")]
    assert refs["Alam2014"].anchor == "ref-alam2014"


def test_mistakes_are_all_reported_with_positions(tmp_path):
    text = (
        "Alam2014:\n  label: Alam 2014\n  citation: A trial.\n  checked: maybe\n  doi: https://doi.org/10.1/x\n"
        "Harris2015:\n  label: Alam 2014\n  citation: A review.\n  checked: abstract\n  pmid: 12a\n  year: 2015\n"
    )
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, text)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith("references.yml:4:12: Alam2014.checked:") and "full text, abstract" in p for p in problems)
    assert any(p.startswith("references.yml:5:8: Alam2014.doi:") and "without https://doi.org/" in p for p in problems)
    assert any(p.startswith("references.yml:7:10: Harris2015.label:") and "already used by Alam2014" in p for p in problems)
    assert any(p.startswith("references.yml:10:9: Harris2015.pmid:") for p in problems)
    assert any(p.startswith("references.yml:11:3: Harris2015.year:") and "unknown key" in p for p in problems)
