"""How fast is reportgen, next to pandoc and docxtpl, on this machine, in this run?

    python benchmarks/run.py              # everything: cold commands, batch of 100, 10x scale
    python benchmarks/run.py --quick      # fewer runs, smaller batch: a rough look in ~30 s

Every figure is a whole process (start-up included), timed as the median of repeated runs; the
commands take turns, so a busy moment of the machine spreads over all of them rather than
spoiling one. Peak memory is each process's maximum resident set size.

The peers get the same content: pandoc converts reportgen's own Markdown of the bundled
data/2022.yaml (+ 2023 plan) with pandoc's default reference.docx; docxtpl fills a template
built here with the same paragraphs. A peer that is not installed is skipped, saying so.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR = Path(__file__).resolve().with_name("floor.py")
WARM = Path(__file__).resolve().with_name("warm.py")


@dataclass
class Command:
    name: str
    argv: list[str]
    cwd: Path
    ok_codes: tuple[int, ...] = (0,)
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu_seconds) * 1000

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024


# Runs one command and reports its wall time and peak memory. It runs in a small interpreter of
# its own because Linux counts a child's peak memory from the moment it was forked: measured from
# the benchmark itself, every child would inherit the benchmark's own size.
RUNNER = """\
import os, sys, time
argv = sys.argv[1:]
out = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
started = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=out)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
cpu = usage.ru_utime + usage.ru_stime
print(elapsed, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


# As a user's machine runs Python: with bytecode caches (an environment that turns them off
# would have every run compile reportgen from source).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: Command) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and peak RSS (kB) of one whole process."""
    result = subprocess.run(
        [sys.executable, "-S", "-c", RUNNER, *command.argv],
        cwd=command.cwd,
        capture_output=True,
        text=True,
        check=False,
        env=ENVIRONMENT,
    )
    try:
        seconds, cpu, peak, code = result.stdout.split()
    except ValueError:
        raise SystemExit(f"could not time {command.name}: {result.stderr}") from None
    if int(code) not in command.ok_codes:
        raise SystemExit(
            f"{command.name} failed ({code}): {' '.join(command.argv)}\n{result.stderr}"
        )
    return float(seconds), float(cpu), int(peak)


def measure(commands: list[Command], runs: int, warmup: int = 2) -> None:
    """Round-robin: run 1 of every command, then run 2 of every command, and so on."""
    for _ in range(warmup):
        for command in commands:
            run_once(command)
    for _ in range(runs):
        for command in commands:
            seconds, cpu, peak = run_once(command)
            command.seconds.append(seconds)
            command.cpu_seconds.append(cpu)
            command.peak_kb.append(peak)


# ---- preparing the same content for every tool -------------------------------------------------


def reportgen_script() -> Path:
    beside = Path(sys.executable).with_name("reportgen")
    found = beside if beside.exists() else shutil.which("reportgen")
    if not found:
        raise SystemExit("reportgen is not installed here: pip install -e '.[bench]'")
    return Path(found)


def make_project(folder: Path, data: Path, scale: int = 1, organisation: str | None = None) -> Path:
    """A project folder holding the bundled data, its items repeated ``scale`` times."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    for source in sorted(data.glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        if scale > 1:
            text = scaled(text, scale)
        if organisation:
            text = re.sub(r"(?m)^organisation:.*$", f'organisation: "{organisation}"', text)
        (folder / "data" / source.name).write_text(text, encoding="utf-8")
    return folder


# The k-th copy of an item is about another area of the subdistrict: the same kind of text,
# but not the same text, so that check's duplicate rule sees a long review, not a repeated one.
AREAS = [
    "东片区", "西片区", "南片区", "北片区", "中心片区", "滨江片区", "山前片区", "湖畔片区",
    "新城片区", "老城片区", "工业园片区", "科教片区", "高铁片区", "港区片区", "景区片区",
    "城郊片区", "开发区片区", "商贸片区", "文创片区", "物流片区", "农业片区", "生态片区",
    "安置片区", "高新片区",
]  # fmt: skip


def scaled(text: str, scale: int) -> str:
    """The same review with every item list ``scale`` times as long (ids kept unique)."""
    import yaml

    def about(area: str, point: object) -> object:
        if isinstance(point, str):
            return area + point
        return dict(point, text=area + point["text"])  # type: ignore[call-overload, index]

    document = yaml.safe_load(text)
    for key in ("highlights", "shortcomings", "priorities"):
        items = document.get(key) or []
        copies = list(items)
        for k in range(1, scale):
            area = AREAS[(k - 1) % len(AREAS)] * (1 + (k - 1) // len(AREAS))
            for item in items:
                copy = dict(item, heading=area + item["heading"])
                copy["points"] = [about(area, p) for p in item.get("points") or []]
                if copy.get("id"):
                    copy["id"] = f"{copy['id']}-{k}"
                copies.append(copy)
        if items:
            document[key] = copies

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:  # repeated items are written out in full
            return True

    return yaml.dump(document, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)


DOCXTPL_RENDER = """\
import json, sys
from docxtpl import DocxTemplate
template, context, out = sys.argv[1:]
document = DocxTemplate(template)
with open(context, encoding="utf-8") as handle:
    document.render(json.load(handle))
document.save(out)
"""

HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def docxtpl_inputs(work: Path, text_output: Path) -> tuple[Path, Path, Path]:
    """A docxtpl template (title, then each paragraph, headings in their own style) and a
    context holding reportgen's text, paragraph by paragraph."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    lines = [line for line in text_output.read_text(encoding="utf-8").splitlines() if line.strip()]
    context = {
        "title": lines[0],
        "blocks": [{"text": line, "heading": bool(HEADING.match(line))} for line in lines[1:]],
    }
    template = docx.Document()
    title = template.add_paragraph("{{ title }}")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].font.size = Pt(22)
    template.add_paragraph("{%p for b in blocks %}")
    template.add_paragraph("{%p if b.heading %}")
    template.add_paragraph("{{ b.text }}", style="Heading 1")
    template.add_paragraph("{%p else %}")
    body = template.add_paragraph("{{ b.text }}")
    body.paragraph_format.first_line_indent = Pt(32)
    template.add_paragraph("{%p endif %}")
    template.add_paragraph("{%p endfor %}")
    paths = (work / "template.docx", work / "context.json", work / "render_docxtpl.py")
    template.save(str(paths[0]))
    paths[1].write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
    paths[2].write_text(DOCXTPL_RENDER, encoding="utf-8")
    return paths


