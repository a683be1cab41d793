"""The calculator's three ES modules shipped as one: one request instead of
three, none waiting for another.

As separate modules the browser learns that calculator.js needs dates.js
and calendar.js only once calculator.js has arrived: on a phone on a slow
network, two more round trips before the table has its dates, and two more
requests before Lighthouse counts the page's main text as shown (its
Largest Contentful Paint, on the treatment plan page).  The sources stay
one module per behaviour (the JavaScript tests import them one by one).

This is a join, not a general bundler: it accepts only what our modules
use, imports of named functions from a module joined before, `export` in
front of a top-level declaration, and distinct top-level names; anything
else is an error naming the file, so a new kind of import is noticed, not
shipped broken."""
from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = "assets/javascripts"
# Shipped module → the modules it holds, each after those it imports.
JOINED = {"calculator.js": ("dates.js", "calendar.js", "calculator.js")}

_IMPORT = re.compile(r'^import \{\s*[\w$]+(?:\s*,\s*[\w$]+)*\s*\} from "\./([\w.-]+)";[ \t]*\n', re.M)  # names only, no "as"
_EXPORT = re.compile(r"^export (?=(?:async )?function\b|const\b|let\b|class\b)", re.M)
_TOP_LEVEL_NAME = re.compile(r"^(?:export )?(?:async )?(?:function\*?|const|let|var|class)\s+([\w$]+)", re.M)
_LEFT_OVER = re.compile(r"^\s*(?:import\b|export\b)|\bimport\s*\(", re.M)


class ModuleJoinError(ValueError):
    pass


def join_modules(modules: list[tuple[str, str]]) -> str:
    """One module from (name, text) pairs, in order: imports removed (each
    must name a module joined before), `export` removed, names checked."""
    defined: dict[str, str] = {}
    joined = []
    for position, (name, text) in enumerate(modules):
        before = [earlier for earlier, _ in modules[:position]]
        for imported in _IMPORT.findall(text):
            if imported not in before:
                raise ModuleJoinError(f"{name} imports {imported}, which is not joined before it (joined before: {before or 'none'})")
        body = _EXPORT.sub("", _IMPORT.sub("", text))
        left = _LEFT_OVER.search(body)
        if left:
            line = body.count("\n", 0, left.start()) + 1
            raise ModuleJoinError(f"{name}: an import or export the join does not handle, near line {line} of the joined text "
                                  "(only `import {{ a, b }} from \"./x.js\";` and `export` before a declaration)")
        for top in _TOP_LEVEL_NAME.findall(text):
            if top in defined:
                raise ModuleJoinError(f"{name} and {defined[top]} both define {top} at the top level: rename one")
            defined[top] = name
        joined.append(body.strip())
    return "\n".join(joined) + "\n"


def write_joined_modules(site_dir: Path) -> None:
    """Replace each shipped entry module by the join of its modules (before
    minifying: the patterns read the sources' line starts)."""
    folder = site_dir / SCRIPTS
    for entry, parts in JOINED.items():
        modules = [(part, (folder / part).read_text(encoding="utf-8")) for part in parts]
        (folder / entry).write_text(join_modules(modules), encoding="utf-8")
