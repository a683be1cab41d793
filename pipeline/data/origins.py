"""The web origins a clinic lets frame the embed pages (`embed_origins` in
docs/_data/clinic.yml).

They are written into HTTP headers (the Content-Security-Policy of the
`_headers` file and of the nginx snippet), so a value is accepted only in
the one shape a header can carry safely: `https://host` or
`https://host:port`, optionally with a leading `*.` label (any subdomain).
Anything else (a quote, `;`, a space, a newline, a path) could end the
policy or add a header, and is refused with the line of the mistake.
Plain `http://` is accepted only for this computer (localhost, 127.0.0.1),
which the tests use for a second local origin.
"""
from __future__ import annotations

import re

from .checks import Checker, describe

LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
PORT = r"(?::(?:[1-9][0-9]{0,4}))?"
# https://[*.]label.label[.label…][:port]; a wildcard needs two labels after it (no '*.com').
HTTPS_ORIGIN = re.compile(rf"https://(?:\*\.{LABEL}\.{LABEL}(?:\.{LABEL})*|{LABEL}(?:\.{LABEL})*){PORT}")
LOCAL_ORIGIN = re.compile(rf"http://(?:localhost|127\.0\.0\.1){PORT}")
EXAMPLE = "'https://www.your-clinic.example'"


def origin_problem(value) -> str | None:
    """Why `value` is not an origin that may frame the embed pages; None when it is."""
    if not isinstance(value, str):
        return f"expected an address like {EXAMPLE}, got {describe(value)}"
    if is_origin(value):
        return None
    shown = value.encode("unicode_escape").decode("ascii")  # a newline shows as \n
    scheme, separator, rest = value.partition("://")
    host = rest.split("/", 1)[0]
    if separator and scheme.lower() in {"https", "http"} and "/" in rest and is_origin(f"{scheme.lower()}://{host.lower()}"):
        return f"'{shown}' has a path; list only the origin (scheme, host and port), e.g. '{scheme.lower()}://{host.lower()}'"
    if scheme.lower() == "http" and separator:
        return f"'{shown}' uses http; only https sites may frame the pages (http is allowed for localhost tests)"
    return (f"'{shown}' is not a web origin; write it like {EXAMPLE} or 'https://*.your-clinic.example' "
            "(https, a host name, an optional :port; no path, spaces, quotes or ';')")


def is_origin(value: str) -> bool:
    lower = value.lower()
    if not (HTTPS_ORIGIN.fullmatch(lower) or LOCAL_ORIGIN.fullmatch(lower)):
        return False
    port = lower.rpartition(":")[2]
    return not port.isdigit() or int(port) <= 65535


def embed_origins(check: Checker, origins) -> tuple[str, ...] | None:
    """The checked origins (lower case), or None for "any HTTPS site": the
    value left empty, an empty list, or '*' (what docs/embedding.md says)."""
    if origins is None or origins == "*" or origins == []:
        return None
    if not isinstance(origins, list):
        check.fail(("embed_origins",), f"expected a list of web origins, e.g. [{EXAMPLE}], or '*' for any HTTPS site")
        return None
    valid = []
    for index, origin in enumerate(origins):
        problem = origin_problem(origin)
        if problem:
            check.fail(("embed_origins", index), problem)
        else:
            valid.append(origin.lower())
    return tuple(valid)
