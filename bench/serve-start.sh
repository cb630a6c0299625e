#!/usr/bin/env bash
# Cold start of the server: `./commitstats serve` on a fresh data dir until GET /actuator/health answers UP.
#   bench/serve-start.sh [RUNS]     (default 5; prints each run and the median, seconds)
# The jar is built and extracted first (not timed); each run is a new JVM with a new, empty SQLite data dir, so the
# database is created and migrated inside the measured time, as on a first start.
set -euo pipefail
runs=${1:-5}
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
"$root/commitstats" --version >/dev/null
work=$(mktemp -d); pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(( 20000 + RANDOM % 20000 ))
times=()
for i in $(seq 1 "$runs"); do
  s=$(date +%s.%N)
  "$root/commitstats" serve --port "$port" --data-dir "$work/data$i" >"$work/log$i" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited:" >&2; cat "$work/log$i" >&2; exit 1; }
    sleep 0.02
  done
  e=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  times+=("$(echo "$e - $s" | bc)")
  echo "run $i: ${times[-1]} s (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "serve cold start to healthy: median $med s over $runs runs; java: $(java -version 2>&1 | head -1); JVM options: ${COMMITSTATS_JAVA_OPTS-<launcher defaults>}"
