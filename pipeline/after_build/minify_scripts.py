"""Our own scripts as the site ships them: rJSmin (a minifier from the
package registry, pinned with its hashes in requirements.txt) removes their
comments and layout white space, and changes nothing else: names, strings
and regular expressions stay as written.  The sources in
docs/assets/javascripts/ keep their comments for the people who work on
them; the performance budget (scripts/bench) measures the shipped files.

The small scripts every page (or every embed page) runs are then shipped
as one file each (BUNDLES), in the order listed: one request instead of
three.  Each extra request of a page's first load costs a phone on a slow
network a round trip before the page's main text counts as shown
(Lighthouse's Largest Contentful Paint moved by 0.15-0.45 s with three).
The sources stay one file per behaviour.  One of Material's files ships with
one of ours after it the same way: lunr's Spanish support, which Material's
search worker loads for the Spanish index, with the query stemming that goes
with that index (search-stemming-es.js)."""
from __future__ import annotations

from pathlib import Path

try:
    import rjsmin
except ImportError as error:  # a .venv made before requirements.txt named it
    raise ImportError("rjsmin is not installed: `make build` or `make test` installs it "
                      "(or run `.venv/bin/pip install -r requirements-test.txt`)") from error

SCRIPTS = "assets/javascripts"
# Shipped file → the scripts it holds, in order, paths from SCRIPTS
# (overrides/main.html and embed.html load the first two; Material's search
# worker the last).  material-on-demand.js reads its settings from the
# <script> element that loads it (document.currentScript).
BUNDLES = {
    "page.js": ("search-dialog.js", "print-date.js", "material-on-demand.js"),
    "embed-page.js": ("print-date.js", "embed.js"),
    "lunr/min/lunr.es.min.js": ("lunr/min/lunr.es.min.js", "search-stemming-es.js"),
}


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


def write_bundles(site_dir: Path) -> None:
    """Join the (minified) scripts of each bundle into its shipped file (all
    parts are read before it is written: a part may be the file itself)."""
    folder = site_dir / SCRIPTS
    for name, parts in BUNDLES.items():
        # Each part is a complete statement (an IIFE); ";" keeps them apart whatever the minifier left.
        (folder / name).write_text(";\n".join((folder / part).read_text(encoding="utf-8").strip().rstrip(";") for part in parts) + ";\n",
                                   encoding="utf-8")
