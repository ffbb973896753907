"""A warm rebuild, as the preview server does it: one process, reportgen.app.build.Rebuilder.

    python benchmarks/warm.py PROJECT [RUNS]

Prints the median milliseconds of RUNS rebuilds of ``2022`` as a .docx (after three warm-up
rebuilds), each with the review touched first so that it is read and validated again, as it
is after an edit in the preview.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from reportgen.app.build import Rebuilder


def main() -> None:
    project, runs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 30
    review = project / "data" / "2022.yaml"
    rebuilder = Rebuilder(project)
    times = []
    for n in range(runs + 3):
        stat = review.stat()
        os.utime(review, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))  # an edit
        started = time.perf_counter()
        rebuilder.build("2022", "docx")
        if n >= 3:
            times.append(time.perf_counter() - started)
    unchanged = time.perf_counter()
    rebuilder.build("2022", "docx")
    print(statistics.median(times) * 1000, (time.perf_counter() - unchanged) * 1000)


if __name__ == "__main__":
    main()
