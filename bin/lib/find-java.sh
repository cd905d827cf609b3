# Sourced by bin/quarry and bin/test: sets QUARRY_JAVA to a java >= 21, or exits with advice.
# Order: JAVA_HOME, then java on PATH, then the system's JVM folder (newest first).

quarry_java_major() {
  # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

quarry_find_java() {
  local candidate major dir
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  candidate=$(command -v java 2>/dev/null) && candidates+=("$candidate")
  for dir in $(ls -d /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidates+=("${dir%/}/bin/java")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    major=$(quarry_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      QUARRY_JAVA=$candidate
      return 0
    fi
  done
  echo "quarry: needs Java 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "quarry: install a JDK 21+ (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25) or set JAVA_HOME to one." >&2
  exit 3
}

quarry_find_java
# Maven must compile with the same JDK
export JAVA_HOME
JAVA_HOME=$(cd "$(dirname "$QUARRY_JAVA")/.." && pwd)
