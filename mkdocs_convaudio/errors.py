"""Errors raised by the core, each naming the file and line a user must fix."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence


class ConvaudioError(Exception):
    """An error the user must fix; `str()` is the whole message, ready to show without a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class OptionError(ConvaudioError):
    """A problem of the site's options found once the options are read (a bed that cannot be decoded, an engine's
    `rate: 1`): the plugin says it at the option's line of the config file, as it says the options' other
    problems (an engine's said no file nor line: the serve bug bash's `rate: 1`, saved while typing `180`).
    `keys`: the option's place in the plugin's options (`("espeak", "rate")`), said at that option's own line, not
    its section's; none: at the line of the first option the message names."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, *, keys: Sequence[str] = ()
    ) -> None:
        super().__init__(message, path, line)
        self.keys = tuple(keys)


class Problems(ConvaudioError):
    """Several errors found together (a page's missing files, a conversation's lines past a limit): a build lists
    each of them, so one build says every problem."""

    def __init__(self, problems: list[ConvaudioError]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


def raise_all(problems: list[ConvaudioError]) -> None:
    """Raise nothing, the one error, or all of them as `Problems`."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise Problems(problems)


def listed(names: Iterable[str], last: str = "and") -> str:
    """Names as a message lists them: `a`, `a and b`, `a, b and c` (with `last="or"`, `a, b or c`); "a and b and c
    and d" read as a stammer (review)."""
    names = list(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}" if len(names) > 1 else "".join(names)


def not_finite(options: Mapping[str, float], defaults: str) -> ConvaudioError | None:
    """The options (name: value) given as YAML's `.nan` or `.inf` (TOML's `nan`, `inf`), as one problem, or None:
    those pass every range check (`music_fade_in: .nan` stopped the assembly with a traceback, `pause: .nan` made
    every conversation last "nan minutes": show bug bash and review); `defaults`: the page that gives each default."""
    unreal = [f"{name} {value:g}" for name, value in options.items() if not math.isfinite(value)]
    return ConvaudioError(f"{listed(unreal)}: give a finite number ({defaults} has each default)") if unreal else None


def each_problem(error: ConvaudioError) -> list[ConvaudioError]:
    """The errors an error stands for (`Problems` holds several)."""
    return list(error.problems) if isinstance(error, Problems) else [error]


class MissingDialogueFile(ConvaudioError):
    """A page links a dialogue file that is not there: `mkdocs build` stops, a rebuild under `mkdocs serve` warns
    (a link being typed must not freeze the preview)."""


class EngineError(ConvaudioError):
    """A text-to-speech request failed; `transient` says whether trying again may succeed."""

    def __init__(
        self,
        message: str,
        *,
        transient: bool = False,
        retry_after: float | None = None,
        status: int | None = None,
        timed_out: bool = False,
        billed: bool | None = None,
        lost: bool = False,
        voice_rejected: bool = False,
    ) -> None:
        self.transient = transient
        self.retry_after = retry_after
        self.status = status
        #: the provider was reached but did not answer in time (it may have billed the request)
        self.timed_out = timed_out
        #: the provider may have charged for this try (it timed out once reached, or answered with unusable audio):
        #: sending the line again is paid again, and counts against `max_characters`
        self.billed = timed_out if billed is None else billed
        #: the connection was lost in the middle of the answer (billed too): the network's or a proxy's doing, not
        #: the line's
        self.lost = lost
        #: the provider refused the voice by its name (an unknown Google voice): see `VoiceRejected`
        self.voice_rejected = voice_rejected
        super().__init__(message)


class VoiceRejected(ConvaudioError):
    """A provider refused the voice of `speaker`'s line part `part_key` by its name, said at the line's place: the
    build says it at the voice map's line instead when the name was written there (`AudioSession`)."""

    def __init__(self, message: str, path: str, line: int, *, speaker: str, part_key: str) -> None:
        self.speaker = speaker
        self.part_key = part_key
        super().__init__(message, path, line)


class MissingCredentialsError(ConvaudioError):
    """A cloud engine found no credentials; the message says how to provide them."""


class LanguageError(ConvaudioError):
    """An engine has no voice for a page's language; the fix is the page's `lang`, not the voice map."""
