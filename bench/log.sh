#!/usr/bin/env bash
# Prints how long `folio log` takes over a history of COMMITS main-line commits, each changing
# one to three files of a generated portfolio of about FILES files, beside one `folio check`
# of the same portfolio. Usage: bash bench/log.sh [FILES] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-12400}"
commits="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin folio --example generate_portfolio
./target/release/examples/generate_portfolio "$work/repo/portfolio" "$files" > /dev/null
cd "$work/repo"
git init -q
git config user.name bench
git config user.email bench@example.com
git config gc.auto 0
git add -A
git commit -qm base
# Each commit changes one to three files: a venture's revenue, a synergy's status, a new value
# event — the day-to-day of a portfolio repository.
ventures=(portfolio/ventures/group*/v*.yaml)
for i in $(seq 1 "$commits"); do
  v="${ventures[$(( (i * 7919) % ${#ventures[@]} ))]}"
  sed -i "s/revenue_monthly: [0-9]*/revenue_monthly: $(( 50000 + i ))/" "$v"
  if (( i % 2 == 0 )); then
    printf 'id: E-%05d\ninitiative: INI-00002\ntype: cost-saved\namount: %d\nunit: usd\ndate: 2026-11-01\nevidence: Invoice %d\n' "$i" "$i" "$i" > "portfolio/value/E-$(printf %05d "$i").yaml"
  fi
  if (( i % 3 == 0 )); then
    s=$(ls portfolio/synergies | sed -n "$(( i % 50 + 1 ))p")
    sed -i "s/^status: .*/status: identified/" "portfolio/synergies/$s"
  fi
  git add -A
  git commit -qm "change $i"
done
git gc -q
cd - > /dev/null
echo "portfolio: $(find "$work/repo/portfolio" -name '*.yaml' | wc -l) files, $(git -C "$work/repo" rev-list --count HEAD) commits"
for run in 1 2 3; do
  t0=$(date +%s%N)
  ./target/release/folio log "$work/repo/portfolio" --format json > "$work/log.json" || true
  t1=$(date +%s%N)
  ./target/release/folio check "$work/repo/portfolio" --format json > /dev/null || true
  t2=$(date +%s%N)
  echo "run $run: log $(( (t1 - t0) / 1000000 )) ms, check $(( (t2 - t1) / 1000000 )) ms"
done
echo "entries: $(grep -c '"commit"' "$work/log.json")"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "log peak memory: %M KiB, wall: %e s" ./target/release/folio log "$work/repo/portfolio" --format json > /dev/null || true
fi
