"""Precompressed copies for static hosts: the same bytes when unpacked, the
same file on every build, nothing for files too small to gain."""
import gzip
from pathlib import Path

from pipeline.after_build.precompress import precompress


def test_copies_unpack_to_the_original_and_are_reproducible(tmp_path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Wash gently with lukewarm water.</p>\n" * 200)
    (tmp_path / "tiny.css").write_text("a{}")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(4000))
    count, before, after = precompress(tmp_path)
    copy = page.with_name("index.html.gz")
    assert count == 1 and after < before / 10
    assert gzip.decompress(copy.read_bytes()) == page.read_bytes()
    first = copy.read_bytes()
    precompress(tmp_path)
    assert copy.read_bytes() == first, "a rebuild must give the same bytes"
    assert not (tmp_path / "tiny.css.gz").exists() and not (tmp_path / "logo.png.gz").exists()
