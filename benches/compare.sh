#!/usr/bin/env bash
# Times statusdb against its peers on the same generated trees: whole
# processes, RUNS runs each (default 5), medians; peak memory per process.
#
#   benches/compare.sh [SIZES...]          (default: 10000 100000)
#
# validate: statusdb validate vs compare-locales (pip), same tree.
# build:    statusdb build vs a straightforward Python build (fluent.syntax +
#           sqlite3, one row per message) and the floor (benches/floor.rs:
#           parse the same files one at a time and insert the same rows, no
#           checks), time and peak memory.
# real trees: validate with each project's own configuration vs
#           compare-locales on the same config, for the trees of
#           ../shared/corpora (CORPORA=DIR names another folder, CORPORA=
#           skips them), with peak memory against the size of the tree.
# COMPARE_LOCALES_VENV=DIR reuses a virtualenv with compare-locales and fluent.syntax.
# PEERS=0 leaves out compare-locales and the Python build (their columns
# show "-"): for sizes where they take many minutes, as in
#   PEERS=0 CORPORA= RUNS=3 benches/compare.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-"10000 100000"}
runs=${RUNS:-5}
peers=${PEERS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${COMPARE_LOCALES_VENV:-$work/venv}
if [ "$peers" = 1 ] && [ ! -x "$venv/bin/compare-locales" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet compare-locales fluent.syntax
fi
cargo build --quiet --release --bin statusdb --example gen_corpus --example floor
bin=target/release
measure() { python3 benches/measure.py "$runs" -- "$@"; }
# ratio A B: A/B as "12.3x", or "-" where a peer was left out.
ratio() {
    case "$1$2" in *-*) echo - ;; *) python3 -c "print(f'{$1/$2:.1f}x')" ;; esac
}
# peer VAR COMMAND...: the median time of a peer's command into VAR, or "-".
peer() {
    local var=$1
    shift
    if [ "$peers" = 1 ]; then
        read -r "${var?}" _ <<< "$(measure "$@")"
    else
        printf -v "$var" '%s' -
    fi
}
mib() { python3 -c "print(f'{$1/1048576:.0f}')"; }

printf '| messages x 4 locales | input MiB | statusdb validate s | compare-locales s | ratio | statusdb build s | Python build s | ratio | floor s | build/floor | statusdb peak MiB (validate / build) | peak/input (validate / build) | floor peak MiB | build/floor memory |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
    t="$work/t$n" c="$work/c$n"
    "$bin/examples/gen_corpus" --messages "$n" --locales ru,de,fr --out "$t" > /dev/null
    "$bin/examples/gen_corpus" --messages "$n" --locales ru,de,fr --clean --out "$c" > /dev/null
    cp benches/l10n.toml "$t/locales/l10n.toml"
    bytes=$(du -sb "$t/locales" | cut -f1)
    r=$(python3 benches/measure.py "$runs" --findings-ok -- "$bin/statusdb" validate --locales "$t/locales" --format json); read -r sv sv_mem <<< "$r"
    peer cl "$venv/bin/compare-locales" --return-zero --json "$work/cl.json" "$t/locales/l10n.toml" "$t/locales" ru de fr
    r=$(measure "$bin/statusdb" build --locales "$c/locales" --data "$c/data" --out "$work/s.sqlite"); read -r sb sb_mem <<< "$r"
    peer pb "$venv/bin/python" benches/python_build.py "$c/locales" "$work/p.sqlite"
    r=$(measure "$bin/examples/floor" "$c/locales" "$c/data" "$work/f.sqlite"); read -r fl fl_mem <<< "$r"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s |\n' \
        "$n" "$(mib "$bytes")" "$sv" "$cl" "$(ratio "$cl" "$sv")" "$sb" "$pb" "$(ratio "$pb" "$sb")" \
        "$fl" "$(ratio "$sb" "$fl")" "$(mib "$sv_mem")" "$(mib "$sb_mem")" \
        "$(ratio "$sv_mem" "$bytes")" "$(ratio "$sb_mem" "$bytes")" "$(mib "$fl_mem")" "$(ratio "$sb_mem" "$fl_mem")"
done

corpora=${CORPORA-../shared/corpora}
if [ -z "$corpora" ]; then
    echo "real trees: not measured (CORPORA is empty)"
    exit 0
elif [ ! -d "$corpora" ]; then
    echo "real trees: $corpora is absent; not measured"
    exit 0
fi
cp -r "$corpora" "$work/corpora"
c=$work/corpora
# compare-locales cannot read cosmic-files' cargo-i18n i18n.toml: it gets an
# equivalent l10n.toml (as in benches/parity.sh), statusdb the project's file.
printf '[[paths]]\n    reference = "en/**"\n    l10n = "{locale}/**"\n' > "$c/cosmic-files/i18n/l10n.toml"
cosmic=$(ls "$c/cosmic-files/i18n" | grep -v -e '^en$' -e '\.toml$' | tr '\n' ' ')
printf '\n| real tree (own config) | locales checked | .ftl MiB in the tree | statusdb validate s | compare-locales s | ratio | statusdb peak MiB |\n|---|---|---|---|---|---|---|\n'
# tree NAME STATUSDB_CONFIG CL_CONFIG BASE [LOCALE...]
tree() {
    local name=$1 sd_config=$2 cl_config=$3 base=$4
    shift 4
    local bytes count sv sv_mem cl r
    count=$("$bin/statusdb" validate --config "$sd_config" "$base" "$@" --format json |
        python3 -c 'import json, sys; print(sum(not s["is_reference"] for s in json.load(sys.stdin)["summary"]))') || true
    bytes=$(find "$base" -name '*.ftl' -printf '%s\n' | awk '{s += $1} END {print s}')
    r=$(python3 benches/measure.py "$runs" --findings-ok -- "$bin/statusdb" validate --config "$sd_config" "$base" "$@" --format json); read -r sv sv_mem <<< "$r"
    peer cl "$venv/bin/compare-locales" --full --return-zero --json "$work/cl.json" "$cl_config" "$base" "$@"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$count" "$(python3 -c "print(f'{$bytes/1048576:.1f}')")" "$sv" "$cl" "$(ratio "$cl" "$sv")" "$(mib "$sv_mem")"
}
relay=$c/fx-private-relay-l10n anki=$c/anki-core-i18n
tree fx-private-relay-l10n "$relay/l10n.toml" "$relay/l10n.toml" "$relay"
# anki's config names no locales: the ten that benches/parity.sh compares.
tree anki-core-i18n "$anki/l10n.toml" "$anki/l10n.toml" "$anki" da de ja kab oc ro ru tl ur zh-CN
# shellcheck disable=SC2086 # one word per locale folder
tree cosmic-files "$c/cosmic-files/i18n.toml" "$c/cosmic-files/i18n/l10n.toml" "$c/cosmic-files/i18n" $cosmic
