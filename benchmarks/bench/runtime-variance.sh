#!/usr/bin/env bash
# Round-to-round spread of one unit's wall under each runtime, side by side: the question left
# open on issue 13 of why the Docker path's per-unit CV (4-6 %) was above the cgroup runtime's
# on the same machine. Each of K rounds runs `run -n N` once per mode, the modes in turn, same
# variant (O2), same command, same --cpuset; the CV of the N walls (optbench-exec's, from the
# run's JMH JSON) is taken per run, and the medians of those CVs per mode are printed with their
# range. Two commands: a single-threaded encode, and the same with two filter threads (as the
# default workload's threaded unit), because a second thread on one pinned core is where a
# sandbox's own scheduling would show. Needs O2 built, a Docker engine and writable cgroups.
#   benchmarks/bench/runtime-variance.sh [K] [N] [MODE...]
#   MODE: docker-serve, docker-exec (serve mode off), cgroup, process; default docker-serve cgroup
set -euo pipefail
cd "$(dirname "$0")/../.."
k=${1:-4}
n=${2:-20}
shift 2 || true
modes=("${@:-docker-serve cgroup}")
read -r -a modes <<<"${modes[*]}"
jar=benchmarks/target/benchmarks.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
single=(ffmpeg -nostdin -hide_banner -loglevel error -threads 1 -filter_threads 1 -f lavfi -i testsrc2=size=640x360:rate=25:duration=2 -c:v mpeg4 -f null -)
threaded=(ffmpeg -nostdin -hide_banner -loglevel error -threads 1 -filter_threads 2 -f lavfi -i testsrc2=size=640x360:rate=25:duration=2 -vf scale=320:180 -c:v mpeg4 -f null -)

# MODE NAME ARGV... -> "median-wall-ms cv-percent"
run() {
  local mode=$1 name=$2 out
  shift 2
  out=$(mktemp -d "$tmp/$mode-$name-XXXX")
  local java=(java)
  [ "$mode" = docker-exec ] && java+=(-Doptbench.docker.serve=false)
  "${java[@]}" -jar "$jar" run --runtime "${mode%%-*}" --variant O2 -n "$n" --out "$out" -- "$@" >"$out.log" 2>&1 \
    || { echo "run failed: $mode $name, see:" >&2; tail -5 "$out.log" >&2; exit 1; }
  python3 - "$out" <<'PY'
import glob, json, statistics, sys
r = json.load(open(glob.glob(sys.argv[1] + "/run-*[0-9].json")[0]))[0]
w = r["primaryMetric"]["rawData"][0]
print(f"{statistics.median(w):.1f} {100 * statistics.stdev(w) / statistics.mean(w):.2f}")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(date -u '+%F %H:%M') UTC, load $(cut -d' ' -f1-3 /proc/loadavg); $k rounds of -n $n"
declare -A cvs walls
for round in $(seq "$k"); do
  for name in single threaded; do
    for mode in "${modes[@]}"; do
      if [ "$name" = single ]; then argv=("${single[@]}"); else argv=("${threaded[@]}"); fi
      read -r wall cv < <(run "$mode" "$name" "${argv[@]}")
      cvs[$mode/$name]+=" $cv"
      walls[$mode/$name]+=" $wall"
      echo "round $round $name $mode: median wall $wall ms, CV $cv %"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in single threaded; do
  for mode in "${modes[@]}"; do
    python3 - "$mode/$name" "${walls[$mode/$name]}" ${cvs[$mode/$name]} <<'PY'
import statistics, sys
w = [float(x) for x in sys.argv[2].split()]
v = [float(x) for x in sys.argv[3:]]
print(f"{sys.argv[1]}: median wall {statistics.median(w):.1f} ms; CV median {statistics.median(v):.2f} % (range {min(v):.2f}-{max(v):.2f})")
PY
  done
done
