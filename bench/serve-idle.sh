#!/usr/bin/env bash
# The server at rest: resident memory after start and after a first collection, and the CPU it uses between two runs
# of the periodic delta; see docs/benchmarks.md.
#   bench/serve-idle.sh [COMMITS] [IDLE_SECONDS]      (defaults: 4000 new commits to collect, 60 s idle)
# 1. Generates a repository (bench/generate-repo.sh, COMMITS + 1000 commits), served over smart HTTP by
#    bench/git-http-server.py with main at COMMITS commits back; `commitstats collect` registers it for a user with
#    its three busiest authors' emails and collects those first 1000 commits.
# 2. Moves main to the full history (COMMITS new commits) and starts `./commitstats serve` as users run it (the
#    launcher's JVM options, SQLite) with the periodic delta every IDLE_SECONDS + 30 s.
# 3. Reads the server's RSS (/proc/PID/status) once healthy, then waits for the first delta's collection of the new
#    commits and reads it again; then waits for the next delta (nothing new) and reads the server's CPU time
#    (utime + stime in /proc/PID/stat) over IDLE_SECONDS that hold no delta; the RSS at the end.
set -euo pipefail
commits=${1:-4000}; idle=${2:-60}
root="$(cd "$(dirname "$0")/.." && pwd)"
for c in curl sqlite3 python3 git; do command -v "$c" >/dev/null || { echo "needs $c" >&2; exit 1; }; done
cs="$root/commitstats"
"$cs" --version >/dev/null
work=$(mktemp -d); git_pid=""; pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  [ -n "$git_pid" ] && kill "$git_pid" 2>/dev/null
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$pid/stat"; }
q() { sqlite3 -cmd '.timeout 5000' "$data/commitstats.db" "$1"; }
alive() { kill -0 "$pid" 2>/dev/null || { echo "serve exited:"; cat "$work/serve.log"; exit 1; } >&2; }
echo "load at start: $(load)"

"$root/bench/generate-repo.sh" "$work/full" $((commits + 1000)) >/dev/null
mkdir -p "$work/served/team"
git clone -q --bare "$work/full" "$work/served/team/big.git"
git -C "$work/served/team/big.git" update-ref refs/heads/main "main~$commits"
python3 "$root/bench/git-http-server.py" "$work/served" "$work/port" & git_pid=$!
until [ -s "$work/port" ]; do sleep 0.05; done
export COMMITSTATS_PROVIDERS_ALLOWED_HOSTS="127.0.0.1:$(cat "$work/port")"
emails=(); for e in $(git -C "$work/full" log --format=%ae main | sort | uniq -c | sort -rn | awk 'NR <= 3 { print $2 }'); do emails+=(--email "$e"); done
data="$work/data"
"$cs" collect --data-dir "$data" --user idle "${emails[@]}" "http://127.0.0.1:$(cat "$work/port")/team/big.git" >/dev/null
before=$(q "SELECT COUNT(*) FROM commit_facts")
git -C "$work/served/team/big.git" update-ref refs/heads/main "$(git -C "$work/full" rev-parse main)"

interval=$((idle + 30))
COMMITSTATS_COLLECTION_INTERVAL="${interval}s" "$cs" serve --data-dir "$data" --port 0 >"$work/serve.log" 2>&1 & pid=$!
until grep -q 'is running at' "$work/serve.log"; do alive; sleep 0.1; done
sleep 2
rss_start=$(rss); cpu_start=$(cpu)
echo "serve healthy: RSS $rss_start MB, CPU so far $cpu_start s"

runs() { q "SELECT COUNT(*) FROM collection_runs WHERE trigger_kind = 'schedule'"; }
until [ "$(runs)" -ge 1 ]; do alive; sleep 0.2; done
read -r took newc outcome < <(q "SELECT finished_at - started_at, new_commits, outcome FROM collection_runs
    WHERE trigger_kind = 'schedule' ORDER BY id LIMIT 1" | tr '|' ' ')
[ "$outcome" = collected ] || { echo "the first collection ended $outcome"; cat "$work/serve.log"; exit 1; } >&2
sleep 2
rss_collected=$(rss)
echo "first delta collected $newc new commits ($before stored before) in $took ms: RSS $rss_collected MB"

until [ "$(runs)" -ge 2 ]; do alive; sleep 0.2; done
sleep 2
c0=$(cpu); l0=$(load)
sleep "$idle"
alive
c1=$(cpu)
[ "$(runs)" = 2 ] || { echo "a delta ran inside the idle window"; exit 1; } >&2
rss_end=$(rss)
threads=$(ls "/proc/$pid/task" | wc -l)
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
idle_cpu=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
pct=$(awk -v a="$c0" -v b="$c1" -v d="$idle" 'BEGIN { printf "%.2f", (b - a) * 100 / d }')

echo
echo "== serve at rest, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD)"
echo "$(nproc) cores, $(java -version 2>&1 | head -1), JVM options: ${COMMITSTATS_JAVA_OPTS-$(sed -n 's/^serve_opts="\(.*\)"$/\1/p' "$cs") (launcher default)}"
echo "load: $l0 before the idle window, $(load) after"
echo "RSS: $rss_start MB healthy, $rss_collected MB after collecting $newc commits, $rss_end MB after ${idle} s idle; $threads threads"
echo "CPU between two deltas: $idle_cpu s over $idle s = $pct % of one core (target: none)"
echo "targets: under 300 MB resident, no CPU between schedules"
