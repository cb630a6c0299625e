#!/usr/bin/env bash
# Serving speed of published CVs (issue 18, "Speed"): the card and the JSON against a static file of the same size
# from the same server (wrk, maximum rate), and the page's latency at a fixed rate (hey, p99).
#   bench/cv-serve.sh [--users N] [--commits M] [--duration S] [--warmup S] [--rate R] [--connections C]
#                     [--threads T] [--years Y] [--work DIR]
# Defaults are the issue's: 100 published users of 50,000 commits each over 8 years, 60 s runs, the page at 200
# requests/s, wrk -t2 -c32. What is measured and why: docs/benchmarks.md, "CV serving".
#
# The data dir is generated once per (users, commits, years) under the work dir (default ~/.cache/commitstats-bench,
# outside the build folders so that `mvn clean` keeps it) by CvServingData through the product's stores, and reused;
# an interrupted generation resumes. Every run first rebuilds the snapshots older than 10 minutes, so that the server
# (which rebuilds a snapshot older than an hour on its next read) serves from snapshots during the whole measurement.
# The server is `./commitstats serve` with the launcher's JVM defaults (COMMITSTATS_JAVA_OPTS replaces them); the
# static files come from a folder added to Spring Boot's static locations for this run only.
# Results: printed, and appended to app/target/benchmarks/cv-serve.txt.
set -euo pipefail
usage="usage: bench/cv-serve.sh [--users N] [--commits M] [--duration S] [--warmup S] [--rate R] [--connections C] [--threads T] [--years Y] [--work DIR]"
users=100; commits=50000; duration=60; warmup=10; rate=200; connections=32; threads=2; years=8
work=${COMMITSTATS_BENCH_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/commitstats-bench}
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
for v in "$users" "$commits" "$duration" "$warmup" "$rate" "$connections" "$threads" "$years"; do
  [[ $v =~ ^[1-9][0-9]*$ ]] || { echo "cv-serve.sh: '$v' is not a positive whole number" >&2; echo "$usage" >&2; exit 2; }
done
root="$(cd "$(dirname "$0")/.." && pwd)"

missing=()
for tool in curl wrk hey java awk; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "cv-serve.sh: missing ${missing[*]}. On Debian or Ubuntu: sudo apt-get install -y wrk hey curl" \
       "(hey is also 'go install github.com/rakyll/hey@latest'; wrk is in Homebrew as wrk)" >&2
  exit 1
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
t_start=$(now); load_start=$(load)

# 1. The server's jar (the launcher builds it when the sources changed) and the generator's test classes with their
#    class path, compiled again only when a source or POM is newer than them.
"$root/commitstats" --version >/dev/null
cp_file="$root/app/target/test-classpath.txt"
gen_class="$root/app/target/test-classes/dev/commitstats/cv/CvServingData.class"
if [ ! -f "$cp_file" ] || [ ! -f "$gen_class" ] || [ -n "$(find "$root/pom.xml" "$root/core/pom.xml" \
    "$root/app/pom.xml" "$root/core/src" "$root/app/src" -newer "$gen_class" -type f -print -quit)" ]; then
  echo "compiling the data generator (test classes) and resolving its class path..."
  (cd "$root" && ./mvnw -B -q -pl core,app -am test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test) \
    || { echo "cv-serve.sh: the build of the test classes failed (output above)" >&2; exit 1; }
fi

# 2. The data: generated once, resumed when interrupted; the snapshots are refreshed on every run (see above).
data="$work/cv-serve-u$users-c$commits-y$years"
mkdir -p "$work"
echo "data: $data ($users users x $commits commits over $years years; a new data dir takes a while," \
     "see docs/benchmarks.md)"
