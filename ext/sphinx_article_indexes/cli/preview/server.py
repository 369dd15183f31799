"""Serve the output folder, each page with a script that reloads it after the next build.

The script is added to pages as they are sent, never to the files: the output
is the site a clean build gives. It listens to ``/_preview/events`` (server-sent
events, which browsers reconnect by themselves) and reloads the page when a
build has written its pages since the page was sent (its search index, feeds and
sitemap follow). Nothing is cached by the browser,
so a reload gets the new styles and images too.
"""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

EVENTS = "/_preview/events"
_SCRIPT = (
    '<script>new EventSource("{events}?since={build}")'
    ".onmessage = () => location.reload();</script>"
)
_KEEP_ALIVE = 15  # seconds between comments that keep an idle event stream open


class Builds:
    """How many builds have written their pages; a wait for the next one."""

    def __init__(self) -> None:
        self.count = 0
        self._changed = threading.Condition()

    def written(self) -> None:
        """Count a build whose pages are written and wake every page waiting for one."""
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def wait_after(self, count: int, timeout: float) -> bool:
        """Whether a build writes its pages after the ``count``-th (waiting ``timeout`` seconds)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.count > count, timeout)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Files of the output folder; pages with the reload script; the build events."""

    builds: Builds

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == EVENTS:
            since = parse_qs(url.query).get("since", ["0"])[0]
            self._events(int(since) if since.isdigit() else 0)
            return
        file = Path(self.translate_path(url.path))
        if file.is_dir() and not url.path.endswith("/"):
            super().do_GET()  # the redirect to the folder's address with a slash
            return
        page = file / "index.html" if file.is_dir() else file
        if page.suffix == ".html" and page.is_file():
            self._page(page)
            return
        super().do_GET()

    def _page(self, page: Path) -> None:
        script = _SCRIPT.format(events=EVENTS, build=self.builds.count)
        html = page.read_text("utf-8", errors="replace")
        at = html.rfind("</body>")
        html = html[:at] + script + html[at:] if at >= 0 else html + script
        body = html.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self, since: int) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        try:
            while True:
                if self.builds.wait_after(since, _KEEP_ALIVE):
                    self.wfile.write(b"data: reload\n\n")
                    self.wfile.flush()
                    return
                self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:  # the page was closed
            return

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing per request: the build's messages are what the author reads."""


def make_server(host: str, port: int, output: Path, builds: Builds) -> ThreadingHTTPServer:
    """An HTTP server of ``output`` on ``host:port``, for pages that reload after ``builds``."""
    handler = type("Handler", (PreviewHandler,), {"builds": builds})
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(output)))
    server.daemon_threads = True
    return server
