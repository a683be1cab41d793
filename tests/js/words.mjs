// The build's words for the calculator (pipeline/pages/calculator_text.py), as the
// page's JSON carries them, so these tests fill in the real templates.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = process.env.PYTHON || root + ".venv/bin/python";

function wordsIn(lang) {
  return JSON.parse(execFileSync(python, ["-c",
    `import json, pipeline.pages.calculator_text as t; print(json.dumps(t.words("${lang}")))`], { cwd: root, encoding: "utf-8" }));
}

export const words = wordsIn("en");
// A Spanish page's words (the same keys: tests/unit/test_wording.py).
export const spanishWords = wordsIn("es");
