#!/usr/bin/env bash
# Runs every fuzz target for MINUTES minutes each (default 10) and prints,
# per target, the executions and whether a crash was found.
#
#   fuzz/run.sh [MINUTES]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer's instrumentation
# needs nightly flags; on a stable toolchain RUSTC_BOOTSTRAP=1 allows them.
# Crashes are saved under fuzz/artifacts/<target>/; turn each into a
# regression test before fixing it.
set -uo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
status=0
for target in validate_tree import_csv whole_build; do
    mkdir -p "corpus/$target"
    log=$(mktemp)
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 -max_len=65536 > "$log" 2>&1
    code=$?
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")
    if [ "$code" -eq 0 ]; then
        echo "$target: $minutes min, $runs executions, no crash"
    else
        echo "$target: crashed (exit $code); see fuzz/artifacts/$target/ and the log below"
        tail -40 "$log"
        status=1
    fi
    rm -f "$log"
done
exit $status
