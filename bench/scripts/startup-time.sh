#!/usr/bin/env bash
# Time from `java -jar` to the first 200 of /actuator/health/readiness, on H2 (fresh data
# directory) or PostgreSQL (fresh database), averaged over N runs.
#   bench/scripts/startup-time.sh h2|postgresql [runs]
# Build first: ./taskgate mvn -q -DskipTests package -pl server -am
set -euo pipefail
cd "$(dirname "$0")/../.."
database=${1:-h2}
runs=${2:-3}
jar=server/target/taskgate-server-exec.jar
port=18080
total=0
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  args=(--server.port=$port --taskgate.data-dir="$data")
  if [[ $database == postgresql ]]; then
    db="taskgate_startup_$$_$run"
    psql -h 127.0.0.1 -U postgres -qc "create database $db"
    args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres)
  fi
  start=$(date +%s%N)
  ./taskgate java -jar "$jar" "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.05; done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  echo "run $run ($database): ${ms} ms to first 200"
  total=$((total + ms))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  [[ $database == postgresql ]] && psql -h 127.0.0.1 -U postgres -qc "drop database $db"
done
echo "mean ($database, $runs runs): $((total / runs)) ms"
