"""Pytest skips some folder names without a word (tests/build/ never ran for
several stops because `build` is in its default norecursedirs).  A test file
that is never collected protects nobody."""
from conftest import COLLECTED_FILES
from site_checks.sitebuild import ROOT


def test_every_test_file_under_the_chosen_paths_is_collected(request):
    here = request.config.invocation_params.dir
    chosen = [(here / arg.split("::")[0]).resolve() for arg in request.config.args]
    on_disk = {
        path.resolve()
        for root in chosen
        for path in (sorted(root.rglob("test_*.py")) if root.is_dir() else [root])
        if "fixtures" not in path.parts
    }
    never_collected = sorted(str(p.relative_to(ROOT)) for p in on_disk - COLLECTED_FILES)
    assert never_collected == [], f"pytest never collected these test files (a skipped folder name, or no tests in them): {never_collected}"
