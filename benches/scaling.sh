#!/usr/bin/env bash
# Linear everywhere (issue 15): each shape at 10k and 100k, whole processes,
# user CPU seconds (steadier than wall time on a shared machine), and the
# growth against the input's (10x): at most 12x is linear enough.
#
#   benches/scaling.sh [BIN]        (default: target/release/statusdb, built)
#
# Shapes: one message with N attributes; N files of two messages; N messages
# x 4 locales (the generated tree); an import adding N messages to one file.
# It prints met or MISSED per shape and never fails: speed lives in
# benchmarks, not in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --bin statusdb --example gen_corpus
bin=$(realpath "${1:-target/release/statusdb}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# user SECONDS of a command, the median of three runs (its exit code 1,
# findings, is expected; time counts in hundredths)
user() {
    for _ in 1 2 3; do
        /usr/bin/time -f "%U" -o "$work/t" "$@" > /dev/null 2>&1 || true
        tail -1 "$work/t"
    done | sort -n | sed -n 2p
}
verdict() { python3 -c "r = $3 / max($2, 0.01); print(f'| $1 | $2 | $3 | {r:.1f}x | ' + ('met' if r <= 12 else 'MISSED') + ' |')"; }

printf '| shape | 10k user s | 100k user s | growth (input 10x) | at most 12x |\n|---|---|---|---|---|\n'
for shape in attrs files; do
    for n in 10000 100000; do python3 benches/gen_shapes.py "$shape" "$n" "$work/$shape-$n"; done
    verdict "validate: $shape" \
        "$(user "$bin" validate --locales "$work/$shape-10000" --format json)" \
        "$(user "$bin" validate --locales "$work/$shape-100000" --format json)"
done
for n in 10000 100000; do
    target/release/examples/gen_corpus --messages "$n" --out "$work/tree-$n" > /dev/null
done
verdict "validate: messages x 4 locales" \
    "$(user "$bin" validate --locales "$work/tree-10000/locales" --format json)" \
    "$(user "$bin" validate --locales "$work/tree-100000/locales" --format json)"
import() {
    for _ in 1 2 3; do
        benches/import_scaling.sh "$bin" "$1" 2>&1 | sed -n 's/^import .*: .* wall, \([0-9.]*\) s user.*/\1/p'
    done | sort -n | sed -n 2p
}
verdict "import: new messages into one file" "$(import 10000)" "$(import 100000)"
