"""pipeline/urls.py, the one place that maps a docs/ file to its built file and
address: the expected values are MkDocs' documented layout, written out."""
import pytest

from pipeline.urls import address, built_file, folder_of, page_address, page_url, site_link, to_site_root


@pytest.mark.parametrize("src, directory_urls, built, served", [
    ("index.md", True, "index.html", ""),
    ("faq.md", True, "faq/index.html", "faq/"),
    ("conditions/index.md", True, "conditions/index.html", "conditions/"),
    ("conditions/acne-scars.md", True, "conditions/acne-scars/index.html", "conditions/acne-scars/"),
    ("index.md", False, "index.html", "index.html"),
    ("faq.md", False, "faq.html", "faq.html"),
    ("conditions/acne-scars.md", False, "conditions/acne-scars.html", "conditions/acne-scars.html"),
])
def test_built_file_and_address_follow_use_directory_urls(src, directory_urls, built, served):
    assert built_file(src, directory_urls) == built
    assert page_address(src, directory_urls) == served
    assert address(built, directory_urls) == served


def test_a_file_that_is_not_a_page_keeps_its_path():
    assert built_file("assets/images/favicon.svg") == "assets/images/favicon.svg"


def test_full_addresses_under_the_site_url():
    assert page_url("https://x.org/", "index.md") == "https://x.org/"
    assert page_url("https://x.org/sub/", "conditions/index.md") == "https://x.org/sub/conditions/"
    assert page_url("https://x.org/", "faq.md") == "https://x.org/faq/"
    assert page_url("https://x.org/", "faq.md", use_directory_urls=False) == "https://x.org/faq.html"


def test_relative_links_between_built_pages():
    assert to_site_root("index.html") == ""
    assert to_site_root("conditions/acne-scars/index.html") == "../../"
    assert folder_of("conditions/acne-scars/index.html") == "conditions/acne-scars/"
    assert folder_of("index.html") == ""
    assert site_link("corrections.md", "conditions/acne-scars.md") == "../conditions/acne-scars/"
    assert site_link("index.md", "references.md") == "references/"
    assert site_link("conditions/acne-scars.md", "index.md") == "../../"
    assert site_link("corrections.md", "faq.md", use_directory_urls=False) == "faq.html"
    assert site_link("conditions/acne-scars.md", "faq.md", use_directory_urls=False) == "../faq.html"
