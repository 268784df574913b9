#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: loopback only, a free port, trust authentication,
# fsync off, data in a temporary folder that `stop` deletes.
#
#   export MAILSEAL_TEST_POSTGRES="$(bash scripts/postgres-test.sh start)"
#   dotnet test ...
#   bash scripts/postgres-test.sh stop
#
# `start` prints the Npgsql connection string on standard output (everything else goes to standard
# error) and writes it to $STATE_DIR/connection-string. Run as root (the cluster then runs as the
# `postgres` user) or as an ordinary user who can run initdb. MAILSEAL_POSTGRES_STATE_DIR overrides
# where the state lives (default /tmp/mailseal-postgres-test).
set -euo pipefail

STATE_DIR="${MAILSEAL_POSTGRES_STATE_DIR:-/tmp/mailseal-postgres-test}"

log() { echo "postgres-test: $*" >&2; }

pg_bin_dir() {
    local major
    major="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$major" && -x "/usr/lib/postgresql/$major/bin/initdb" ]]; then
        echo "/usr/lib/postgresql/$major/bin"
    fi
}

install_postgres() {
    if [[ $EUID -ne 0 ]]; then
        log "PostgreSQL is not installed and installing it needs root: run this script as root."
        exit 1
    fi
    log "installing PostgreSQL from the Debian packages"
    # Keep the package's own cluster from being started by its maintainer scripts: ours is separate.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy"
        chmod 755 "$policy"
        created_policy=1
    fi
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    if [[ $created_policy -eq 1 ]]; then
        rm -f "$policy"
    fi
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    log "found no free port"
    exit 1
}

is_running() {
    [[ -f "$STATE_DIR/bin-dir" && -d "$STATE_DIR/data" ]] &&
        as_owner "$(cat "$STATE_DIR/bin-dir")/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1
}

start() {
    if is_running; then
        log "already running"
        cat "$STATE_DIR/connection-string"
        return
    fi
    rm -rf "$STATE_DIR"

    local bin
    bin="$(pg_bin_dir)"
    if [[ -z "$bin" ]]; then
        install_postgres
        bin="$(pg_bin_dir)"
    fi
    [[ -n "$bin" ]] || { log "PostgreSQL binaries not found under /usr/lib/postgresql"; exit 1; }

    mkdir -p "$STATE_DIR/sock"
    echo "$bin" > "$STATE_DIR/bin-dir"
    if [[ $EUID -eq 0 ]]; then
        # A folder owned by root makes initdb and the server fail (silently for the server).
        chown -R postgres:postgres "$STATE_DIR"
    fi

    log "initdb with $bin"
    as_owner "$bin/initdb" -A trust -U postgres -E UTF8 --no-locale -D "$STATE_DIR/data" >"$STATE_DIR/initdb.log" 2>&1 ||
        { cat "$STATE_DIR/initdb.log" >&2; exit 1; }

    local port started=0
    for _ in 1 2 3 4 5; do
        port="$(free_port)"
        # -l keeps the server's output out of our standard output, so $(...) returns at once.
        if as_owner "$bin/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/postgres.log" -w \
            -o "-p $port -k $STATE_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
            start >&2; then
            started=1
            break
        fi
        log "start on port $port failed, trying another"
    done
    if [[ $started -ne 1 ]]; then
        cat "$STATE_DIR/postgres.log" >&2
        exit 1
    fi

    local connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "$connection" > "$STATE_DIR/connection-string"
    log "running on 127.0.0.1:$port (data in $STATE_DIR)"
    echo "$connection"
}

stop() {
    if [[ ! -d "$STATE_DIR" ]]; then
        log "nothing to stop"
        return
    fi
    if is_running; then
        as_owner "$(cat "$STATE_DIR/bin-dir")/pg_ctl" -D "$STATE_DIR/data" -m fast -w stop >&2
    fi
    rm -rf "$STATE_DIR"
    log "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
