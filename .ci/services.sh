#!/usr/bin/env bash
# Starts (or reuses) the services optbench's integration tests talk to, on this machine only:
#   * a Docker engine on a private unix socket, with no bridge network and no iptables changes;
#   * InfluxDB 1.x bound to 127.0.0.1 on a free port, data in a private folder.
# Prints `export ...` lines for the caller to eval:  eval "$(.ci/services.sh start)"
# Idempotent: a service already answering is reused. `start` also prints
# OPTBENCH_SERVICES_STARTED, the services this call started (docker, influx), so a caller can stop
# exactly those: `.ci/services.sh stop $OPTBENCH_SERVICES_STARTED`. `stop` with no names ends both.
set -euo pipefail

STATE=${OPTBENCH_SERVICES_DIR:-/var/lib/optbench-services}
DOCKER_DIR=$STATE/docker
INFLUX_DIR=$STATE/influxdb
mkdir -p "$DOCKER_DIR" "$INFLUX_DIR"
log() { echo "services: $*" >&2; }

docker_up() { DOCKER_HOST="unix://$DOCKER_DIR/docker.sock" timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_docker() {
  if ! command -v dockerd >/dev/null; then
    log "dockerd not installed (apt-get install docker.io); Docker tests will be skipped"
    return 0
  fi
  if ! docker_up && [ -f "$DOCKER_DIR/dockerd.pid" ] && kill -0 "$(cat "$DOCKER_DIR/dockerd.pid")" 2>/dev/null; then
    # A live dockerd that is only slow to answer (seen at load 20): removing its socket below
    # would cut it off for good while it keeps running, and the second dockerd fails on its
    # containerd. Wait for it instead.
    log "dockerd $(cat "$DOCKER_DIR/dockerd.pid") is running but slow to answer; waiting"
    for _ in $(seq 1 60); do docker_up && break; sleep 1; done
    docker_up || { log "dockerd $(cat "$DOCKER_DIR/dockerd.pid") runs but does not answer; stop it first"; exit 1; }
  fi
  if ! docker_up; then
    log "starting dockerd on $DOCKER_DIR/docker.sock"
    rm -f "$DOCKER_DIR/docker.sock" "$DOCKER_DIR/dockerd.pid"
    setsid dockerd --host "unix://$DOCKER_DIR/docker.sock" --data-root "$DOCKER_DIR/data" \
      --exec-root "$DOCKER_DIR/exec" --pidfile "$DOCKER_DIR/dockerd.pid" \
      --bridge=none --iptables=false --ip-masq=false --ip6tables=false \
      >"$DOCKER_DIR/dockerd.log" 2>&1 < /dev/null &
    for _ in $(seq 1 60); do docker_up && break; sleep 0.5; done
    docker_up || { log "dockerd did not come up; see $DOCKER_DIR/dockerd.log"; tail -20 "$DOCKER_DIR/dockerd.log" >&2; exit 1; }
    STARTED="$STARTED docker"
  fi
  echo "export DOCKER_HOST=unix://$DOCKER_DIR/docker.sock"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
influx_up() { [ -f "$INFLUX_DIR/port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(cat "$INFLUX_DIR/port")/ping")" = 204 ]; }

start_influx() {
  if ! command -v influxd >/dev/null; then
    log "influxd not installed (apt-get install influxdb); InfluxDB tests will be skipped"
    return 0
  fi
  if ! influx_up; then
    local http rpc
    http=$(free_port); rpc=$(free_port)
    cat >"$INFLUX_DIR/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$INFLUX_DIR/meta"
[data]
  dir = "$INFLUX_DIR/data"
  wal-dir = "$INFLUX_DIR/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$http"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
    echo "$http" >"$INFLUX_DIR/port"
    log "starting influxd on 127.0.0.1:$http"
    setsid influxd run -config "$INFLUX_DIR/influxdb.conf" -pidfile "$INFLUX_DIR/influxd.pid" \
      >"$INFLUX_DIR/influxd.log" 2>&1 < /dev/null &
    for _ in $(seq 1 60); do influx_up && break; sleep 0.5; done
    influx_up || { log "influxd did not come up; see $INFLUX_DIR/influxd.log"; tail -20 "$INFLUX_DIR/influxd.log" >&2; exit 1; }
    STARTED="$STARTED influx"
  fi
  echo "export OPTBENCH_INFLUX_URL=http://127.0.0.1:$(cat "$INFLUX_DIR/port")"
  # Tests stop and restart InfluxDB to prove no sample is lost; they need to know how.
  echo "export OPTBENCH_INFLUX_CONFIG=$INFLUX_DIR/influxdb.conf"
  echo "export OPTBENCH_INFLUX_PIDFILE=$INFLUX_DIR/influxd.pid"
}

stop_services() {
  local name pid
  for name in "${@:-docker influx}"; do
    for name in $name; do
      case "$name" in
        docker) pid=$DOCKER_DIR/dockerd.pid ;;
        influx) pid=$INFLUX_DIR/influxd.pid ;;
        *) log "unknown service '$name'"; continue ;;
      esac
      [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
    done
  done
}

STARTED=""
case "${1:-start}" in
  start) start_docker; start_influx; echo "export OPTBENCH_SERVICES_STARTED='${STARTED# }'" ;;
  stop) shift; stop_services "$@" ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
