"""Our scripts ship minified (pipeline/after_build/minify_scripts.py): no
comments and less white space, the same behaviour.  The calculator's Node
tests run against the minified files, and every string literal survives."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import material
import pytest

from pipeline.after_build.minify_scripts import BUNDLES, minify_scripts, write_bundles
from site_checks.sitebuild import ROOT

from test_calculator_scripts import COMMENT, LITERAL

SOURCES = ROOT / "docs/assets/javascripts"
MATERIAL = Path(material.__file__).parent / "templates/assets/javascripts"


@pytest.fixture
def shipped(tmp_path):
    """A built site's scripts folder: ours, one of Material's, and its lunr.es.min.js."""
    site = tmp_path / "site"
    shutil.copytree(SOURCES, site / "assets/javascripts")
    (site / "assets/javascripts/bundle.f00.min.js").write_text("/* Material's */ var  a = 1;\n", encoding="utf-8")
    shutil.copytree(MATERIAL / "lunr/min", site / "assets/javascripts/lunr/min")
    done = minify_scripts(site, ROOT / "docs")
    return site / "assets/javascripts", done


def lost_literals(source: str, shipped: str) -> list[str]:
    """String literals of the source (outside comments) missing from the shipped file."""
    return [literal for literal in LITERAL.findall(COMMENT.sub(" ", source)) if literal not in shipped]


def test_our_scripts_ship_without_comments_and_smaller(shipped):
    folder, done = shipped
    assert done == sorted(p.name for p in SOURCES.glob("*.js")) and "calculator.js" in done
    for name in done:
        source, out = (SOURCES / name).read_text(encoding="utf-8"), (folder / name).read_text(encoding="utf-8")
        assert "/*" not in out and len(out) < len(source) * 0.9, name
        assert lost_literals(source, out) == [], name
    assert (folder / "bundle.f00.min.js").read_text(encoding="utf-8").startswith("/* Material's */"), "Material's files are left alone"


def test_a_lost_string_is_found():
    assert lost_literals('const a = "x  y"; /* "in a comment" */', 'const a="x y";') == ['"x  y"']


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is needed (it is also needed for the HTML checker; see README)")
def test_the_node_tests_pass_against_the_minified_scripts(shipped, tmp_path):
    folder, _ = shipped
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy / "docs/assets/javascripts")
    shutil.copytree(ROOT / "tests/js", copy / "tests/js")
    shutil.copy(ROOT / "package.json", copy / "package.json")  # "type": "module"
    env = dict(os.environ, PYTHON=sys.executable, PYTHONPATH=str(ROOT))
    result = subprocess.run(["node", "--test", "tests/js"], cwd=copy, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), "no Node test ran"


def test_the_every_page_scripts_ship_as_one_file_holding_each_in_order(shipped):
    """One request instead of three; every part whole, in the listed order
    (material-on-demand.js last: it reads its own <script> element), and the
    file is valid JavaScript.  Material's lunr.es.min.js, which its search
    worker loads for the Spanish index, ships whole with the Spanish search's
    stemming after it."""
    folder, _ = shipped
    parts_text = {part: (folder / part).read_text(encoding="utf-8").strip().rstrip(";") for parts in BUNDLES.values() for part in parts}
    write_bundles(folder.parents[1])
    for name, parts in BUNDLES.items():
        text = (folder / name).read_text(encoding="utf-8")
        places = [text.index(parts_text[part]) for part in parts]
        assert places == sorted(places), name
        node = shutil.which("node")
        if node:
            assert subprocess.run([node, "--check", str(folder / name)], capture_output=True).returncode == 0, name
    page = (folder / "page.js").read_text(encoding="utf-8")
    assert page.rstrip().rstrip(";").endswith(parts_text["material-on-demand.js"]), "material-on-demand.js comes last in page.js"
    assert (folder / "embed-page.js").is_file()
    spanish = (folder / "lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    material_text = (MATERIAL / "lunr/min/lunr.es.min.js").read_text(encoding="utf-8").strip().rstrip(";")
    assert spanish.startswith(material_text) and "QueryParser.parseTerm" in spanish[len(material_text):]
