"""Google Cloud Text-to-Speech through the official client: Chirp 3 HD voices, lossless LINEAR16."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ConvaudioError, LanguageError, MissingCredentialsError
from ..voices.given_names import Kind
from ..voices.languages import base_language
from . import answers
from .base import EngineContext, VoiceInfo, retry_after_seconds
from .cloud import Answer, CloudEngine, CloudOptions, Failure, lost_answer

if TYPE_CHECKING:
    from google.api_core import exceptions as api_exceptions
    from google.cloud import texttospeech

#: US dollars per million characters by voice family (Google Cloud pricing page, beyond the free tier).
PRICES: dict[str, float] = {
    "Standard": 4.0,
    "WaveNet": 4.0,
    "Neural2": 16.0,
    "Polyglot": 16.0,
    "Journey": 30.0,
    "Studio": 160.0,
    "Chirp3-HD": 30.0,
    "Chirp-HD": 30.0,
}
#: Price assumed for families the table does not list (the middle of the table, not a quote).
DEFAULT_PRICE = 16.0

#: Chirp 3 HD identities exist in every Chirp 3 HD locale; alternating male and female keeps neighbours apart.
VOICE_POOL = ["Charon", "Kore", "Puck", "Aoede", "Fenrir", "Leda", "Orus", "Zephyr"]
#: The pool's voices as Google's voice list gives their `ssml_gender`.
VOICE_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("Charon", "Puck", "Fenrir", "Orus"), "male"),
    **dict.fromkeys(("Kore", "Aoede", "Leda", "Zephyr"), "female"),
}

#: Page language → the locale whose voices speak it; the `locales` option overrides any of them.
DEFAULT_LOCALES: dict[str, str] = {
    "ar": "ar-XA",
    "bn": "bn-IN",
    "cs": "cs-CZ",
    "da": "da-DK",
    "de": "de-DE",
    "el": "el-GR",
    "en": "en-US",
    "es": "es-ES",
    "fi": "fi-FI",
    "fr": "fr-FR",
    "he": "he-IL",
    "hi": "hi-IN",
    "hu": "hu-HU",
    "id": "id-ID",
    "it": "it-IT",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "nb": "nb-NO",
    "nl": "nl-NL",
    "no": "nb-NO",
    "pl": "pl-PL",
    "pt": "pt-BR",
    "ro": "ro-RO",
    "ru": "ru-RU",
    "sk": "sk-SK",
    "sv": "sv-SE",
    "th": "th-TH",
    "tr": "tr-TR",
    "uk": "uk-UA",
    "vi": "vi-VN",
    "zh": "cmn-CN",
    "zh-hans": "cmn-CN",
    "zh-hant": "cmn-TW",
    "zh-hant-hk": "yue-HK",
    "zh-hk": "yue-HK",
    "yue": "yue-HK",
}

_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
_FULL_NAME = re.compile(r"^([a-z]{2,3}-[A-Z]{2})-")
_LOCALE = re.compile(r"^([A-Za-z]{2,3})[-_]([A-Za-z]{2})$")
_IDENTITY = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
# The REST transport prefixes Google's message with the request line, which only adds noise for users.
#: A quota counted per day (its limit's name: "Requests per day", "CharactersPerDay", "per_day")
_DAILY = re.compile(r"\b[Pp]er[ _][Dd]ay\b|[a-z]PerDay\b")  # not inside a name (`projects/superday-prod`)
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE) \S+: ")
# Chirp 3 HD and Journey voices do not support pitch and fail requests that set it, so it is left out for
# them; Chirp HD voices come from the same generation and get the same treatment as a precaution.
_NO_PITCH = ("Chirp3", "Chirp-HD", "Journey")


def _about_the_voice(detail: str) -> bool:
    """Whether a 400's reason is about the voice (an unknown name, a language it lacks), not the text or a setting
    ("sentences that are too long" was blamed on the voice)."""
    reason = detail.lower()
    return "voice" in reason or "name" in reason or ("language" in reason and "sentence" not in reason)


def _locale_of(voice: str) -> str | None:
    match = _FULL_NAME.match(voice)
    return match.group(1) if match else None


def _retry_after(error: api_exceptions.GoogleAPICallError, clock: Callable[[], float]) -> float | None:
    """Seconds the server asked us to wait: the REST `Retry-After` header, else a `google.rpc.RetryInfo`."""
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is not None and (seconds := retry_after_seconds(headers, clock)) is not None:
        return seconds
    # gRPC errors carry RetryInfo as a message; REST errors carry it as JSON ({"retryDelay": "3s"}).
    for detail in error.details or ():
        delay = getattr(detail, "retry_delay", None)
        if delay is not None and hasattr(delay, "seconds"):
            return float(delay.seconds) + float(getattr(delay, "nanos", 0)) / 1e9
        if isinstance(detail, dict) and str(detail.get("@type", "")).endswith("google.rpc.RetryInfo"):
            try:
                return float(str(detail.get("retryDelay", "")).rstrip("s"))
            except ValueError:
                continue
    return None


def _normalize_locale(locale: str) -> str:
    match = _LOCALE.match(locale.strip())
    if not match:
        raise ConvaudioError(f"{locale!r} is not a locale like fr-FR or en-GB (in the google engine's `locales`)")
    return f"{match.group(1).lower()}-{match.group(2).upper()}"


@dataclass(frozen=True)
class GoogleOptions(CloudOptions):
    """`google:` in the plugin options."""

    endpoint: str | None = None
    locales: dict[str, str] = field(default_factory=dict)
    voice_family: str = "Chirp3-HD"
    speaking_rate: float | None = None
    pitch: float | None = None
    effects_profile_id: list[str] | str = field(default_factory=list)
    sample_rate_hertz: int = 24000

    def check(self, engine: str) -> None:
        super().check(engine)
        for key, low, high in (("speaking_rate", 0.25, 4.0), ("pitch", -20.0, 20.0)):
            value = getattr(self, key)
            if value is not None and not low <= value <= high:
                raise ConvaudioError(
                    f"the google engine's `{key}` option must be a number from {low:g} to {high:g}, not {value!r}"
                )
        if not all(isinstance(value, str) for value in self.locales.values()):
            raise ConvaudioError(
                f"the google engine's `locales` option must map languages to locales ({{fr: fr-CA}}), "
                f"not {self.locales!r}"
            )
        for locale in self.locales.values():
            _normalize_locale(locale)
        if not self.voice_family.strip():
            raise ConvaudioError("the google engine's `voice_family` option must be a non-empty string")
        if not 8000 <= self.sample_rate_hertz <= 48000:
            raise ConvaudioError(
                f"the google engine's `sample_rate_hertz` option must be 8000 to 48000, not {self.sample_rate_hertz!r}"
            )


class GoogleEngine(CloudEngine):
    """Google Cloud Text-to-Speech: voices are `<locale>-<family>-<identity>` (`fr-FR-Chirp3-HD-Charon`)."""

    name = "google"
    provider = "Google Text-to-Speech"
    packages = ("google.cloud.texttospeech", "google.auth", "google.api_core")
    Options = GoogleOptions
    options: GoogleOptions
    input_limit = 5000
    input_unit = "bytes"
    # The quota counts requests per minute, so a few in flight keep a build fast without tripping it.
    default_concurrency = 4
    prices = PRICES
    default_key_env = "GOOGLE_API_KEY"
    keys_page = "https://console.cloud.google.com/apis/credentials"

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        self.endpoint = (self.options.endpoint or "").strip() or None
        self.locales = {
            str(language).lower(): _normalize_locale(locale) for language, locale in self.options.locales.items()
        }
        self.voice_family = self.options.voice_family.strip()
        self.speaking_rate = self.options.speaking_rate
        self.pitch = self.options.pitch
        effects = self.options.effects_profile_id
        self.effects_profile_id: list[str] = [effects] if isinstance(effects, str) else list(effects)
        self.sample_rate_hertz = self.options.sample_rate_hertz

    # -- configuration -------------------------------------------------------------------------------

    def _locale(self, language: str) -> str:
        wanted = language.strip()
        if wanted.lower() in self.locales:
            return self.locales[wanted.lower()]
        if _LOCALE.match(wanted):
            return _normalize_locale(wanted)
        subtags = wanted.lower().split("-")  # BCP 47: zh-Hant-TW → zh-hant → zh
        for prefix in ("-".join(subtags[:end]) for end in range(len(subtags), 0, -1)):
            if prefix in DEFAULT_LOCALES:
                return DEFAULT_LOCALES[prefix]
        raise LanguageError(
            f"the google engine does not know which locale speaks {language!r}; add it to the plugin's "
            f"`google: {{locales: {{{language}: <locale>}}}}` option (see "
            f"`mkdocs-convaudio voices --engine google --lang {language}`)"
        )

    def credentials_help(self) -> str:
        return (
            "the google engine found no credentials; do one of:\n"
            f"  1. create an API key restricted to the Cloud Text-to-Speech API (Google Cloud console → "
            f"APIs & Services → Credentials) and export it as {self.api_key_env} (the `api_key_env` option "
            "names another variable);\n"
            "  2. run `gcloud auth application-default login` (Google Cloud CLI);\n"
            "  3. set GOOGLE_APPLICATION_CREDENTIALS to a service account key file.\n"
            "The project must have the Cloud Text-to-Speech API enabled."
        )

    def new_client(self) -> texttospeech.TextToSpeechClient:
        import google.auth
        import google.auth.exceptions
        from google.api_core.client_options import ClientOptions
        from google.cloud import texttospeech

        key = self.api_key()
        # An http(s):// URL means a REST endpoint (a proxy, the tests' fake server); a bare host keeps gRPC.
        rest = self.endpoint is not None and self.endpoint.startswith(("http://", "https://"))
        options = ClientOptions(api_endpoint=self.endpoint, api_key=key)
        if key:
            return texttospeech.TextToSpeechClient(transport="rest" if rest else None, client_options=options)
        try:
            credentials, _project = google.auth.default(scopes=_SCOPES)
        except google.auth.exceptions.DefaultCredentialsError:
            raise MissingCredentialsError(self.credentials_help()) from None
        return texttospeech.TextToSpeechClient(
            credentials=credentials, transport="rest" if rest else None, client_options=options
        )

    def close_client(self, client: Any) -> None:
        # the client's transport owns the HTTP session or gRPC channel (closing a channel ends its calls at once:
        # the base closes it once the answers on their way are in)
        client.transport.close()

    # -- the Engine interface ------------------------------------------------------------------------

    def voice_pool(self) -> list[str]:
        return list(VOICE_POOL)

    def voice_kinds(self) -> dict[str, Kind]:
        return dict(VOICE_KINDS)

    def resolve_voice(self, identity: str, language: str) -> str:
        identity = identity.strip()
        if _FULL_NAME.match(identity):
            return identity
        if not _IDENTITY.match(identity):
            raise ConvaudioError(
                f"{identity!r} is not a Google voice: use an identity such as Charon or a full name such as "
                "en-US-Neural2-D (see `mkdocs-convaudio voices --engine google`)"
            )
        return f"{self._locale(language)}-{self.voice_family}-{identity}"

    def request(self, client: texttospeech.TextToSpeechClient, text: str, voice: str, language: str) -> Answer:
        from google.cloud import texttospeech

        config: dict[str, Any] = {
            # LINEAR16 is lossless and arrives as a WAV file, so the build encodes to MP3 only once.
            "audio_encoding": texttospeech.AudioEncoding.LINEAR16,
            "sample_rate_hertz": self.sample_rate_hertz,
        }
        if self.speaking_rate is not None:
            config["speaking_rate"] = self.speaking_rate
        if self.pitch is not None and not any(family in voice for family in _NO_PITCH):
            config["pitch"] = self.pitch
        if self.effects_profile_id:
            config["effects_profile_id"] = list(self.effects_profile_id)
        response = client.synthesize_speech(
            input=texttospeech.SynthesisInput(text=text),
            voice=texttospeech.VoiceSelectionParams(
                language_code=_locale_of(voice) or self._locale(language), name=voice
            ),
            audio_config=texttospeech.AudioConfig(**config),
            # No client-side retries: the build owns retries, backoff and the concurrency budget.
            retry=None,
            timeout=self.request_timeout,
        )
        return Answer(response.audio_content, "file", content_type="audio/wav")

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        from google.cloud import texttospeech

        wanted = language.strip() if language else None
        if wanted and _LOCALE.match(wanted):
            wanted = _normalize_locale(wanted)
        client = self.client()
        response = self.call(
            lambda: client.list_voices(language_code=wanted or None, retry=None, timeout=self.timeout), None
        )
        voices: list[VoiceInfo] = []
        for voice in response.voices:
            gender = texttospeech.SsmlVoiceGender(voice.ssml_gender).name.lower()
            voices.append(
                VoiceInfo(
                    name=voice.name,
                    languages=tuple(voice.language_codes),
                    gender="" if "unspecified" in gender else gender,
                    description=f"${self.price_per_million(voice.name):g} per 1M characters",
                )
            )
        return sorted(voices, key=lambda info: info.name)

    def key_settings(self, voice: str) -> dict[str, Any]:
        settings = self.sound_settings()
        # the voice's name holds its family (a bare identity is resolved with it), and the request holds no family
        settings["voice_family"] = GoogleOptions.voice_family
        if any(family in voice for family in _NO_PITCH):  # not sent for them (see `request`)
            settings["pitch"] = None
        if settings["speaking_rate"] == 1.0:  # Google's own rate
            settings["speaking_rate"] = None
        return settings

    def key_language(self, language: str) -> str:
        # the request's language is the one the voice's name gives (a bare identity is resolved with the page's)
        return base_language(language)

    def speech_speed(self) -> float:
        return float(self.speaking_rate or 1.0)

    def sound_settings(self) -> dict[str, Any]:
        return {
            "voice_family": self.voice_family,
            "speaking_rate": self.speaking_rate,
            "pitch": self.pitch,
            "effects_profile_id": list(self.effects_profile_id),
            "sample_rate_hertz": self.sample_rate_hertz,
        }

    def price_per_million(self, voice: str) -> float:
        # A bare identity (`Charon`) is billed as the configured family.
        name = voice if _FULL_NAME.match(voice) else f"xx-XX-{self.voice_family}-{voice}"
        lowered = name.lower()
        for family in sorted(PRICES, key=len, reverse=True):
            if f"-{family.lower()}-" in lowered:
                return PRICES[family]
        return DEFAULT_PRICE

    def check_credentials(self) -> None:
        import google.auth
        import google.auth.exceptions

        # An API key needs no probing (the first request proves it); otherwise ask google-auth for ADC.
        if self.api_key():
            return
        try:
            google.auth.default(scopes=_SCOPES)
        except google.auth.exceptions.DefaultCredentialsError:
            raise MissingCredentialsError(self.credentials_help()) from None

    # -- errors --------------------------------------------------------------------------------------

    def describe_error(self, error: Exception, voice: str | None) -> Failure | None:
        """Say what a client exception means; the status decides whether to retry (one policy for all)."""
        import google.auth.exceptions
        import requests
        from google.api_core import exceptions as api_exceptions
        from google.protobuf import json_format  # type: ignore[import-untyped]

        what = f"voice {voice}" if voice else "the voice list request"
        if isinstance(error, json_format.ParseError):
            # a 200 whose body is not the API's JSON: a proxy's or gateway's page, or a body cut short
            return Failure(
                f"Google Text-to-Speech answered {what} with something that is not its JSON (a proxy or gateway "
                "page?); nothing was cached",
                transient=True,
                unusable=True,  # as another provider's unusable answer: sent once more at most, and counted
            )
        if not isinstance(
            error, api_exceptions.GoogleAPIError | google.auth.exceptions.GoogleAuthError | requests.RequestException
        ):
            return None
        if isinstance(error, api_exceptions.GoogleAPICallError):
            detail = answers.error_text(_REQUEST_LINE.sub("", error.message or "")) or type(error).__name__
            status = int(error.code) if error.code is not None else None
        else:
            detail, status = f"{type(error).__name__}: {error}", None
        if isinstance(error, api_exceptions.TooManyRequests) and _DAILY.search(detail):
            # a quota per day: no retry within the build can pass it (bug bash 136: 17 requests failed for nothing)
            return Failure(
                f"Google Text-to-Speech's daily quota is used up for {what} ({detail}); build again after it resets "
                "(midnight Pacific time), or raise it in the Google Cloud console (IAM & Admin → Quotas)",
                status=429,
                transient=False,
            )
        if isinstance(error, api_exceptions.TooManyRequests):  # ResourceExhausted is a subclass
            return Failure(
                f"Google Text-to-Speech quota exceeded for {what} ({detail})",
                status=429,
                retry_after=_retry_after(error, self.context.clock),
            )
        if isinstance(error, api_exceptions.Unauthorized | api_exceptions.Forbidden):
            return Failure(
                f"Google Text-to-Speech refused the credentials ({detail}); check the API key in "
                f"${self.api_key_env} or run `gcloud auth application-default login`, and make sure the "
                "project has the Cloud Text-to-Speech API enabled",
                status=status,
            )
        if isinstance(error, api_exceptions.BadRequest) and voice and _about_the_voice(detail):
            language = (_locale_of(voice) or "").split("-")[0]
            lang = f" --lang {language}" if language else ""
            return Failure(
                f"Google rejected voice {voice} ({detail}); check the name with "
                f"`mkdocs-convaudio voices --engine google{lang}`",
                status=400,
                voice_rejected=True,
            )
        if isinstance(error, api_exceptions.BadRequest):  # the text, the settings: Google's reason says which
            return Failure(f"Google Text-to-Speech refused the request for {what} ({detail})", status=400)
        if isinstance(error, api_exceptions.DeadlineExceeded):  # gRPC's timeout: reached, and may have billed
            return Failure(
                f"Google Text-to-Speech did not answer within {self.request_timeout:g} s for {what} ({detail})",
                status=status,
                timed_out=True,
            )
        if isinstance(error, api_exceptions.GoogleAPICallError):
            if status is not None and status >= 500:  # a Retry-After (maintenance) asks for a wait, as a 429's does
                wait = _retry_after(error, self.context.clock)
                return Failure(
                    f"Google Text-to-Speech is unavailable for {what} ({detail})", status=status, retry_after=wait
                )
            if status is None:  # gRPC `Unknown` and friends carry no HTTP status: a server-side problem
                return Failure(f"Google Text-to-Speech failed for {what} ({detail})", transient=True)
            return Failure(f"Google Text-to-Speech failed for {what} ({detail})", status=status)
        if isinstance(
            error,
            requests.exceptions.ConnectionError
            | requests.exceptions.Timeout
            | requests.exceptions.ChunkedEncodingError  # the connection dropped mid-answer
            | requests.exceptions.ContentDecodingError
            | google.auth.exceptions.TransportError,
        ):
            if isinstance(error, requests.exceptions.ReadTimeout):  # it was reached, and may have billed the line
                return Failure(
                    f"Google Text-to-Speech did not answer within {self.request_timeout:g} s for {what} ({detail})",
                    transient=True,
                    timed_out=True,
                )
            if lost_answer(error):
                return Failure(
                    f"the connection to Google Text-to-Speech was lost before its answer was complete, for {what} "
                    f"({detail})",
                    transient=True,
                    answer_lost=True,
                )
            return Failure(f"could not reach Google Text-to-Speech for {what} ({detail})", transient=True)
        if isinstance(error, google.auth.exceptions.DefaultCredentialsError):
            return Failure(self.credentials_help())
        if isinstance(error, google.auth.exceptions.RefreshError):
            return Failure(
                f"Google refused to refresh the credentials ({detail}); run "
                "`gcloud auth application-default login` again or check GOOGLE_APPLICATION_CREDENTIALS"
            )
        return Failure(f"Google Text-to-Speech failed for {what} ({detail})")
