#!/usr/bin/env bash
# Print the path of a Java for the Nu Html Checker (npm vnu-jar) in the tests.
# Order: $JAVA, then `java` on the PATH; as root on Debian or Ubuntu, install
# Debian's default-jre-headless if there is none; otherwise stop and say what
# to install.  Never lets vnu-jar download a Java of its own.
set -euo pipefail
source "$(dirname "$0")/find-tool.sh"
find_tool JAVA default-jre-headless "the HTML checker" "No Java found for the HTML checker (the Nu Html Checker is a Java program).
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install default-jre-headless
  elsewhere:      install Java 11 or newer and set JAVA=/path/to/java" java
