"""pipeline/pages/problem_report.py: the one list of problems and the preview's box."""
from pipeline.pages.problem_report import error_box, summary, with_box, without_template_code
from pipeline.data.problems import Problem

A = Problem("docs/faq.md", 24, 3, "", "the link 'x.md' points to a page that does not exist")
B = Problem("docs/_data/protocol.yml", 23, 30, "plans.acne-scars.interval_days.typical", "3 is outside 7 to 90 days")


def test_each_problem_is_listed_once_with_its_place():
    text = summary([A, B, A])
    assert text.startswith("2 problems in 2 files")
    assert text.count("docs/faq.md:24:3:") == 1
    assert "docs/_data/protocol.yml:23:30: plans.acne-scars.interval_days.typical: 3 is outside" in text


def test_the_box_escapes_what_staff_typed():
    hostile = Problem("docs/faq.md", 1, 1, "", "unknown key '<script>alert(1)</script>'")
    box = error_box([hostile])
    assert "<script>" not in box and "&lt;script&gt;" in box


def test_the_box_goes_at_the_start_of_the_content():
    page = '<html><body class="x"><main><article class="md-content__inner">Text</article></main></body></html>'
    assert with_box(page, "BOX") == page.replace('md-content__inner">', 'md-content__inner">BOX')
    assert with_box("<body>Text</body>", "BOX") == "<body>BOXText</body>"


def test_no_macro_of_a_page_with_problems_is_run():
    text = 'Day {{ milestone("healed").day }} {% if x %}y{% endif %} {# note #} [link](faq.md)\n--8<-- ".git/config"'
    assert without_template_code(text) == 'Day […] […]y[…] […] [link](faq.md)\n[…] ".git/config"'


def test_a_failed_instruction_is_told_in_plain_words():
    from pipeline.pages.problem_report import render_error_message

    text = render_error_message(Exception("'pipeline.data.protocol.Range object' has no attribute 'typicall'"))
    assert "'typicall'" in text and "did you mean 'typical'?" in text and "min, max" in text
    assert "object" not in text and "Traceback" not in text
