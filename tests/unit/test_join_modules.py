"""The calculator's modules shipped as one (pipeline/after_build/join_modules.py):
the joined file does what the modules do, and any module the join cannot
handle stops the build with its name instead of shipping a broken script."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from pipeline.after_build.join_modules import JOINED, SCRIPTS, ModuleJoinError, join_modules, write_joined_modules
from site_checks.sitebuild import ROOT

SOURCES = ROOT / "docs" / SCRIPTS
NODE = shutil.which("node")

# The same sums through the joined text and through the modules imported one by one.
PROBE = """
const plan = {sessions: {default: 3}, interval_days: {default: 28}, label: "Acne scars"};
const day = addDays(Date.UTC(2027, 0, 29), 31);
console.log(JSON.stringify([isoDate(day), fill("{a} and {b}", {a: 1, b: 2}), typeof buildCalendar, typeof setup]));
"""


def _run_module(tmp_path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([NODE, "--input-type=module", "-e", f"await import({json.dumps(path.as_uri())})"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="needs Node.js")
def test_the_joined_calculator_holds_every_module_and_needs_no_other_file(tmp_path):
    parts = JOINED["calculator.js"]
    modules = [(part, (SOURCES / part).read_text(encoding="utf-8")) for part in parts]
    # The page part runs only in a browser: stop it at its first use of the page.
    joined = "const document = {querySelectorAll: () => []};\n" + join_modules(modules) + PROBE
    assert "import " not in joined and "export " not in joined
    # 29 January 2027 + 31 days = 1 March 2027 (28 days in February 2027).
    assert _run_module(tmp_path, "joined.mjs", joined) == ["2027-03-01", "1 and 2", "function", "function"]


def test_a_module_importing_one_not_joined_before_it_is_named():
    with pytest.raises(ModuleJoinError, match=r"calendar\.js imports dates\.js, which is not joined before it"):
        join_modules([("calendar.js", 'import { addDays } from "./dates.js";\nexport function x() {}\n'),
                      ("dates.js", "export function addDays() {}\n")])


@pytest.mark.parametrize("text", [
    'import * as dates from "./dates.js";\n',
    'import { addDays as add } from "./dates.js";\n',
    "export default function () {}\n",
    "export { helper };\n",
    'const later = import("./dates.js");\n',
])
def test_an_import_or_export_the_join_does_not_handle_is_named(text):
    with pytest.raises(ModuleJoinError, match=r"calculator\.js: an import or export the join does not handle"):
        join_modules([("dates.js", "export function addDays() {}\n"), ("calculator.js", text)])


def test_two_modules_defining_the_same_name_are_named():
    with pytest.raises(ModuleJoinError, match=r"calendar\.js and dates\.js both define compact"):
        join_modules([("dates.js", "const compact = 1;\n"), ("calendar.js", "function compact() {}\n")])


def test_the_built_site_ships_the_joined_file_where_the_page_loads_it(tmp_path):
    folder = tmp_path / SCRIPTS
    folder.mkdir(parents=True)
    for part in JOINED["calculator.js"]:
        shutil.copy(SOURCES / part, folder / part)
    write_joined_modules(tmp_path)
    shipped = (folder / "calculator.js").read_text(encoding="utf-8")
    for part in JOINED["calculator.js"]:
        first_function = next(line for line in (SOURCES / part).read_text(encoding="utf-8").splitlines()
                              if line.startswith(("function ", "export function ")))
        assert first_function.removeprefix("export ") in shipped, part
