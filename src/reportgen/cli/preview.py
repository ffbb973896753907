"""``reportgen preview YEAR``: a local page that shows the document as it will print, with
check's findings beside the text, refreshed within a second of each save.

The server (the standard library's threaded HTTP server, on 127.0.0.1 only) answers two
paths and nothing else: ``/`` (the page) and ``/events`` (server-sent events, one per
rebuild). No part of a request is ever turned into a file name. A watcher thread
(watchfiles) rebuilds in this process when a YAML file of the project changes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

    from reportgen.app.preview import Preview

HOST = "127.0.0.1"
KEEPALIVE_SECONDS = 15.0


def make_handler(preview: Preview, stopping: threading.Event) -> type[BaseHTTPRequestHandler]:
    from http import HTTPStatus
    from http.server import BaseHTTPRequestHandler
    from urllib.parse import urlsplit

    from reportgen.render.preview import banner_html, page_html, payload
    from reportgen.settings.messages import message

    class Handler(BaseHTTPRequestHandler):
        server_version = "reportgen-preview"
        sys_version = ""

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/":
                self.page()
            elif path == "/events":
                self.events()
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def page(self) -> None:
            state = preview.state
            from reportgen.settings.stage import load_settings

            layout = state.layout or load_settings(None).layout
            body = page_html(layout, state.title or message("preview_title")).encode("utf-8")
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = -1
            try:
                while not stopping.is_set():
                    state = preview.wait(seen, KEEPALIVE_SECONDS)
                    if state.version > seen:
                        seen = state.version
                        data = payload(
                            state.version,
                            state.document,
                            banner_html(state.problems),
                            state.title,
                        )
                        self.wfile.write(f"data: {data}\n\n".encode())
                    else:
                        self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

    return Handler


def watch(preview: Preview, stopping: threading.Event) -> None:
    """Rebuild when a YAML file of the project changes, until ``stopping`` is set."""
    from watchfiles import watch as watch_files

    from reportgen.app.preview import relevant

    folders = preview.watched()
    if not folders:
        return
    for changes in watch_files(
        *folders, stop_event=stopping, debounce=50, step=25, raise_interrupt=False
    ):
        if relevant([path for _, path in changes]):
            preview.rebuild()


# Help texts are literal like every command's: the catalogue is read only when a message is
# needed (`reportgen --help` must not load YAML); their zh/en wording is in messages.yaml
# under preview_help, preview_year_help, preview_port_help and preview_no_open_help.
def _stop_on_sigterm() -> None:
    """``kill`` (SIGTERM) stops the preview as Ctrl-C does: one line, exit 0."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


@app.command(help="preview_help")
def preview(
    year: Annotated[str, typer.Argument(metavar="metavar_year", help="preview_year_help")],
    project: ProjectOption = None,
    port: Annotated[int, typer.Option("--port", help="preview_port_help")] = 0,
    no_open: Annotated[bool, typer.Option("--no-open", help="preview_no_open_help")] = False,
) -> None:
    # The page as it will print, check's findings beside the text, refreshed on each save.
    from http.server import ThreadingHTTPServer

    from reportgen.app.preview import Preview
    from reportgen.errors import UsageError
    from reportgen.files.project import open_project, require_file
    from reportgen.settings.messages import message

    if not 0 <= port <= 65535:
        raise UsageError(message("preview_bad_port", port=port))
    opened = open_project(project)
    inputs = opened.inputs(year)  # a usage error when YEAR is not a year
    # A file that is not there is refused now (exit 1); a broken one is shown in the banner.
    require_file(inputs.plan if inputs.plan_only else inputs.review, year)  # type: ignore[arg-type]
    state = Preview(opened, year)
    state.rebuild()
    stopping = threading.Event()
    try:
        server = ThreadingHTTPServer((HOST, port), make_handler(state, stopping))
    except OSError as exc:
        raise UsageError(message("preview_port_taken", port=port, reason=exc.strerror)) from None
    server.daemon_threads = True
    url = f"http://{HOST}:{server.server_address[1]}/"
    _stop_on_sigterm()
    try:  # from here on Ctrl-C is the way to stop, whenever it comes
        threading.Thread(target=watch, args=(state, stopping), daemon=True).start()
        typer.echo(message("preview_serving", url=url))
        if not no_open:
            import webbrowser

            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        typer.echo(message("preview_stopped"), err=True)
    finally:
        stopping.set()
        server.server_close()
