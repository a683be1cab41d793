"""`make build`: the publishable site, built aside and swapped into place.

Nothing half-built is published: the strict build (and the gzip copies)
are written to a new folder beside site/, and only a finished, checked
build replaces site/.  On Linux the two folders are exchanged in one step
(renameat2 RENAME_EXCHANGE), so a kill at any moment leaves either the
previous site/ or the new one, never a mix.  A strict-mode warning, a data
error, a full disk, Ctrl-C or a kill leave the previous site/ exactly as it
was; the unfinished folder is removed (or, after a kill, at the next build).

A publishable build must know its address (canonical links, sitemap, link
previews, structured data, the embed snippets' frame address and origin
check): set SITE_URL.  `make serve` and the tests use a local address on
purpose and do not come through here.

Usage: SITE_URL=https://example.org/ python -m scripts.build [--project DIR]
"""
from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.after_build.precompress import precompress

WORK_PREFIX = ".site-build-"  # unfinished builds beside site/ (.gitignore lists them)
OLD_PREFIX = ".site-old-"
RENAME_EXCHANGE = 2  # linux/fs.h

HOW_TO_SET = (
    "Set SITE_URL to the address the site will be published at, ending in '/', e.g.\n"
    "  SITE_URL=https://www.example.org/ make build\n"
    "  SITE_URL=https://your-name.github.io/your-repository/ make build\n"
    "(`make serve` previews at http://127.0.0.1:8000/ without it.)"
)


class BuildError(Exception):
    pass


def site_url_problem(value: str | None) -> str | None:
    """Why SITE_URL cannot be the published address, or None when it can."""
    if not value:
        return "SITE_URL is not set: a publishable build needs the address it will be published at."
    parts = urlsplit(value)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        return f"SITE_URL '{value}' is not a web address."
    if parts.query or parts.fragment or not value.endswith("/") or any(c in value for c in "\"'<> \\\t\r\n"):
        return f"SITE_URL '{value}' must be a plain address ending in '/', with no query, fragment, quotes or spaces."
    return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
            return False
        raise OSError(errno, os.strerror(errno), str(a))
    return True


def replace_site(new: Path, site: Path) -> None:
    """Put the finished build `new` in place of `site`."""
    if not site.exists():
        new.rename(site)
        return
    if exchange(new, site):
        shutil.rmtree(new)  # now holds the previous site
        return
    # Elsewhere: two renames; recover_interrupted_swap() repairs a kill between them.
    old = site.with_name(OLD_PREFIX + new.name.removeprefix(WORK_PREFIX))
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def recover_interrupted_swap(site: Path) -> None:
    """Put back a previous site/ left aside by a build killed between two renames,
    and remove unfinished builds."""
    olds = sorted(site.parent.glob(OLD_PREFIX + "*"))
    if not site.exists() and olds:
        olds[-1].rename(site)
    for leftover in [*olds, *site.parent.glob(WORK_PREFIX + "*")]:
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)


def build(project: Path, site_url: str | None) -> Path:
    problem = site_url_problem(site_url)
    if problem:
        raise BuildError(f"{problem}\n{HOW_TO_SET}")
    site = project / "site"
    recover_interrupted_swap(site)
    work = None
    try:
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=project))
        env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(work)],
                                cwd=project, env=env)
        if result.returncode != 0:
            raise BuildError("The build failed (see above); site/ was left as it was.")
        count, before, after = precompress(work)
        print(f"precompressed {count} files: {before:,} → {after:,} bytes")
        replace_site(work, site)
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    try:
        site = build(args.project.resolve(), os.environ.get("SITE_URL"))
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # e.g. a full disk
        print(f"The build could not be written ({error}); site/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Build interrupted; site/ was left as it was.", file=sys.stderr)
        return 130
    print(f"Built {site} for {os.environ['SITE_URL']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
