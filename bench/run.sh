#!/usr/bin/env bash
# folio's benchmark, runnable by anyone with the Rust toolchain, git, and (for the peers) npm and
# Python: generates a portfolio of about 12,400 files (2,480 ventures) and one of about 62,000
# (12,400 ventures), a history of 1,000 commits on the first, times `folio check`, `gates`,
# `report` (with and without --html), `diff` (three changed files), `log`, `history` and the
# report with its history section, with their peak memory, sets them beside the
# `cat` floor and beside ajv-cli and check-jsonschema validating the same files, and writes the
# figures to BENCHMARKS.md with the machine described. Every figure is the median of RUNS runs.
# Usage: bash bench/run.sh [RUNS]   (about ten minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
top="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin folio --example generate_portfolio
folio="$top/target/release/folio"
generate="$top/target/release/examples/generate_portfolio"

# median WALL_SECONDS PEAK_KIB of a command run $runs times (its output discarded).
measure() {
  local walls=() peaks=()
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    # A command that exits non-zero (a diff waiting for approvals) gets a line of its own first.
    read -r wall peak < <(tail -n 1 "$work/time")
    walls+=("$wall")
    peaks+=("$peak")
  done
  local middle=$(( (runs + 1) / 2 ))
  echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${middle}p") $(printf '%s\n' "${peaks[@]}" | sort -g | sed -n "${middle}p")"
}

# The wall time of command line $2 over that of $1, each the fastest of twice $runs runs taken
# in turn (one of $1, one of $2, …): on a shared machine that now and then slows a run by half
# or more, for seconds at a time, the fastest run is the one nearest the command's own cost,
# and taking the two in turn exposes both to the same spells.
ratio() {
  local base=() other=()
  for _ in $(seq 1 $(( runs * 2 ))); do
    /usr/bin/time -f "%e" -o "$work/base" bash -c "$1" > /dev/null 2>&1 || true
    /usr/bin/time -f "%e" -o "$work/other" bash -c "$2" > /dev/null 2>&1 || true
    base+=("$(tail -n 1 "$work/base")")
    other+=("$(tail -n 1 "$work/other")")
  done
  awk -v a="$(printf '%s\n' "${other[@]}" | sort -g | head -1)" \
    -v b="$(printf '%s\n' "${base[@]}" | sort -g | head -1)" 'BEGIN { printf "%.2f", a / b }'
}

# A portfolio of about $2 files in $1, committed to a fresh repository.
portfolio() {
  "$generate" "$1/portfolio" "$2" > /dev/null
  git -C "$1" init -q
  git -C "$1" config user.name bench
  git -C "$1" config user.email bench@example.com
  git -C "$1" config gc.auto 0
  git -C "$1" add -A
  git -C "$1" commit -qm base
}

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
size_mib() { find "$1" -name '*.yaml' -print0 | xargs -0 cat | wc -c | awk '{ printf "%.1f", $1 / 1048576 }'; }

rows=()
row() { rows+=("| $1 | $2 | $3 s | $4 MiB | $5 |"); }

for files in 12400 62000; do
  repo="$work/p$files"
  portfolio "$repo" "$files"
  root="$repo/portfolio"
  count=$(find "$root" -name '*.yaml' | wc -l)
  size=$(size_mib "$root")
  label="$count files, $size MiB"
  read -r cat_wall cat_peak < <(measure bash -c "find '$root' -name '*.yaml' -print0 | xargs -0 cat")
  row "$label" "\`cat\` of every file (the floor)" "$cat_wall" "$(mib "$cat_peak")" ""
  read -r check_wall check_peak < <(measure "$folio" check "$root" --format json)
  check="'$folio' check '$root' --format json > /dev/null"
  row "$label" "\`folio check\`" "$check_wall" "$(mib "$check_peak")" "$(ratio "find '$root' -name '*.yaml' -print0 | xargs -0 cat > /dev/null" "$check")× the floor"
  read -r wall peak < <(measure "$folio" gates "$root" --format json)
  row "$label" "\`folio gates\`" "$wall" "$(mib "$peak")" ""
  read -r wall peak < <(measure "$folio" report "$root" --out "$work/report$files")
  row "$label" "\`folio report --out\`" "$wall" "$(mib "$peak")" "$(ratio "$check" "'$folio' report '$root' --out '$work/report$files'")× a check, $(awk -v a="$peak" -v b="$check_peak" 'BEGIN { printf "%.2f", a / b }')× its memory; largest file $(ls -S "$work/report$files" | head -1) $(du -k "$work/report$files/$(ls -S "$work/report$files" | head -1)" | cut -f1) KiB"
  read -r wall peak < <(measure "$folio" report "$root" --out "$work/html$files" --html)
  row "$label" "\`folio report --out --html\`" "$wall" "$(mib "$peak")" "$(ratio "$check" "'$folio' report '$root' --out '$work/html$files' --html")× a check, $(awk -v a="$peak" -v b="$check_peak" 'BEGIN { printf "%.2f", a / b }')× its memory; $(find "$work/html$files" -name '*.html' | wc -l) pages, largest $(ls -S "$work/html$files"/*.html | head -1 | xargs du -k | cut -f1) KiB"
  # Three changed files: a launch, a budget, a sunset.
  sed -i 's/^status: launched/status: in-progress/' "$root/initiatives/INI-00002.yaml"
  sed -i 's/^budget: 5000/budget: 25000/' "$root/initiatives/INI-00008.yaml"
  sed -i 's/^status: active/status: sunset/' "$root/ventures/group00/v00000.yaml"
  git -C "$repo" commit -qam "three decisions"
  git -C "$repo" gc -q
  read -r wall peak < <(measure "$folio" diff "$root" --base HEAD~1 --format json)
  row "$label" "\`folio diff\`, 3 changed files" "$wall" "$(mib "$peak")" "$(ratio "$check" "'$folio' diff '$root' --base HEAD~1 --format json")× a check"
