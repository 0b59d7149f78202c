#!/usr/bin/env bash
# Wall time each runtime adds to a unit, against the same command run bare (optbench-exec on the
# host, no sandbox). Same variant (O2), same short ffmpeg command, N repetitions each, medians of
# the wall time optbench-exec measures next to the process. Single-threaded, because docker and
# cgroup pin the unit to one CPU (cpuset 0) while bare and process do not: with threads, the
# pinning itself changes the time (seen: -6 to -9 ms on a 40 ms encode). Prints Markdown.
#   benchmarks/bench/runtime-overhead.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20}
jar=benchmarks/target/benchmarks.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmd=(ffmpeg -nostdin -hide_banner -loglevel error -threads 1 -filter_threads 1 -f lavfi -i testsrc2=size=320x240:rate=25:duration=1 -c:v mpeg4 -f null -)
median() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x) for x in sys.stdin.read().split()):.1f}")'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%F)"
echo
echo "| runtime | median wall (ms) | added vs bare (ms) | median JVM round trip per unit (ms) |"
echo "|---|---:|---:|---:|"
java -jar "$jar" build --variants O2 --no-images --out "$tmp/build" >/dev/null
bin=$(dirname "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["binary"]["path"])' "$tmp/build/O2/variant.json")")
vdir=$(ls -d "${OPTBENCH_CACHE:-$HOME/.cache/optbench}"/builds/O2-*/ | head -1)
walls=""; trips=""
for _ in $(seq "$n"); do
  t0=$(date +%s%N)
  line=$("$vdir/bin/optbench-exec" -- "$vdir/bin/ffmpeg" "${cmd[@]:1}" 2>&1 >/dev/null | grep '@@optbench-exec@@')
  t1=$(date +%s%N)
  walls+=" $(echo "${line#*@@optbench-exec@@}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["wall_ns"]/1e6)')"
  trips+=" $(( (t1 - t0) / 1000 ))e-3"
done
bare=$(echo "$walls" | median)
echo "| bare (optbench-exec on the host) | $bare | 0 | $(echo "$trips" | median) |"
for rt in docker cgroup process; do
  t0=$(date +%s%N)
  if ! java -jar "$jar" run --runtime "$rt" --variant O2 -n "$n" --out "$tmp/$rt" -- "${cmd[@]}" >"$tmp/$rt.log" 2>&1; then
    echo "| $rt | unavailable: $(grep -m1 -i 'unavailable\|optbench:' "$tmp/$rt.log" | cut -c1-80) | | |"; continue
  fi
  t1=$(date +%s%N)
  python3 - "$tmp/$rt" "$bare" "$rt" "$n" "$(( (t1 - t0) / 1000000 ))" <<'PY'
import glob, json, statistics, sys
d, bare, rt, n, total = sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
r = json.load(open(glob.glob(d + "/run-*[0-9].json")[0]))[0]
walls = r["primaryMetric"]["rawData"][0]
m = statistics.median(walls)
print(f"| {rt} | {m:.1f} | {m - bare:+.1f} | (whole run {total} ms / {n} units, incl. JVM start and sandbox set-up) |")
PY
done
