#!/usr/bin/env bash
# Prints how long `folio history` (the gate timeline) takes over a history of COMMITS main-line
# commits, each changing one to three files of a generated portfolio of about FILES files
# (bench/make-history.sh), beside one `folio gates` of the same portfolio, and what the history
# section adds to `folio report`. Usage: bash bench/timeline.sh [FILES] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-12400}"
commits="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target="${CARGO_TARGET_DIR:-target}"
folio="$target/release/folio"
ms() { echo $(( ($2 - $1) / 1000000 )); }

cargo build --release --locked --quiet --bin folio --example generate_portfolio
bash bench/make-history.sh "$work/repo" "$files" "$commits"
root="$work/repo/portfolio"
echo "portfolio: $(find "$root" -name '*.yaml' | wc -l) files, $(git -C "$work/repo" rev-list --count HEAD) commits"
for run in 1 2 3; do
  t0=$(date +%s%N)
  "$folio" history "$root" --format json > "$work/timeline.json"
  t1=$(date +%s%N)
  "$folio" gates "$root" --format json > /dev/null
  t2=$(date +%s%N)
  echo "run $run: history $(ms "$t0" "$t1") ms, gates $(ms "$t1" "$t2") ms"
done
echo "commits in the timeline: $(grep -c '"changed"' "$work/timeline.json")"
t0=$(date +%s%N)
"$folio" report "$root" --out "$work/report" > /dev/null
t1=$(date +%s%N)
"$folio" report "$root" --no-history --out "$work/plain" > /dev/null
t2=$(date +%s%N)
echo "report: $(ms "$t0" "$t1") ms with its history section, $(ms "$t1" "$t2") ms without"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "history peak memory: %M KiB, wall: %e s" "$folio" history "$root" --format json > /dev/null
fi
