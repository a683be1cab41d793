"""A real nginx serving a built site with the nginx-security-headers.conf the
build wrote (the file clinics copy), for tests/security/test_nginx.py.

nginx runs in the foreground (`daemon off;`) with its own prefix folder
(`-p DIR -c FILE`) on a free local port.  Started as root (CI containers),
it first drops to the `nobody` user, so it runs unprivileged everywhere; the
site is copied into a folder that user can read."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NOBODY = 65534
MIME_TYPES = Path("/etc/nginx/mime.types")
# Enough for a static site where Debian's mime.types is missing.
FALLBACK_TYPES = """types { text/html html; text/css css; application/javascript js; application/json json;
  image/svg+xml svg; image/png png; application/xml xml; text/plain txt conf; application/gzip gz; }"""


def nginx_path() -> str:
    return os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"


def config(prefix_dir: Path, root: Path, port: int) -> str:
    types = f"include {MIME_TYPES};" if MIME_TYPES.is_file() else FALLBACK_TYPES
    temp = prefix_dir / "temp"
    return f"""daemon off;
worker_processes 1;
pid {prefix_dir}/nginx.pid;
error_log {prefix_dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    {types}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        gzip_static on;
        include {root}/SITE_PREFIX/nginx-security-headers.conf;
    }}
}}
"""


@dataclass
class Nginx:
    process: subprocess.Popen
    folder: Path
    url: str  # where the site is served, ending in "/"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def _drop_to_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def start(site: Path, port: int, path_prefix: str = "/") -> Nginx:
    """Serve a copy of `site` at http://127.0.0.1:port{path_prefix}."""
    folder = Path(tempfile.mkdtemp(prefix="nginx-test-"))
    root = folder / "root"
    served = root / path_prefix.strip("/") if path_prefix.strip("/") else root
    shutil.copytree(site, served)
    (folder / "temp").mkdir()
    text = config(folder, root, port).replace(f"{root}/SITE_PREFIX/", f"{served}/")
    (folder / "nginx.conf").write_text(text, encoding="utf-8")
    as_root = os.geteuid() == 0
    if as_root:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o777 if path.is_dir() else 0o644)
    process = subprocess.Popen([nginx_path(), "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               preexec_fn=_drop_to_nobody if as_root else None)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace")
            raise RuntimeError(f"nginx did not start:\n{output}\n{(folder / 'error.log').read_text(errors='replace') if (folder / 'error.log').exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("nginx did not listen within 20 s")
    return Nginx(process, folder, f"http://127.0.0.1:{port}{path_prefix}")
