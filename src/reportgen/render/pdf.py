"""PDF export through LibreOffice (``soffice --headless --convert-to pdf``).

The .docx is converted in a temporary folder with a profile of its own, so a LibreOffice the
user has open (or a second conversion running at the same time) cannot get in the way; the
PDF is then written atomically like every other output. Where the official 公文 fonts are
missing, the soffice process gets a fontconfig file of its own (``FONTCONFIG_FILE``) that
draws each in a distinct open face (:mod:`reportgen.render.faces`); a fresh profile per
conversion makes sure no running soffice, blind to that environment, takes the job.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reportgen.errors import UserError
from reportgen.render.faces import Substitution, fontconfig_file, installed_families, substitutions
from reportgen.settings.messages import message

DEFAULT_TIMEOUT = 180.0  # seconds; a first start of LibreOffice with a fresh profile takes ~5 s
ENV_SOFFICE = "REPORTGEN_SOFFICE"


def _install_hint() -> str:
    """How to install LibreOffice on each system, in the user's language."""
    return message("pdf_install_hint", env=ENV_SOFFICE)


_KNOWN_PLACES = (
    Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
    Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path("/opt/libreoffice/program/soffice"),
)


def find_soffice() -> str | None:
    """LibreOffice's ``soffice``: from $REPORTGEN_SOFFICE, the PATH, or where installers put it."""
    configured = os.environ.get(ENV_SOFFICE)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((str(p) for p in _KNOWN_PLACES if p.is_file()), None)


def require_soffice() -> str:
    """The path of ``soffice``, or a :class:`UserError` saying how to install LibreOffice."""
    found = find_soffice()
    if found is not None:
        return found
    configured = os.environ.get(ENV_SOFFICE)
    if configured:
        raise UserError(
            message("pdf_soffice_env_not_file", env=ENV_SOFFICE, path=configured),
            hint=message("pdf_soffice_env_not_file_hint"),
        )
    raise UserError(message("pdf_soffice_missing"), hint=_install_hint())


def convert_to_pdf(
    docx: bytes,
    *,
    soffice: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    substitutes: Sequence[Substitution] = (),
) -> bytes:
    """The PDF LibreOffice makes of a .docx given as bytes; ``substitutes`` (see
    :func:`font_substitutions`) draw the official fonts that are not installed in open faces,
    through a fontconfig file of this conversion's own."""
    soffice = soffice or require_soffice()
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        # LibreOffice's own temporary files (lu*.tmp) go inside our folder too, so that a
        # killed soffice leaves nothing behind once the folder is removed.
        private = work / "tmp"
        private.mkdir()
        env = {**os.environ, "TMPDIR": str(private), "TMP": str(private), "TEMP": str(private)}
        system = Path("/etc/fonts/fonts.conf")
        if substitutes and system.is_file():
            config = work / "fonts.conf"
            config.write_text(fontconfig_file(list(substitutes), str(system)), encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(config)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "pdf:writer_pdf_Export",
            "--outdir", str(work / "out"),
            str(source),
        ]  # fmt: skip
        returncode, output = _run(command, timeout, env)
        produced = work / "out" / "document.pdf"
        if returncode != 0 or not produced.is_file():
            detail = (
                output.strip().splitlines()[-1]
                if output.strip()
                else message("pdf_exit_code", code=returncode)
            )
            raise UserError(
                message("pdf_convert_failed", detail=detail),
                hint=message("pdf_convert_failed_hint"),
            )
        return produced.read_bytes()


def font_substitutions(fonts: Sequence[str]) -> list[Substitution]:
    """The open faces the PDF will use for those of ``fonts`` not installed here (none on a
    system without fontconfig: Windows and macOS find their own)."""
    if not Path("/etc/fonts/fonts.conf").is_file():
        return []
    return substitutions(list(fonts), installed_families())


def _run(command: list[str], timeout: float, env: dict[str, str]) -> tuple[int, str]:
    # soffice is a wrapper that starts soffice.bin: on a timeout the whole process group goes.
    posix = sys.platform != "win32"
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=posix, env=env,
        )  # fmt: skip
    except OSError as exc:
        raise UserError(
            message("pdf_cannot_start", command=command[0], reason=exc.strerror or exc),
            hint=_install_hint(),
        ) from None
    try:
        out, _ = process.communicate(timeout=timeout)
    except KeyboardInterrupt:
        # soffice runs in its own session, so Ctrl-C does not reach it: stop it before the
        # temporary folder is removed, or it keeps writing there and the folder stays.
        _kill(process, posix)
        raise
    except subprocess.TimeoutExpired:
        _kill(process, posix)
        raise UserError(
            message("pdf_timeout", seconds=f"{timeout:g}"),
            hint=message("pdf_timeout_hint"),
        ) from None
    return process.returncode, out.decode("utf-8", "replace")


def _kill(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Stop soffice and the soffice.bin it started, and wait until they are gone."""
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    process.communicate()
