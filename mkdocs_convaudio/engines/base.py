"""The engine contract: typed options, limits, prices and credentials declared on the class; text in, audio out."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import difflib
import email.utils
import json
import math
import re
import time
import types
import typing
import urllib.parse
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

from ..audio.types import Audio
from ..errors import ConvaudioError, OptionError, listed
from ..store import DEFAULT_CACHE_DIR
from ..text.speech_length import speech_characters
from ..voices.given_names import Kind
from ..voices.languages import language_scripts

__all__ = [
    "Engine",
    "EngineContext",
    "EngineOptions",
    "VoiceInfo",
    "is_transient_status",
    "parse_options",
    "retry_after_seconds",
]


#: Base64 runs long enough to hide a key (`Basic dXNlcjprZXk=`, a token in a URL).
#: Speech rate assumed by default (`Engine.characters_per_second`): about 180 words a minute.
CHARACTERS_PER_SECOND = 15.0
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")


def secret_forms(secret: str) -> set[str]:
    """The ways a secret shows up in a message: as is, without surrounding whitespace, inside a `repr` or JSON
    string (a trailing newline becomes `\\n`), URL-encoded, and base64-encoded."""
    forms: set[str] = set()
    for value in dict.fromkeys((secret, secret.strip())):
        if not value:
            continue
        forms.update(
            {
                value,
                repr(value)[1:-1],
                json.dumps(value)[1:-1],
                urllib.parse.quote(value, safe=""),
                urllib.parse.quote_plus(value),
                base64.b64encode(value.encode("utf-8")).decode("ascii").rstrip("="),
                base64.urlsafe_b64encode(value.encode("utf-8")).decode("ascii").rstrip("="),
            }
        )
    return {form for form in forms if form}


def _hides(token: str, secrets: list[str]) -> bool:
    """Whether a base64 run decodes to text holding a secret (`user:key` in a Basic authorization header)."""
    padded = token.rstrip("=") + "=" * (-len(token.rstrip("=")) % 4)
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            decoded = decode(padded).decode("utf-8", "ignore")
        except (ValueError, binascii.Error):
            continue
        if any(secret in decoded for secret in secrets):
            return True
    return False


def scrub_secrets(text: str, secrets: list[str]) -> str:
    """`text` with each secret replaced by `***` in every form of `secret_forms`, and base64 runs that decode
    to a secret (with or without a `user:` before it) replaced whole."""
    values = [secret.strip() or secret for secret in secrets if secret]
    if not values:
        return text
    for form in sorted({form for secret in secrets for form in secret_forms(secret)}, key=len, reverse=True):
        text = text.replace(form, "***")
    return _BASE64_RUN.sub(lambda match: "***" if _hides(match[0], values) else match[0], text)


_SLOT_KINDS: dict[str, Kind] = {"f": "female", "m": "male"}


def slot_kinds(pool: Sequence[str]) -> dict[str, Kind]:
    """The kind of each voice named as a slot of a woman's or a man's voices (`f2`, `m3`), as eSpeak NG's variants
    and Piper's pools are."""
    # no regular expression: asked for each conversation of a build, warm ones included
    return {voice: _SLOT_KINDS[voice[0]] for voice in pool if voice[:1] in _SLOT_KINDS and voice[1:].isdecimal()}


def is_transient_status(status: int | None) -> bool:
    """The one HTTP status policy every engine follows: 408, 409, 429 and 5xx may succeed on a retry; the rest
    (bad voice, bad key, unknown model...) never will."""
    return status is not None and (status in (408, 409, 429) or status >= 500)


