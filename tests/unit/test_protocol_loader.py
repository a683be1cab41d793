"""The protocol loader reports every mistake with file:line:column and key path."""
from pathlib import Path

import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.protocol import load_protocol

FIXTURES = Path(__file__).parents[1] / "fixtures" / "protocol"
PAGES = {"conditions/acne-scars.md", "conditions/stretch-marks.md"}
REFERENCES = {"Alam2014", "Harris2015"}


def problems_of(name: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load_protocol(FIXTURES / name, name, PAGES, REFERENCES)
    return [str(p) for p in caught.value.problems]


def assert_reported(problems: list[str], location: str, *words: str) -> None:
    matching = [p for p in problems if p.startswith(location)]
    assert matching, f"nothing reported at {location}; got:\n" + "\n".join(problems)
    for word in words:
        assert any(word in p for p in matching), f"{location}: expected {word!r} in {matching}"


def test_valid_file_loads_with_its_values():
    protocol = load_protocol(FIXTURES / "valid.yml", "valid.yml", PAGES, REFERENCES)
    plan = protocol.plan("acne-scars")
    assert (plan.sessions.min, plan.sessions.typical, plan.sessions.max) == (2, 3, 6)
    assert plan.interval_weeks.typical == 4
    assert [m.day for m in protocol.aftercare] == [0, 1]


def test_typical_may_be_left_out_where_no_source_gives_one():
    protocol = load_protocol(FIXTURES / "no-typical.yml", "no-typical.yml", PAGES, REFERENCES)
    plan = protocol.plan("stretch-marks")
    assert (plan.sessions.typical, plan.sessions.start, plan.interval_days.start) == (None, 4, 14)
    assert plan.interval_weeks.typical is None
    assert plan.results_from_first_session


def test_results_anchor_must_be_first_or_last_session():
    problems = problems_of("bad-results-anchor.yml")
    assert_reported(problems, "bad-results-anchor.yml:10:27: plans.acne-scars.results_counted_from:", "'middle-session'", "first-session, last-session")


def test_duplicate_key_is_an_error_not_a_silent_overwrite():
    problems = problems_of("duplicate-key.yml")
    assert_reported(problems, "duplicate-key.yml:9:5: plans.acne-scars.evidence:", "duplicate key 'evidence'", "line 8")


def test_yaml_1_1_surprises_are_refused():
    problems = problems_of("yaml11-surprises.yml")
    assert_reported(problems, "yaml11-surprises.yml:4:11: plans.acne-scars.name:", "true or false", '"no"')
    assert_reported(problems, "yaml11-surprises.yml:9:26: plans.acne-scars.results_check_weeks:", "base-60")


def test_wrong_types_name_the_expected_type():
    problems = problems_of("wrong-types.yml")
    assert_reported(problems, "wrong-types.yml:6:33: plans.acne-scars.sessions.min:", "whole number", "'two'")
    assert_reported(problems, "wrong-types.yml:10:17: plans.acne-scars.references:", "list of reference keys")
    assert_reported(problems, "wrong-types.yml:12:23: aftercare[0].day:", "whole number", "1.5")


def test_missing_and_unknown_keys_suggest_the_valid_ones():
    problems = problems_of("missing-and-unknown-keys.yml")
    assert_reported(problems, "missing-and-unknown-keys.yml:6:5: plans.acne-scars.sesions:", "unknown key", "did you mean 'sessions'")
    assert_reported(problems, "missing-and-unknown-keys.yml:3:3: plans.acne-scars:", "missing key 'sessions'")
    assert_reported(problems, "missing-and-unknown-keys.yml:12:5: aftercare[0]:", "missing key 'advice'")


def test_ranges_must_be_ordered_and_positive_and_all_errors_come_at_once():
    problems = problems_of("bad-ranges.yml")
    assert_reported(problems, "bad-ranges.yml:6:25: plans.acne-scars.sessions.typical:", "between min (2) and max (6)")
    assert_reported(problems, "bad-ranges.yml:7:38: plans.acne-scars.interval_days.min:", "outside 7 to 90 days")
    assert_reported(problems, "bad-ranges.yml:7:30: plans.acne-scars.interval_days.typical:", "outside 7 to 90 days")
    assert_reported(problems, "bad-ranges.yml:14:33: plans.stretch-marks.sessions.min:", "greater than max")
    assert_reported(problems, "bad-ranges.yml:16:15: plans.stretch-marks.evidence:", "moderate, low, very low")
    assert len(problems) >= 4


def test_unknown_page_reference_and_repeated_milestone():
    problems = problems_of("unknown-ids.yml")
    assert_reported(problems, "unknown-ids.yml:5:11: plans.acne-scars.page:", "conditions/acne-scars.md")
    assert_reported(problems, "unknown-ids.yml:10:28: plans.acne-scars.references[1]:", "'Alam2041'", "did you mean 'Alam2014'")
    assert_reported(problems, "unknown-ids.yml:13:10: aftercare[1].id:", "used twice")


def test_broken_yaml_gives_a_position():
    problems = problems_of("not-yaml.yml")
    assert len(problems) == 1 and problems[0].startswith("not-yaml.yml:5:")
    assert "not valid YAML" in problems[0]


def test_error_message_lists_every_problem_for_the_build_log():
    with pytest.raises(DataFileError) as caught:
        load_protocol(FIXTURES / "bad-ranges.yml", "docs/_data/protocol.yml", PAGES, REFERENCES)
    message = str(caught.value)
    assert message.startswith(f"{len(caught.value.problems)} problems in docs/_data/protocol.yml:")
    assert message.count("\n") == len(caught.value.problems)


def test_unknown_plan_lists_valid_ids():
    protocol = load_protocol(FIXTURES / "valid.yml", "valid.yml", PAGES, REFERENCES)
    with pytest.raises(KeyError, match="valid plan ids: acne-scars"):
        protocol.plan("acne")
