#!/usr/bin/env bash
# Checks that `statusdb validate` reports the same missing and obsolete counts
# per locale as Mozilla's compare-locales 9:
#  - on a generated tree with defects of every kind (missing messages, syntax
#    errors, dropped variables, obsolete messages) at known rates;
#  - with `--config` on the real trees of ../shared/corpora, each with its own
#    l10n.toml (cosmic-files has none: a minimal equivalent is written), when
#    that folder is present.
#
#   benches/parity.sh [MESSAGES]        (default 10000; needs python3 with venv)
#
# COMPARE_LOCALES_VENV=DIR reuses a virtualenv that has compare-locales.
# CORPORA=DIR names another corpora folder; CORPORA= skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
corpora=${CORPORA-../shared/corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${COMPARE_LOCALES_VENV:-$work/venv}
if [ ! -x "$venv/bin/compare-locales" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'compare-locales==9.*'
fi
cargo build --quiet --release --bin statusdb --example gen_corpus
statusdb=$PWD/target/release/statusdb

# compare NAME CL_JSON SD_JSON: per-locale missing and obsolete must agree.
compare() {
    python3 - "$@" <<'PY'
import json, sys
name, cl_path, sd_path = sys.argv[1:4]
cl = json.load(open(cl_path))[0]["summary"]
# A config may list its reference folder as a locale too (relay lists en).
sd = {s["locale"]: s for s in json.load(open(sd_path))["summary"]}
ok = set(cl) <= set(sd) and len(sd) - len(cl) <= 1
totals = [0, 0, 0, 0]
for locale in sorted(cl):
    s = sd.get(locale, {})
    row = (cl[locale]["missing"], s.get("missing_entries"), cl[locale]["obsolete"], s.get("obsolete"))
    if row[0] != row[1] or row[2] != row[3]:
        ok = False
        print(f"  {locale:<10} missing {row[0]} vs {row[1]}, obsolete {row[2]} vs {row[3]}")
    totals = [t + (v or 0) for t, v in zip(totals, row)]
print(f"{name}: {len(cl)} locales; missing {totals[0]} (compare-locales) vs {totals[1]} (statusdb), "
      f"obsolete {totals[2]} vs {totals[3]}: " + ("counts agree" if ok else "COUNTS DIFFER"))
sys.exit(0 if ok else 1)
PY
}

# run NAME CONFIG BASE [LOCALE...]: both tools on one project, timed. The
# statusdb side lasts a tenth of a second, where one scheduling hiccup is a
# large share: it is timed as the median of five runs (compare-locales, at
# seconds, once). The issue's target is 50x on every tree.
run() {
    local name=$1 config=$2 base=$3
    shift 3
    local start mid
    start=$(date +%s.%N)
    "$venv/bin/compare-locales" --full --return-zero --json "$work/$name.cl.json" "$config" "$base" "$@" > /dev/null
    mid=$(date +%s.%N)
    local status=0
    "$statusdb" validate --config "${STATUSDB_CONFIG:-$config}" "$base" "$@" --format json > "$work/$name.sd.json" || status=$?
    [ "$status" -le 1 ] || { echo "statusdb validate failed with exit code $status on $name" >&2; exit 2; }
    compare "$name" "$work/$name.cl.json" "$work/$name.sd.json" || failed=1
    python3 - "$start" "$mid" "$statusdb" validate --config "${STATUSDB_CONFIG:-$config}" "$base" "$@" --format json <<'PY'
import statistics, subprocess, sys, time
start, mid, *command = sys.argv[1:]
cl = float(mid) - float(start)
runs = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    runs.append(time.perf_counter() - t)
sd = statistics.median(runs)
verdict = "met" if cl / sd >= 50 else "MISSED (target 50x)"
print(f"  compare-locales {cl:.2f} s, statusdb {sd:.3f} s (median of 5): {cl / sd:.0f}x, {verdict}")
PY
}

failed=0
./target/release/examples/gen_corpus --messages "$messages" --locales ru,de,fr --out "$work/tree" > "$work/written.tsv"
cp benches/l10n.toml "$work/tree/locales/l10n.toml"
run "generated ($messages messages)" "$work/tree/locales/l10n.toml" "$work/tree/locales" ru de fr

if [ -n "$corpora" ] && [ -d "$corpora" ]; then
    cp -r "$corpora" "$work/corpora"
    c=$work/corpora
    run fx-private-relay-l10n "$c/fx-private-relay-l10n/l10n.toml" "$c/fx-private-relay-l10n"
    # anki's config names no locales: name them (a sample, to stay fast).
    run anki-core-i18n "$c/anki-core-i18n/l10n.toml" "$c/anki-core-i18n" da de ja kab oc ro ru tl ur zh-CN
    # compare-locales cannot read cosmic's cargo-i18n i18n.toml: it gets the
    # equivalent l10n.toml, statusdb the project's own file.
    printf '[[paths]]\n    reference = "en/**"\n    l10n = "{locale}/**"\n' > "$c/cosmic-files/i18n/l10n.toml"
    # shellcheck disable=SC2046 # one word per locale folder
    STATUSDB_CONFIG=$c/cosmic-files/i18n.toml \
        run cosmic-files "$c/cosmic-files/i18n/l10n.toml" "$c/cosmic-files/i18n" $(ls "$c/cosmic-files/i18n" | grep -v -e '^en$' -e '\.toml$')
else
    echo "corpora: $corpora is absent; the real trees were not compared"
fi
exit "$failed"
