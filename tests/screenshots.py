"""Screenshot baselines (tests/visual/): where they live, what they were made
with, and how two screenshots are compared (in Chromium's canvas: no image
library)."""
from __future__ import annotations

import base64
import json
import os
import subprocess
from pathlib import Path

HERE = Path(__file__).parent / "visual"
BASELINES = HERE / "baselines"
OUTPUT = HERE / "output"  # actual and diff images of a failed comparison (not committed)
VERSIONS = BASELINES / "versions.json"
# A pixel differs when one colour channel differs by more than this (0-255):
# below it is anti-aliasing noise.  A screenshot fails when more than
# TOLERANCE of its pixels differ (a box that moves or changes size shows far
# more; a reworded sentence a little less).
CHANNEL_THRESHOLD = 40
TOLERANCE = 0.005
UPDATING = os.environ.get("UPDATE_SCREENSHOTS") == "1"
# Comparisons skipped because the baselines came from another Chromium or
# font: listed in a banner at the end of the test session (tests/conftest.py).
SKIPPED: list[str] = []


def font_in_use() -> str:
    """The font file Chromium gets for the site's font stack (fontconfig)."""
    try:
        return subprocess.run(["fc-match", "-f", "%{file}", "Helvetica"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no fc-match)"


def environment(browser) -> dict[str, str]:
    return {"chromium": browser.version, "font": font_in_use()}


def recorded_environment() -> dict[str, str]:
    return json.loads(VERSIONS.read_text(encoding="utf-8")) if VERSIONS.exists() else {}


def record_environment(browser) -> None:
    VERSIONS.write_text(json.dumps(environment(browser), indent=2) + "\n", encoding="utf-8")


COMPARE = """async ([baseline, actual, threshold]) => {
  const load = (data) => new Promise((resolve, reject) => {
    const img = new Image(); img.onload = () => resolve(img); img.onerror = reject; img.src = "data:image/png;base64," + data;
  });
  const [a, b] = await Promise.all([load(baseline), load(actual)]);
  const width = Math.max(a.width, b.width), height = Math.max(a.height, b.height);
  const pixels = (img) => {
    const canvas = new OffscreenCanvas(width, height), ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ff00ff"; ctx.fillRect(0, 0, width, height);  // area one image lacks counts as different
    ctx.drawImage(img, 0, 0);
    return ctx.getImageData(0, 0, width, height).data;
  };
  const pa = pixels(a), pb = pixels(b);
  const diff = new OffscreenCanvas(width, height), dctx = diff.getContext("2d"), out = dctx.createImageData(width, height);
  let differing = 0;
  for (let i = 0; i < pa.length; i += 4) {
    const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
    if (d > threshold) { differing++; out.data[i] = 255; out.data[i + 3] = 255; }
    else { const grey = 255 - (255 - pa[i + 1]) / 4; out.data[i] = out.data[i + 1] = out.data[i + 2] = grey; out.data[i + 3] = 255; }
  }
  dctx.putImageData(out, 0, 0);
  const blob = await diff.convertToBlob({ type: "image/png" });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = ""; for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ratio: differing / (width * height), differing, width, height, sizes: [a.width, a.height, b.width, b.height], diff: btoa(binary) };
}"""


def compare(browser, baseline: bytes, actual: bytes) -> dict:
    """Share of differing pixels between two PNGs, and a diff image (PNG
    bytes: differing pixels red over a faded baseline)."""
    context = browser.new_context()
    page = context.new_page()
    result = page.evaluate(COMPARE, [base64.b64encode(baseline).decode(), base64.b64encode(actual).decode(), CHANNEL_THRESHOLD])
    context.close()
    result["diff"] = base64.b64decode(result["diff"])
    return result


def skipped_banner(terminalreporter) -> None:
    """A loud banner when comparisons were skipped: a skip must not quietly
    hide a changed page."""
    if not SKIPPED:
        return
    terminalreporter.write_sep("!", "SCREENSHOT BASELINES NOT CHECKED", red=True, bold=True)
    terminalreporter.write_line("These screenshots differ from baselines made with another Chromium or font:", red=True)
    for line in SKIPPED:
        terminalreporter.write_line(f"  {line}", red=True)
    terminalreporter.write_line("Look at tests/visual/output/*.diff.png; if only the browser or font changed, run `make screenshots` and commit.", red=True)
