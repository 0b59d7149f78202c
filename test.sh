#!/usr/bin/env bash
# The README's test command: the whole suite, with the real services where this machine can have them.
#   As root: installs what the tests need (Debian/Ubuntu packages), starts Docker and InfluxDB on
#   private sockets (.ci/services.sh), builds the O0 and O2 variants the harness tests measure,
#   runs ./mvnw -B verify, and stops the services it started (ones already running are reused
#   and left running).
#   Not root: the same without installing or starting anything; every test that needs a missing
#   service is skipped with a one-line reason and Maven's summary counts the skips.
# CI runs this through .ci/run with OPTBENCH_REQUIRE_SERVICES=true (a missing service fails).
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
say() { echo "[test $(( $(date +%s) - started ))s] $*"; }

if [ "$(id -u)" = 0 ]; then
  say "installing packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends openssl iproute2 util-linux \
    docker.io influxdb influxdb-client chromium chromium-driver \
    gcc make libc6-dev xz-utils curl ca-certificates python3 valgrind binutils >/dev/null

  say "starting services"
  eval "$(.ci/services.sh start)"
  # Stop only what this run started: services someone else runs here stay up.
  trap '[ -z "${OPTBENCH_SERVICES_STARTED:-}" ] || .ci/services.sh stop $OPTBENCH_SERVICES_STARTED || true' EXIT
else
  say "not root: nothing installed or started; tests needing Docker, InfluxDB or cgroups are" \
    "skipped unless those are already set up (DOCKER_HOST, OPTBENCH_INFLUX_URL)"
fi

# Harness tests (workload generation) measure a real built ffmpeg, and the harness module is
# tested before ffmpeg-build in the reactor: build the two variants first with the CLI (seconds
# when cached, ~5 min cold on 2 cores). Without a compiler those tests are skipped, saying so.
say "building the O0 and O2 variants (cached in \${OPTBENCH_CACHE:-~/.cache/optbench})"
./mvnw -B -q -DskipTests package
if ! java -jar benchmarks/target/benchmarks.jar build --variants O0,O2 --out target/test-build; then
  say "the O0/O2 build failed (see above); tests that need a built ffmpeg will be skipped"
fi

say "running tests"
./mvnw -B verify
say "done"
