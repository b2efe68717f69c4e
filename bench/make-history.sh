#!/usr/bin/env bash
# Writes the history bench/log.sh and bench/timeline.sh read: a git repository in DIR whose
# sub-folder portfolio/ holds a generated portfolio of about FILES files, then COMMITS main-line
# commits, each changing one to three files — a venture's revenue, a synergy's status, a new
# value event: the day-to-day of a portfolio repository. Needs the generate_portfolio example
# built. Usage: bash bench/make-history.sh DIR FILES COMMITS
set -euo pipefail
repo="$1"
files="$2"
commits="$3"
target="${CARGO_TARGET_DIR:-$(dirname "$0")/../target}"
"$target/release/examples/generate_portfolio" "$repo/portfolio" "$files" > /dev/null
cd "$repo"
git init -q
git config user.name bench
git config user.email bench@example.com
git config gc.auto 0
git add -A
git commit -qm base
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