s=$(now)
# the generator's own lines only; the libraries' log lines go to the log file
if ! java -Dcvbench.data-dir="$data" -Dcvbench.users="$users" -Dcvbench.commits="$commits" \
    -Dcvbench.years="$years" -cp "$root/app/target/test-classes:$root/app/target/classes:$(cat "$cp_file")" \
    dev.commitstats.cv.CvServingData 2>&1 | tee -a "$work/cv-serve-u$users-c$commits-y$years.log" \
    | awk '!/ (TRACE|DEBUG|INFO) / { print; fflush() }'; then
  echo "cv-serve.sh: the data generation failed; its log: $work/cv-serve-u$users-c$commits-y$years.log" >&2
  exit 1
fi
t_data=$(secs "$s" "$(now)")

# 3. The server, on a free port, with an extra static folder for this run only.
run=$(mktemp -d); pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$run"
}
trap cleanup EXIT
mkdir -p "$run/static"
s=$(now)
SPRING_WEB_RESOURCES_STATICLOCATIONS="classpath:/static/,file:$run/static/" \
  "$root/commitstats" serve --port 0 --data-dir "$data" >"$run/server.log" 2>&1 &
pid=$!  # the launcher execs java: this is the server's pid
server_failed() {
  echo "cv-serve.sh: $1; the server's log ends with:" >&2
  tail -n 40 "$run/server.log" >&2
  exit 1
}
port=""
for _ in $(seq 1 1800); do
  port=$(sed -n 's#.*running at http://localhost:\([0-9][0-9]*\)/.*#\1#p' "$run/server.log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || server_failed "the server exited while starting"
  sleep 0.1
done
[ -n "$port" ] || server_failed "the server did not start within 3 minutes"
base="http://127.0.0.1:$port"
until curl -fsS "$base/actuator/health" 2>/dev/null | grep '"UP"' >/dev/null; do
  kill -0 "$pid" 2>/dev/null || server_failed "the server exited before it was healthy"
  sleep 0.1
done
t_server=$(secs "$s" "$(now)")
echo "server: pid $pid, $base, healthy after $t_server s"

# 4. Warm-up. Every user's page, card and JSON once, which also checks that each is published and served; the
#    sizes of the cards and JSON documents give the size of the static files. Then each endpoint under load, so that
#    the compiler has seen every path before anything is measured.
login() { printf 'user%03d' "$1"; }
get() { # PATH: sets code and size; the body is in $run/body
  local out
  out=$(curl -sS -o "$run/body" -w '%{http_code} %{size_download}' "$base$1") || server_failed "GET $1 failed"
  read -r code size <<<"$out"
}
s=$(now)
card_sum=0; json_sum=0; page_sum=0
for u in $(seq 1 "$users"); do
  l=$(login "$u")
  for p in "/cv/$l" "/cv/$l/card.svg" "/api/v1/cv/$l"; do
    get "$p"
    [ "$code" = 200 ] || server_failed "GET $p answered $code, not 200 (is $l published?)"
    case "$p" in
      */card.svg) card_sum=$((card_sum + size)); [ "$u" = 1 ] && cp "$run/body" "$run/card1" ;;
      /api/*) json_sum=$((json_sum + size)); [ "$u" = 1 ] && cp "$run/body" "$run/json1" ;;
      *) page_sum=$((page_sum + size)) ;;
    esac
  done
done
t_first=$(secs "$s" "$(now)")
card_size=$((card_sum / users)); json_size=$((json_sum / users)); page_size=$((page_sum / users))
# user001's own card and JSON, cut or padded with spaces to the mean size over the users (what wrk will fetch)
static_copy() { # SOURCE SIZE TARGET
  { head -c "$2" "$1"; local have; have=$(wc -c <"$1"); [ "$have" -lt "$2" ] && printf '%*s' $(($2 - have)) ''; } >"$3"
  return 0
}
static_copy "$run/card1" "$card_size" "$run/static/bench-card.svg"
static_copy "$run/json1" "$json_size" "$run/static/bench-cv.json"
for p in /bench-card.svg /bench-cv.json; do
  get "$p"
  [ "$code" = 200 ] || server_failed "the static file $p answered $code (static locations not applied?)"
done
echo "first requests to every user's page, card and JSON: $t_first s; mean sizes: card $card_size B," \
     "JSON $json_size B, page $page_size B"

lua="$root/bench/cv-serve.lua"
wrk_run() { # SECONDS PATTERN USERS -> the result line of cv-serve.lua
  wrk -t"$threads" -c"$connections" -d"$1s" --latency -s "$lua" "$base" -- "$2" "$3" | grep '^wrk-result' \
    || server_failed "wrk failed on $2"
}
server_cpu() { # CPU seconds the server has used so far
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$pid/stat"
}
echo "warming up: ${warmup} s of wrk on each endpoint..."
for target in "/bench-card.svg 0" "/cv/%s/card.svg $users" "/bench-cv.json 0" "/api/v1/cv/%s $users" "/cv/%s $users"; do
  read -r pattern n <<<"$target"
  wrk_run "$warmup" "$pattern" "$n" >/dev/null
done

# 5. The measurements. wrk: the maximum rate, closed loop, rotating over the users. Each result line says
#    requests, seconds, errors and non-2xx answers; an answer that is not a success makes the run invalid.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
declare -A rps p99 cpu
measure() { # NAME PATTERN USERS
  local c0 line; c0=$(server_cpu)
  line=$(wrk_run "$duration" "$2" "$3")
  cpu[$1]=$(awk -v a="$c0" -v b="$(server_cpu)" -v d="$(field "$line" seconds)" 'BEGIN { printf "%.2f", (b - a) / d }')
  rps[$1]=$(awk -v n="$(field "$line" requests)" -v d="$(field "$line" seconds)" 'BEGIN { printf "%.0f", n / d }')
  p99[$1]=$(field "$line" p99_ms)
  local bad=$(( $(field "$line" errors) + $(field "$line" non2xx) ))
  [ "$bad" = 0 ] || server_failed "$1: $bad requests failed or were not answered with 2xx ($line)"
  printf '  %-12s %8s requests/s  p99 %7s ms  server CPU %s cores\n' "$1" "${rps[$1]}" "${p99[$1]}" "${cpu[$1]}"
}
echo "measuring, $duration s each: wrk -t$threads -c$connections"
measure static-card /bench-card.svg 0
measure card "/cv/%s/card.svg" "$users"
measure static-json /bench-cv.json 0
measure json "/api/v1/cv/%s" "$users"

# hey holds a fixed rate, but fetches one URL: the rate is shared by up to 10 hey processes on as many users, spread
# over the users, and the latencies of all of them (hey -o csv: one line per request) are merged. hey's -q is per
# worker: each process runs 4 workers at rate/(4 x processes) requests/s each.
procs=$(( users < 10 ? users : 10 )); workers=4
per_worker=$(awk -v r="$rate" -v p="$procs" -v w="$workers" 'BEGIN { printf "%.3f", r / (p * w) }')
echo "  page at $rate requests/s: $procs hey processes x $workers workers x $per_worker requests/s, users" \
     "$(login 1) to $(login "$users") spread"
c0=$(server_cpu); hey_pids=()
for k in $(seq 0 $((procs - 1))); do
  u=$(( 1 + k * users / procs ))
  hey -z "${duration}s" -c "$workers" -q "$per_worker" -o csv "$base/cv/$(login "$u")" >"$run/hey$k.csv" 2>"$run/hey$k.err" &
  hey_pids+=($!)
done
hey_failed=0
for h in "${hey_pids[@]}"; do wait "$h" || hey_failed=1; done
[ "$hey_failed" = 0 ] || server_failed "hey failed: $(cat "$run"/hey*.err)"
page_cpu=$(awk -v a="$c0" -v b="$(server_cpu)" -v d="$duration" 'BEGIN { printf "%.2f", (b - a) / d }')
# response-time (s) and status-code of every request; percentiles by rank over the sorted times
read -r page_n page_bad page_p50 page_p90 page_p99 page_max < <(
  awk -F, 'FNR > 1 && NF >= 7 { print $1 * 1000, $7 }' "$run"/hey*.csv | sort -n \
    | awk -v d="$duration" '{ t[NR] = $1; if ($2 != 200) bad++ }
        function pct(p,   i) { i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; return t[i] }
        END { if (NR == 0) { print 0, 0, 0, 0, 0, 0; exit }
              printf "%d %d %.1f %.1f %.1f %.1f\n", NR, bad + 0, pct(50), pct(90), pct(99), t[NR] }')
[ "$page_n" -gt 0 ] || server_failed "hey recorded no page requests: $(cat "$run"/hey*.err)"
[ "$page_bad" = 0 ] || server_failed "$page_bad page requests were not answered with 200"
page_rate=$(awk -v n="$page_n" -v d="$duration" 'BEGIN { printf "%.0f", n / d }')
printf '  %-12s %8s requests/s  p50 %s ms, p90 %s ms, p99 %s ms, max %s ms  server CPU %s cores\n' page \
  "$page_rate" "$page_p50" "$page_p90" "$page_p99" "$page_max" "$page_cpu"

kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

# 6. The summary, also appended to the results file.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v x="$1" -v op="$2" -v t="$3" 'BEGIN { ok = op == ">=" ? x >= t : x < t; print ok ? "met" : "NOT MET" }'; }
card_ratio=$(ratio "${rps[card]}" "${rps[static-card]}"); json_ratio=$(ratio "${rps[json]}" "${rps[static-json]}")
# hey drops the ticks a busy worker misses, so a server that cannot keep up shows a lower rate, not longer latencies
rate_note=""
[ "$(awk -v a="$page_rate" -v r="$rate" 'BEGIN { print (a < 0.95 * r) }')" = 1 ] \
  && rate_note=" (only $page_rate of $rate requests/s were sent: the server did not keep up, and p99 understates it)"
java_version=$(java -version 2>&1 | head -1)
jvm_opts=${COMMITSTATS_JAVA_OPTS-$(sed -n 's/^serve_opts="\(.*\)"$/\1/p' "$root/commitstats") (launcher default)}
summary=$(cat <<EOF
== CV serving, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo ?)
machine: $(nproc) cores, $java_version, server JVM options: $jvm_opts; load average $load_start at the start, $(load) at the end
data: $users published users x $commits commits over $years years ($data); runs of $duration s after $warmup s of warm-up per endpoint; wrk -t$threads -c$connections; hey at $rate requests/s
sizes (mean over the users): card $card_size B, JSON $json_size B, page $page_size B; the static files have the card's and the JSON's size

| endpoint | requests/s | p99 ms | server CPU (cores) | target | result |
|---|---:|---:|---:|---|---|
| static file, card size | ${rps[static-card]} | ${p99[static-card]} | ${cpu[static-card]} | | |
| card /cv/{login}/card.svg | ${rps[card]} | ${p99[card]} | ${cpu[card]} | card/static $card_ratio >= 0.5 | $(verdict "$card_ratio" ">=" 0.5) |
| static file, JSON size | ${rps[static-json]} | ${p99[static-json]} | ${cpu[static-json]} | | |
| JSON /api/v1/cv/{login} | ${rps[json]} | ${p99[json]} | ${cpu[json]} | JSON/static $json_ratio >= 0.5 | $(verdict "$json_ratio" ">=" 0.5) |
| page /cv/{login} at $rate/s (hey) | $page_rate | $page_p99 | $page_cpu | p99 < 50 ms | $(verdict "$page_p99" "<" 50) |

page latency: p50 $page_p50 ms, p90 $page_p90 ms, p99 $page_p99 ms, max $page_max ms over $page_n requests$rate_note
time: data $t_data s, server start $t_server s, first requests $t_first s, whole run $(secs "$t_start" "$(now)") s
EOF
)
echo
echo "$summary"
mkdir -p "$root/app/target/benchmarks"
printf '%s\n\n' "$summary" >>"$root/app/target/benchmarks/cv-serve.txt"
echo
echo "appended to app/target/benchmarks/cv-serve.txt"
