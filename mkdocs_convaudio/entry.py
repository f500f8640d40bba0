"""The `mkdocs-convaudio` command's entry point: Ctrl-C (or SIGTERM) at any moment of its run is one line and status
130, also while it starts. Importing the command takes about a second (numpy, soundfile, the spoken-text rules):
a Ctrl-C then printed a traceback from deep inside an import, and SIGTERM killed the process without a word. So this
module imports nothing of the package's until the signals are handled."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence

#: What a command stopped by Ctrl-C or SIGTERM says (`cli.main` says it too), with status `INTERRUPTED`.
STOPPED = "mkdocs-convaudio: stopped; what was made so far is kept, run it again to go on"
#: The shell's status for a process stopped by SIGINT.
INTERRUPTED = 130


#: Whether this run said `STOPPED` already (`say_stopped`).
_said_stopped: list[bool] = []


def say_stopped() -> None:
    """Say `STOPPED`, once a run: a second Ctrl-C while `cli.main` shut down the plugins it started, milliseconds
    after it had said it, made `main` say it again."""
    if not _said_stopped:
        _said_stopped.append(True)
        print(f"\n{STOPPED}", file=sys.stderr)


def new_run() -> None:
    """A run begins (`main`, `cli.main`): it has said nothing yet."""
    _said_stopped.clear()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command (`cli.main`), SIGTERM taken as Ctrl-C from the start, both said as `cli.main` says them."""
    taken = threading.current_thread() is threading.main_thread()
    new_run()
    previous = signal.signal(signal.SIGTERM, _interrupt) if taken else None
    try:
        from .cli import main as command

        return command(argv)
    except KeyboardInterrupt:  # while the command was imported, or before or after its own handling
        say_stopped()
        return INTERRUPTED
    finally:
        if taken:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
