"""Live preview: ``sphinx-articles serve SOURCE OUTPUT``, rebuilt on every save.

Three parts: ``watch`` says which saves start a build, ``builds`` builds from a
Sphinx loaded ahead of the save (in a process of its own), and ``server`` serves
the output with pages that reload when a build has written its pages.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from pathlib import Path

from . import builds, server, watch


def serve(source: Path, output: Path, host: str, port: int, quiet: bool = False) -> None:
    """Build, serve ``output`` on ``host:port`` and build again after each save, until Ctrl+C."""
    source, output = source.resolve(), output.resolve()
    written_builds = server.Builds()
    httpd = server.make_server(host, port, output, written_builds)  # a taken port is said at once
    # spawn: a clean process (no threads, nothing of this one) that then forks each build.
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    builder = context.Process(target=builds.run, args=(theirs, source, output, quiet))
    builder.start()
    try:
        ours.send([])  # the first build: the saved output may be older than the sources
        builds.wait(ours, lambda: None)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        print(f"Serving on http://{host}:{httpd.server_address[1]}/", file=sys.stderr, flush=True)
        for changed in watch.changes(source, output):
            ours.send([str(path) for path in changed])
            builds.wait(ours, written_builds.written)  # pages reload once they are written
    except KeyboardInterrupt:
        pass
    finally:
        ours.close()
        httpd.server_close()
        builder.join(timeout=30)
        if builder.is_alive():
            builder.terminate()
