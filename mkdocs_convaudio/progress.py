"""Progress of long work: a live bar on a terminal, a plain log line every few seconds elsewhere (CI), silence
when there is nothing to do."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

BAR_WIDTH = 24


def clock_text(seconds: float) -> str:
    """`0:42`, `12:05`, `1:02:03`."""
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@dataclass
class ProgressSettings:
    """Where progress goes. `tty=None` asks the stream; `interval` is the seconds between plain log lines."""

    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    tty: bool | None = None
    interval: float = 10.0
    clock: Callable[[], float] = time.monotonic
    info: Callable[[str], None] = lambda message: None
    #: When the run's last plain line was logged, or its first phase began: a phase goes on from there, so a build
    #: of 9 s of synthesis and then assembly is not silent for 19 s (bug bash 107). `start_run` clears it.
    last_log: float | None = None

    def start_run(self) -> None:
        """A new build: its phases count their interval from its first one."""
        self.last_log = None

    @property
    def live(self) -> bool:
        if self.stream is None:
            return False
        if self.tty is not None:
            return self.tty
        if os.environ.get("TERM") == "dumb":  # a pseudo-terminal that keeps every byte (Jenkins, `docker -t`)
            return False
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())


class Progress:
    """One phase (`synthesizing`, `assembling`): `advance()` from any thread, `close()` at the end.

    On a terminal the bar is redrawn in place at most ten times a second and erased at the end, so the build's
    own log lines stay clean. Elsewhere one INFO line is logged every `interval` seconds, so a quick build
    (and a warm rebuild, which has nothing to do) prints nothing at all.
    """

    def __init__(
        self,
        what: str,
        total: float,
        unit: str,
        settings: ProgressSettings,
        *,
        extra_total: float = 0,
        extra_unit: str = "",
        scale: float = 1.0,
        drawn_after: float = 0.0,
    ) -> None:
        self.what = what
        self.total = total
        self.unit = unit
        self.extra_total = extra_total
        self.extra_unit = extra_unit
        self.scale = scale  # shown amounts are divided by it (samples → minutes, say)
        #: a terminal's bar waits this long: a phase that is quick for most sites draws nothing then (review r-long)
        self.drawn_after = drawn_after
        self.settings = settings
        self.done = 0.0
        self.extra = 0.0
        self.lock = threading.Lock()
        self.started = settings.clock()
        self.last_done = self.started  # when work was last done (see `line`)
        self.last_draw = -1.0
        if settings.last_log is None:
            settings.last_log = self.started
        self.logged = False  # this phase logged a line: its close logs the last one...
        self.logged_done = -1.0  # ... unless the line it logged last was already at the end
        self.drawn = False

    def line(self) -> str:
        """The progress text: bar, counts, elapsed time and ETA."""
        fraction = min(1.0, self.done / self.total) if self.total else 1.0
        filled = int(fraction * BAR_WIDTH)
        now = self.settings.clock()
        elapsed = now - self.started
        eta: float | None = None
        if fraction >= 1.0:
            eta = 0.0
        elif fraction > 0:
            # the pace up to the last work done, counted down since: a wait longer than the work left should take
            # (the last line's slow answer, a retry's wait) reads "--:--", not "ETA 0:00" for a minute (r-cloud)
            pace = (self.last_done - self.started) / self.done
            left = pace * (self.total - self.done) - (now - self.last_done)
            eta = left if left >= 0 else None

        def amount(value: float) -> str:
            shown = value / self.scale
            return f"{shown:,.1f}" if self.scale != 1 else f"{shown:,.0f}"

        parts = [f"{amount(self.done)}/{amount(self.total)} {self.unit}"]
        if self.extra_unit:
            parts.append(f"{self.extra:,.0f}/{self.extra_total:,.0f} {self.extra_unit}")
        parts.append(f"{clock_text(elapsed)} elapsed")
        parts.append(f"ETA {clock_text(eta)}" if eta is not None else "ETA --:--")
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        return f"{self.what} [{bar}] {int(fraction * 100):3d}% " + ", ".join(parts)

    def grow(self, amount: float) -> None:
        """More work than planned (a conversation encoded again): the total grows, so the bar never reads 100%
        with work left."""
        with self.lock:
            self.total += amount

    def advance(self, amount: float = 1.0, extra: float = 0.0) -> None:
        with self.lock:
            self.done += amount
            self.extra += extra
            now = self.settings.clock()
            if amount:
                self.last_done = now
            if self.settings.live:
                due = now - self.last_draw >= 0.1 or self.done >= self.total
                if due and now - self.started >= self.drawn_after:
                    self._draw(self.line())
                    self.last_draw = now
            else:
                self._log_if_due(now)

    def tick(self) -> None:
        """Time passes with nothing done (a slow answer, a retry's wait): the bar's clock moves on a terminal, and
        elsewhere the line is logged each interval, so a long wait is never silent in CI (bug bash h-cloud). A
        phase with nothing done yet draws its bar after a second: its first stretch (a two-hour conversation's
        segments planned before the first block) showed nothing on a terminal (bug bash h-long)."""
        with self.lock:
            now = self.settings.clock()
            if self.settings.live:
                if now - (self.last_draw if self.drawn else self.started) >= 1.0:
                    self._draw(self.line())
                    self.last_draw = now
            else:
                self._log_if_due(now)

    def _log_if_due(self, now: float) -> None:
        if now - (self.settings.last_log or self.started) >= self.settings.interval:
            self.settings.info(self.line())
            self.settings.last_log = now
            self.logged, self.logged_done = True, self.done

    def _draw(self, text: str) -> None:
        stream = self.settings.stream
        assert stream is not None
        stream.write("\rconvaudio: " + text + "\x1b[K")  # the log lines get the prefix from the plugin's logger
        stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the bar (terminal), or log the final line if the phase was long enough to have logged before."""
        with self.lock:
            if self.drawn and self.settings.stream is not None:
                self.settings.stream.write("\r\x1b[K")
                self.settings.stream.flush()
            elif not self.settings.live and self.logged and self.logged_done != self.done:
                self.settings.info(self.line())
                self.settings.last_log = self.settings.clock()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
