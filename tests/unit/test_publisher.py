"""The publisher setting: only true values, strictly checked, and what every
page derives from it (the line under the header, report links, emergency
numbers)."""
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from pipeline.data.problems import DataFileError
from pipeline.data.publisher import load_publisher
from site_checks.sitebuild import ROOT

SHIPPED = ROOT / "docs" / "_data" / "site.yml"


def load(tmp_path, text):
    path = tmp_path / "site.yml"
    path.write_text(text, encoding="utf-8")
    return load_publisher(path, "docs/_data/site.yml")


def test_shipped_setting_says_only_what_is_true():
    raw = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    publisher = load_publisher(SHIPPED, "site.yml")
    assert publisher.name == raw["publisher"] == "Microneedling, explained project"
    # No contact address and no public repository exist yet: none is invented.
    assert raw["contact_email"] is None and raw["repository"] is None
    assert publisher.report_links("Acne scars", "https://x.org/a/", "Checked.") == []
    assert publisher.statement() == ("Run by the Microneedling, explained project, an independent open-source project. "
                                     "Funding: none. No adverts.")
    assert publisher.emergency_text().startswith("In an emergency, call 911 in the United States or 999 in the United Kingdom.")
    assert "call 111 for urgent advice" in publisher.emergency_text()
    assert publisher.host_statement().startswith(f"Our host is {raw['host']}. ")


def test_host_records_need_a_named_host(tmp_path):
    with pytest.raises(DataFileError) as error:
        load(tmp_path, "publisher: P\nhost_records: It keeps logs.\n")
    assert "docs/_data/site.yml:2:15: host_records: says what a host records, but 'host' is empty" in str(error.value)


def test_fields_not_set_are_left_out(tmp_path):
    publisher = load(tmp_path, "publisher: Example project\n")
    assert publisher.statement() == "Run by the Example project."
    assert publisher.emergency_text() == "" and publisher.report_links("T", "u", "r") == [] and publisher.host_statement() == ""
    assert "do not have a public contact address" in publisher.report_routes()


def test_report_links_are_pre_filled_with_the_page_and_its_review(tmp_path):
    publisher = load(tmp_path, "publisher: P\nrepository: https://github.com/owner/site\ncontact_email: editors@example.org\n")
    (issue_label, issue), (mail_label, mail) = publisher.report_links("Acne scars", "https://x.org/acne/", "Checked on 1 May 2026.")
    parts = urlsplit(issue)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/owner/site/issues/new")
    query = parse_qs(parts.query)
    assert query["title"] == ["Problem on the page: Acne scars"]
    assert "Page: https://x.org/acne/" in query["body"][0] and "Checked on 1 May 2026." in query["body"][0]
    assert mail.startswith("mailto:editors@example.org?")
    assert "https://x.org/acne/" in parse_qs(urlsplit(mail).query)["body"][0]
    assert issue_label == "Report a problem with this page" and "E-mail" in mail_label


@pytest.mark.parametrize("text, where", [
    ("publisher: P\ncontact_email: not an address\n", "docs/_data/site.yml:2:16: contact_email: 'not an address' is not an e-mail address"),
    ("publisher: P\nrepository: https://example.org/x\n", "docs/_data/site.yml:2:13: repository: 'https://example.org/x' is not a GitHub repository"),
    ("publisher: P\ncountries:\n  - {name: United Kingdom, emergency: 999}\n", "docs/_data/site.yml:3:39: countries[0].emergency: 999 is not a short phone number"),
    ("publisher: P\nadverts: no\n", "docs/_data/site.yml:2:10: adverts: 'no' would be read as true/false"),
    ("publisher: P\nfunded_by: someone\n", "docs/_data/site.yml:2:1: funded_by: unknown key 'funded_by'"),
    ("description: x\n", "docs/_data/site.yml:1:1: missing key 'publisher'"),
])
def test_mistakes_are_named_with_file_and_line(tmp_path, text, where):
    with pytest.raises(DataFileError) as error:
        load(tmp_path, text)
    assert where in str(error.value)


def test_the_published_build_links_reports_to_the_repository_it_is_built_from():
    # As shipped, site.yml names no repository: the workflow's address fills it.
    from pipeline.data.publisher import with_built_repository
    shipped = load_publisher(ROOT / "docs" / "_data" / "site.yml", "docs/_data/site.yml")
    assert shipped.repository == ""
    built = with_built_repository(shipped, "https://github.com/clinic-org/microneedling/")
    assert built.repository == "https://github.com/clinic-org/microneedling"
    assert with_built_repository(shipped, "") == shipped
    own = with_built_repository(built, "https://github.com/someone/else")
    assert own.repository == "https://github.com/clinic-org/microneedling", "the setting's own address wins"
    with pytest.raises(DataFileError) as error:
        with_built_repository(shipped, "https://evil.example/x\" onclick=\"")
    assert "SITE_REPOSITORY" in str(error.value) and "not a GitHub repository address" in str(error.value)
