"""Class 10 of issue 10: no line break in a text value can end a line of the
calendar file (.ics) and start a property of its own; a bare CR included."""
import json
import shutil
import subprocess

from sitebuild import ROOT


def escape_text(text: str) -> str:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test (it is also needed for the HTML checker; see DEVELOPING.md)"
    script = ("global.window = {}; require(process.argv[1]); "
              "process.stdout.write(JSON.stringify(window.ScheduleCalendar.escapeText(process.argv[2])));")
    result = subprocess.run([node, "-e", script, str(ROOT / "docs/assets/javascripts/calendar.js"), text],
                            capture_output=True, text=True, timeout=30, check=True)
    return json.loads(result.stdout)


def test_every_kind_of_line_break_is_escaped():
    escaped = escape_text("Acne scars\rBEGIN:VEVENT\nX\r\nY; a, b\\")
    assert escaped == "Acne scars\\nBEGIN:VEVENT\\nX\\nY\\; a\\, b\\\\"
    assert "\r" not in escaped and "\n" not in escaped
