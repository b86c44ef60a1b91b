#!/bin/sh
# Makes a class-data-sharing archive for the service (Java's AppCDS): one run of the sandbox records
# the classes the service loads - start-up, a reconcile, the HTTP calls - and writes them, parsed and
# verified, to ARCHIVE when it stops. A JVM started with -XX:SharedArchiveFile=ARCHIVE maps them
# instead of reading them from the jars: healthy in about 2.4 s instead of about 3.4 on two cores.
# The archive fits one JVM build and one classpath: make it where it runs (the Dockerfile does, at
# build time), with the jar at the path it runs from. A JVM that cannot use it starts without it.
# Run it from the folder that holds routes/ and config/, as the service runs.
#   scripts/class-archive.sh JAR ARCHIVE
set -eu
jar=${1:?usage: class-archive.sh JAR ARCHIVE}
archive=${2:?usage: class-archive.sh JAR ARCHIVE}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the sandbox on ports of its own, a first reconcile after 1 s, stopped by Camel after 15 s
env -i PATH="$PATH" HOME="$work" SANDBOX=true DATA_DIR="$work/data" HTTP_PORT=18970 \
  SANDBOX_SHOTGRID_PORT=18971 SANDBOX_RESILIO_PORT=18972 SAFETY_NET_INITIAL_DELAY_MS=1000 \
  CAMEL_MAIN_DURATIONMAXSECONDS=15 \
  java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"$work/run.log" 2>&1 \
  || { tail -30 "$work/run.log" >&2; echo "class-archive.sh: the training run failed" >&2; exit 1; }
[ -s "$archive" ] || { tail -30 "$work/run.log" >&2; echo "class-archive.sh: no archive written" >&2; exit 1; }
echo "class-archive.sh: $(wc -c <"$archive") bytes in $archive"
