"""Class 10 of issue 10: no line break in a text value can end a line of the
calendar file (.ics) and start a property of its own; a bare CR included."""
import json
import shutil
import subprocess

from site_checks.sitebuild import ROOT


def escape_text(text: str) -> str:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test (it is also needed for the HTML checker; see DEVELOPING.md)"
    module = (ROOT / "docs/assets/javascripts/calendar.js").as_uri()
    script = (f"import {{ escapeText }} from {json.dumps(module)}; "
              "process.stdout.write(JSON.stringify(escapeText(process.argv[1])));")
    result = subprocess.run([node, "--input-type=module", "-e", script, text],
                            capture_output=True, text=True, timeout=30, check=True)
    return json.loads(result.stdout)


def test_every_kind_of_line_break_is_escaped():
    escaped = escape_text("Acne scars\rBEGIN:VEVENT\nX\r\nY; a, b\\")
    assert escaped == "Acne scars\\nBEGIN:VEVENT\\nX\\nY\\; a\\, b\\\\"
    assert "\r" not in escaped and "\n" not in escaped
