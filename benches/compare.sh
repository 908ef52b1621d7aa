#!/usr/bin/env bash
# Times statusdb against its peers on the same generated trees: whole
# processes, RUNS runs each (default 5), medians; peak memory per process.
#
#   benches/compare.sh [SIZES...]          (default: 10000 100000)
#
# validate: statusdb validate vs compare-locales (pip), same tree.
# build:    statusdb build vs a straightforward Python build (fluent.syntax +
#           sqlite3, one row per message) and the floor (benches/floor.rs:
#           parse the same files and insert the same rows, no checks).
# COMPARE_LOCALES_VENV=DIR reuses a virtualenv with compare-locales and fluent.syntax.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-"10000 100000"}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${COMPARE_LOCALES_VENV:-$work/venv}
if [ ! -x "$venv/bin/compare-locales" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet compare-locales fluent.syntax
fi
cargo build --quiet --release --bin statusdb --example gen_corpus --example floor
bin=target/release
measure() { python3 benches/measure.py "$runs" -- "$@"; }
ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }
mib() { python3 -c "print(f'{$1/1048576:.0f}')"; }

printf '| messages x 4 locales | input MiB | statusdb validate s | compare-locales s | ratio | statusdb build s | Python build s | ratio | floor s | build/floor | statusdb peak MiB (validate / build) |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
    t="$work/t$n" c="$work/c$n"
    "$bin/examples/gen_corpus" --messages "$n" --locales ru,de,fr --out "$t" > /dev/null
    "$bin/examples/gen_corpus" --messages "$n" --locales ru,de,fr --clean --out "$c" > /dev/null
    cp benches/l10n.toml "$t/locales/l10n.toml"
    bytes=$(du -sb "$t/locales" | cut -f1)
    r=$(python3 benches/measure.py "$runs" --findings-ok -- "$bin/statusdb" validate --locales "$t/locales" --format json); read -r sv sv_mem <<< "$r"
    r=$(measure "$venv/bin/compare-locales" --return-zero --json "$work/cl.json" "$t/locales/l10n.toml" "$t/locales" ru de fr); read -r cl _ <<< "$r"
    r=$(measure "$bin/statusdb" build --locales "$c/locales" --data "$c/data" --out "$work/s.sqlite"); read -r sb sb_mem <<< "$r"
    r=$(measure "$venv/bin/python" benches/python_build.py "$c/locales" "$work/p.sqlite"); read -r pb _ <<< "$r"
    r=$(measure "$bin/examples/floor" "$c/locales" "$c/data" "$work/f.sqlite"); read -r fl _ <<< "$r"
    printf '| %s | %s | %s | %s | %sx | %s | %s | %sx | %s | %s | %s / %s |\n' \
        "$n" "$(mib "$bytes")" "$sv" "$cl" "$(ratio "$cl" "$sv")" "$sb" "$pb" "$(ratio "$pb" "$sb")" \
        "$fl" "$(ratio "$sb" "$fl")" "$(mib "$sv_mem")" "$(mib "$sb_mem")"
done
