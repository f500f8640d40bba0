"""The ElevenLabs engine: speech from `/v1/text-to-speech/{voice_id}` through the `elevenlabs` SDK."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from ..errors import ConvaudioError
from ..voices.given_names import Kind
from . import answers
from .base import EngineContext, VoiceInfo, retry_after_seconds
from .cloud import Answer, CloudEngine, CloudOptions, Failure, lost_answer

if TYPE_CHECKING:
    import httpx
    from elevenlabs import ElevenLabs
    from elevenlabs.core.request_options import RequestOptions

# Why the SDK and not plain REST: `ElevenLabs(base_url=...)` points it at any host (tests use a local
# fake), and it can be kept from retrying. Its streaming `text_to_speech.convert` never retries, and
# its plain requests (`voices.get_all`) retry unless `request_options["max_retries"]` is 0, which we
# always pass, so the renderer alone decides about retries.

#: Approximate US dollars per million characters: the Creator plan's overage rate (~$0.18 per 1000
#: credits). Flash and Turbo models cost half a credit per character.
PRICES: dict[str, float] = {
    "eleven_multilingual_v2": 180.0,
    "eleven_v3": 180.0,
    "eleven_flash_v2_5": 90.0,
    "eleven_turbo_v2_5": 90.0,
}
DEFAULT_PRICE = 180.0

DEFAULT_MODEL = "eleven_multilingual_v2"

#: Models that take `language_code`. Multilingual v2 rejects it (it detects the language from the text),
#: so for it, and for models we do not know, the language is simply not sent.
LANGUAGE_CODE_MODELS = {"eleven_flash_v2_5", "eleven_turbo_v2_5", "eleven_v3"}

#: Premade voices every account has: name → (voice id, gender). Ids are what requests use.
PREMADE: dict[str, tuple[str, str]] = {
    "George": ("JBFqnCBsd6RMkjVDRZzb", "male"),
    "Sarah": ("EXAVITQu4vr4xnSDxMaL", "female"),  # formerly called Bella
    "Brian": ("nPczCjzI2devNBz1zQrb", "male"),
    "Alice": ("Xb7hH8MSUJpSbSDYk0k2", "female"),
    "Daniel": ("onwK4e9ZLuTAKqWW03F9", "male"),
    "Laura": ("FGY2WhTYpPnrIDTdsKH5", "female"),
    "Adam": ("pNInz6obpgDQGcFmaJgB", "male"),
    "Rachel": ("21m00Tcm4TlvDq8ikWAM", "female"),
    "Charlie": ("IKne3meq5aSn9XLyUdCD", "male"),
    "Lily": ("pFZP5JQG7iQjIQuC4Bku", "female"),
    "Antoni": ("ErXwobaYiN019PkySvjV", "male"),
    "Charlotte": ("XB0fDUnXU5powFXDhCwa", "female"),
}

#: Alternating male and female premade voices, so two speakers never sound alike.
VOICE_POOL = [voice_id for voice_id, _gender in PREMADE.values()]
#: The pool's voices by their premade labels (a voice labelled neither female nor male is left out).
VOICE_KINDS: dict[str, Kind] = {
    voice_id: kind for voice_id, gender in PREMADE.values() for kind in ("female", "male") if gender == kind
}

#: ElevenLabs voice ids are short alphanumeric tokens (premade, cloned and library voices alike).
VOICE_ID = re.compile(r"^[A-Za-z0-9]{8,64}$")

#: 16-bit little-endian mono at 24 kHz: lossless, and (unlike 44.1 kHz PCM) allowed on every plan.
OUTPUT_FORMAT = "pcm_24000"
PCM_RATE = 24_000

VOICE_SETTING_KEYS = {"stability", "similarity_boost", "style", "use_speaker_boost", "speed"}

DEFAULT_KEY_ENV = "ELEVENLABS_API_KEY"
KEYS_PAGE = "https://elevenlabs.io/app/settings/api-keys"
VOICES_COMMAND = "mkdocs-convaudio voices --engine elevenlabs"


@dataclass(frozen=True)
class ElevenLabsOptions(CloudOptions):
    """`elevenlabs:` in the plugin options."""

    model_id: str = DEFAULT_MODEL
    base_url: str | None = None
    voice_settings: dict[str, Any] | None = None
    seed: int | None = None
    timeout: float = 120.0

    def check(self, engine: str) -> None:
        super().check(engine)
        if self.voice_settings is not None:
            unknown = sorted(set(map(str, self.voice_settings)) - VOICE_SETTING_KEYS)
            if unknown:
                raise ConvaudioError(
                    f"unknown elevenlabs voice_settings: {', '.join(unknown)}; "
                    f"known: {', '.join(sorted(VOICE_SETTING_KEYS))}"
                )
            for key, value in self.voice_settings.items():
                flag = key == "use_speaker_boost"
                if isinstance(value, bool) is not flag or not isinstance(value, int | float):
                    raise ConvaudioError(
                        f"the elevenlabs option `voice_settings: {{{key}: ...}}` must be "
                        f"{'true or false' if flag else 'a number'}, not {value!r}"
                    )
        if self.seed is not None and not 0 <= self.seed < 2**32:
            raise ConvaudioError(
                f"the elevenlabs option `seed` must be an integer from 0 to 4294967295, not {self.seed!r}"
            )


class ElevenLabsEngine(CloudEngine):
    """ElevenLabs: the most natural (and priciest) voices, including your own clones, chosen by voice id."""

    name = "elevenlabs"
    provider = "ElevenLabs"
    packages = ("elevenlabs", "httpx")
    Options = ElevenLabsOptions
    options: ElevenLabsOptions
    # Multilingual v2 takes 10,000 characters per request and v3 5,000; 5,000 suits every model and
    # keeps each request short enough to retry cheaply.
    input_limit = 5000
    input_unit = "characters"
    # The free plan allows two concurrent requests; more only earns 429s.
    default_concurrency = 2
    prices = PRICES
    default_key_env = DEFAULT_KEY_ENV
    keys_page = KEYS_PAGE

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        self.model_id = self.options.model_id
        self.base_url = self.options.base_url.rstrip("/") if self.options.base_url else None
        self.voice_settings = dict(self.options.voice_settings) if self.options.voice_settings is not None else None
        self.seed = self.options.seed
        #: the HTTP client under each SDK client this engine made, by the SDK client's id, until it is closed
        self._http_clients: dict[int, httpx.Client] = {}

    def speech_speed(self) -> float:
        return float((self.voice_settings or {}).get("speed") or 1.0)

    def sound_settings(self) -> dict[str, Any]:
        # Never the key or base_url: these are cache keys, and the endpoint does not change the sound.
        return {"model_id": self.model_id, "voice_settings": self.voice_settings, "seed": self.seed}

    def price_per_million(self, voice: str) -> float:
        return PRICES.get(self.model_id, DEFAULT_PRICE)

    # -- voices --------------------------------------------------------------------------------------

    def voice_pool(self) -> list[str]:
        return list(VOICE_POOL)

    def voice_kinds(self) -> dict[str, Kind]:
        return dict(VOICE_KINDS)

    def resolve_voice(self, identity: str, language: str) -> str:
        # Voices are ids and speak every language of a multilingual model, so the id is the voice.
        names = {name.lower(): voice_id for name, (voice_id, _gender) in PREMADE.items()}
        if identity.strip().lower() in names:
            raise ConvaudioError(
                f"ElevenLabs voices are chosen by id, not by name: use {names[identity.strip().lower()]!r} "
                f"for {identity!r} (see `{VOICES_COMMAND}` for every voice id of your account)"
            )
        if not VOICE_ID.match(identity):
            raise ConvaudioError(
                f"{identity!r} is not an ElevenLabs voice id (ids look like 'JBFqnCBsd6RMkjVDRZzb'); "
                f"run `{VOICES_COMMAND}` to list the voices of your account"
            )
        return identity

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        client = self.client()
        response = self.call(lambda: client.voices.get_all(request_options=self._request_options()), None)
        voices: list[VoiceInfo] = []
        for voice in response.voices:
            labels: dict[str, str] = dict(voice.labels or {})
            languages = tuple(
                dict.fromkeys(item.language for item in (voice.verified_languages or []) if item.language)
            )
            if not languages and labels.get("language"):
                languages = (labels["language"],)
            # No declared language means "any": multilingual models speak every language with any voice.
            wanted = (language or "").split("-")[0].lower()
            if wanted and languages and all(code.split("-")[0].lower() != wanted for code in languages):
                continue
            details = [
                voice.name or "",
                str(voice.category or ""),
                labels.get("accent", ""),
                labels.get("description", "") or (voice.description or ""),
            ]
            voices.append(
                VoiceInfo(
                    name=voice.voice_id,
                    languages=languages or ("multilingual",),
                    gender=labels.get("gender", ""),
                    description=", ".join(detail for detail in details if detail),
                )
            )
        return voices

    # -- synthesis -----------------------------------------------------------------------------------

    def new_client(self) -> ElevenLabs:
        import httpx
        from elevenlabs import ElevenLabs

        self.check_credentials()
        # The HTTP client is ours, so that `close_client` can close it: the SDK's client has no `close`, and the
        # connections it kept open outlived the build for as long as anything held the client (review 140).
        http = httpx.Client(timeout=self.timeout, follow_redirects=True)  # as the SDK makes its own
        # The SDK sends the key in the `xi-api-key` header. Passing `api_key` explicitly matters:
        # its default is read from os.environ once, at import time.
        client = ElevenLabs(api_key=self.api_key(), base_url=self.base_url, timeout=self.timeout, httpx_client=http)
        self._http_clients[id(client)] = http  # made under the base's client lock
        return client

    def close_client(self, client: Any) -> None:
        # called at most once per client, by the base, once no answer is on its way (see `CloudEngine.close`)
        http = self._http_clients.pop(id(client), None)
        if http is not None:
            http.close()

    def _request_options(self) -> RequestOptions:
        # max_retries=0: the build owns retries and backoff (see the note at the top of the module).
        # `timeout_in_seconds` is typed as whole seconds, but the SDK hands it to httpx as it is, which takes the
        # float the message names (`request_timeout`).
        return cast("RequestOptions", {"max_retries": 0, "timeout_in_seconds": self.request_timeout})

    def request(self, client: ElevenLabs, text: str, voice: str, language: str) -> Answer:
        from elevenlabs import VoiceSettings

        extra: dict[str, Any] = {}
        if self.voice_settings is not None:
            extra["voice_settings"] = VoiceSettings(**self.voice_settings)
        if self.seed is not None:
            extra["seed"] = self.seed
        if self.model_id in LANGUAGE_CODE_MODELS and language:
            extra["language_code"] = language.split("-")[0].lower()
        # `convert` is a generator: the request is only sent, and errors only raised, while joining.
        chunks = client.text_to_speech.convert(
            voice,
            text=text,
            model_id=self.model_id,
            output_format=OUTPUT_FORMAT,
            request_options=self._request_options(),
            **extra,
        )
        return Answer(b"".join(chunks), "pcm16", PCM_RATE)

    def describe_error(self, error: Exception, voice: str | None) -> Failure | None:
        """Say what an SDK or transport exception means, in the build's transient/permanent vocabulary."""
        import httpx
        from elevenlabs.core.api_error import ApiError

        if isinstance(error, httpx.TimeoutException):
            # a connect or pool timeout never reached ElevenLabs: nothing billed, and no longer wait for the next try
            reached = not isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout)
            wait = self.request_timeout
            return Failure(f"ElevenLabs did not answer within {wait:g} s", transient=True, timed_out=reached)
        if isinstance(error, httpx.HTTPError) and lost_answer(error):
            return Failure(
                f"the connection to ElevenLabs at {self._endpoint()} was lost before its answer was complete "
                f"({type(error).__name__})",
                transient=True,
                answer_lost=True,
            )
        if isinstance(error, httpx.HTTPError):
            return Failure(f"could not reach ElevenLabs at {self._endpoint()} ({type(error).__name__})", transient=True)
        if not isinstance(error, ApiError):
            return None
        status = error.status_code or 0
        code, server = self._server_detail(error.body)
        label = f"{status} {code}".strip()  # "404 voice_not_found", or just "502" when there is no code
        headers = {str(key): str(value) for key, value in (error.headers or {}).items()}
        if status == 429:
            return Failure(
                f"ElevenLabs is limiting requests ({label}: {server}); lower `concurrency` if this persists",
                status=status,
                retry_after=retry_after_seconds(headers, self.context.clock),
            )
        if code == "quota_exceeded":
            # ElevenLabs reports an exhausted credit balance as a 401; a new key would not help.
            return Failure(
                f"ElevenLabs says the account is out of credits ({label}: {server}); "
                "upgrade the plan or wait for the monthly reset",
                status=status,
            )
        if status in (401, 403):
            return Failure(
                f"ElevenLabs refused the API key in {self.api_key_env} ({label}: {server}); "
                f"create a key at {KEYS_PAGE} and put it in the environment variable {self.api_key_env}",
                status=status,
            )
        if status in (400, 404, 422):
            subject = f"voice {voice!r} with model {self.model_id!r}" if voice else "the voice list request"
            return Failure(
                f"ElevenLabs rejected {subject} ({label}: {server}); check the voice id with "
                f"`{VOICES_COMMAND}` and the `model_id` and `voice_settings` options",
                status=status,
            )
        # a 503 with Retry-After (maintenance, a busy backend) asks for a wait as a 429 does
        asked = retry_after_seconds(headers, self.context.clock)
        return Failure(f"ElevenLabs answered {label}: {server}", status=status, retry_after=asked)

    @staticmethod
    def _server_detail(body: Any) -> tuple[str, str]:
        """(status code word, message) from ElevenLabs' {"detail": {"status", "message"}} or 422 lists."""
        detail = body.get("detail", body) if isinstance(body, Mapping) else body
        if isinstance(detail, Mapping):
            return str(detail.get("status", "")), str(detail.get("message", "") or detail)
        if isinstance(detail, list) and detail:
            # FastAPI-style validation errors: [{"loc": [...], "msg": "..."}].
            messages = [str(item.get("msg", item)) if isinstance(item, Mapping) else str(item) for item in detail]
            return "invalid_request", "; ".join(messages)[:300]
        text = answers.error_text(str(detail or "").strip())
        return "", text[:300] or "no details"

    def _endpoint(self) -> str:
        return self.base_url or "https://api.elevenlabs.io"
