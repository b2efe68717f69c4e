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
target="${CARGO_TARGET_DIR:-target}"

cargo build --release --locked --quiet --bin folio --example generate_portfolio
bash bench/make-history.sh "$work/repo" "$files" "$commits"
echo "portfolio: $(find "$work/repo/portfolio" -name '*.yaml' | wc -l) files, $(git -C "$work/repo" rev-list --count HEAD) commits"
for run in 1 2 3; do
  t0=$(date +%s%N)
  "$target/release/folio" log "$work/repo/portfolio" --format json > "$work/log.json" || true
  t1=$(date +%s%N)
  "$target/release/folio" check "$work/repo/portfolio" --format json > /dev/null || true
  t2=$(date +%s%N)
  echo "run $run: log $(( (t1 - t0) / 1000000 )) ms, check $(( (t2 - t1) / 1000000 )) ms"
done
echo "entries: $(grep -c '"commit"' "$work/log.json")"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "log peak memory: %M KiB, wall: %e s" "$target/release/folio" log "$work/repo/portfolio" --format json > /dev/null || true
fi
