"""The text of a file editors write (pages, includes), as MkDocs reads it.

Some editors (Windows Notepad among them) save a byte-order mark at the start
of a UTF-8 file.  MkDocs drops it when it reads a page; every reader of ours
must drop it too, or a page saved that way would have one front matter for
MkDocs and none for us, and an English page's fingerprint would change with
no change to its text (its translation then shown to readers as out of date).
"""
from __future__ import annotations

from pathlib import Path

ENCODING = "utf-8-sig"  # UTF-8, without the byte-order mark when there is one


def read_source(path: Path | str) -> str:
    return Path(path).read_text(encoding=ENCODING)
