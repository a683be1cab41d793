"""Print the fingerprints that sign-offs and the corrections log record.

  python -m scripts.fingerprint docs/conditions/acne-scars.md
      the fingerprint of the page's text, for `clinical_review: fingerprint:`
      (the whole page, or the sections its `scope:` names; --section to choose)
  python -m scripts.fingerprint --translation docs/aftercare.md
      the fingerprint of an English page's text, for a translation's
      `translation: source_sha256:` (docs/aftercare.es.md)
  python -m scripts.fingerprint --clinical
      the fingerprint of every clinical value, for the newest entry of
      docs/_data/corrections.yml

What is hashed is defined in pipeline/data/governance.py (page_body, covered_text)
pipeline/data/translation.py (source_fingerprint) and pipeline/data/corrections.py
(clinical_fingerprint).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from pipeline.data.corrections import clinical_fingerprint, clinical_values
from pipeline.data.governance import WHOLE_PAGE, covered_text, fingerprint, front_matter, page_body, sections
from pipeline.data.source_text import read_source
from pipeline.data.translation import source_fingerprint


def page_fingerprint(path: Path, chosen: list[str] | None = None) -> str:
    source = read_source(path)
    if chosen is None:
        review = front_matter(source).get("clinical_review")
        chosen = review.get("scope") if isinstance(review, dict) and isinstance(review.get("scope"), list) else None
    missing = [title for title in chosen or () if title not in sections(page_body(source))]
    if missing:
        raise SystemExit(f"{path}: no section {', '.join(repr(t) for t in missing)}; write each heading as the page shows it")
    return fingerprint(covered_text(source, chosen or WHOLE_PAGE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", type=Path, help="a page under docs/")
    parser.add_argument("--section", action="append", help="a section heading the sign-off covers (repeat for more)")
    parser.add_argument("--translation", action="store_true", help="the English page's fingerprint for its translations")
    parser.add_argument("--clinical", action="store_true", help="the clinical values' fingerprint")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.clinical == bool(args.page):
        parser.error("give a page, or --clinical")
    if args.translation and args.page:
        print(f"source_sha256: {source_fingerprint(read_source(args.page))}")
    elif args.clinical:
        print(f'fingerprint: "{clinical_fingerprint(clinical_values(args.docs))}"')
    else:
        print(f'fingerprint: "{page_fingerprint(args.page, args.section)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
