#!/usr/bin/env bash
# PostgreSQL alone, without the server or HTTP: the statements of an API create (bench/pgbench/api-create.sql)
# against both raw baselines of the load benchmark (raw-create.sql: two inserts and a commit;
# raw-create-one-statement.sql: the same single statement as the API, without its key lookup), in
# turn, with pgbench. Shows how much of goal (a)'s gap lies in the database (docs/benchmarks.md).
# Needs a database filled by GenerateWorkspace.
#   bench/scripts/create-statements.sh [rounds=3] [seconds=10] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/../pgbench"
db=${DB:-taskgate_bench}
rounds=${1:-3} seconds=${2:-10} clients=${3:-8}
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
pgbench=${pgbench:-pgbench}
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
# A global client of the big workspace with a live key, and a project of that workspace.
read -r client key < <(psql_ "select c.id, k.id from api_client c join api_key k on k.workspace_id = c.workspace_id
  and k.api_client_id = c.id where c.workspace_id = 'ws_bench_big' and c.access_level = 'global' and c.active
  and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()) order by c.id limit 1" | tr '|' ' ')
project=$(psql_ "select id from project where workspace_id = 'ws_bench_big' order by id limit 1")
vars=(-D ws=ws_bench_big -D "client=$client" -D "key=$key" -D "project=$project")
for round in $(seq 1 "$rounds"); do
  for script in raw-create raw-create-one-statement api-create; do
    tps=$("$pgbench" -h 127.0.0.1 -U postgres -n -M prepared -c "$clients" -j 2 -T "$seconds" "${vars[@]}" \
        -f "$script.sql" "$db" | awk '/^tps/ {print $3; exit}')
    echo "round $round  $script  $tps transactions/s  | load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
psql_ "delete from task where id like 'task_pgbench_%'; delete from audit_event where id like 'evt_pgbench_%'" >/dev/null
