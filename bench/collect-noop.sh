#!/usr/bin/env bash
# How long `commitstats collect` takes when nothing is new, for N repositories (default 10), JVM start included.
#   bench/collect-noop.sh SOURCE_REPO [N]
# Makes N bare copies of SOURCE_REPO (each with one extra commit so they differ), collects them once, then times
# three more runs with nothing new and prints the median.
set -euo pipefail
src=${1:?usage: bench/collect-noop.sh SOURCE_REPO [N]}; n=${2:-10}
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
email=$(git -C "$src" log -1 --format=%ae HEAD)
repos=()
for i in $(seq 1 "$n"); do
  git clone -q --bare "$src" "$work/r$i.git"
  repos+=("$work/r$i.git")
done
run() { "$root/commitstats" collect --data-dir "$work/data" --user bench --email "$email" "${repos[@]}" > "$work/out.txt"; }
s=$(date +%s.%N); run; e=$(date +%s.%N)
echo "first collection of $n repositories: $(echo "$e - $s" | bc) s"; cat "$work/out.txt" | head -3
times=()
for k in 1 2 3; do s=$(date +%s.%N); run; e=$(date +%s.%N); times+=("$(echo "$e - $s" | bc)"); done
med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
echo "nothing new, $n repositories of $(git -C "$src" rev-list --count HEAD) commits each: median ${med} s (runs: ${times[*]})"