def has_docxtpl() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import docxtpl"], capture_output=True)
    return probe.returncode == 0


def has_command(script: Path, name: str) -> bool:
    return subprocess.run([str(script), name, "--help"], capture_output=True).returncode == 0


# ---- the benchmark ------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo")
    models = (
        re.findall(r"(?m)^model name\s*:\s*(.+)$", cpuinfo.read_text()) if cpuinfo.exists() else []
    )
    cpu = models[0] if models else platform.processor() or "unknown"
    info = {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }
    if shutil.which("pandoc"):
        info["pandoc"] = subprocess.run(
            ["pandoc", "--version"], capture_output=True, text=True
        ).stdout.split("\n")[0]
    return info


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("reportgen", "python-docx", "pydantic", "typer", "docxtpl"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{name} {version(name)}")
    return ", ".join(found)


def cold(work: Path, script: Path, runs: int, report: dict) -> dict[str, Command]:
    project = make_project(work / "project", REPO / "data")
    build = [str(script), "build", "2022"]
    # The content the peers get: reportgen's own Markdown and text of the bundled data.
    for fmt in ("md", "txt"):
        subprocess.run(
            [*build, "-f", fmt, "-o", str(work / f"seed.{fmt}")],
            cwd=project,
            check=True,
            capture_output=True,
        )
    out = work / "out"
    out.mkdir()
    commands = {
        "python -c pass": Command("python -c pass", [sys.executable, "-c", "pass"], project),
        "python -c 'import docx'": Command(
            "python -c 'import docx'", [sys.executable, "-c", "import docx"], project
        ),
        "reportgen --help": Command("reportgen --help", [str(script), "--help"], project),
        "floor build": Command(
            "floor build",
            [sys.executable, str(FLOOR), *build[1:], "-o", str(out / "f.docx")],
            project,
        ),
        "floor check": Command(
            "floor check", [sys.executable, str(FLOOR), "check", "2022"], project
        ),
        "reportgen build (docx)": Command(
            "reportgen build (docx)", [*build, "-o", str(out / "reportgen.docx")], project
        ),
    }
    if has_command(script, "check"):
        commands["reportgen check"] = Command(
            "reportgen check", [str(script), "check", "2022"], project, ok_codes=(0, 1)
        )
    else:
        print("reportgen check: no such command yet, skipped")
    if shutil.which("pandoc"):
        # pandoc's own reference document (its default styles, as `pandoc --print-default-data-file
        # reference.docx` gives it): the one a user starts from, and the fastest for pandoc to read.
        reference = subprocess.run(
            ["pandoc", "--print-default-data-file", "reference.docx"],
            capture_output=True,
            check=True,
        ).stdout
        (work / "reference.docx").write_bytes(reference)
        commands["pandoc md→docx"] = Command(
            "pandoc md→docx",
            [
                "pandoc",
                str(work / "seed.md"),
                "-f",
                "markdown",
                "-o",
                str(out / "pandoc.docx"),
                "--reference-doc",
                str(work / "reference.docx"),
            ],
            project,
        )
    else:
        print("pandoc: not installed, skipped (apt install pandoc)")
    if has_docxtpl():
        template, context, render = docxtpl_inputs(work, work / "seed.txt")
        commands["docxtpl render"] = Command(
            "docxtpl render",
            [sys.executable, str(render), str(template), str(context), str(out / "docxtpl.docx")],
            project,
        )
    else:
        print("docxtpl: not installed, skipped (pip install -e '.[bench]')")
    measure(list(commands.values()), runs)
    report["cold"] = {
        c.name: {
            "median_ms": round(c.median_ms, 1),
            "cpu_ms": round(c.cpu_ms, 1),
            "peak_mb": round(c.peak_mb, 1),
        }
        for c in commands.values()
    }
    return commands


def batch(work: Path, script: Path, size: int, runs: int, report: dict) -> list[Command]:
    orgs = work / "orgs"
    for i in range(size):
        make_project(orgs / f"s{i:03d}", REPO / "data", organisation=f"第{i + 1}街道")
    base = [str(script), "build", "2022", "--projects", str(orgs / "*")]
    jobs = sorted({1, os.cpu_count() or 1})
    commands = [
        Command(f"batch of {size}, --jobs {n}", [*base, "--jobs", str(n)], work) for n in jobs
    ]
    measure(commands, runs, warmup=1)
    report["batch"] = {
        c.name: {
            "median_ms": round(c.median_ms, 1),
            "per_document_ms": round(c.median_ms / size, 2),
            "cpu_ms": round(c.cpu_ms, 1),
            "peak_mb": round(c.peak_mb, 1),
        }
        for c in commands
    }
    return commands


def warm(work: Path, runs: int, report: dict) -> tuple[float, float]:
    """Median ms of a warm rebuild after an edit, and of one with nothing changed."""
    project = make_project(work / "warm", REPO / "data")
    result = subprocess.run(
        [sys.executable, str(WARM), str(project), str(runs)],
        capture_output=True,
        text=True,
        check=True,
        env=ENVIRONMENT,
    )
    changed, unchanged = map(float, result.stdout.split())
    report["warm"] = {"after_edit_ms": round(changed, 1), "unchanged_ms": round(unchanged, 1)}
    return changed, unchanged


def scale(work: Path, script: Path, runs: int, report: dict) -> list[tuple[int, Command]]:
    factors = (1, 2, 4, 10)
    commands = []
    for factor in factors:
        project = make_project(work / f"scale{factor}", REPO / "data", scale=factor)
        commands.append(
            (factor, Command(f"build, {factor}x the seed", [str(script), "build", "2022"], project))
        )
    measure([c for _, c in commands], runs)
    report["scale"] = {
        str(f): {
            "median_ms": round(c.median_ms, 1),
            "cpu_ms": round(c.cpu_ms, 1),
            "peak_mb": round(c.peak_mb, 1),
        }
        for f, c in commands
    }
    return commands


def line_fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares: intercept and slope."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
        (x - mean_x) ** 2 for x, _ in points
    )
    return mean_y - slope * mean_x, slope


