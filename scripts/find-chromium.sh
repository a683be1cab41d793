#!/usr/bin/env bash
# Print the path of a Chromium for the browser tests.
# Order: $CHROMIUM_PATH, then /usr/bin/chromium; as root, install Debian's
# chromium if neither exists; otherwise stop and say what to install.
# Never downloads a browser of its own (no `playwright install`).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', which is not an executable file." >&2
  exit 1
fi
if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2
  echo /usr/bin/chromium
  exit 0
fi
cat >&2 <<'MSG'
No Chromium found for the browser tests.
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install chromium
  elsewhere:      install Chromium and set CHROMIUM_PATH=/path/to/chromium
MSG
exit 1
