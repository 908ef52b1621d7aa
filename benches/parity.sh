#!/usr/bin/env bash
# Checks that `statusdb validate` reports the same missing and obsolete counts
# per locale as Mozilla's compare-locales, on a generated tree with defects of
# every kind (missing messages, syntax errors, dropped variables, obsolete
# messages) at known rates.
#
#   benches/parity.sh [MESSAGES]        (default 10000; needs python3 with venv)
#
# COMPARE_LOCALES_VENV=DIR reuses a virtualenv that has compare-locales.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${COMPARE_LOCALES_VENV:-$work/venv}
if [ ! -x "$venv/bin/compare-locales" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet compare-locales
fi
cargo build --quiet --release --bin statusdb --example gen_corpus
./target/release/examples/gen_corpus --messages "$messages" --locales ru,de,fr --out "$work/tree" > "$work/written.tsv"
cp benches/l10n.toml "$work/tree/locales/l10n.toml"
"$venv/bin/compare-locales" --return-zero --json "$work/cl.json" "$work/tree/locales/l10n.toml" "$work/tree/locales" ru de fr > /dev/null
status=0
./target/release/statusdb validate --locales "$work/tree/locales" --format json > "$work/sd.json" || status=$?
[ "$status" -le 1 ] || { echo "statusdb validate failed with exit code $status" >&2; exit 2; }

python3 - "$work/cl.json" "$work/sd.json" "$messages" <<'PY'
import json, sys
cl = json.load(open(sys.argv[1]))[0]["summary"]
sd = {s["locale"]: s for s in json.load(open(sys.argv[2]))["summary"]}
print(f"{'locale':<8}{'missing (c-l)':>15}{'missing (statusdb)':>20}{'obsolete (c-l)':>16}{'obsolete (statusdb)':>21}")
ok = True
for locale in sorted(cl):
    row = (cl[locale]["missing"], sd[locale]["missing_entries"], cl[locale]["obsolete"], sd[locale]["obsolete"])
    ok &= row[0] == row[1] and row[2] == row[3]
    print(f"{locale:<8}{row[0]:>15}{row[1]:>20}{row[2]:>16}{row[3]:>21}")
print(f"{sys.argv[3]} messages: " + ("counts agree" if ok else "COUNTS DIFFER"))
sys.exit(0 if ok else 1)
PY
