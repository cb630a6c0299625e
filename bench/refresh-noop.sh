#!/usr/bin/env bash
# A refresh with nothing new of N repositories (default 100) on a local smart-HTTP git server; see docs/benchmarks.md.
#   bench/refresh-noop.sh [N] [COMMITS] [RUNS]      (defaults: 100 repositories of 100 commits, 3 runs)
# 1. Generates N different repositories (bench/generate-repo.py, seeds 1..N) as bare repositories, served by
#    bench/git-http-server.py (`git http-backend`, git's own CGI, one process per request).
# 2. `commitstats collect --user bench URL...` registers and collects them all once (SQLite, a fresh data dir).
# 3. Times `commitstats collect --user bench` (every active repository of the user, JVM start included), RUNS times.
# 4. Starts `serve` on the same data dir with a 20 s periodic delta and times RUNS deltas from the database: from the
#    delta's start (collection_schedule) to the end of the last of the N collect jobs it enqueued (collection_runs).
set -euo pipefail
n=${1:-100}; commits=${2:-100}; runs=${3:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
for c in curl sqlite3 python3 git; do command -v "$c" >/dev/null || { echo "needs $c" >&2; exit 1; }; done
cs="$root/commitstats"
"$cs" --version >/dev/null
work=$(mktemp -d); git_pid=""; serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
  [ -n "$git_pid" ] && kill "$git_pid" 2>/dev/null
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "load at start: $(load)"
t=$(now)
mkdir -p "$work/served/team"
for i in $(seq 1 "$n"); do
  r="$work/served/team/r$i.git"
  git init -q --bare "$r"; git -C "$r" symbolic-ref HEAD refs/heads/main
  python3 "$root/bench/generate-repo.py" "$commits" "$i" 2>/dev/null | git -C "$r" fast-import --quiet
  git -C "$r" for-each-ref --format='delete %(refname)' refs/heads/pr | git -C "$r" update-ref --stdin
  git -C "$r" repack -q -a -d
done
echo "generated $n repositories of $commits commits in $(secs "$t" "$(now)") s"
python3 "$root/bench/git-http-server.py" "$work/served" "$work/port" & git_pid=$!
until [ -s "$work/port" ]; do sleep 0.05; done
port=$(cat "$work/port")
export COMMITSTATS_PROVIDERS_ALLOWED_HOSTS="127.0.0.1:$port"
email=$(git -C "$work/served/team/r1.git" log --format=%ae main | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
data="$work/data"
urls=(); for i in $(seq 1 "$n"); do urls+=("http://127.0.0.1:$port/team/r$i.git"); done

t=$(now)
"$cs" collect --data-dir "$data" --user bench --email "$email" "${urls[@]}" >"$work/first.txt"
echo "first collection (clone and mine $n repositories): $(secs "$t" "$(now)") s;" \
     "$(sqlite3 "$data/commitstats.db" 'SELECT COUNT(*) FROM commit_facts') facts stored"

# the command's path: every active repository of the user, nothing new
cli=()
for k in $(seq 1 "$runs"); do
  t=$(now); "$cs" collect --data-dir "$data" --user bench >"$work/cli.txt"; e=$(now)
  grep -q "0 new commits" "$work/cli.txt" || { echo "expected nothing new:"; cat "$work/cli.txt"; exit 1; } >&2
  [ "$(grep -c '0 new commits' "$work/cli.txt")" = "$n" ] || { echo "not $n repositories:"; cat "$work/cli.txt"; exit 1; } >&2
  cli+=("$(secs "$t" "$e")")
  echo "  collect --user, nothing new: ${cli[-1]} s (load $(load))"
done

# the server's path: the periodic delta enqueues a collect job per repository; JobRunr's workers run them
COMMITSTATS_COLLECTION_INTERVAL=20s "$cs" serve --data-dir "$data" --port 0 >"$work/serve.log" 2>&1 & serve_pid=$!
q() { sqlite3 -cmd '.timeout 5000' "$data/commitstats.db" "$1"; }
delta=(); last=""
deadline=$(( $(date +%s) + 60 + 25 * runs ))
while [ "${#delta[@]}" -lt "$runs" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for the deltas"; cat "$work/serve.log"; exit 1; } >&2
  kill -0 "$serve_pid" 2>/dev/null || { echo "serve exited:"; cat "$work/serve.log"; exit 1; } >&2
  started=$(q "SELECT COALESCE(last_started_at, 0) FROM collection_schedule WHERE id = 1" 2>/dev/null || true)
  if [ -n "$started" ] && [ "$started" != 0 ] && [ "$started" != "$last" ]; then
    until [ "$(q "SELECT COUNT(*) FROM collection_runs WHERE trigger_kind = 'schedule' AND started_at >= $started")" -ge "$n" ]; do
      [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $n runs"; exit 1; } >&2
      sleep 0.1
    done
    read -r ms bad newc < <(q "SELECT MAX(finished_at) - $started, SUM(outcome <> 'collected'), SUM(new_commits)
        FROM collection_runs WHERE trigger_kind = 'schedule' AND started_at >= $started" | tr '|' ' ')
    [ "$bad" = 0 ] && [ "$newc" = 0 ] || { echo "a run failed or found something new ($bad, $newc)"; exit 1; } >&2
    last=$started
    delta+=("$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')")
    echo "  periodic delta in serve, $n collect jobs, nothing new: ${delta[-1]} s (load $(load))"
  fi
  sleep 0.2
done
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$serve_pid/status")
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""

echo
echo "== refresh with nothing new, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD)"
echo "$n repositories of $commits commits on a local smart-HTTP server (git http-backend), SQLite; $(nproc) cores; load $(load)"
echo "collect --user (JVM start included): median $(median "${cli[@]}") s (runs: ${cli[*]})"
echo "serve, periodic delta to the last job's end: median $(median "${delta[@]}") s (runs: ${delta[*]}); serve RSS ${rss} MB"
echo "target: under 5 s"
