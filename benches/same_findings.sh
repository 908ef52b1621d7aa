#!/usr/bin/env bash
# Checks that two statusdb binaries report the same findings: `validate
# --format json` on a generated tree (with defects) and on the real trees of
# ../shared/corpora with their configurations, byte for byte. Run it before
# and after a change meant only for speed:
#
#   cp target/release/statusdb /tmp/statusdb.before   # on the old commit
#   benches/same_findings.sh /tmp/statusdb.before target/release/statusdb [MESSAGES]
#
# CORPORA=DIR names another corpora folder; CORPORA= skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1") after=$(realpath "$2") messages=${3:-10000}
corpora=${CORPORA-../shared/corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --quiet --release --example gen_corpus
./target/release/examples/gen_corpus --messages "$messages" --locales ru,de,fr --out "$work/tree" > /dev/null

failed=0
# same NAME ARGS...: both binaries' JSON reports must be equal.
same() {
    local name=$1
    shift
    "$before" validate "$@" --format json > "$work/before.json" || [ $? -le 1 ]
    "$after" validate "$@" --format json > "$work/after.json" || [ $? -le 1 ]
    if cmp -s "$work/before.json" "$work/after.json"; then
        echo "$name: same findings ($(wc -c < "$work/after.json") bytes of JSON)"
    else
        echo "$name: FINDINGS DIFFER"
        diff "$work/before.json" "$work/after.json" | head -20
        failed=1
    fi
}

same "generated ($messages messages)" --locales "$work/tree/locales"
if [ -n "$corpora" ] && [ -d "$corpora" ]; then
    cp -r "$corpora" "$work/corpora"
    c=$work/corpora
    same fx-private-relay-l10n --config "$c/fx-private-relay-l10n/l10n.toml" "$c/fx-private-relay-l10n"
    # anki's config names no locales: the sample parity.sh uses.
    same anki-core-i18n --config "$c/anki-core-i18n/l10n.toml" "$c/anki-core-i18n" da de ja kab oc ro ru tl ur zh-CN
    printf '[[paths]]\n    reference = "en/**"\n    l10n = "{locale}/**"\n' > "$c/cosmic-files/i18n/l10n.toml"
    # shellcheck disable=SC2046 # one word per locale folder
    same "cosmic-files (config)" --config "$c/cosmic-files/i18n/l10n.toml" "$c/cosmic-files/i18n" $(ls "$c/cosmic-files/i18n" | grep -v -e '^en$' -e '\.toml$')
    same "cosmic-files (tree)" --locales "$c/cosmic-files/i18n"
else
    echo "corpora: $corpora is absent; the real trees were not compared"
fi
exit "$failed"
