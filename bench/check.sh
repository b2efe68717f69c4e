#!/usr/bin/env bash
# Prints how long `folio check` takes on a generated portfolio of about 10,000 files, and its
# peak memory. Usage: bash bench/check.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin folio --example generate_portfolio
./target/release/examples/generate_portfolio "$work/portfolio" "$files"
count=$(find "$work/portfolio" -name '*.yaml' | wc -l)
echo "portfolio: $count files"

for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  ./target/release/folio check "$work/portfolio" --format json > "$work/out.json" || true
  end=$(date +%s%N)
  echo "run $run: $(( (end - start) / 1000000 )) ms"
done
python3 - "$work/out.json" <<'PY' 2>/dev/null || true
import json, sys
report = json.load(open(sys.argv[1]))
print(f"findings: {report['errors']} errors, {report['warnings']} warnings")
PY
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak memory: %M KiB, wall: %e s" ./target/release/folio check "$work/portfolio" --format json > /dev/null || true
fi
