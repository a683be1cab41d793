"""Our own scripts as the site ships them: rJSmin (a minifier from the
package registry, pinned with its hashes in requirements.txt) removes their
comments and layout white space, and changes nothing else: names, strings
and regular expressions stay as written.  The sources in
docs/assets/javascripts/ keep their comments for the people who work on
them; the performance budget (scripts/bench) measures the shipped files."""
from __future__ import annotations

from pathlib import Path

try:
    import rjsmin
except ImportError as error:  # a .venv made before requirements.txt named it
    raise ImportError("rjsmin is not installed: `make build` or `make test` installs it "
                      "(or run `.venv/bin/pip install -r requirements-test.txt`)") from error

SCRIPTS = "assets/javascripts"


def minify_scripts(site_dir: Path, docs_dir: Path) -> list[str]:
    """Minify, in the built site, each script that docs/assets/javascripts/
    holds (not Material's, which come minified); returns their names."""
    done = []
    for source in sorted((docs_dir / SCRIPTS).glob("*.js")):
        shipped = site_dir / SCRIPTS / source.name
        if shipped.is_file():
            shipped.write_text(rjsmin.jsmin(shipped.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(source.name)
    return done
