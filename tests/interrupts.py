"""A second Ctrl-C sent to a child process once its first one has reached the wait it is meant to interrupt.

A test that sends the second SIGINT as soon as the child said something about the first sends it at a moment the
child may not have reached yet: a loaded machine can put the child aside between the words and the wait that follows
them, and the second signal then lands before the wait, or inside the first one's handler (one interrupt instead of
two). The tests failed so now and then under load (review r-claims2: 2 runs of 6 for the shared-cache download, 1 of 4
for Piper's line). With `HANDSHAKE` at the head of its script, the child says `WAITING` (on its standard error) once,
after the first Ctrl-C, its main thread enters a `wait` or `join` of `threading.py`: the pool's wait for the work in
progress (`close_pool` waits on futures; a pool closed by joining its threads, CPython issue 90882, joins there too),
where the second Ctrl-C belongs. No sleep, and no knowledge of how the code under test waits."""

from __future__ import annotations

#: What the child says (a line of its standard error) once its main thread waits after the first Ctrl-C.
WAITING = "tests.interrupts: the main thread waits after the first Ctrl-C"

#: Python lines for the head of a child's script: Ctrl-C raises `KeyboardInterrupt` as a terminal delivers it (a
#: shell without job control starts tests with SIGINT ignored), and the first one makes the main thread say `WAITING`
#: when it next enters a wait or join of `threading.py`. Its trace is set only then, in the handler: the work before
#: the first Ctrl-C runs untraced, at full speed. The second and later Ctrl-C are `signal.default_int_handler`'s.
HANDSHAKE = f"""\
import signal as _signal, sys as _sys

def _waits(frame, event, arg):
    code = frame.f_code
    if code.co_name in ("wait", "join") and code.co_filename.endswith("threading.py"):
        _sys.settrace(None)
        print({WAITING!r}, file=_sys.stderr, flush=True)
    return None

def _first_ctrl_c(signum, frame):
    _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    _sys.settrace(_waits)
    raise KeyboardInterrupt

_signal.signal(_signal.SIGINT, _first_ctrl_c)
"""
