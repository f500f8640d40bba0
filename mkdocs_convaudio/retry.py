"""Retries with exponential backoff and jitter, honouring Retry-After; permanent errors fail at once."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .errors import EngineError

T = TypeVar("T")


#: A wait asked for beyond this (seconds) and `max_delay` is not waited out in pieces: the provider will not answer
#: within the build (a daily quota's hour). Below it, the wait is cut to `max_delay`, as a `Retry-After` date read
#: with a clock minutes off the provider's can ask for more than meant (review 138).
LONG_WAIT = 600.0


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` tries in all; the n-th wait is base·2ⁿ (capped), ±`jitter`, or what Retry-After asks."""

    attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 60.0
    jitter: float = 0.25

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return float(min(max(retry_after, 0.0), self.max_delay))
        backoff = min(self.base_delay * 2**attempt, self.max_delay)
        return float(backoff * (1 + random.uniform(-self.jitter, self.jitter)))


def call_with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[EngineError, float, int], None] | None = None,
    stop: threading.Event | None = None,
) -> T:
    """Run `call`; retry transient `EngineError`s per `policy`; re-raise the last error when tries run out, or
    when `stop` is set meanwhile (another line failed for good: no more requests, and no wait for nothing).
    `on_retry` is told of each wait before it starts: the error, the seconds, and the number of the try after it."""
    attempt = 0
    while True:
        try:
            return call()
        except EngineError as error:
            attempt += 1
            if not error.transient:
                raise
            if attempt >= policy.attempts:
                if policy.attempts == 1:
                    raise
                # the last try's message alone read as if the build had not retried, and named nothing to change
                # (bug bash h-ci): say the tries were spent, and that the next build pays only for what is left
                raise EngineError(
                    f"{error.message}; gave up after {attempt} tries (the `retries` option): build again later, "
                    "or raise `retries`; the lines made are cached, so the next build sends only the ones missing",
                    transient=False,
                    retry_after=error.retry_after,
                    status=error.status,
                    timed_out=error.timed_out,
                    billed=error.billed,
                    lost=error.lost,
                ) from None
            if error.retry_after is not None and error.retry_after > max(policy.max_delay, LONG_WAIT):
                # the provider will not answer within the waits this build allows: each shorter wait cost a
                # request and a minute for nothing (bug bash 136: Retry-After 3600, four waits of 60 s)
                raise EngineError(
                    f"{error.message}; the provider asks to wait {_duration(error.retry_after)} before the next "
                    "request, longer than a build waits: build again later (or raise retry_max_delay above it)",
                    transient=False,
                    status=error.status,
                ) from None
            wait = policy.delay(attempt - 1, error.retry_after)
            if on_retry is not None:
                on_retry(error, wait, attempt + 1)
            if stop is not None and sleep is time.sleep:
                stopped = stop.wait(wait)
            else:
                sleep(wait)
                stopped = stop is not None and stop.is_set()
            if stopped:
                raise


def _duration(seconds: float) -> str:
    """`3600` → "1 h", `90` → "90 s": a provider's wait as one says it."""
    if seconds >= 3600:
        return f"{round(seconds / 3600, 1):g} h"
    return f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"
