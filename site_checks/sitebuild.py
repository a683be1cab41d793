"""Build and serve a copy of the project for tests (no test touches the real tree)."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "pipeline", "overrides", "includes")


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        path = source / part
        if path.is_dir():
            shutil.copytree(path, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, destination / part)
    return destination


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below `folder`, with the sha256 of each file."""
    return {
        path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir")
        for path in sorted(folder.rglob("*"))
    }


def set_config(project: Path, key: str, value: str) -> None:
    """Replace one top-level `key: value` line of the copied mkdocs.yml."""
    config = project / "mkdocs.yml"
    text, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", config.read_text(), flags=re.M)
    if not count:
        text += f"\n{key}: {value}\n"
    config.write_text(text)


def build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a copied project; returns the finished process."""
    site_dir = site_dir or project / "site"
    # Test builds use the local address of mkdocs.yml (or set_config's), never
    # the published SITE_URL (and SITE_REPOSITORY) that CI sets for `make build`.
    env = {**{k: v for k, v in os.environ.items() if k not in {"SITE_URL", "SITE_REPOSITORY"}},
           "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def clinical_fingerprint(project: Path) -> str:
    """The clinical values' fingerprint as CONTRIBUTING.md defines it, computed
    here on its own: the protocol and warning-signs files parsed, as canonical
    JSON, SHA-256."""
    import yaml

    values = {}
    for name in ("_data/protocol.yml", "_data/warning_signs.yml"):
        path = project / "docs" / name
        if path.is_file():
            values[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def log_clinical_change(project: Path, what: str, page: str = "treatment-plan.md", source: str = "Alam2014") -> str:
    """Add the corrections-log entry a changed protocol file needs (today's
    date, the current fingerprint); returns the fingerprint."""
    fingerprint = clinical_fingerprint(project)
    entry = (f"  - date: {dt.date.today().isoformat()}\n    pages: [{page}]\n    what: {what}\n    why: A test.\n"
             f"    sources: [{source}]\n    fingerprint: \"{fingerprint}\"\n")
    log = project / "docs" / "_data" / "corrections.yml"
    log.write_text(log.read_text(encoding="utf-8").replace("corrections:\n", "corrections:\n" + entry, 1), encoding="utf-8")
    return fingerprint


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Rules of a Netlify / Cloudflare Pages `_headers` file: (path pattern, headers)."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    """Headers a host sends for `path`: every matching rule applies ('*' matches
    anything).  A header set by two matching rules would be joined by the host
    into two policies, so it is refused here."""
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), path):
            for name, value in values.items():
                assert name not in headers, f"{path}: {name} set by two rules of _headers"
                headers[name] = value
    return headers


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    header_rules: list[tuple[str, dict[str, str]]] = []

    def end_headers(self) -> None:
        for name, value in headers_for(self.header_rules, self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


def serve(directory: Path, port: int, header_rules: list | None = None) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1:port, sending the headers of `header_rules`
    (parse_headers_file of the site's _headers) as a static host would."""
    handler = type("Handler", (QuietHandler,), {"header_rules": header_rules or []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
