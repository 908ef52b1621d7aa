#!/usr/bin/env bash
# Runs every fuzz target for MINUTES minutes each (default 10) and prints,
# per target, the executions and whether a crash was found.
#
#   fuzz/run.sh [MINUTES]
#   PARALLEL=1 nice -n 19 fuzz/run.sh 10    # all targets at once
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer's instrumentation
# needs nightly flags; on a stable toolchain RUSTC_BOOTSTRAP=1 allows them.
# Each target takes raw bytes or, most of the time, input shaped by the
# structure-aware generator in fuzz_targets/gen.rs (deep nesting,
# references, cycles, escapes, multi-line cells); -len_control=0 lets it
# use long inputs from the start. Crashes are saved under
# fuzz/artifacts/<target>/; turn each into a regression test before fixing it.
set -uo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
cargo fuzz build || exit 1

run_target() {
    local target=$1 log
    mkdir -p "corpus/$target"
    log=$(mktemp)
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time=$((minutes * 60)) \
        -rss_limit_mb=4096 -max_len=65536 -len_control=0 > "$log" 2>&1
    local code=$?
    local runs
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")
    if [ "$code" -eq 0 ]; then
        echo "$target: $minutes min, $runs executions, no crash"
    else
        echo "$target: crashed (exit $code); see fuzz/artifacts/$target/ and the log below"
        tail -40 "$log"
    fi
    rm -f "$log"
    return "$code"
}

status=0
targets=(validate_tree validate_config import_csv import_file whole_build)
if [ "${PARALLEL:-0}" = 1 ]; then
    pids=()
    for target in "${targets[@]}"; do
        run_target "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || status=1
    done
else
    for target in "${targets[@]}"; do
        run_target "$target" || status=1
    done
fi
exit $status
