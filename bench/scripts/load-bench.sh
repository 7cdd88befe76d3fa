#!/usr/bin/env bash
# The load benchmark end to end on PostgreSQL (docs/benchmarks.md, "Load on PostgreSQL"):
# a fresh database migrated by the server itself, a 1,000,000-task workspace ("big") and one of
# the same shape with 10,000 tasks ("small"), the server started against it, then LoadBenchmark
# with any options given here.
#   bench/scripts/load-bench.sh [--parts list,team,create] [--samples 200] …
# Environment: DB (taskgate_bench), PORT (18093), KEEP_DB=1 to reuse a database generated before,
# SERVER_JAVA_OPTS for the server JVM (a JFR recording, say), SERVER_ARGS for more server settings,
# JAR for another build of the server (to compare two commits on the same database).
# Build first: ./taskgate mvn -B -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${DB:-taskgate_bench}
port=${PORT:-18093}
url=jdbc:postgresql://127.0.0.1:5432/$db
jar=${JAR:-server/target/taskgate-server-exec.jar}
bench=bench/target/benchmarks.jar
if [[ -z ${KEEP_DB:-} ]]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)"
  psql -h 127.0.0.1 -U postgres -qc "create database $db"
  # Flyway migrates at start-up; spring.context.exit stops the application right after.
  ./taskgate java -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 \
      --spring.datasource.url="$url" --spring.datasource.username=postgres >/dev/null
  ./taskgate java -cp "$bench" io.taskgate.bench.load.GenerateWorkspace --db "$url" --workspace big --tasks 1000000
  ./taskgate java -cp "$bench" io.taskgate.bench.load.GenerateWorkspace --db "$url" --workspace small --tasks 10000
else
  # Earlier runs leave dead rows behind (the create part deletes its tasks, the team add its
  # projects, but their space and their audit events stay); without this, every run on a kept
  # database would be measured on a larger one than the run before.
  psql -h 127.0.0.1 -U postgres -d "$db" -qc "vacuum analyze task, task_in_list, audit_event, project_member, project"
  psql -h 127.0.0.1 -U postgres -d "$db" -qc checkpoint
fi
# The per-principal rate limit (1,200 a minute) would turn most benchmark requests into 429s.
./taskgate java ${SERVER_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --spring.datasource.url="$url" \
    --spring.datasource.username=postgres --taskgate.rate-limit.requests-per-minute=100000000 ${SERVER_ARGS:-} \
    > "${TMPDIR:-/tmp}/taskgate-load-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  kill -0 $pid 2>/dev/null || { echo "the server did not start: see ${TMPDIR:-/tmp}/taskgate-load-server.log" >&2; exit 1; }
  sleep 0.2
done
./taskgate java -cp "$bench" io.taskgate.bench.load.LoadBenchmark --base-url "http://127.0.0.1:$port" --db "$url" "$@"
