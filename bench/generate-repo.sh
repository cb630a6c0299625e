#!/usr/bin/env bash
# Makes a large, realistic git repository to benchmark mining on, without fetching anything; deterministic for a seed.
#   bench/generate-repo.sh DIR [COMMITS] [SEED]        (defaults: 10000 commits, seed 1)
# bench/generate-repo.py writes the history as a git fast-import stream (what it contains: docs/benchmarks.md,
# "Generated repository"). This script imports it into a new repository at DIR, packs it with deltas as a clone
# would be, checks out main, and prints what it made and git's numstat totals.
set -euo pipefail
dir=${1:?usage: bench/generate-repo.sh DIR [COMMITS] [SEED]}; commits=${2:-10000}; seed=${3:-1}
here="$(cd "$(dirname "$0")" && pwd)"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
  echo "generate-repo.sh: $dir exists and is not empty" >&2; exit 2
fi
now() { date +%s.%N; }
secs() { printf '%.1f' "$(echo "$2 - $1" | bc)"; }

t0=$(now)
git init -q "$dir"
git -C "$dir" symbolic-ref HEAD refs/heads/main
git -C "$dir" config gc.auto 0
# The import stores blobs uncompressed and without deltas (fast-import would only try a delta against the previous
# blob of the stream, another file's); the repack then computes deltas and compresses once, as a server's pack is.
python3 "$here/generate-repo.py" "$commits" "$seed" \
  | git -C "$dir" -c core.compression=0 fast-import --depth=0 --quiet
t1=$(now)
# pull-request branches are merged (or were dropped at the end): only main and the release tags remain, as in a clone
git -C "$dir" for-each-ref --format='delete %(refname)' refs/heads/pr | git -C "$dir" update-ref --stdin
git -C "$dir" repack -q -a -d -F --window=10 --depth=50
t2=$(now)
git -C "$dir" reset -q --hard
t3=$(now)

echo "generated $dir: $commits commits, seed $seed, in $(secs "$t0" "$t3") s" \
     "(history and import $(secs "$t0" "$t1") s, repack $(secs "$t1" "$t2") s, checkout $(secs "$t2" "$t3") s)"
g() { git -C "$dir" "$@"; }
total=$(g rev-list --count HEAD); nonmerge=$(g rev-list --count --no-merges HEAD)
echo "commits:         $total ($nonmerge non-merge, $((total - nonmerge)) merges), main at $(g rev-parse HEAD)"
echo "authors:         $(g log --format=%ae HEAD | sort -u | wc -l) addresses, $(g log --format=%an HEAD | sort -u | wc -l) names," \
     "$(g log --reverse --format=%ad --date=short HEAD | head -1) to $(g log -1 --format=%ad --date=short HEAD)," \
     "$(g log --format=%ad --date=format:%z HEAD | sort -u | wc -l) UTC offsets"
echo "files at HEAD:   $(g ls-tree -r HEAD | wc -l) ($(du -sh --exclude=.git "$dir" | cut -f1) checked out), pack $(du -sh "$dir/.git/objects/pack" | cut -f1)"
s=$(now)
g log --no-merges --no-renames --numstat --format='@%H' HEAD | awk -v t="$s" '
  /^@/ { c++; next }
  NF >= 3 { n++; if ($1 == "-") b++; else { a += $1; d += $2 } }
  END { printf "git numstat:     %d %d %d (non-merge commits, additions, deletions; %d file changes, %d of them binary)\n", c, a, d, n, b }'
echo "                 (git log --no-merges --no-renames --numstat took $(secs "$s" "$(now)") s here)"
