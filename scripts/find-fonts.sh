#!/usr/bin/env bash
# Make sure the fonts the screenshot baselines were made with are installed
# (tests/visual/): Liberation Sans, which Chromium uses for the site's font
# stack (Helvetica, Arial, sans-serif; the site loads no web fonts).
# As root on Debian or Ubuntu it installs Debian's fonts-liberation; otherwise
# it says what to install and carries on (the screenshot tests then skip
# with a message naming the font they found).
set -euo pipefail
has_font() { command -v fc-match >/dev/null && fc-match -f '%{family}' Helvetica 2>/dev/null | grep -q "Liberation Sans"; }
if has_font; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's fonts-liberation for the screenshot tests..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-liberation; } >&2
  exit 0
fi
cat >&2 <<'MSG'
The screenshot tests need the font their baselines were made with (Liberation Sans).
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install fonts-liberation
Until then the screenshot comparisons are skipped.
MSG
