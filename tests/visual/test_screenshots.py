"""Screenshot baselines of what patients see most: the home page, the
treatment plan with a date entered, aftercare, and a page embedded in a
clinic's page, on a phone (375 px) and a desktop (1280 px).

A screenshot fails when more than screenshots.TOLERANCE of its pixels
differ from tests/visual/baselines/; the actual and a diff image are then
written to tests/visual/output/.  Refresh the baselines on purpose with
`make screenshots`, and look at them before committing (CONTRIBUTING.md).

Baselines depend on the browser and the fonts: versions.json records the
Chromium and the font they were made with.  With another Chromium or font
the comparison still runs; if it passes, fine; if not, the test is skipped
with a loud message asking for a refresh (and fails in CI, where the
environment is the reference: a skip there would hide regressions).
Skips are listed again in a banner at the end of the session."""
from __future__ import annotations

import os

import pytest

from pageview import enter_date, frame_problems, open_page
from screenshots import BASELINES, OUTPUT, SKIPPED, TOLERANCE, UPDATING, compare, environment, record_environment, recorded_environment

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)


def settle(page) -> None:
    """Scroll to the top and let Material's header fade finish, so that the
    same page always gives the same picture."""
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(400)


def home(page, site, host):
    open_page(page, site.url)


def treatment_plan_with_a_date(page, site, host):
    open_page(page, site.url + "treatment-plan/")
    enter_date(page)
    page.locator("[data-calculator-chosen]").filter(has_text="2027").wait_for()


def aftercare(page, site, host):
    open_page(page, site.url + "aftercare/")


def embed_in_a_clinic_page(page, clinic_site, host):
    page.goto(host)
    problems = frame_problems(page, clinic_site.url + "embed/conditions/acne-scars/", page.viewport_size["width"] - 32)
    assert problems == [], problems


SHOTS = {
    "home": ("site", home),
    "treatment-plan-with-date": ("site", treatment_plan_with_a_date),
    "aftercare": ("site", aftercare),
    "embed-in-clinic-page": ("clinic_site", embed_in_a_clinic_page),
}


def take(browser, built, host, name: str, width: int) -> bytes:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB", timezone_id="Europe/London",
                                  device_scale_factor=1, reduced_motion="reduce")
    page = context.new_page()
    SHOTS[name][1](page, built, host)
    settle(page)
    picture = page.screenshot(full_page=True, animations="disabled", caret="hide")
    context.close()
    return picture


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SHOTS)
def test_screenshot_matches_its_baseline(browser, request, clinic_host, name, width):
    built = request.getfixturevalue(SHOTS[name][0])
    baseline_file = BASELINES / f"{name}-{width}.png"
    actual = take(browser, built, clinic_host, name, width)
    if UPDATING:
        BASELINES.mkdir(exist_ok=True)
        baseline_file.write_bytes(actual)
        record_environment(browser)
        return
    if not baseline_file.exists():
        pytest.fail(f"no baseline {baseline_file.relative_to(BASELINES.parents[2])}: run `make screenshots`, look at it, and commit it")
    result = compare(browser, baseline_file.read_bytes(), actual)
    if result["ratio"] <= TOLERANCE:
        return
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"{name}-{width}.actual.png").write_bytes(actual)
    (OUTPUT / f"{name}-{width}.diff.png").write_bytes(result["diff"])
    message = (f"{name} at {width} px: {result['ratio']:.2%} of pixels differ from the baseline (tolerance {TOLERANCE:.1%}); "
               f"sizes baseline {result['sizes'][0]}x{result['sizes'][1]}, now {result['sizes'][2]}x{result['sizes'][3]}. "
               f"See tests/visual/output/{name}-{width}.actual.png and .diff.png (red: changed pixels). "
               "If the change is intended, run `make screenshots` and commit the new baselines.")
    recorded, now = recorded_environment(), environment(browser)
    if recorded != now and not os.environ.get("CI"):
        SKIPPED.append(f"{name}-{width}: {result['ratio']:.2%} differ")
        pytest.skip(f"BASELINES MADE WITH ANOTHER BROWSER OR FONT ({recorded} here {now}): {message}")
    pytest.fail(message)


def test_a_changed_page_fails_the_comparison(browser, site):
    """The comparison itself: the aftercare page with its key points box
    moved down fails against its own baseline."""
    baseline_file = BASELINES / "aftercare-375.png"
    if UPDATING or not baseline_file.exists():
        pytest.skip("no baseline yet (make screenshots)")
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-GB", timezone_id="Europe/London", bypass_csp=True)
    page = context.new_page()
    open_page(page, site.url + "aftercare/")
    page.add_style_tag(content=".md-typeset .admonition.abstract { margin-top: 4rem; }")
    settle(page)
    broken = page.screenshot(full_page=True, animations="disabled", caret="hide")
    context.close()
    assert compare(browser, baseline_file.read_bytes(), broken)["ratio"] > TOLERANCE
    same = compare(browser, baseline_file.read_bytes(), baseline_file.read_bytes())
    assert same["ratio"] == 0 and same["differing"] == 0
