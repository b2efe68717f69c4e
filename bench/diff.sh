#!/usr/bin/env bash
# Prints how long `folio diff` takes on a repository holding a generated portfolio of about
# 10,000 files, with a change of a few decisions, beside a `folio check` of the same portfolio
# (the target: a diff costs at most one check). Usage: bash bench/diff.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin folio --example generate_portfolio
./target/release/examples/generate_portfolio "$work/repo/portfolio" "$files"
cd "$work/repo"
git init -q
git add -A
git -c user.name=bench -c user.email=bench@example.com commit -qm base
# A few decisions: a launch, a reallocation, a sunset.
sed -i 's/^status: launched/status: in-progress/' portfolio/initiatives/INI-00002.yaml
sed -i 's/^budget: 5000/budget: 25000/' portfolio/initiatives/INI-00008.yaml
sed -i 's/^status: active/status: sunset/' portfolio/ventures/group00/v00000.yaml
git -c user.name=bench -c user.email=bench@example.com commit -qam head
cd - > /dev/null
echo "repository: $(find "$work/repo/portfolio" -name '*.yaml' | wc -l) files"
# Paired runs, so that the machine's load weighs on all alike: the diff, a check of the work
# tree, and a check of the head revision read from git as the diff reads it.
ms() { echo $(( ($2 - $1) / 1000000 )); }
for run in 1 2 3 4 5; do
  t0=$(date +%s%N)
  ./target/release/folio diff "$work/repo/portfolio" --base HEAD~1 --format json > "$work/out.json" || true
  t1=$(date +%s%N)
  ./target/release/folio check "$work/repo/portfolio" --format json > /dev/null || true
  t2=$(date +%s%N)
  ./target/release/folio check "$work/repo/portfolio" --rev HEAD --format json > /dev/null || true
  t3=$(date +%s%N)
  echo "run $run: diff $(ms "$t0" "$t1") ms, check $(ms "$t1" "$t2") ms, check --rev HEAD $(ms "$t2" "$t3") ms"
done
grep -c '"type"' "$work/out.json" | sed 's/^/decisions: /'
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak memory: %M KiB, wall: %e s" ./target/release/folio diff "$work/repo/portfolio" --base HEAD~1 --format json > /dev/null || true
fi
