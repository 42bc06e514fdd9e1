"""The `withallo` command line (`pip install 'withallo[cli]'`): the API from a terminal, a local webhook listener,
and the fake Allo on demand. Built on click (commands, options, exit codes) and rich (tables, progress bars).

One module per command group: _numbers, _calls, _contacts, _sms, _webhooks, _check, _listen, _fake; the root
command and error handling in _app, printing in _output.
"""

from __future__ import annotations

import sys

HINT = "withallo: the command line needs extra packages: pip install 'withallo[cli]'"


def main() -> None:
    """The console script: run the CLI, or say in one line how to install it when click or rich is missing."""
    try:
        import click  # noqa: F401
        import rich  # noqa: F401
    except ImportError as exc:
        if exc.name not in ("click", "rich"):
            raise
        print(HINT, file=sys.stderr)
        sys.exit(1)
    from ._app import cli

    cli(prog_name="withallo")
