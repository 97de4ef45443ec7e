#!/usr/bin/env bash
# Packs the project as npm would publish it, installs the tarball into an empty directory and uses
# it there as a user would: `kofukin --version`, a build of the bundled sample, and the API.
# Run by .ci/run after the tests; needs only the npm registry (dependencies come from the cache
# that `npm ci` filled) and the browser the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/kofukin-pack.XXXXXX")
trap 'rm -rf "$work"' EXIT

tgz=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "pack-smoke: packed $tgz"
listing=$(tar tzf "$work/$tgz")
fail() { echo "pack-smoke: FAILED: $*" >&2; exit 1; }
for need in package/bin/kofukin.js package/dist/cli.js package/dist/index.js package/dist/index.d.ts \
  package/templates/report/body.hbs package/data/catalog/fy2024.json package/data/samples/kyoto-2024/municipality.json; do
  grep -qx "$need" <<<"$listing" || fail "the tarball lacks $need"
done
if grep -qE '^package/(test|src|scripts|\.ci)/' <<<"$listing"; then fail "the tarball ships development files: $(grep -E '^package/(test|src|scripts|\.ci)/' <<<"$listing" | head -3)"; fi
[ -d dist ] && fail "npm pack left dist/ in the checkout (postpack should remove it)"

app="$work/app"
mkdir -p "$app"
cd "$app"
printf '{ "name": "pack-smoke", "private": true, "type": "module" }\n' > package.json
npm install --silent --prefer-offline --no-audit --no-fund --omit=optional "$work/$tgz"
[ -e node_modules/tsx ] && fail "tsx was installed: the package must run without it"

version=$(node -p "require('$root/package.json').version")
got=$(npx --no-install kofukin --version)
[ "$got" = "kofukin-report $version" ] || fail "kofukin --version printed '$got', expected 'kofukin-report $version'"
echo "pack-smoke: $got"

npx --no-install kofukin build node_modules/kofukin-report/data/samples/kyoto-2024/municipality.json --out out >/dev/null
[ -s out/kofukin-2024-261009.pdf ] && [ -s out/kofukin-2024-261009.html ] || fail "build wrote no PDF/HTML"
text=$(pdftotext -l 3 out/kofukin-2024-261009.pdf -)
grep -q '京都市' <<<"$text" || fail "the PDF built by the installed package does not read back as Kyoto's report"
echo "pack-smoke: build wrote out/kofukin-2024-261009.pdf ($(stat -c %s out/kofukin-2024-261009.pdf) bytes)"

cat > api.mjs <<'JS'
import { loadReportInputs, deriveReport, comparisonWorkbook, InputError } from 'kofukin-report';
const inputs = await loadReportInputs('node_modules/kofukin-report/data/samples/kyoto-2024/municipality.json');
const derived = deriveReport(inputs);
if (inputs.results.municipality.name !== '京都市') throw new Error('API: wrong municipality');
if (!Array.isArray(derived.warnings)) throw new Error('API: derived report has no warnings list');
const xlsx = await comparisonWorkbook(inputs.peers.data, inputs.catalog, inputs.results.municipality.code);
if (xlsx[0] !== 0x50 || xlsx[1] !== 0x4b) throw new Error('API: comparison workbook is not a zip');
try {
  await loadReportInputs('no-such-file.json');
  throw new Error('API: a missing file did not throw');
} catch (err) {
  if (!(err instanceof InputError)) throw err;
}
console.log(`pack-smoke: API ok (comparison workbook ${xlsx.length} bytes)`);
JS
node api.mjs
echo "pack-smoke: passed"
