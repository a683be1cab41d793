"""The lock files install exactly what was tested: every package pinned to one
version with its hashes (pip then refuses anything else), and every package
named in requirements*.in appears in its lock at the version asked for."""
import re

import pytest

from site_checks.sitebuild import ROOT

REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(text: str) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} of a pip-compile lock file."""
    packages: dict[str, tuple[str, int]] = {}
    current = None
    for line in text.splitlines():
        match = REQUIREMENT.match(line)
        if match:
            current = normalise(match.group(1))
            packages[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = packages[current]
            packages[current] = (version, hashes + 1)
        elif line.strip() and not line.startswith((" ", "#")):
            pytest.fail(f"unexpected line in a lock file (run `make lock`): {line!r}")
    return packages


def asked(text: str) -> dict[str, str]:
    return {normalise(m.group(1)): m.group(2) for m in map(REQUIREMENT.match, text.splitlines()) if m}


@pytest.mark.parametrize("name", ["requirements", "requirements-test"])
def test_every_package_is_pinned_with_hashes_and_matches_what_is_asked(name):
    lock = locked((ROOT / f"{name}.txt").read_text(encoding="utf-8"))
    assert lock, f"{name}.txt pins nothing"
    unhashed = sorted(p for p, (_, hashes) in lock.items() if hashes == 0)
    assert unhashed == [], f"{name}.txt: packages without --hash (pip would refuse the file): {unhashed}"
    wanted = asked((ROOT / f"{name}.in").read_text(encoding="utf-8"))
    drift = {p: (v, lock.get(p, ("missing", 0))[0]) for p, v in wanted.items() if lock.get(p, ("",))[0] != v}
    assert drift == {}, f"{name}.in and {name}.txt disagree ((asked, locked)); run `make lock`: {drift}"


def test_the_test_lock_holds_the_site_lock_at_the_same_versions():
    site = locked((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    tests = locked((ROOT / "requirements-test.txt").read_text(encoding="utf-8"))
    differing = {p: (v, tests.get(p, ("missing",))[0]) for p, (v, _) in site.items() if tests.get(p, ("",))[0] != v}
    assert differing == {}, f"the tests would run other versions than the site builds with: {differing}"


def test_mkdocs_stays_on_1x():
    # MkDocs 2 pre-releases drop plugins; Material does not work with them.
    version, _ = locked((ROOT / "requirements.txt").read_text(encoding="utf-8"))["mkdocs"]
    assert version.startswith("1."), version
