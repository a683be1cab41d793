#!/usr/bin/env bash
# Print the path of a Chromium for the browser tests.
# Order: $CHROMIUM_PATH, then /usr/bin/chromium; as root, install Debian's
# chromium if neither exists; otherwise stop and say what to install.
# Never downloads a browser of its own (no `playwright install`).
set -euo pipefail
source "$(dirname "$0")/find-tool.sh"
find_tool CHROMIUM_PATH chromium "the browser tests" "No Chromium found for the browser tests.
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install chromium
  elsewhere:      install Chromium and set CHROMIUM_PATH=/path/to/chromium" /usr/bin/chromium
