#!/usr/bin/env bash
# Print the path of a Java for the Nu Html Checker (npm vnu-jar) in the tests.
# Order: $JAVA, then `java` on the PATH; as root on Debian or Ubuntu, install
# Debian's default-jre-headless if there is none; otherwise stop and say what
# to install.  Never lets vnu-jar download a Java of its own.
set -euo pipefail
if [ -n "${JAVA:-}" ]; then
  if [ -x "$JAVA" ]; then echo "$JAVA"; exit 0; fi
  echo "JAVA is set to '$JAVA', which is not an executable file." >&2
  exit 1
fi
if command -v java >/dev/null; then command -v java; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's default-jre-headless for the HTML checker..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; } >&2
  command -v java
  exit 0
fi
cat >&2 <<'MSG'
No Java found for the HTML checker (the Nu Html Checker is a Java program).
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install default-jre-headless
  elsewhere:      install Java 11 or newer and set JAVA=/path/to/java
MSG
exit 1
