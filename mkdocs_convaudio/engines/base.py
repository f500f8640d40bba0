"""The engine interface: turn (text, voice, language) into PCM audio, and describe voices, limits and prices."""

from __future__ import annotations

import email.utils
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..audio.types import Audio
from ..errors import ConvaudioError
from ..voices.languages import language_scripts

__all__ = ["Engine", "VoiceInfo", "retry_after_seconds"]


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds a 429/503 asks us to wait: `retry-after-ms`, `Retry-After` in seconds, or an HTTP date."""
    lowered = {key.lower(): value for key, value in headers.items()}
    try:
        if milliseconds := lowered.get("retry-after-ms"):
            return max(0.0, float(milliseconds) / 1000)
    except ValueError:
        pass
    value = (lowered.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass(frozen=True)
class VoiceInfo:
    """A voice an engine offers, for `mkdocs-convaudio voices`."""

    name: str
    languages: tuple[str, ...]
    gender: str = ""
    description: str = ""


class Engine(ABC):
    """A text-to-speech engine. Implementations raise `EngineError` (transient or not) and never retry:
    the renderer owns retries, backoff and concurrency, so every engine behaves the same under failure."""

    name: ClassVar[str]
    #: Longest input one request accepts, counted in `input_unit`.
    input_limit: ClassVar[int]
    input_unit: ClassVar[Literal["bytes", "characters"]] = "characters"
    #: Parallel requests that suit the provider's default quota (1 for engines with global state).
    default_concurrency: ClassVar[int] = 1
    #: Whether it costs money: cloud engines check credentials and count toward `max_characters`.
    is_cloud: ClassVar[bool] = False
    #: Environment variables holding secrets; their values are scrubbed from every message.
    secret_env: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: Mapping[str, Any], environ: Mapping[str, str]) -> None:
        self.options = dict(options)
        self.environ = environ

    def measure(self, text: str) -> int:
        """The size of `text` as the provider counts it against `input_limit`."""
        return len(text.encode("utf-8")) if self.input_unit == "bytes" else len(text)

    @abstractmethod
    def voice_pool(self) -> list[str]:
        """Language-free voice identities to hand out to speakers, most distinct pairs first."""

    @abstractmethod
    def resolve_voice(self, identity: str, language: str) -> str:
        """The concrete voice a request uses for `identity` in `language` (`Charon` + `fr` →
        `fr-FR-Chirp3-HD-Charon`). Raise `ConvaudioError` naming the fix when it does not exist."""

    @abstractmethod
    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        """Speak `text` (within `input_limit`) with a voice from `resolve_voice`."""

    @abstractmethod
    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        """The voices the account can use, optionally for one language."""

    def readable_scripts(self, language: str) -> frozenset[str]:
        """ISO 15924 scripts this engine's voices for `language` (a BCP 47 tag) can read aloud: by default the
        scripts the language is written in, plus Latin. Letters of other scripts are left out, with a warning."""
        return language_scripts(language)

    def sound_settings(self) -> dict[str, Any]:
        """Every setting besides text, voice and language that changes the sound (model, rate, pitch...).
        It becomes part of cache keys, so it must never hold a secret."""
        return {}

    def price_per_million(self, voice: str) -> float:
        """US dollars per million characters for `voice` (0 for offline engines)."""
        return 0.0

    def check_credentials(self) -> None:
        """Raise `MissingCredentialsError` with instructions when no credentials are available."""
        return None

    def secrets(self) -> list[str]:
        """Secret values in use, so messages can be scrubbed of them."""
        return [value for key in self.secret_env if (value := self.environ.get(key))]

    def unknown_option_check(self, known: set[str]) -> None:
        """Reject misspelt options instead of silently ignoring them."""
        unknown = sorted(set(self.options) - known)
        if unknown:
            raise ConvaudioError(
                f"unknown option(s) for the {self.name} engine: {', '.join(unknown)}; "
                f"known options: {', '.join(sorted(known))}"
            )
