#!/usr/bin/env bash
# Parses every Mermaid block of the committed example report (and of any Markdown files given)
# with Mermaid's own parser, as GitHub would before rendering it. Needs Node.js and npm; it
# installs mermaid and jsdom into a temporary folder. .ci/run runs it on the example report and
# on the report of the hostile-names fixture. Usage: bash scripts/check-mermaid.sh [FILE.md ...]
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(example-portfolio/reports/*.md)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund mermaid@11 jsdom@24 > /dev/null)
cat > "$work/check.mjs" <<'JS'
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });
let failures = 0;
let count = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    count++;
    try {
      await mermaid.parse(match[1]);
    } catch (error) {
      failures++;
      console.log(`${file}: ${String(error.message || error).split('\n').slice(0, 4).join(' | ')}`);
    }
  }
}
console.log(`${count} Mermaid block(s), ${failures} that do not parse`);
process.exit(failures ? 1 : 0);
JS
absolute=()
for file in "${files[@]}"; do
  case "$file" in
    /*) absolute+=("$file") ;;
    *) absolute+=("$PWD/$file") ;;
  esac
done
files=("${absolute[@]}")
(cd "$work" && node check.mjs "${files[@]}")
