#!/usr/bin/env bash
# Measures cold and cached build times, binary sizes and the flags each variant really got.
#   ffmpeg-build/bench/build-bench.sh [PROFILE] [VARIANTS]      (defaults: minimal O0,O1,O2,O3,Ofast,Os,Og)
# Cold = a fresh build cache (downloads are shared, so no network time is measured); cached =
# the same command again. Prints a Markdown table to paste into ffmpeg-build/BENCHMARKS.md.
# Run it on a quiet machine: the numbers are wall times.
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=${1:-minimal}
variants=${2:-O0,O1,O2,O3,Ofast,Os,Og}
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
shared=${OPTBENCH_CACHE:-$HOME/.cache/optbench}
cache=$(mktemp -d /var/tmp/optbench-bench.XXXXXX)
trap 'rm -rf "$cache"' EXIT
[ -d "$shared/downloads" ] && cp -r "$shared/downloads" "$cache/"
out=$cache/out

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)" >&2
# Source extraction once, outside the timed builds.
java -jar "$jar" build --cache "$cache" --profile "$profile" --variants O0 --out "$out" >/dev/null
rm -rf "$cache"/builds/O0-*

echo "| variant | cold build (s) | cached run (s) | binary (MiB) | text (KiB) | -O level found | flags configure added |"
echo "|---|---:|---:|---:|---:|---|---|"
IFS=, read -ra vs <<<"$variants"
for v in "${vs[@]}"; do
  java -jar "$jar" build --cache "$cache" --profile "$profile" --variants "$v" --out "$out" >"$cache/cold.log"
  start=$(date +%s.%N)
  java -jar "$jar" build --cache "$cache" --profile "$profile" --variants "$v" --out "$out" >"$cache/warm.log"
  warm=$(echo "$(date +%s.%N) - $start" | bc)
  python3 - "$out/$v/variant.json" "$warm" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
p = m["provenance"]; b = m["binary"]
print(f"| {m['variant']} | {m['buildSeconds']:.0f} | {float(sys.argv[2]):.1f} | {b['fileBytes']/1048576:.1f} | "
      f"{b['sections']['text']//1024} | {' '.join(p['effectiveOptLevels'])} | {' '.join(p['addedByConfigure'])} |")
PY
done
