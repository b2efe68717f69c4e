#!/usr/bin/env bash
# Prints how long `folio check` takes, and its peak memory, on each hostile input: an alias
# bomb, nesting 20,000 deep, duplicate keys, YAML tags, bad UTF-8, a 5 MiB file, a link
# out of the portfolio, and a file of 199,000 duplicate keys (as many findings).
# Usage: bash bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --locked --quiet --bin folio

case_dir() {
  local dir="$work/$1"
  mkdir -p "$dir/ventures"
  printf 'name: Bench\n' > "$dir/portfolio.yaml"
  printf 'roles:\n  chairman:\n    members: [{name: C, github: c}]\n  board:\n    members: [{name: B, github: b}]\ndecision_rights: []\n' > "$dir/governance.yaml"
  echo "$dir"
}

d=$(case_dir alias-bomb)
python3 - "$d/ventures/bomb.yaml" <<'PY'
import sys
lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
previous = 'a'
for name in 'bcdefghi':
    lines.append(f'{name}: &{name} [' + ', '.join([f'*{previous}'] * 9) + ']')
    previous = name
open(sys.argv[1], 'w').write('\n'.join(lines) + '\n')
PY
d=$(case_dir nesting); python3 -c "import sys; open(sys.argv[1],'w').write('id: x\nname: ' + '['*20000 + ']'*20000 + '\n')" "$d/ventures/deep.yaml"
d=$(case_dir duplicate-keys); printf 'id: x\nname: A\nname: B\nstatus: active\n' > "$d/ventures/x.yaml"
d=$(case_dir tags); printf 'id: x\nname: !!python/object:os.system A\nstatus: !custom active\n' > "$d/ventures/x.yaml"
d=$(case_dir bad-utf8); printf 'id: x\nname: Caf\xe9\nstatus: active\n' > "$d/ventures/x.yaml"
d=$(case_dir five-mib); python3 -c "import sys; open(sys.argv[1],'w').write('id: x\nnotes: \"' + 'x'*(5*1024*1024) + '\"\n')" "$d/ventures/x.yaml"
d=$(case_dir symlink); ln -s /etc/passwd "$d/ventures/x.yaml"
d=$(case_dir many-findings); python3 -c "import sys; open(sys.argv[1],'w').write('id: x\nname: A\nstatus: active\n' + 'a: 1\n'*199000)" "$d/ventures/x.yaml"

for name in alias-bomb nesting duplicate-keys tags bad-utf8 five-mib symlink many-findings; do
  code=0
  /usr/bin/time -f "%e s, %M KiB" -o "$work/time" ./target/release/folio check "$work/$name" --format json > "$work/out.json" || code=$?
  rule=$(python3 -c "import json,sys; print(' '.join(sorted({f['rule'] for f in json.load(open(sys.argv[1]))['findings']})))" "$work/out.json")
  printf "%-15s exit %s  %-18s %s\n" "$name" "$code" "$rule" "$(tail -n 1 "$work/time")"
done
