"""Runs a command several times and prints its median wall time and peak
memory (maximum resident set size), measured per process with wait4.

    python3 benches/measure.py RUNS [--findings-ok] -- COMMAND...

Exit code 1 is accepted only with --findings-ok (statusdb validate on a tree
with defects); any other failure stops the measurement.
"""
import os
import statistics
import sys
import time


def run_once(argv, ok_codes):
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        sys.exit(f"{' '.join(argv)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss * 1024


def main():
    runs = int(sys.argv[1])
    ok_codes = (0, 1) if "--findings-ok" in sys.argv[: sys.argv.index("--")] else (0,)
    argv = sys.argv[sys.argv.index("--") + 1:]
    results = [run_once(argv, ok_codes) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"{seconds:.4f} {peak}")


if __name__ == "__main__":
    main()
