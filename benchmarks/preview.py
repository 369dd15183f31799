"""From saving an article to its page being served rewritten, in two live previews side by side.

Each preview server is started on the same articles; then, in turns, a new
paragraph is appended to one article and the page is asked for every 10 ms
until it holds that paragraph. Between saves the servers get two seconds, as an
author between two saves would give them. A page of ``sphinx-articles serve``
also listens for its reload event (what makes an open page reload): the time
from the save to that event is reported beside.
"""

from __future__ import annotations

import http.client
import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Preview:
    """A preview server to measure: its command, the article file and its page's address."""

    command: list[str]
    article: Path
    page: str  # the article page's path on the server
    port: int


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):  # not up yet, or cut off by a rebuild
        return ""


_EVENTS = re.compile(r"/_preview/events\?since=\d+")  # the reload script of our pages


def _reload_event(url: str) -> Callable[[], float | None]:
    """Listen to a page's reload events from now; a call gives when the first came, if it did."""
    came: list[float] = []
    stream = urllib.request.urlopen(url, timeout=120)  # connected before the save

    def listen() -> None:
        with stream:
            for line in stream:
                if line.startswith(b"data:"):
                    came.append(time.perf_counter())
                    return

    listening = threading.Thread(target=listen, daemon=True)
    listening.start()

    def when() -> float | None:
        listening.join(timeout=120)
        return came[0] if came else None

    return when


def _until(condition, timeout: float) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        time.sleep(0.01)
    return time.perf_counter() - started


def save_to_page(previews: dict[str, Preview], edits: int = 7) -> dict[str, float]:
    """The median seconds from a save to its page for each preview server (and to its reload)."""
    running = {}
    times: dict[str, list[float]] = {name: [] for name in previews}
    try:
        for name, preview in previews.items():
            running[name] = subprocess.Popen(
                preview.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            url = f"http://127.0.0.1:{preview.port}/{preview.page}"
            _until(lambda url=url: "<h1" in _text(url), timeout=1800)
        time.sleep(3)  # the first load behind it
        for edit in range(edits):
            for name, preview in previews.items():
                site = f"http://127.0.0.1:{preview.port}"
                marker = f"Правка{edit}{name}{time.time_ns()}"
                url = f"{site}/{preview.page}"
                events = _EVENTS.search(_text(url))
                reload = _reload_event(site + events[0]) if events else None
                saved_at = time.perf_counter()
                with preview.article.open("a", encoding="utf-8") as article:
                    article.write(f"\n\n{marker}\n")
                times[name].append(_until(lambda m=marker, u=url: m in _text(u), timeout=120))
                if reload is not None and (came := reload()) is not None:
                    times.setdefault(f"{name} reload", []).append(came - saved_at)
                time.sleep(2)
    finally:
        for server in running.values():
            server.terminate()
            server.wait(timeout=30)
    return {name: statistics.median(found) for name, found in times.items()}