done

# The history: 1,000 commits of one to three files each on the smaller portfolio.
repo="$work/p12400"
root="$repo/portfolio"
ventures=("$root"/ventures/group*/v*.yaml)
for i in $(seq 1 1000); do
  v="${ventures[$(( (i * 7919) % ${#ventures[@]} ))]}"
  sed -i "s/revenue_monthly: [0-9]*/revenue_monthly: $(( 50000 + i ))/" "$v"
  if (( i % 2 == 0 )); then
    printf 'id: E-%05d\ninitiative: INI-00002\ntype: cost-saved\namount: %d\nunit: usd\ndate: 2026-11-01\nevidence: Invoice %d\n' "$i" "$i" "$i" > "$root/value/E-$(printf %05d "$i").yaml"
  fi
  git -C "$repo" add -A
  git -C "$repo" commit -qm "change $i"
done
git -C "$repo" gc -q
read -r check_wall _ < <(measure "$folio" check "$root" --format json)
read -r wall peak < <(measure "$folio" log "$root" --format json)
history_label="$(find "$root" -name '*.yaml' | wc -l) files, 1,002 commits"
row "$history_label" "\`folio log\`" "$wall" "$(mib "$peak")" "$(awk -v a="$wall" -v b="$check_wall" 'BEGIN { printf "%.2f ms a commit; %.2f× a check per 100 commits", a * 1000 / 1002, a / b / 10.02 }')"
read -r wall peak < <(measure "$folio" history "$root" --format json)
row "$history_label" "\`folio history\`" "$wall" "$(mib "$peak")" "$(awk -v a="$wall" -v b="$check_wall" 'BEGIN { printf "%.2f ms a commit", a * 1000 / 1002 }')"
read -r wall peak < <(measure "$folio" report "$root" --out "$work/report-history")
row "$history_label" "\`folio report --out\` (with its history section)" "$wall" "$(mib "$peak")" "$(awk -v a="$wall" -v b="$check_wall" 'BEGIN { printf "%.2f× a check", a / b }')"

# The peers, when they can be installed: each validates every kind folder of the smaller
# portfolio against folio's schema of that kind (schemas only: no cross-file rule, no gate).
peers=()
if (cd "$work" && npm install --silent --no-audit --no-fund ajv-cli@5 ajv-formats@3 > /dev/null 2>&1); then
  peers+=(ajv)
fi
if python3 -m venv "$work/venv" > /dev/null 2>&1 && "$work/venv/bin/pip" install --quiet check-jsonschema > /dev/null 2>&1; then
  peers+=(check-jsonschema)
fi
root="$repo/portfolio"
for kind in venture assessment synergy conflict initiative resource value-event metrics rollback; do
  "$folio" schema "$kind" > "$work/$kind.schema.json"
done
cat > "$work/peer.sh" <<'SH'
set -u
tool="$1"; work="$2"; root="$3"
for kind in venture assessment synergy conflict initiative resource value-event metrics rollback; do
  case "$kind" in value-event) folder=value ;; venture) folder=ventures ;; assessment) folder=assessments ;; synergy) folder=synergies ;; conflict) folder=conflicts ;; initiative) folder=initiatives ;; resource) folder=resources ;; metrics) folder=metrics ;; rollback) folder=rollbacks ;; esac
  [ -d "$root/$folder" ] || continue
  if [ "$tool" = ajv ]; then
    "$work/node_modules/.bin/ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$work/$kind.schema.json" -d "$root/$folder/**/*.yaml" --errors=no > /dev/null 2>&1 || true
  else
    find "$root/$folder" -name '*.yaml' -print0 | xargs -0 "$work/venv/bin/check-jsonschema" --schemafile "$work/$kind.schema.json" > /dev/null 2>&1 || true
  fi
done
SH
count=$(find "$root" -name '*.yaml' | wc -l)
read -r check_wall _ < <(measure "$folio" check "$root" --format json)
for peer in "${peers[@]}"; do
  read -r wall peak < <(cd "$work" && measure bash "$work/peer.sh" "$peer" "$work" "$root")
  name=$([ "$peer" = ajv ] && echo "ajv-cli 5 (schemas only)" || echo "check-jsonschema $("$work/venv/bin/check-jsonschema" --version | awk '{print $NF}') (schemas only)")
  row "$count files" "$name" "$wall" "$(mib "$peak")" "$(awk -v a="$wall" -v b="$check_wall" 'BEGIN { printf "folio check is %.0f× faster", a / b }')"
done

cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d): the median of $runs runs of each command, its wall time and"
  echo "peak memory (\`/usr/bin/time\`), on portfolios made by \`examples/generate_portfolio.rs\`."
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB of memory, Linux $(uname -r); $(rustc -V)."
  echo "The machine is shared, so figures vary by about ±30% from one run to the next, and a run"
  echo "now and then takes half again as long. The ratios to the floor and to a check compare the"
  echo "fastest of $(( runs * 2 )) runs of each command, taken in turn with the command compared with."
  echo
  echo "| portfolio | command | wall | peak memory | note |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The peers validate each kind folder against folio's schema of that kind and do nothing"
  echo "else; \`folio check\` also reads every file with positions, runs every cross-file rule and"
  echo "builds the typed model."
} > BENCHMARKS.md
cat BENCHMARKS.md
