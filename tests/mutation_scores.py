"""Per-module mutation scores from mutmut's results (``mutants/**/*.meta``), for tests/README.md.

Usage: python tests/mutation_scores.py   (after ``mutmut run``; see tests/README.md)
Not a test: pytest does not collect it (no test_ prefix).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

# mutmut 3's exit codes (mutmut/stats.py): 1 and 3 killed; 24, -24, 36, 152, 255 timed out;
# -9, -11 crashed: all detected. 0 survived, 5 and 33 no test runs it, None not run yet.
KILLED = {1, 3, 24, -24, 36, 152, 255, -9, -11}


def main() -> None:
    rows = []
    for meta in sorted(Path("mutants").rglob("*.py.meta")):
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        count = Counter(
            "killed"
            if c in KILLED
            else "survived"
            if c == 0
            else "no test"
            if c in (5, 33)
            else str(c)
            for c in codes.values()
        )
        total = sum(count.values())
        killed = count["killed"]
        name = str(meta.relative_to("mutants/src")).removesuffix(".meta")
        rows.append((name, killed, total, dict(count)))
    for name, killed, total, count in rows:
        print(f"{name:45} {killed:5}/{total:<5} {100 * killed / max(total, 1):5.1f}%  {count}")


if __name__ == "__main__":
    main()
