"""Write a gzip copy beside every text file of the built site (`make build`).

Static hosts such as nginx (`gzip_static on;`) then send the smaller file
without compressing on every request; hosts that compress by themselves
(Netlify, Cloudflare, GitHub Pages) ignore the copies.  The copies are
byte-for-byte reproducible (no time stamp, fixed level), so a rebuild of
the same site gives the same files.

Usage: python -m pipeline.after_build.precompress site/
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".conf"}
MIN_BYTES = 1024  # smaller files gain nothing worth a second copy


def precompress(site: Path) -> tuple[int, int, int]:
    """(files written, bytes before, bytes after)."""
    count = before = after = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        raw = path.read_bytes()
        packed = gzip.compress(raw, compresslevel=9, mtime=0)
        if len(packed) >= len(raw):
            continue
        path.with_name(path.name + ".gz").write_bytes(packed)
        count, before, after = count + 1, before + len(raw), after + len(packed)
    return count, before, after


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    count, before, after = precompress(site)
    print(f"precompressed {count} files: {before:,} → {after:,} bytes")
