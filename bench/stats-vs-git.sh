#!/usr/bin/env bash
# Wall-clock comparison of `commitstats stats` with `git log --numstat` on one repository, JVM start included.
#   bench/stats-vs-git.sh REPO [RUNS]
#   bench/stats-vs-git.sh --generated[=COMMITS] [RUNS]   (a repository made by bench/generate-repo.sh, default 10000
#                                                        commits, seed 1, in a temporary folder removed at the end)
# Runs git, raw mode and honest mode alternately RUNS times (default 5), checks that raw totals equal git's, and prints
# the median of each and the ratios (git time / raw time: >= 1.0 means commitstats is at least as fast as git).
set -euo pipefail
usage="usage: bench/stats-vs-git.sh REPO|--generated[=COMMITS] [RUNS]"
repo=${1:?$usage}; runs=${2:-5}
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $repo == --generated || $repo == --generated=* ]]; then
  n=${repo#--generated}; n=${n#=}
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  "$root/bench/generate-repo.sh" "$work/repo" "${n:-10000}"
  repo="$work/repo"
fi
# through the launcher, as users run it: extracted jar, CDS archive and the launcher's JVM defaults for batch commands
# (COMMITSTATS_JAVA_OPTS replaces those defaults); the first call builds and prepares what is missing
cs="$root/commitstats"
"$cs" --version >/dev/null
java_opts=${COMMITSTATS_JAVA_OPTS-$(sed -n 's/^batch_opts="\(.*\)"$/\1/p' "$cs")}

now() { date +%s.%N; }
declare -a tg tr th
for i in $(seq 1 "$runs"); do
  s=$(now); git -C "$repo" log --no-merges --no-renames --numstat HEAD > /dev/null; e=$(now); tg+=("$(echo "$e - $s" | bc)")
  s=$(now); out=$("$cs" stats "$repo" --raw --format json); e=$(now); tr+=("$(echo "$e - $s" | bc)")
  s=$(now); "$cs" stats "$repo" --format json > /dev/null; e=$(now); th+=("$(echo "$e - $s" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mg=$(median "${tg[@]}"); mr=$(median "${tr[@]}"); mh=$(median "${th[@]}")
want=$("$root/../shared/tools/numstat-oracle" "$repo" 2>/dev/null || git -C "$repo" log --no-merges --no-renames --numstat --format=@%h HEAD | awk '/^@/{c++;next} NF>=3{if($1!="-")a+=$1; if($2!="-")d+=$2} END{print c+0, a+0, d+0}')
got=$(echo "$out" | jq -r '"\(.commits) \(.additions) \(.deletions)"')
echo "repository:     $repo ($(git -C "$repo" rev-list --count --no-merges HEAD) non-merge commits)"
echo "machine:        $(nproc) cores, $(java -version 2>&1 | head -1), $java_opts"
echo "git numstat:    ${mg}s (median of $runs)    totals: $want"
echo "raw mode:       ${mr}s                       totals: $got $( [ "$want" = "$got" ] && echo '(equal to git)' || echo '(DIFFERENT FROM GIT)')"
echo "honest mode:    ${mh}s"
echo "ratio git/raw:  $(echo "scale=2; $mg / $mr" | bc)   (target >= 1.0)"
echo "honest/raw:     $(echo "scale=2; $mh / $mr" | bc)   (target <= 1.5)"
