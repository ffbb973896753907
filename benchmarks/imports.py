"""Where a command's start-up goes: its imports, added up by top-level package.

    python benchmarks/imports.py build 2022            # in a project folder
    python benchmarks/imports.py --runs 9 check 2022   # this script's options come first
    python benchmarks/imports.py -- --help             # reportgen's own --help

Runs ``reportgen ARGS...`` under ``python -X importtime`` several times and prints, per
top-level package, the median of its modules' own import time (children excluded, so the
column adds up). Which package pulled in another shows in ``python -X importtime`` itself.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import Counter

LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")

# reportgen's console script, as a module run: the same imports, in the same order.
ENTRY = "import sys; sys.argv[0] = 'reportgen'; from reportgen.cli import main; main()"


def one_run(args: list[str]) -> Counter[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", ENTRY, *args],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    by_package: Counter[str] = Counter()
    for match in LINE.finditer(result.stderr):
        by_package[match[2].split(".")[0]] += int(match[1])
    return by_package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs to take the median of")
    parser.add_argument("--top", type=int, default=20, help="packages to list")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="reportgen's arguments")
    options = parser.parse_args(argv)
    if options.args[:1] == ["--"]:
        options.args = options.args[1:]
    runs = [one_run(options.args) for _ in range(options.runs + 1)][1:]  # the first warms caches
    packages = set().union(*runs)
    median = {p: statistics.median(run.get(p, 0) for run in runs) / 1000 for p in packages}
    total = statistics.median(sum(run.values()) for run in runs) / 1000
    print(
        f"reportgen {' '.join(options.args)}: imports take {total:.1f} ms (median of {len(runs)})"
    )
    for package, ms in sorted(median.items(), key=lambda item: -item[1])[: options.top]:
        print(f"  {ms:7.1f} ms  {100 * ms / total:4.1f}%  {package}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
