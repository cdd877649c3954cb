#!/usr/bin/env bash
# The streaming-replica, failover and PgBouncer tests (issue 14), against Debian's PostgreSQL 15:
#   a primary (wal_level=replica), a hot standby made by `pg_basebackup -R` that streams from it
#   synchronously (an acknowledged write is on the standby before the client hears "done"), and
#   HAProxy in front (the primary, the standby as backup), then
#   packages/server/test/platform/replica.test.ts with REQUIRE_REPLICA=1: reads routed to the
#   replica, writes refused there, and a failover (primary stopped -m immediate after an
#   acknowledged write, standby promoted) the server rides through HAProxy with 503s, not 500s.
#   Before that, PgBouncer in transaction mode in front of the primary and
#   packages/server/test/platform/pgbouncer.test.ts (REQUIRE_PGBOUNCER=1).
# Run as root (PostgreSQL runs as the postgres user, as in .ci/run). Everything lives in its own
# temp dir and on free ports; the trap stops every process it started and removes the dir.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || { echo "replica-test: $pgbin/initdb missing (apt-get install postgresql-15)" >&2; exit 1; }
command -v haproxy >/dev/null || { echo "replica-test: haproxy missing (apt-get install haproxy)" >&2; exit 1; }
command -v pgbouncer >/dev/null || { echo "replica-test: pgbouncer missing (apt-get install pgbouncer)" >&2; exit 1; }
id postgres >/dev/null 2>&1 || { echo "replica-test: no postgres user (it comes with postgresql-15)" >&2; exit 1; }

