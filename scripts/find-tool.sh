# Sourced by scripts/find-chromium.sh, find-java.sh and find-nginx.sh: the one
# rule they share for a tool the tests need.
#
#   find_tool VAR PACKAGE PURPOSE MESSAGE CANDIDATE...
#
# Prints the tool's path: $VAR if it is set (an error if it is not an
# executable file), else the first CANDIDATE (a command on the PATH or an
# absolute path) that exists; as root on Debian or Ubuntu, installs Debian's
# PACKAGE if none does; otherwise prints MESSAGE (what to install) and fails.
# Never downloads a tool of its own.
find_tool() {
  local var=$1 package=$2 purpose=$3 message=$4
  shift 4
  local chosen=${!var:-}
  if [ -n "$chosen" ]; then
    if [ -x "$chosen" ]; then echo "$chosen"; return 0; fi
    echo "$var is set to '$chosen', which is not an executable file." >&2
    return 1
  fi
  if _first_of "$@"; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's $package for $purpose..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } >&2
    if _first_of "$@"; then return 0; fi
  fi
  printf '%s\n' "$message" >&2
  return 1
}

_first_of() {
  local candidate
  for candidate in "$@"; do
    if command -v "$candidate" >/dev/null; then command -v "$candidate"; return 0; fi
  done
  return 1
}