def retry_after_seconds(headers: Mapping[str, str], now: Callable[[], float] = time.time) -> float | None:
    """Seconds a 429/503 asks us to wait: `retry-after-ms`, `Retry-After` in seconds, or an HTTP date
    (compared with `now`, so tests can pass a fixed clock). A value that is no number of seconds (`inf`, `nan`)
    is no ask: the backoff's waits are used (review r-cloud: `Retry-After: inf` stopped the build, "wait inf h")."""
    lowered = {key.lower(): value for key, value in headers.items()}
    try:
        if milliseconds := lowered.get("retry-after-ms"):
            return _seconds(float(milliseconds) / 1000)
    except ValueError:
        pass
    value = (lowered.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return _seconds(float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is in GMT, written with or without its zone; not the machine's time
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, when.timestamp() - now())


def _seconds(seconds: float) -> float | None:
    return max(0.0, seconds) if math.isfinite(seconds) else None


@dataclass(frozen=True)
class VoiceInfo:
    """A voice an engine offers, for `mkdocs-convaudio voices`."""

    name: str
    languages: tuple[str, ...]
    gender: str = ""
    description: str = ""
    licence: str = ""


@dataclass(frozen=True)
class EngineContext:
    """What a build tells its engine besides options: where the site and its cache live, and whether this build
    may synthesize (an offline, cache-only build must not download voice models either)."""

    base_dir: Path = field(default_factory=Path.cwd)
    cache_dir: Path = Path(DEFAULT_CACHE_DIR)
    generate: bool = True
    #: The build's clock (seconds since the epoch), for `Retry-After` dates; tests pass a fixed one.
    clock: Callable[[], float] = time.time


@dataclass(frozen=True)
class EngineOptions:
    """An engine's options: a frozen dataclass whose typed fields (with defaults) are the YAML keys under the
    engine's name in mkdocs.yml. `config.py` turns the fields into an MkDocs `SubConfig`, so a wrong type is a
    one-line config error; `check()` adds what a type cannot say (ranges, known names)."""

    def check(self, engine: str) -> None:
        """Raise `ConvaudioError` naming the option when a value is of the right type but unusable."""


def _type_name(kind: Any) -> str:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return listed((_type_name(arg) for arg in typing.get_args(kind)), "or")
    if origin is Literal:
        return "one of " + ", ".join(repr(arg) for arg in typing.get_args(kind))
    if kind is type(None):
        return "nothing"
    names = {bool: "true or false", int: "an integer", float: "a number", str: "text", dict: "a mapping"}
    return names.get(origin or kind, "a list" if (origin or kind) is list else str(kind))


def _matches(value: Any, kind: Any) -> bool:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return any(_matches(value, arg) for arg in typing.get_args(kind))
    if origin is Literal:
        return value in typing.get_args(kind)
    if kind is type(None):
        return value is None
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is list:
        (item,) = typing.get_args(kind) or (Any,)
        return isinstance(value, list) and (item is Any or all(_matches(element, item) for element in value))
    if origin is dict:
        (_key, item) = typing.get_args(kind) or (Any, Any)
        return isinstance(value, dict) and (item is Any or all(_matches(element, item) for element in value.values()))
    return kind is Any or isinstance(value, kind)


def option_types(options_class: type[EngineOptions]) -> dict[str, Any]:
    """Each option's resolved type annotation, by name."""
    hints = typing.get_type_hints(options_class)
    return {field.name: hints[field.name] for field in dataclasses.fields(options_class)}


def parse_options(options_class: type[EngineOptions], values: Mapping[str, Any], engine: str) -> Any:
    """Typed options from a plain mapping (mkdocs.yml already validated, or the command line): unknown names,
    wrong types and values out of range are `OptionError`s naming the option, said at its own line of the config
    file (for callers that do not go through MkDocs too)."""
    kinds = option_types(options_class)
    unknown = sorted(set(map(str, values)) - set(kinds))
    if unknown:
        # each with the option it is near (`raate (did you mean 'rate'?)`): said once, at the first one's line
        guessed = [
            f"{name} (did you mean {near[0]!r}?)"
            if (near := difflib.get_close_matches(name, list(kinds), 1, 0.75))
            else name
            for name in unknown
        ]
        raise OptionError(
            f"unknown option(s) for the {engine} engine: {', '.join(guessed)}; known options: {', '.join(kinds)}",
            keys=(engine, unknown[0]),
        )
    for name, value in values.items():
        if not _matches(value, kinds[name]):
            raise OptionError(
                f"the {engine} engine's `{name}` option must be {_type_name(kinds[name])}, not {value!r}",
                keys=(engine, str(name)),
            )
    options = options_class(**{str(name): value for name, value in values.items()})
    try:
        options.check(engine)
    except ConvaudioError as error:  # each engine's checks say what is wrong; where is the options' own
        if type(error) is not ConvaudioError:  # an OptionError already, or a kind its callers tell apart
            raise
        # at the line of the option the message names first (`length_scale`, `` `pools: {fr: …}` ``), in backticks
        # or else as a word ("has no model 'tts-9'; set `openai: {model: ...}`"), if it names one
        keys: tuple[str, ...] = (engine,)
        for written in (r"`{}\b", r"(?<![\w-]){}(?![\w-])"):
            named = [
                (found.start(), name) for name in kinds if (found := re.search(written.format(name), error.message))
            ]
            if named:
                keys = (engine, min(named)[1])
                break
        raise OptionError(error.message, error.path, error.line, keys=keys) from None
    return options


class Engine(ABC):
    """A text-to-speech engine. Implementations raise `EngineError` (transient or not) and never retry: the build
    owns retries, backoff and concurrency, so every engine behaves the same under failure.

    To add an engine, subclass this (or `CloudEngine` for an HTTP API), declare `name`, `Options`, the limits
    below, and implement the four abstract methods; register the class under the `mkdocs_convaudio.engines`
    entry point group of your package (see docs/engines.md, "Writing an engine")."""

    name: ClassVar[str]
    #: The typed options class; `self.options` is an instance of it.
    Options: ClassVar[type[EngineOptions]] = EngineOptions
    #: Longest input one request accepts, counted in `input_unit`.
    input_limit: ClassVar[int]
    input_unit: ClassVar[Literal["bytes", "characters"]] = "characters"
    #: Parallel requests that suit the provider's default quota (1 for engines with global state).
    default_concurrency: ClassVar[int] = 1
    #: Whether it costs money: cloud engines check credentials and count toward `max_characters`.
    is_cloud: ClassVar[bool] = False
    #: US dollars per million characters by model or voice family (empty for free engines).
    prices: ClassVar[Mapping[str, float]] = {}
    #: Environment variables that hold secrets; their values are scrubbed from every message.
    secret_env: ClassVar[tuple[str, ...]] = ()
    #: Modules the engine imports when it works (its SDK, imported lazily): `create_engine` checks they are
    #: installed, so a missing one is named with its pip command instead of a traceback at the first request.
    packages: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        self.options = parse_options(self.Options, options, self.name)
        self.environ = environ
        self.context = context or EngineContext()

    def measure(self, text: str) -> int:
        """The size of `text` as the provider counts it against `input_limit`."""
        return len(text.encode("utf-8")) if self.input_unit == "bytes" else len(text)

    def characters_per_second(self, language: str) -> float:
        """How fast a voice of this engine speaks `language`, in characters of spoken text per second of speech
        (pauses between lines apart; a digit or a letter spelled out counts as the letters it takes to say, see
        `text.speech_length`): what `max_duration` is checked against before anything is synthesized. By default
        about 180 words a minute; an engine that knows its rate (an option, measured) says so."""
        return CHARACTERS_PER_SECOND

    def speech_seconds(self, text: str, language: str) -> float:
        """How long a voice of this engine takes to say `text` (one line's speech, the silence around it apart),
        from the text alone: what `max_duration` is checked against, so the same text always gets the same answer.
        By default its letters at `characters_per_second`; an engine that knows its pauses at commas and full stops
        (measured) adds them."""
        return speech_characters(text) / self.characters_per_second(language)

    @abstractmethod
    def voice_pool(self) -> list[str]:
        """Language-free voice identities to hand out to speakers, most distinct pairs first."""

    def voice_kinds(self) -> dict[str, Kind]:
        """The pool's voices known to be a woman's or a man's: a new speaker whose name says which (`Maya`,
        `Mr Jones`) gets the first free voice of that kind. An engine that does not know gives none."""
        return {}

    @abstractmethod
    def resolve_voice(self, identity: str, language: str) -> str:
        """The concrete voice a request uses for `identity` in `language` (`Charon` + `fr` →
        `fr-FR-Chirp3-HD-Charon`). Raise `ConvaudioError` naming the fix when it does not exist."""

    @abstractmethod
    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        """Speak `text` (within `input_limit`) with a voice from `resolve_voice`. Called from several threads
        at once (up to the build's concurrency): serialize inside when the library needs it."""

    @abstractmethod
    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        """The voices the engine can use, optionally for one language."""

    def readable_scripts(self, language: str) -> frozenset[str]:
        """ISO 15924 scripts this engine's voices for `language` (a BCP 47 tag) can read aloud: by default the
        scripts the language is written in, plus Latin. Letters of other scripts are left out, with a warning."""
        return language_scripts(language)

    def voice_language(self, voice: str) -> str | None:
        """The language `voice` (as `resolve_voice` gave it) speaks, when it speaks only that one (a Piper model
        trained on English recordings reads French words with English sounds); None for a voice that speaks the
        page's language, whatever it is."""
        return None

    def sound_settings(self) -> dict[str, Any]:
        """Every setting besides text, voice and language that changes the sound (model, rate, pitch, the voice
        model's checksum...). It becomes part of cache keys, so it must never hold a secret."""
        return {}

    def voice_sound_settings(self, voice: str) -> dict[str, Any]:
        """Settings of one voice that change its sound (a local model's checksum); part of that voice's keys."""
        return {}

    def key_settings(self, voice: str) -> dict[str, Any]:
        """`sound_settings` as a line's key holds them for `voice`: one that its requests leave out (Google's
        `pitch` for Chirp voices) or send as the provider's default is given as unset, so that setting it costs
        nothing (bug bash 112). All of them unless the engine says."""
        return self.sound_settings()

    def key_language(self, language: str) -> str:
        """What of a page's language (`en-US`) a line's key holds: all of it unless the engine says. An engine
        whose requests carry no language, or carry the one its voice's name gives, keeps the primary tag (`en`):
        tidying `en` into `en-US` must not pay for every line again (bug bash 112). The spoken text is in the
        key anyway, so a language that reads a line otherwise still gets its own audio."""
        return language

    def price_per_million(self, voice: str) -> float:
        """US dollars per million characters for `voice` (0 for offline engines)."""
        return 0.0

    def unavailable_voices(self, voices: Sequence[str]) -> dict[str, str]:
        """Of `voices` (as `resolve_voice` gave them), those this engine cannot speak with now, each with why and
        what to do: a build stops on all of them before it synthesizes a line. None, unless the engine says."""
        return {}

    def check_credentials(self) -> None:
        """Raise `MissingCredentialsError` with instructions when no credentials are available."""
        return None

    def secrets(self) -> list[str]:
        """Secret values in use, so messages can be scrubbed of them."""
        return [value for key in self.secret_env if (value := self.environ.get(key))]

    def scrub(self, text: str) -> str:
        """`text` with every secret value replaced by `***` (the one scrubber every message goes through), in
        every form a message can hold it: see `scrub_secrets`."""
        return scrub_secrets(text, self.secrets())

    def key_warnings(self) -> list[str]:
        """Warnings about how credentials were given (e.g. a key with a trailing newline), for the build."""
        return []

    def close(self) -> None:
        """Release clients, sessions and loaded models; the build calls it once at its end."""
        return None
