"""``ladle serve``: the web app, on 127.0.0.1 unless told otherwise.

Registered on the command line's app by ``ladle.cli``. An address other machines can reach
needs a password: with ``--host`` not a loopback address and no ``LADLE_PASSWORD``, the
command refuses to start (one line, exit code 1). The library is the one of
``LADLE_DATABASE_URL`` (or the user's own), opened at the first request.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Annotated

import typer

__all__ = ["is_loopback", "serve"]

PASSWORD_VARIABLE = "LADLE_PASSWORD"


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``: localhost, 127.0.0.0/8, ::1."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Address to listen on; other than 127.0.0.1 needs LADLE_PASSWORD."
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
) -> None:
    """Serve the web app: the library, recipe pages, import, and the JSON API under /api."""
    password = os.environ.get(PASSWORD_VARIABLE) or None
    local = is_loopback(host)
    if not local and password is None:
        sys.stderr.write(
            f"error: --host: {host} can be reached from other machines "
            f"(set {PASSWORD_VARIABLE} to a password first, or serve on 127.0.0.1)\n"
        )
        raise typer.Exit(1)
    import uvicorn

    from ladle.web.app import create_app
    from ladle.web.security import LOOPBACK_NAMES

    app = create_app(password=password, trusted_hosts=LOOPBACK_NAMES if local else None)
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"ladle: serving http://{shown}:{port}/ (Ctrl+C stops it)\n")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
