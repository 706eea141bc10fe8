#!/usr/bin/env bash
# Replaces the lines between `<!-- BEGIN name -->` and `<!-- END name -->` in DOCUMENT with the
# contents of FILE, for each NAME=FILE given:   splice.sh DOCUMENT NAME=FILE...
set -euo pipefail
document=$1; shift
for pair in "$@"; do
  name=${pair%%=*}; file=${pair#*=}
  [ -f "$file" ] || { echo "splice: $file is missing, section $name left as it was" >&2; continue; }
  grep -q "<!-- BEGIN $name -->" "$document" || { echo "splice: no section $name in $document" >&2; exit 1; }
  awk -v name="$name" -v file="$file" '
    $0 == "<!-- BEGIN " name " -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == "<!-- END " name " -->" { skip = 0 }
    !skip { print }
  ' "$document" > "$document.tmp" && mv "$document.tmp" "$document"
done
