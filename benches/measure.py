"""Runs a command several times and prints its median wall time and peak
memory (maximum resident set size), measured per process with wait4.

    python3 benches/measure.py RUNS -- COMMAND...
"""
import os
import statistics
import sys
import time


def run_once(argv):
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
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss * 1024


def main():
    runs = int(sys.argv[1])
    argv = sys.argv[sys.argv.index("--") + 1:]
    results = [run_once(argv) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"{seconds:.4f} {peak}")


if __name__ == "__main__":
    main()