def table(rows: list[Command]) -> str:
    width = max(len(c.name) for c in rows)
    head = ("median", "min", "max", "CPU", "peak RSS")
    lines = [f"{'':{width}}  " + "  ".join(f"{h:>9}" for h in head)]
    for c in rows:
        lines.append(
            f"{c.name:{width}}  {c.median_ms:7.1f}ms  {min(c.seconds) * 1000:7.1f}ms  "
            f"{max(c.seconds) * 1000:7.1f}ms  {c.cpu_ms:7.1f}ms  {c.peak_mb:7.1f}MB"
        )
    return "\n".join(lines)


@dataclass
class Ratio:
    label: str
    value: float
    target: float | None  # None: a peer shown for comparison, no target
    strict: bool = False  # the target is "less than", not "at most"

    def __str__(self) -> str:
        if self.target is None:
            return f"  {self.label:<46} {self.value:7.2f}"
        met = self.value < self.target if self.strict else self.value <= self.target
        sign = "<" if self.strict else "≤"
        verdict = "meets" if met else "MISSES"
        return f"  {self.label:<46} {self.value:7.2f}   (target {sign} {self.target:g}: {verdict})"


def cold_ratios(commands: dict[str, Command]) -> list[Ratio]:
    """Wall-time ratios, the targets; and the same in CPU time, which a busy machine disturbs
    less (it still counts a process's own work when other processes hold the cores)."""
    pairs: list[tuple[str, str, str, float | None]] = [
        ("reportgen build (docx)", "floor build", "cold build / its floor", 1.15),
        ("reportgen check", "floor check", "cold check / its floor", 1.15),
        ("reportgen build (docx)", "pandoc md→docx", "cold build / pandoc", None),
        ("reportgen build (docx)", "docxtpl render", "cold build / docxtpl", None),
    ]
    ratios = []
    for ours, theirs, label, target in pairs:
        if ours in commands and theirs in commands:
            a, b = commands[ours], commands[theirs]
            ratios.append(Ratio(label, a.median_ms / b.median_ms, target))
            ratios.append(Ratio(f"{label} (CPU time)", a.cpu_ms / b.cpu_ms, target))
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (median)")
    parser.add_argument("--batch", type=int, default=100, help="projects in the batch build")
    parser.add_argument("--quick", action="store_true", help="5 runs, a batch of 20")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["batch", "warm", "scale"],
        help="leave out a part",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="prepare the inputs in this folder and keep them")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.batch = 5, 20
    if not (REPO / "data" / "2022.yaml").exists():
        raise SystemExit("the bundled data/2022.yaml is missing: run from a reportgen checkout")
    script = reportgen_script()
    info = machine()
    report: dict = {
        "machine": info,
        "versions": versions(),
        "runs": args.runs,
        "load_average": os.getloadavg(),
    }
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['system']}")
    print(f"tools:   Python {info['python']}, {info.get('pandoc', 'no pandoc')}; {versions()}")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"each figure: median of {args.runs} runs of a whole process (load average {load})\n")

    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        commands = cold(work, script, args.runs, report)
        print(table(list(commands.values())))
        ratios = cold_ratios(commands)
        pandoc = commands["pandoc md→docx"].median_ms if "pandoc md→docx" in commands else None

        if "batch" not in args.skip:
            batches = batch(work, script, args.batch, max(3, args.runs // 5), report)
            print("\n" + table(batches))
            for c in batches if pandoc else []:
                label = f"{c.name}: per document / pandoc"
                ratios.append(Ratio(label, c.median_ms / args.batch / pandoc, 0.5))
                cpu = c.cpu_ms / args.batch / commands["pandoc md→docx"].cpu_ms
                ratios.append(Ratio(f"{label} (CPU time)", cpu, 0.5))

        if "warm" not in args.skip:
            changed, unchanged = warm(work, args.runs * 2, report)
            print(
                f"\nwarm rebuild (Rebuilder, in one process): {changed:.1f} ms after an edit, "
                f"{unchanged:.1f} ms unchanged"
            )
            if pandoc:
                ratios.append(Ratio("warm rebuild / one pandoc run", changed / pandoc, 0.5))

        if "scale" not in args.skip:
            scales = scale(work, script, args.runs, report)
            print("\n" + table([c for _, c in scales]))
            largest = scales[-1][1]
            # The line through 1x, 2x and 4x, extended to 10x: wall time, and CPU time, whose
            # small differences between sizes a busy machine blurs less.
            for label, measure in (("", "median_ms"), (" (CPU time)", "cpu_ms")):
                points = [(f, getattr(c, measure)) for f, c in scales if f < 10]
                intercept, slope = line_fit(points)
                predicted = intercept + slope * 10
                measured = getattr(largest, measure)
                ratios.append(
                    Ratio(f"10x build / line through 1x-4x{label}", measured / predicted, 1.2)
                )
                report["scale"][f"predicted_10x_{measure}"] = round(predicted, 1)
            ratios.append(Ratio("10x build: peak memory, MB", largest.peak_mb, 150, strict=True))

    print("\nratios (lower is faster):")
    print("\n".join(map(str, ratios)))
    report["ratios"] = {r.label: round(r.value, 3) for r in ratios}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
