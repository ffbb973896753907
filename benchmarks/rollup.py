"""How long does ``reportgen rollup`` take for a district of 300 offices, on this machine?

    python benchmarks/rollup.py               # 300 offices, --jobs 1 and 2, all formats
    python benchmarks/rollup.py --offices 100 --runs 1

Each run is the installed command as a whole process (start-up included), on a district
generated the way the tests generate theirs (tests/rollup_district.py: 万元 and 亿元, aliases,
one missing, one broken, one figure conflict). Prints the median wall time of --runs runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from rollup_district import make_district  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    command = Path(sys.executable).with_name("reportgen")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_district(root, args.offices)
        print(f"district of {args.offices} offices; median of {args.runs} run(s)")
        for fmt in ("xlsx,docx", "all"):
            for jobs in args.jobs.split(","):
                seconds = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    done = subprocess.run(
                        [str(command), "rollup", "2022", "--projects", "orgs/*", "-f", fmt,
                         "--jobs", jobs, "--force"],
                        cwd=root, capture_output=True, text=True,
                    )  # fmt: skip
                    seconds.append(time.perf_counter() - started)
                    if done.returncode not in (0, 1):
                        sys.exit(done.stderr)
                sizes = ", ".join(
                    f"{p.suffix[1:]} {p.stat().st_size // 1024} kB"
                    for p in sorted((root / "rollup").glob("2022.*"))
                )
                median = statistics.median(seconds)
                print(
                    f"  -f {fmt:9} --jobs {jobs}: {median:5.2f} s "
                    f"({median / args.offices * 1000:.1f} ms per office)  [{sizes}]"
                )


if __name__ == "__main__":
    main()
