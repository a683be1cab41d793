"""TEMPORARY (remove once all content pages exist): copy the project to a
folder and add stub pages and references for anything not written yet, so
code can be developed and tested before the content lands.

Usage: .venv/bin/python scripts/dev_sandbox.py /tmp/sandbox-NAME
then:  SITE_PROJECT_DEV=/tmp/sandbox-NAME make test
"""
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import copy_project  # noqa: E402

PAGES = ["conditions/index", "conditions/acne-scars", "conditions/scars", "conditions/stretch-marks",
         "conditions/pigmentation", "conditions/wrinkles", "conditions/unproven-uses", "how-it-works",
         "comparisons", "aftercare", "safety", "faq", "glossary", "references", "about"]

target = Path(sys.argv[1])
shutil.rmtree(target, ignore_errors=True)
copy_project(target)
refs = target / "docs/_data/references.yml"
if not refs.exists():
    keys = re.findall(r"^- \[([^\]]+)\]", Path("/work/shared/content/facts.md").read_text(), re.M)
    refs.write_text("".join(f"{k}:\n  label: {k}\n  citation: Stub citation for {k}.\n  checked: abstract\n" for k in keys))
for page in PAGES:
    path = target / "docs" / f"{page}.md"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "{{ reference_list() }}" if page == "references" else "Stub page."
        path.write_text(f"---\ntitle: Stub {page}\ndescription: A stub page that stands in until the real content is written here.\n"
                        f"last_reviewed: 2026-11-01\nnext_review: 2027-11-01\nreviewed_by: Stub\nreferences: []\npage_type: info\n---\n# Stub {page}\n\n{body}\n")
config = target / "mkdocs.yml"
config.write_text(re.sub(r"\nnav:\n.*", "\n", config.read_text(), flags=re.S))
print(target)
