"""Instructions a cold ``reportgen build 2022`` and ``check 2022`` execute, against the floor's.

    python benchmarks/instructions.py          # needs valgrind (apt install valgrind)

Counted with valgrind's callgrind, which other processes on the machine cannot disturb (unlike
wall time): the same program on the same input counts the same. Each command runs once to write
its bytecode cache (as on a user's machine), then once counted, on a fresh copy of the bundled
``data/``; the floor is ``floor.py`` (see README.md). About a minute.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "build": ["build", "2022", "-o", "out.docx"],
    "check": ["check", "2022"],
}


def count(command: list[str], cwd: Path) -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"valgrind did not count {' '.join(command)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "data", Path(tmp) / "data")
        for name, args in COMMANDS.items():
            ours = count([sys.executable, "-m", "reportgen", *args], Path(tmp))
            floor = count([sys.executable, str(ROOT / "benchmarks" / "floor.py"), *args], Path(tmp))
            print(
                f"{name}: reportgen {ours / 1e6:,.1f} M, floor {floor / 1e6:,.1f} M, "
                f"ratio {ours / floor:.3f} (target ≤ 1.15)"
            )


if __name__ == "__main__":
    main()
