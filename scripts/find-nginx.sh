#!/usr/bin/env bash
# Print the path of an nginx for the tests that serve the built site with the
# generated nginx-security-headers.conf (tests/security/test_nginx.py).
# Order: $NGINX, then `nginx` on the PATH or /usr/sbin/nginx; as root on
# Debian or Ubuntu, install Debian's nginx if there is none; otherwise stop
# and say what to install.  The tests start it themselves, unprivileged, on
# a free port; the system service is never used.
set -euo pipefail
if [ -n "${NGINX:-}" ]; then
  if [ -x "$NGINX" ]; then echo "$NGINX"; exit 0; fi
  echo "NGINX is set to '$NGINX', which is not an executable file." >&2
  exit 1
fi
if command -v nginx >/dev/null; then command -v nginx; exit 0; fi
if [ -x /usr/sbin/nginx ]; then echo /usr/sbin/nginx; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's nginx for the server tests..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } >&2
  echo /usr/sbin/nginx
  exit 0
fi
cat >&2 <<'MSG'
No nginx found for the server tests (they prove the nginx file clinics copy).
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install nginx
  elsewhere:      install nginx and set NGINX=/path/to/nginx
MSG
exit 1
