#!/usr/bin/env bash
# Units per minute of the interleaved main job on one Docker engine vs two engines working side by
# side on this machine, and what the harness costs per unit around the unit.
#
# Starts two private dockerd (as .ci/services.sh does: own socket, data and exec roots, no bridge,
# no iptables), so it needs root and docker.io; the engines are reached over their unix sockets
# (local path: host cgroup files, work folder bind-mounted) or, with --tcp, over plain TCP on
# 127.0.0.1 (the remote path: work folder over the API, totals inside the container; loopback
# only, no TLS needed for a measurement). Uses the cached O0 and O2 builds ($OPTBENCH_CACHE) and
# benchmarks/target/benchmarks.jar. Three runs, same workload and rounds:
#   one      --engine a=…,cpus=0                          (every pair on a)
#   two      --engine a=…,cpus=0 --engine b=…,cpus=1      (every pair on a and on b, in parallel)
#   shared   --engine a=…,cpus=0 --engine b=…,cpus=0      (both engines' units on one core)
# and prints, per run, the job's own lines: per engine its units, busy time (invocation spans) and
# unit wall, so the harness's cost per unit around the unit; the measured rounds' units per minute;
# the first round's line (what each engine did, how long they overlapped).
#   benchmarks/bench/parallel-engines.sh [--tcp] [--units N] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$PWD/benchmarks/target/benchmarks.jar
mode=unix
units=3
rounds=5
while [ $# -gt 0 ]; do
  case $1 in
    --tcp) mode=tcp ;;
    --units) units=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    *) echo "unknown option $1; use --tcp, --units N, --rounds N" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "needs root (starts two dockerd)" >&2; exit 2; }
command -v dockerd >/dev/null || { echo "needs dockerd (apt-get install docker.io)" >&2; exit 2; }
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -o -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d /tmp/parallel-engines.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  done
  # dockerd bind-mounts its data root onto itself; lazily unmount what it left
  grep -o "$work[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

url=
start_engine() { # name port; sets $url (not in a subshell: the pid must reach cleanup)
  local d=$work/$1
  mkdir -p "$d"
  if [ $mode = tcp ]; then url=tcp://127.0.0.1:$2; else url=unix://$d/docker.sock; fi
  if DOCKER_HOST=$url timeout 5 docker version >/dev/null 2>&1; then
    echo "an engine already answers at $url (a leftover?); stop it first" >&2
    exit 1
  fi
  setsid dockerd --host "$url" --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/pid" \
    --bridge=none --iptables=false --ip-masq=false --ip6tables=false >"$d/dockerd.log" 2>&1 \
    </dev/null &
  pids+=($!)
  for _ in $(seq 1 120); do
    DOCKER_HOST=$url timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
      && return 0
    sleep 0.5
  done
  echo "engine $1 did not start; see $d/dockerd.log" >&2
  tail -5 "$d/dockerd.log" >&2
  exit 1
}
start_engine a 23761
a=$url
start_engine b 23762
b=$url

# hand-written units: single-threaded mpeg4 encodes of 2, 4, .. seconds of a 640x360 test source
{
  echo '{"format":"optbench-workload/1","generator":{"search":"hand","space":"input","seed":0,'
  echo "\"budget\":$units,\"ffmpeg\":\"bench\",\"inputMode\":\"LIVE\"},\"inputs\":[],\"units\":["
  for i in $(seq 1 "$units"); do
    [ "$i" = 1 ] || echo ","
    echo "{\"id\":\"enc$i\",\"argv\":[\"ffmpeg\",\"-nostdin\",\"-y\",\"-loglevel\",\"error\","
    echo "\"-threads\",\"1\",\"-f\",\"lavfi\",\"-i\",\"testsrc2=size=640x360:rate=25:duration=$((2 * i))\","
    echo "\"-c:v\",\"mpeg4\",\"-q:v\",\"3\",\"-f\",\"null\",\"-\"],\"seed\":0,\"generation\":0}"
  done
  echo ']}'
} >"$work/workload.json"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), engines over $mode," \
  "$units units x O0,O2, 1 warm-up + $rounds rounds"

run() { # label engine options...
  local label=$1; shift
  local log=$work/$label.log
  for _ in $(seq 1 60); do # the machine's run lock: wait for another measuring run
    (cd "$work" && java -jar "$jar" --variants O0,O2 --workload "$work/workload.json" \
      --min-unit-ms 0 -wi 1 -i "$rounds" --placement every "$@" >"$log" 2>&1) && break
    grep -q "another optbench run is measuring" "$log" || { tail -30 "$log"; exit 1; }
    sleep 10
  done
  echo "$label (load after: $(cut -d' ' -f1-3 /proc/loadavg)):"
  grep -E '^engine|^measured rounds|^warning: engines|^\[round  1/|^interleaved stage' "$log" \
    | sed 's/^/  /' || true
}

run one --engine "a=$a,cpus=0"
run two --engine "a=$a,cpus=0" --engine "b=$b,cpus=1"
run shared --engine "a=$a,cpus=0" --engine "b=$b,cpus=0"
