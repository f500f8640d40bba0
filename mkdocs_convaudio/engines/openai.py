"""The OpenAI engine: speech from OpenAI's `/v1/audio/speech` through the official `openai` SDK."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConvaudioError
from ..voices.given_names import Kind
from ..voices.languages import base_language
from . import answers
from .base import EngineContext, VoiceInfo, retry_after_seconds
from .cloud import Answer, CloudEngine, CloudOptions, Failure, lost_answer

if TYPE_CHECKING:
    import openai

#: Approximate US dollars per million input characters (OpenAI's published list prices; gpt-4o-mini-tts
#: is billed by tokens, so its figure is OpenAI's own per-minute estimate converted to characters).
PRICES: dict[str, float] = {"tts-1": 15.0, "tts-1-hd": 30.0, "gpt-4o-mini-tts": 12.0}

MODELS = ("tts-1", "tts-1-hd", "gpt-4o-mini-tts")
#: The only model family that follows free-text `instructions` (dated snapshots share the prefix).
INSTRUCTABLE_PREFIX = "gpt-4o-mini-tts"

#: Built-in voices. All are multilingual: they speak whatever language the text is in.
#: `marin` and `cedar` are newer and listed by the SDK (3.x) next to the original eleven.
VOICES: dict[str, str] = {
    "alloy": "neutral",
    "ash": "male",
    "ballad": "male",
    "cedar": "male",
    "coral": "female",
    "echo": "male",
    "fable": "male",
    "marin": "female",
    "nova": "female",
    "onyx": "male",
    "sage": "female",
    "shimmer": "female",
    "verse": "male",
}

#: Alternating male- and female-sounding voices that every model accepts, so two speakers never blur.
VOICE_POOL = ["onyx", "nova", "echo", "shimmer", "fable", "alloy", "ash", "coral", "sage"]
#: The pool's voices that sound clearly like a man or a woman (fable and alloy are left out: listeners hear either).
VOICE_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("onyx", "echo", "ash"), "male"),
    **dict.fromkeys(("nova", "shimmer", "coral", "sage"), "female"),
}

#: 16-bit little-endian mono at this rate is what `response_format="pcm"` returns (fixed by the API).
PCM_RATE = 24_000

DEFAULT_KEY_ENV = "OPENAI_API_KEY"
KEYS_PAGE = "https://platform.openai.com/api-keys"


@dataclass(frozen=True)
class OpenAIOptions(CloudOptions):
    """`openai:` in the plugin options."""

    model: str = "tts-1"
    instructions: str | None = None
    speed: float | None = None
    base_url: str | None = None

    def check(self, engine: str) -> None:
        super().check(engine)
        if self.model not in MODELS and not self.model.startswith(INSTRUCTABLE_PREFIX + "-"):
            raise ConvaudioError(
                f"the openai engine has no model {self.model!r}; set `openai: {{model: ...}}` to one of: "
                + ", ".join(MODELS)
            )
        if self.instructions and not self.model.startswith(INSTRUCTABLE_PREFIX):
            raise ConvaudioError(
                "the openai option `instructions` only works with model gpt-4o-mini-tts, "
                f"not {self.model!r}; set `openai: {{model: gpt-4o-mini-tts}}` or remove `instructions`"
            )
        if self.speed is not None and not 0.25 <= self.speed <= 4.0:
            raise ConvaudioError(f"the openai option `speed` must be between 0.25 and 4.0, not {self.speed}")


class OpenAIEngine(CloudEngine):
    """OpenAI text-to-speech: natural multilingual voices (`onyx`, `nova`...), billed per character."""

    name = "openai"
    provider = "OpenAI"
    packages = ("openai",)
    Options = OpenAIOptions
    options: OpenAIOptions
    input_limit = 4096
    input_unit = "characters"
    default_concurrency = 4
    prices = PRICES
    default_key_env = DEFAULT_KEY_ENV
    keys_page = KEYS_PAGE

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        self.model = self.options.model
        self.instructions = self.options.instructions or None
        self.speed = self.options.speed
        self.base_url = self.options.base_url or None

    def speech_speed(self) -> float:
        return float(self.speed or 1.0)

    def sound_settings(self) -> dict[str, Any]:
        # Never the key or base_url: these are cache keys, and the endpoint does not change the sound.
        return {"model": self.model, "instructions": self.instructions, "speed": self.speed or 1.0}

    def key_language(self, language: str) -> str:
        return base_language(language)  # a request carries no language

    def price_per_million(self, voice: str) -> float:
        if self.model in PRICES:
            return PRICES[self.model]
        # Dated gpt-4o-mini-tts snapshots cost what their family costs.
        return PRICES[INSTRUCTABLE_PREFIX]

    # -- voices --------------------------------------------------------------------------------------

    def voice_pool(self) -> list[str]:
        return list(VOICE_POOL)

    def voice_kinds(self) -> dict[str, Kind]:
        return dict(VOICE_KINDS)

    def resolve_voice(self, identity: str, language: str) -> str:
        # Every voice speaks every supported language, so the language never changes the voice.
        if identity in VOICES:
            return identity
        lowered = identity.strip().lower()
        hint = f" (did you mean {lowered!r}?)" if lowered in VOICES else ""
        raise ConvaudioError(
            f"OpenAI has no voice {identity!r}{hint}; use one of: {', '.join(VOICES)} "
            "(see `mkdocs-convaudio voices --engine openai`)"
        )

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        # OpenAI has no endpoint listing speech voices, so this is the documented static list.
        return [
            VoiceInfo(name=name, languages=("multilingual",), gender=gender, description="built-in voice")
            for name, gender in VOICES.items()
        ]

    # -- synthesis -----------------------------------------------------------------------------------

    def new_client(self) -> openai.OpenAI:
        import openai

        self.check_credentials()
        return openai.OpenAI(
            api_key=self.api_key(),
            base_url=self.base_url,
            # The build owns retries and backoff; SDK retries would hide 429s and double waits.
            max_retries=0,
            timeout=self.timeout,
        )

    def request(self, client: openai.OpenAI, text: str, voice: str, language: str) -> Answer:
        extra: dict[str, Any] = {}
        if self.instructions:
            extra["instructions"] = self.instructions
        if self.speed is not None:
            extra["speed"] = self.speed
        # `pcm` rather than wav or flac: it is lossless like them, but it is bare samples with nothing
        # to parse (OpenAI streams its WAV with placeholder chunk sizes) and costs no encoding time.
        response = client.audio.speech.create(
            model=self.model, voice=voice, input=text, response_format="pcm", timeout=self.request_timeout, **extra
        )
        return Answer(response.content, "pcm16", PCM_RATE, response.response.headers.get("content-type", ""))

    def describe_error(self, error: Exception, voice: str | None) -> Failure | None:
        """Say what an SDK exception means for the user, in the build's transient/permanent vocabulary."""
        import openai

        if not isinstance(error, openai.OpenAIError):
            return None
        if isinstance(error, openai.APITimeoutError):
            # a connect or pool timeout never reached OpenAI: nothing billed, and no longer wait for the next try
            # (by name: the SDK's transport is httpx or httpx2, whose classes differ)
            reached = type(error.__cause__ or error.__context__).__name__ not in ("ConnectTimeout", "PoolTimeout")
            return Failure(
                f"OpenAI did not answer within {self.request_timeout:g} s", transient=True, timed_out=reached
            )
        if isinstance(error, openai.APIConnectionError):
            cause = error.__cause__ or error.__context__
            detail = f" ({type(cause).__name__})" if cause else ""
            if lost_answer(cause):
                return Failure(
                    f"the connection to OpenAI at {self._endpoint()} was lost before its answer was complete{detail}",
                    transient=True,
                    answer_lost=True,
                )
            return Failure(f"could not reach OpenAI at {self._endpoint()}{detail}", transient=True)
        if not isinstance(error, openai.APIStatusError):
            return Failure(f"the OpenAI SDK failed: {error}")
        status = error.status_code
        server = self._server_message(error)
        if isinstance(error, openai.RateLimitError) and "insufficient_quota" in (
            str(getattr(error, "code", "")),
            str(getattr(error, "type", "")),
        ):
            # a 429 as a rate limit is, but no wait ends it: retried, 18 requests failed for nothing (bug bash 136)
            return Failure(
                f"OpenAI says the account's quota is used up (429: {server}); add credit or raise the limit at "
                "https://platform.openai.com/settings/organization/billing, then build again",
                status=status,
                transient=False,
            )
        if isinstance(error, openai.RateLimitError):
            return Failure(
                f"OpenAI is rate limiting requests (429: {server})",
                status=status,
                retry_after=retry_after_seconds(error.response.headers, self.context.clock),
            )
        if isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
            what = "refused the API key" if status == 401 else "does not allow this key to use the speech API"
            return Failure(
                f"OpenAI {what} in {self.api_key_env} ({status}: {server}); create a key with access to "
                f"{self.model} at {KEYS_PAGE} and put it in the environment variable {self.api_key_env}",
                status=status,
            )
        if isinstance(error, openai.BadRequestError):
            return Failure(
                f"OpenAI rejected the request for voice {voice!r} with model {self.model!r} (400: {server}); "
                f"use a voice from `mkdocs-convaudio voices --engine openai` and a model among "
                f"{', '.join(MODELS)} in the plugin's `openai:` options",
                status=status,
            )
        if isinstance(error, openai.NotFoundError):
            return Failure(
                f"OpenAI does not know model {self.model!r} or the path {self._endpoint()} (404: {server}); "
                "check `openai: {model: ..., base_url: ...}`",
                status=status,
            )
        # a 503 with Retry-After (maintenance, a busy backend) asks for a wait as a 429 does
        wait = retry_after_seconds(error.response.headers, self.context.clock)
        return Failure(f"OpenAI answered {status}: {server}", status=status, retry_after=wait)

    @staticmethod
    def _server_message(error: openai.APIStatusError) -> str:
        # The SDK unwraps {"error": {...}} into `body`; fall back to its own summary for non-JSON answers.
        body = error.body
        if isinstance(body, Mapping) and body.get("message"):
            return str(body["message"])
        if isinstance(body, str) and body.strip():
            return answers.error_text(body.strip())[:300]
        return error.response.reason_phrase or "no details"

    def _endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"
