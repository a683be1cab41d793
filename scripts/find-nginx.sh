#!/usr/bin/env bash
# Print the path of an nginx for the tests that serve the built site with the
# generated nginx-security-headers.conf (tests/security/test_nginx.py).
# Order: $NGINX, then `nginx` on the PATH or /usr/sbin/nginx; as root on
# Debian or Ubuntu, install Debian's nginx if there is none; otherwise stop
# and say what to install.  The tests start it themselves, unprivileged, on
# a free port; the system service is never used.
set -euo pipefail
source "$(dirname "$0")/find-tool.sh"
find_tool NGINX nginx "the server tests" "No nginx found for the server tests (they prove the nginx file clinics copy).
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install nginx
  elsewhere:      install nginx and set NGINX=/path/to/nginx" nginx /usr/sbin/nginx
