#!/usr/bin/env bash
# A throwaway local PostgreSQL (15 on Debian, or the newest installed) for trying scale-out and for CI.
#
#   scripts/postgres.sh start  [DIR]   initdb once, start, create database "portal", print the connection string
#   scripts/postgres.sh stop   [DIR]   pg_ctl stop -m fast; succeeds when nothing runs
#   scripts/postgres.sh status [DIR]   prints the connection string and exits 0 when running, exits 3 when not
#   scripts/postgres.sh url    [DIR]   prints the connection string (the running server's port, else POSTGRES_PORT)
#
# DIR defaults to $PWD/.postgres and holds data/ (the cluster), log (the server log) and the unix socket.
# The connection string is Npgsql's form:  Host=127.0.0.1;Port=55432;Username=portal;Database=portal
# Authentication is "trust" for everyone on 127.0.0.1 and the socket: a test server, never a production one.
#
# Environment:
#   POSTGRES_PORT=55432   the TCP port (127.0.0.1 only) and the socket's name; used by start and by url when not running
#   POSTGRES_FAST=1       fsync=off, synchronous_commit=off, full_page_writes=off (and initdb --no-sync): fast for CI,
#                         but a crash of the machine can corrupt the cluster. The default is durable (PostgreSQL's own).
#
# Users: PostgreSQL refuses to run as root. As root, everything runs as the system user "postgres"
# (runuser -u postgres --) and DIR is chowned to it; otherwise everything runs as the current user.
# Installs the "postgresql" package with apt-get when no initdb is found and we are root.
#
# Path permissions (root only): the postgres user must be able to traverse every directory above DIR (o+x).
# When it cannot (DIR under /root, say) or when DIR is too long for a unix socket path, the script does NOT
# chmod anything of yours: it uses /tmp/talkdeskportal-postgres-<checksum of DIR> instead and says so on stderr.
# The same DIR always maps to the same fallback, so start/stop/status/url agree. (A DIR in a checkout under
# /work or /home/you is normally fine: those folders are o+x.) DIR then belongs to postgres: remove it as root.
set -euo pipefail

usage() { echo "usage: $0 start|stop|status|url [DIR]" >&2; exit 2; }
cmd=${1:-}
case $cmd in start|stop|status|url) ;; *) usage ;; esac
dir=${2:-$PWD/.postgres}
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac   # absolute: pg_ctl and -k must not depend on the cwd
dir=${dir%/}
port=${POSTGRES_PORT:-55432}
is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as the user that owns the cluster.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The newest /usr/lib/postgresql/*/bin with an initdb (empty when none).
newest_bin() {
  local b
  b=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)   # unmatched: the literal pattern, no initdb
  if [ -n "$b" ] && [ -x "$b/initdb" ]; then echo "$b"; fi
}
# The same, but installs PostgreSQL when there is none and we may (start only).
find_bin() {
  local b
  b=$(newest_bin)
  if [ -z "$b" ]; then
    is_root || { echo "no PostgreSQL found (/usr/lib/postgresql/*/bin/initdb); install the postgresql package" >&2; exit 1; }
    echo "installing postgresql with apt-get ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
    b=$(newest_bin)
    [ -n "$b" ] || { echo "apt-get installed postgresql but no initdb was found" >&2; exit 1; }
  fi
  echo "$b"
}

if [ "$cmd" = start ]; then bin=$(find_bin); else bin=$(newest_bin); fi

# As root: fall back to a /tmp folder when the postgres user cannot reach DIR's parent or the socket path is too long.
if is_root && ! id postgres >/dev/null 2>&1; then
  if [ "$cmd" = start ]; then echo "no 'postgres' user; install the postgresql package" >&2; exit 1; fi
  bin=""   # without the user nothing of ours can run: stop and status report "not running"
elif is_root; then
  parent=$(dirname "$dir")
  while [ ! -e "$parent" ]; do parent=$(dirname "$parent"); done   # the nearest folder that exists
  if ! runuser -u postgres -- test -x "$parent" || [ $(( ${#dir} + 18 )) -gt 100 ]; then
    fallback=/tmp/talkdeskportal-postgres-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
    echo "note: user postgres cannot use $dir (path not traversable or too long); using $fallback" >&2
    dir=$fallback
  fi
fi
data=$dir/data

running() { [ -n "$bin" ] && [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

# The running server's port (line 4 of postmaster.pid), else POSTGRES_PORT.
url() {
  local p=$port
  if [ -f "$data/postmaster.pid" ] && running; then p=$(sed -n 4p "$data/postmaster.pid"); fi
  echo "Host=127.0.0.1;Port=$p;Username=portal;Database=portal"
}

case $cmd in
  start)
    if running; then url; exit 0; fi
    mkdir -p "$dir"
    if is_root; then chown postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    fast=()
    opts="-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=300"
    if [ "${POSTGRES_FAST:-0}" = 1 ]; then
      fast=(--no-sync)
      opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then   # initdb only once
      as_pg "$bin/initdb" -D "$data" -A trust -U portal --encoding=UTF8 --locale=C "${fast[@]}" >&2
    fi
    if ! as_pg "$bin/pg_ctl" -D "$data" -l "$dir/log" -w -t 60 -o "$opts" start >&2; then
      echo "PostgreSQL did not start; the end of $dir/log:" >&2
      tail -n 20 "$dir/log" >&2 || true
      exit 1
    fi
    # Database "portal" (owned by the superuser portal) unless it exists; over the socket in DIR, so it is our server.
    if [ "$(as_pg "$bin/psql" -h "$dir" -p "$port" -U portal -d postgres -tAc \
          "SELECT 1 FROM pg_database WHERE datname = 'portal'")" != 1 ]; then
      as_pg "$bin/createdb" -h "$dir" -p "$port" -U portal portal
    fi
    url
    ;;
  stop)
    if running; then as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >&2; else echo "not running ($dir)" >&2; fi
    ;;
  status)
    if running; then url; else echo "not running ($dir)" >&2; exit 3; fi
    ;;
  url) url ;;
esac
