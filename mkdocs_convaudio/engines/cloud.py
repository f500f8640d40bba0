"""What every HTTP engine shares: the API key option, one scrubber, a lazy shared client, timeout, credential help,
and one HTTP status → transient policy."""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..audio.types import Audio
from ..errors import ConvaudioError, EngineError, MissingCredentialsError
from . import answers
from .base import Engine, EngineContext, EngineOptions, is_transient_status

__all__ = ["Answer", "CloudEngine", "CloudOptions", "Failure"]

#: How many times a line's timeout doubles after tries of it that timed out (60 s, 120 s, then 240 s at most).
TIMEOUT_DOUBLINGS = 2


_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,254}")


#: What requests and urllib3 (Google's REST transport) raise only while reading an answer's body.
_LOST_BODY = {"ChunkedEncodingError", "ContentDecodingError", "IncompleteRead"}
#: What httpx (the OpenAI and ElevenLabs SDKs; by name, as their transports are httpx or httpx2) raises for a
#: connection that failed, before the request went out as well as after: lost midway only while reading a body.
_LOST_READING = {"RemoteProtocolError", "ReadError"}


def lost_answer(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) is a connection lost in the middle of an answer: the provider took the
    request and began to answer, and may have billed it, as when it does not answer in time. A connection that
    failed before a byte of the answer came (a kept-alive one the server had closed, which it resets or ends
    without a response) may have reached no one: it is retried as a connection that could not be made is."""
    seen = 0
    while error is not None and seen < 8:
        name = type(error).__name__
        if name in _LOST_BODY or (name in _LOST_READING and _raised_reading_body(error)):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _raised_reading_body(error: BaseException) -> bool:
    """Whether `error` came from reading a response's body (httpcore's `_receive_response_body`, for HTTP/1.1 and
    HTTP/2 alike): the same ReadError comes of a reset before the answer and of one in its middle."""
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_name == "_receive_response_body":
            return True
        trace = trace.tb_next
    return False


def plausible_variable_name(name: str) -> bool:
    """Whether `name` can be an environment variable's name, and does not look like a key: a key holds a long
    random run of letters and digits (`sk_3f2a9c81d4e5…`), a name words (`OPENAI_API_KEY`, `my_openai_key_v2`)."""
    if not _VARIABLE_NAME.fullmatch(name):
        return False
    return not any(len(run) >= 16 and sum(c.isdigit() for c in run) >= 4 for run in name.split("_"))


@dataclass(frozen=True)
class CloudOptions(EngineOptions):
    """Options every cloud engine has; subclasses add their own fields (all with defaults)."""

    #: The environment variable holding the API key (empty: the engine's usual one, e.g. OPENAI_API_KEY).
    api_key_env: str = ""
    #: Seconds to wait for one answer before giving up on that attempt (the build retries it).
    timeout: float = 60.0

    def check(self, engine: str) -> None:
        if self.api_key_env and not plausible_variable_name(self.api_key_env):
            # never shown: it is most likely the key itself (`api_key_env: !ENV OPENAI_API_KEY` puts the key there,
            # and every message naming the variable printed it; bug bash 112)
            raise ConvaudioError(
                f"the {engine} engine's `api_key_env` option must name an environment variable (letters, digits and "
                "_, such as MY_TTS_KEY); what it holds is not one, and may be the key itself, so it is not shown here: "
                "put the key in a variable and give the variable's name (without `!ENV`), or leave the option out"
            )
        if not 0 < self.timeout <= 3600:
            raise ConvaudioError(
                f"the {engine} engine's `timeout` option must be a number of seconds above 0 (at most 3600), "
                f"not {self.timeout!r}"
            )


@dataclass(frozen=True)
class Answer:
    """What a provider sent back for one request, before it is trusted: raw audio bytes and how to read them."""

    data: bytes
    #: "pcm16" (raw little-endian 16-bit mono at `rate`) or "file" (WAV/FLAC/MP3/OGG with its own header).
    encoding: str
    rate: int = 0
    content_type: str = ""


@dataclass(frozen=True)
class Failure:
    """A provider error described by an engine: the message (the base scrubs it), the HTTP status if any, and
    `transient` only for failures that have no status (timeouts, refused connections)."""

    message: str
    status: int | None = None
    retry_after: float | None = None
    transient: bool | None = None
    #: no answer within the request's timeout (`CloudEngine.request_timeout`): the next try of the line waits longer
    timed_out: bool = False
    #: the request was sent whole and the connection was lost before its answer was (see `lost_answer`)
    answer_lost: bool = False
    #: an answer came, and is not usable (a 200 whose body is not the API's): it may have been billed
    unusable: bool = False
    #: the provider refused the voice by its name (`EngineError.voice_rejected`)
    voice_rejected: bool = False


class CloudEngine(Engine):
    """A paid HTTP engine. Subclasses declare `provider`, `default_key_env`, `keys_page`, and implement
    `new_client`, `request` and `describe_error`; the base handles credentials, secrets, the shared client,
    error translation and answer validation."""

    is_cloud = True
    Options: ClassVar[type[EngineOptions]] = CloudOptions
    #: Shown in messages: "OpenAI", "ElevenLabs"...
    provider: ClassVar[str]
    #: The variable the key is read from unless `api_key_env` names another.
    default_key_env: ClassVar[str]
    #: Where users create a key.
    keys_page: ClassVar[str] = ""

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        self._client: Any = None
        self._client_lock = threading.Lock()
        #: requests sent and not answered yet, by client: a client is closed when its last answer is in
        self._in_flight: dict[int, int] = {}
        self._closing: list[Any] = []
        #: how many tries of each line (by voice and text) timed out in this build
        self._timeouts: dict[str, int] = {}
        self._attempt = threading.local()

    # -- credentials -------------------------------------------------------------------------------------
    @property
    def api_key_env(self) -> str:
        """The variable the key is read from."""
        return str(self.options.api_key_env or self.default_key_env)

    @property
    def timeout(self) -> float:
        return float(self.options.timeout)

    @property
    def request_timeout(self) -> float:
        """Seconds the request being sent (by this thread) may wait for its answer: `timeout`, doubled for each
        earlier try of the same line that timed out (`longest_timeout` at most). A line the provider answers
        slowly is billed for each try the build gives up on: the same wait each time would pay for it on every
        retry, and in every build."""
        return float(getattr(self._attempt, "timeout", self.timeout))

    @property
    def longest_timeout(self) -> float:
        """The longest a try of a line may wait (see `request_timeout`)."""
        return min(self.timeout * float(2**TIMEOUT_DOUBLINGS), 3600.0)

    def _timeout_key(self, text: str, voice: str) -> str:
        return hashlib.sha256(f"{voice}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def api_key(self) -> str | None:
        """The key, without the spaces or newline a pasted CI secret often carries (see `key_warnings`)."""
        return (self.environ.get(self.api_key_env) or "").strip() or None

    def key_warnings(self) -> list[str]:
        raw = self.environ.get(self.api_key_env) or ""
        if raw.strip() and raw != raw.strip():
            return [
                f"the key in {self.api_key_env} has spaces or a line break around it; they were removed (save the "
                "secret without them to silence this)"
            ]
        return []

    def secrets(self) -> list[str]:
        # the key may live in a variable of the user's choosing, and the usual one may hold another key
        names = dict.fromkeys((self.default_key_env, self.api_key_env))
        return [value for name in names if (value := self.environ.get(name))]

    def credentials_help(self) -> str:
        """How to provide credentials, step by step (the message of `MissingCredentialsError`)."""
        where = f"create a key at {self.keys_page}" if self.keys_page else f"create an API key for {self.provider}"
        return (
            f"the {self.name} engine needs an API key in the environment variable {self.api_key_env}, "
            "which is not set. To fix it:\n"
            f"  1. {where};\n"
            f"  2. export {self.api_key_env}=<your key> in the shell or CI job that runs `mkdocs build` "
            "(in CI, store it as a secret);\n"
            f"  3. to read the key from another variable, set `{self.name}: {{api_key_env: NAME}}` in the plugin "
            "options.\n"
            "To build without it, choose the offline `espeak` or `piper` engine."
        )

    def check_credentials(self) -> None:
        if not self.api_key():
            raise MissingCredentialsError(self.credentials_help())

    # -- the shared client ---------------------------------------------------------------------------------
    @abstractmethod
    def new_client(self) -> Any:
        """A new SDK client (called once, under a lock, on first use); raise `MissingCredentialsError` if none."""

    def client(self) -> Any:
        """The engine's one client, created on first use by whichever thread comes first; shared by all."""
        with self._client_lock:
            if self._client is None:
                self._client = self.new_client()
            return self._client

    def close(self) -> None:
        """Close the client, or, with requests still on their way (a second Ctrl-C, a SIGTERM after the first),
        once their answers are in: closing it under them threw away answers already billed (bug bash 136)."""
        with self._client_lock:
            client, self._client = self._client, None
            if client is None:
                return
            if self._in_flight.get(id(client)):
                self._closing.append(client)
                return
        self.close_client(client)

    def close_client(self, client: Any) -> None:
        """Close an SDK client (an engine whose client closes otherwise says how)."""
        closer = getattr(client, "close", None)
        if callable(closer):
            closer()

    def _sent(self) -> Any:
        """The client, counted as having one more request on its way (taken and counted at once: a `close` in
        between closed it under the request)."""
        with self._client_lock:
            if self._client is None:
                self._client = self.new_client()
            client = self._client
            self._in_flight[id(client)] = self._in_flight.get(id(client), 0) + 1
            return client

    def _answered(self, client: Any) -> None:
        with self._client_lock:
            left = self._in_flight[id(client)] - 1
            if left:
                self._in_flight[id(client)] = left
                return
            del self._in_flight[id(client)]
            if not any(closing is client for closing in self._closing):
                return
            self._closing = [closing for closing in self._closing if closing is not client]
        with contextlib.suppress(Exception):  # an answer already in is not replaced by a failure to close
            self.close_client(client)

    # -- one request ---------------------------------------------------------------------------------------
    @abstractmethod
    def request(self, client: Any, text: str, voice: str, language: str) -> Answer:
        """Send one synthesis request with the SDK; SDK exceptions propagate (see `describe_error`)."""

    @abstractmethod
    def describe_error(self, error: Exception, voice: str | None) -> Failure | None:
        """What went wrong, for an exception from the SDK; None for exceptions that are not the provider's
        (they propagate unchanged, so bugs are not disguised as provider errors)."""

    def speech_speed(self) -> float:
        """How much faster than the voice's own pace the engine's options make it speak (OpenAI's `speed`,
        Google's `speaking_rate`): 1.0 unless the engine says."""
        return 1.0

    def characters_per_second(self, language: str) -> float:
        # a conversation spoken at a speed of 0.5 lasts twice as long (max_duration, and the longest answer
        # `validate` takes for a line)
        return super().characters_per_second(language) * self.speech_speed()

    def validate(self, answer: Answer, voice: str, text: str = "", language: str = "") -> Audio:
        """Check an answer and decode it: the one place where a provider's audio becomes trusted `Audio`. An
        answer that is not audio (an HTML or JSON page with status 200, a file cut short, a stub too short for
        the text) is a transient `EngineError`: retried, and never cached."""
        what = f"audio from {self.provider} for {voice}"
        if not answer.data:
            raise EngineError(f"{self.provider} returned empty audio for {voice}", transient=True, billed=True)
        answers.check_type(answer.content_type, answer.data, self.provider, voice)
        if answer.encoding == "pcm16":
            answers.check_pcm16(answer.data, self.provider, voice)
            audio = Audio.from_pcm16(answer.data, answer.rate)
        else:
            answers.check_wav(answer.data, self.provider, voice)
            audio = Audio.from_bytes(answer.data, what=what)
        # the longest answer taken is reckoned at the voice's own pace when the options ask for faster speech: a
        # provider that ignores `speed: 4` for some voice or model sends speech at that pace, which is slow, not
        # broken (a long Japanese line at 4 characters a second was refused, and paid for again at every try)
        pace = self.characters_per_second(language) / max(1.0, self.speech_speed())
        answers.check_duration(audio, text, self.provider, voice, pace)
        return audio

    def engine_error(self, failure: Failure) -> EngineError:
        """An `EngineError` from a `Failure`: scrubbed, and transient by the one status policy."""
        transient = failure.transient if failure.transient is not None else is_transient_status(failure.status)
        message = failure.message
        if failure.timed_out:
            message += (
                f"; it may have billed the line: each retry of a line waits twice as long as the one before (up to "
                f"{self.longest_timeout:g} s); a long line, or a slow provider, may need a higher `timeout`"
            )
        if failure.answer_lost:
            message += "; it may have billed the line"
        return EngineError(
            self.scrub(message),
            transient=transient,
            retry_after=failure.retry_after,
            status=failure.status,
            timed_out=failure.timed_out,
            billed=failure.timed_out or failure.answer_lost or failure.unusable,
            lost=failure.answer_lost,
            voice_rejected=failure.voice_rejected,
        )

    def call(self, action: Any, voice: str | None) -> Any:
        """Run `action()` (an SDK call), translating provider exceptions into `EngineError`s."""
        try:
            return action()
        except (EngineError, MissingCredentialsError):
            raise
        except Exception as error:
            failure = self.describe_error(error, voice)
            if failure is None:
                raise
            raise self.engine_error(failure) from None

    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        client = self._sent()  # first: a client that cannot be made (credentials) leaves no timeout set behind
        key = self._timeout_key(text, voice)
        with self._client_lock:
            timeouts = self._timeouts.get(key, 0)
        self._attempt.timeout = min(self.timeout * 2 ** min(timeouts, TIMEOUT_DOUBLINGS), self.longest_timeout)
        try:
            answer: Answer = self.call(lambda: self.request(client, text, voice, language), voice)
        except EngineError as error:
            if error.timed_out:
                with self._client_lock:
                    self._timeouts[key] = self._timeouts.get(key, 0) + 1
            raise
        finally:
            del self._attempt.timeout
            self._answered(client)
        return self.validate(answer, voice, text, language)

    def price_per_million(self, voice: str) -> float:
        return max(self.prices.values(), default=0.0)
