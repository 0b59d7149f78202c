#!/usr/bin/env bash
# run's cost per repetition beyond the unit (issue 13's goal: <= 20 ms), for the docker runtime
# with its serve mode (one `docker exec` per sandbox) and without (-Doptbench.docker.serve=false:
# one exec per unit), taken as README defines it: wall of `run -n 45` minus wall of `run -n 5`,
# less the 40 extra units' own wall (optbench-exec's, from the run's JMH JSON), over 40. The two
# modes alternate within each of K rounds so both see the same machine. Prints one line per run
# pair and the medians with their range. Needs the O2 variant built and a Docker engine.
# BIG=205 takes -n 205 instead of 45: on a loaded machine the JVM's start-up varies by seconds,
# which over 40 repetitions is tens of ms each (seen: negative costs at load 15).
#   [BIG=N] benchmarks/bench/per-repetition-cost.sh [K] [MODE...]
#   MODE: docker-serve, docker-exec (serve mode off), cgroup, process; default docker-serve docker-exec;
#   a mode ending in -keepmount runs with --no-favordynmods (the cgroup2 mount as the host has it)
set -euo pipefail
cd "$(dirname "$0")/../.."
k=${1:-5}
shift || true
modes=("${@:-docker-serve docker-exec}")
read -r -a modes <<<"${modes[*]}"
jar=benchmarks/target/benchmarks.jar
big=${BIG:-45}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmd=(ffmpeg -nostdin -hide_banner -loglevel error -threads 1 -filter_threads 1 -f lavfi -i testsrc2=size=320x240:rate=25:duration=0.5 -c:v mpeg4 -f null -)

# MODE N -> "whole-run-ms sum-of-unit-wall-ms"
run() {
  local mode=$1 n=$2 out
  out=$(mktemp -d "$tmp/$mode-$n-XXXX")
  local java=(java)
  local runtime=${mode%%-*}
  [ "${mode%-keepmount}" = docker-exec ] && java+=(-Doptbench.docker.serve=false)
  local extra=()
  [ "$mode" != "${mode%-keepmount}" ] && extra+=(--no-favordynmods)
  local t0 t1
  t0=$(date +%s%N)
  "${java[@]}" -jar "$jar" run --runtime "$runtime" ${extra[@]+"${extra[@]}"} --variant O2 -n "$n" --out "$out" -- "${cmd[@]}" >"$out.log" 2>&1 \
    || { echo "run failed: $mode -n $n, see:" >&2; tail -5 "$out.log" >&2; exit 1; }
  t1=$(date +%s%N)
  python3 - "$out" "$(( (t1 - t0) / 1000000 ))" <<'PY'
import glob, json, sys
r = json.load(open(glob.glob(sys.argv[1] + "/run-*[0-9].json")[0]))[0]
print(sys.argv[2], sum(r["primaryMetric"]["rawData"][0]))
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(date -u '+%F %H:%M') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A costs
for round in $(seq "$k"); do
  for mode in "${modes[@]}"; do
    read -r tbig wbig < <(run "$mode" "$big")
    read -r t5 w5 < <(run "$mode" 5)
    c=$(python3 -c "print(f'{(($tbig - $t5) - ($wbig - $w5)) / ($big - 5):.1f}')")
    costs[$mode]+=" $c"
    echo "round $round $mode: -n $big ${tbig} ms (units ${wbig%.*} ms), -n 5 ${t5} ms (units ${w5%.*} ms): ${c} ms per repetition beyond the unit"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in "${modes[@]}"; do
  python3 - "$mode" ${costs[$mode]} <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[2:]]
print(f"{sys.argv[1]}: median {statistics.median(v):.1f} ms per repetition beyond the unit"
      f" (range {min(v):.1f}-{max(v):.1f}, {len(v)} pairs)")
PY
done
