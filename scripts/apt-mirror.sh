#!/usr/bin/env bash
# Prints the Debian archive this machine's apt is configured with (the first "deb" source that is not
# the security archive), for debootstrap to use the same one. Reads the one-line format
# (sources.list, *.list) and the deb822 format (*.sources) under APT_ETC (default /etc/apt).
# Names no host itself: with no usable source it fails, saying where it looked.
set -euo pipefail
APT_ETC=${APT_ETC:-/etc/apt}

sources() {
  local f
  for f in "$APT_ETC/sources.list" "$APT_ETC"/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # deb [options] URI suite components...
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ } print $i }' "$f"
  done
  for f in "$APT_ETC"/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # stanzas separated by blank lines; a stanza with "Types: deb" (and not Enabled: no) gives its URIs
    awk 'BEGIN { RS = ""; FS = "\n" }
         { deb = 0; off = 0; uris = ""
           for (i = 1; i <= NF; i++) {
             if ($i ~ /^Types:/ && $i ~ /[[:space:]]deb([[:space:]]|$)/) deb = 1
             if ($i ~ /^Enabled:[[:space:]]*no/) off = 1
             if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[[:space:]]*/, "", uris) }
           }
           if (deb && !off && uris != "") { n = split(uris, u, /[[:space:]]+/); for (j = 1; j <= n; j++) print u[j] } }' "$f"
  done
}

mirror=$(sources | grep -E '^(https?|file)://' | grep -v -- '-security' | head -1 || true)
if [ -z "$mirror" ]; then
  echo "no Debian archive found in this machine's apt sources ($APT_ETC/sources.list, $APT_ETC/sources.list.d/*.list," \
    "*.sources): add one, e.g. your studio's mirror, and run again" >&2
  exit 1
fi
echo "$mirror"
