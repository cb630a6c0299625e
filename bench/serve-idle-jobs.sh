#!/usr/bin/env bash
# What JobRunr's polling costs at rest: the CPU of `./commitstats serve` on a fresh data dir (SQLite, no data) over
# IDLE seconds after 20 s of settling, with JobRunr polling every 5 s (the default), every 15 s, and switched off.
#   bench/serve-idle-jobs.sh [IDLE]      (default 60); see docs/benchmarks.md, "The server at rest"
set -euo pipefail
idle=${1:-60}
root="$(cd "$(dirname "$0")/.." && pwd)"
cs="$root/commitstats"
"$cs" --version >/dev/null
work=$(mktemp -d); pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$pid/stat"; }
for cfg in "true 5" "true 15" "false 5"; do
  read -r jobs poll <<<"$cfg"
  rm -rf "$work/data"
  COMMITSTATS_JOBS_ENABLED=$jobs COMMITSTATS_JOBS_POLL_INTERVAL_SECONDS=$poll \
    "$cs" serve --data-dir "$work/data" --port 0 >"$work/log" 2>&1 & pid=$!
  until grep -q 'is running at' "$work/log"; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited:"; cat "$work/log"; exit 1; } >&2
    sleep 0.2
  done
  sleep 20
  c0=$(cpu); sleep "$idle"; c1=$(cpu)
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  awk -v a="$c0" -v b="$c1" -v d="$idle" -v j="$jobs" -v p="$poll" -v r="$rss" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "jobs.enabled=%s, poll every %s s: CPU %.2f s over %d s (%.2f %% of one core), RSS %d MB, load %s\n", j, p, b - a, d, (b - a) * 100 / d, r, l }'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