dir=$(mktemp -d /tmp/replica-ci.XXXXXX)
chmod 755 "$dir"
haproxy_pid=""
bouncer_pid=""
cleanup() {
  status=$?
  if [ -n "$haproxy_pid" ]; then kill "$haproxy_pid" 2>/dev/null || true; wait "$haproxy_pid" 2>/dev/null || true; fi
  if [ -n "$bouncer_pid" ]; then
    if [ -f "$dir/pgbouncer.pid" ]; then kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true; fi
    wait "$bouncer_pid" 2>/dev/null || true
  fi
  for node in primary replica; do
    if [ -f "$dir/$node/postmaster.pid" ]; then
      su postgres -s /bin/sh -c "$pgbin/pg_ctl -D '$dir/$node' -m immediate stop >/dev/null 2>&1" || true
    fi
  done
  if [ "$status" -ne 0 ]; then
    for log in "$dir"/*.log; do [ -f "$log" ] && { echo "--- $log (last 30 lines)"; tail -n 30 "$log"; }; done
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT INT TERM

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
pport=$(free_port)
rport=$(free_port)
while [ "$rport" = "$pport" ]; do rport=$(free_port); done
hport=$(free_port)
while [ "$hport" = "$pport" ] || [ "$hport" = "$rport" ]; do hport=$(free_port); done
bport=$(free_port)
while [ "$bport" = "$pport" ] || [ "$bport" = "$rport" ] || [ "$bport" = "$hport" ]; do bport=$(free_port); done
as_pg() { su postgres -s /bin/sh -c "$1"; }
psql_at() { "$pgbin/psql" -X -q -At -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"; }

echo "primary on $pport, replica on $rport, haproxy on $hport, pgbouncer on $bport ($dir)"
chown postgres:postgres "$dir"
as_pg "$pgbin/initdb -D '$dir/primary' -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null"
# In postgresql.conf (the base backup copies it to the standby), not on the command line: a reload
# after ALTER SYSTEM would otherwise report the file's max_connections as an error.
# fsync off: the failover below kills processes, not the machine, and the OS keeps what was written.
cat >>"$dir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
max_connections = 300
fsync = off
wal_level = replica
max_wal_senders = 5
hot_standby = on
EOF
as_pg "$pgbin/pg_ctl -D '$dir/primary' -l '$dir/primary.log' -w -o \"-p $pport -k '$dir'\" start >/dev/null"

# The standby: a base backup that writes standby.signal and primary_conninfo (-R); its
# application_name names it in synchronous_standby_names.
as_pg "$pgbin/pg_basebackup -h 127.0.0.1 -p $pport -U postgres -D '$dir/replica' -R -X stream -c fast"
echo "primary_conninfo = 'host=127.0.0.1 port=$pport user=postgres application_name=replica1'" >>"$dir/replica/postgresql.auto.conf"
as_pg "$pgbin/pg_ctl -D '$dir/replica' -l '$dir/replica.log' -w -o \"-p $rport -k '$dir'\" start >/dev/null"

deadline=$(($(date +%s) + 60))
until [ "$(psql_at "$pport" "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'replica1' AND state = 'streaming'")" = "1" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "replica-test: the standby is not streaming after 60 s" >&2; exit 1; }
  sleep 0.2
done
# Synchronous from here on: a commit returns once the standby has the WAL, so a write the server
# acknowledged survives the primary's loss. Set after the standby streams (before, commits would wait for it).
psql_at "$pport" "ALTER SYSTEM SET synchronous_standby_names = 'replica1'" >/dev/null
psql_at "$pport" "SELECT pg_reload_conf()" >/dev/null
until [ "$(psql_at "$pport" "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'replica1'")" = "sync" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "replica-test: the standby did not become synchronous" >&2; exit 1; }
  sleep 0.2
done
echo "standby streaming, synchronous"

# HAProxy: connections go to the primary while its check passes, to the standby (backup) once it
# fails; sessions on a server marked down are cut, so the pool reconnects instead of hanging.
cat >"$dir/haproxy.cfg" <<EOF
global
  maxconn 500
defaults
  mode tcp
  timeout connect 2s
  timeout client 1h
  timeout server 1h
  timeout check 1s
listen postgres
  bind 127.0.0.1:$hport
  option pgsql-check user postgres
  default-server inter 300ms fall 2 rise 2 on-marked-down shutdown-sessions
  server primary 127.0.0.1:$pport check
  server replica 127.0.0.1:$rport check backup
EOF
# In the foreground as a child of this shell (not -D), so the trap's kill and wait leave no orphan.
haproxy -q -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
haproxy_pid=$!
until [ "$(psql_at "$hport" "SELECT pg_is_in_recovery()" 2>/dev/null)" = "f" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "replica-test: HAProxy does not reach the primary" >&2; exit 1; }
  kill -0 "$haproxy_pid" 2>/dev/null || { echo "replica-test: HAProxy exited" >&2; exit 1; }
  sleep 0.2
done

# PgBouncer in transaction mode in front of the primary (it refuses to run as root: as postgres,
# in the foreground as a job of this shell, stopped by the trap through its pid file).
printf '"postgres" ""\n' >"$dir/userlist.txt"
cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$pport
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bport
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 300
default_pool_size = 20
pidfile = $dir/pgbouncer.pid
logfile = $dir/pgbouncer.log
EOF
chown postgres:postgres "$dir/pgbouncer.ini" "$dir/userlist.txt"
su postgres -s /bin/sh -c "exec pgbouncer -q '$dir/pgbouncer.ini'" &
bouncer_pid=$!
until [ "$(psql_at "$bport" "SELECT 1" 2>/dev/null)" = "1" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "replica-test: PgBouncer does not answer" >&2; exit 1; }
  kill -0 "$bouncer_pid" 2>/dev/null || { echo "replica-test: PgBouncer exited" >&2; exit 1; }
  sleep 0.2
done

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pport/postgres"
export TEST_PRIMARY_URL="$TEST_DATABASE_URL"
export TEST_PGBOUNCER_URL="postgres://postgres@127.0.0.1:$bport/postgres"
REQUIRE_PGBOUNCER=1 npx vitest run --project server packages/server/test/platform/pgbouncer.test.ts

# Last: the failover at its end stops the primary.
export TEST_REPLICA_URL="postgres://postgres@127.0.0.1:$rport/postgres"
export TEST_FAILOVER_URL="postgres://postgres@127.0.0.1:$hport/postgres"
export TEST_STOP_PRIMARY="su postgres -s /bin/sh -c \"$pgbin/pg_ctl -D '$dir/primary' -m immediate stop\""
export REQUIRE_REPLICA=1
npx vitest run --project server packages/server/test/platform/replica.test.ts
