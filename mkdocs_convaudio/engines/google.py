"""Google Cloud Text-to-Speech through the official client: Chirp 3 HD voices, lossless LINEAR16."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

import google.auth
import google.auth.exceptions
import requests
from google.api_core import exceptions as api_exceptions
from google.api_core.client_options import ClientOptions
from google.cloud import texttospeech

from ..audio.types import Audio
from ..errors import ConvaudioError, EngineError, LanguageError, MissingCredentialsError
from .base import Engine, VoiceInfo, retry_after_seconds

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

OPTIONS = {
    "api_key_env",
    "endpoint",
    "locales",
    "voice_family",
    "speaking_rate",
    "pitch",
    "effects_profile_id",
    "sample_rate_hertz",
    "timeout",
}
_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
_FULL_NAME = re.compile(r"^([a-z]{2,3}-[A-Z]{2})-")
_LOCALE = re.compile(r"^([A-Za-z]{2,3})[-_]([A-Za-z]{2})$")
_IDENTITY = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
# The REST transport prefixes Google's message with the request line, which only adds noise for users.
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE) \S+: ")
# Chirp 3 HD and Journey voices do not support pitch and fail requests that set it, so it is left out for
# them; Chirp HD voices come from the same generation and get the same treatment as a precaution.
_NO_PITCH = ("Chirp3", "Chirp-HD", "Journey")


def _locale_of(voice: str) -> str | None:
    match = _FULL_NAME.match(voice)
    return match.group(1) if match else None


def _number(options: Mapping[str, Any], key: str, low: float, high: float) -> float | None:
    value = options.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConvaudioError(
            f"the google engine's `{key}` option must be a number from {low:g} to {high:g}, not {value!r}"
        )
    return float(value)


def _text(options: Mapping[str, Any], key: str, default: str | None) -> str | None:
    value = options.get(key, default)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConvaudioError(f"the google engine's `{key}` option must be a non-empty string, not {value!r}")
    return value.strip() if value is not None else None


def _retry_after(error: api_exceptions.GoogleAPICallError) -> float | None:
    """Seconds the server asked us to wait: the REST `Retry-After` header, else a `google.rpc.RetryInfo`."""
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is not None and (seconds := retry_after_seconds(headers)) is not None:
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


class GoogleEngine(Engine):
    """Google Cloud Text-to-Speech: voices are `<locale>-<family>-<identity>` (`fr-FR-Chirp3-HD-Charon`)."""

    name = "google"
    input_limit = 5000
    input_unit = "bytes"
    is_cloud = True
    # The quota counts requests per minute, so a few in flight keep a build fast without tripping it.
    default_concurrency = 4
    secret_env = ("GOOGLE_API_KEY",)

    def __init__(self, options: Mapping[str, Any], environ: Mapping[str, str]) -> None:
        super().__init__(options, environ)
        self.unknown_option_check(OPTIONS)
        self.api_key_env = _text(self.options, "api_key_env", "GOOGLE_API_KEY") or "GOOGLE_API_KEY"
        self.endpoint = _text(self.options, "endpoint", None)
        locales = self.options.get("locales") or {}
        if not isinstance(locales, Mapping) or not all(isinstance(v, str) for v in locales.values()):
            raise ConvaudioError(
                f"the google engine's `locales` option must map languages to locales ({{fr: fr-CA}}), not {locales!r}"
            )
        self.locales = {str(language).lower(): self._normalize_locale(locale) for language, locale in locales.items()}
        self.voice_family = _text(self.options, "voice_family", "Chirp3-HD") or "Chirp3-HD"
        self.speaking_rate = _number(self.options, "speaking_rate", 0.25, 4.0)
        self.pitch = _number(self.options, "pitch", -20.0, 20.0)
        effects = self.options.get("effects_profile_id") or []
        if isinstance(effects, str):
            effects = [effects]
        if not isinstance(effects, list) or not all(isinstance(item, str) for item in effects):
            raise ConvaudioError(
                "the google engine's `effects_profile_id` option must be a list of profile ids "
                f"(e.g. [headphone-class-device]), not {effects!r}"
            )
        self.effects_profile_id: list[str] = effects
        rate = self.options.get("sample_rate_hertz", 24000)
        if isinstance(rate, bool) or not isinstance(rate, int) or not 8000 <= rate <= 48000:
            raise ConvaudioError(f"the google engine's `sample_rate_hertz` option must be 8000 to 48000, not {rate!r}")
        self.sample_rate_hertz = rate
        self.timeout = _number(self.options, "timeout", 0.001, 3600.0) or 60.0
        self._client: texttospeech.TextToSpeechClient | None = None
        self._client_lock = threading.Lock()

    # -- configuration -------------------------------------------------------------------------------

    def _api_key(self) -> str | None:
        return self.environ.get(self.api_key_env) or None

    def secrets(self) -> list[str]:
        # The key may live in a variable named by `api_key_env`, which the class-level tuple cannot know.
        values = [value for key in (*self.secret_env, self.api_key_env) if (value := self.environ.get(key))]
        return list(dict.fromkeys(values))

    def _scrub(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    @staticmethod
    def _normalize_locale(locale: str) -> str:
        match = _LOCALE.match(locale.strip())
        if not match:
            raise ConvaudioError(f"{locale!r} is not a locale like fr-FR or en-GB (in the google engine's `locales`)")
        return f"{match.group(1).lower()}-{match.group(2).upper()}"

    def _locale(self, language: str) -> str:
        wanted = language.strip()
        if wanted.lower() in self.locales:
            return self.locales[wanted.lower()]
        if _LOCALE.match(wanted):
            return self._normalize_locale(wanted)
        subtags = wanted.lower().split("-")  # BCP 47: zh-Hant-TW → zh-hant → zh
        for prefix in ("-".join(subtags[:end]) for end in range(len(subtags), 0, -1)):
            if prefix in DEFAULT_LOCALES:
                return DEFAULT_LOCALES[prefix]
        raise LanguageError(
            f"the google engine does not know which locale speaks {language!r}; add it to the plugin's "
            f"`google: {{locales: {{{language}: <locale>}}}}` option (see "
            f"`mkdocs-convaudio voices --engine google --lang {language}`)"
        )

    def _credentials_help(self) -> str:
        return (
            "the google engine found no credentials; do one of:\n"
            f"  1. create an API key restricted to the Cloud Text-to-Speech API (Google Cloud console → "
            f"APIs & Services → Credentials) and export it as {self.api_key_env} (the `api_key_env` option "
            "names another variable);\n"
            "  2. run `gcloud auth application-default login` (Google Cloud CLI);\n"
            "  3. set GOOGLE_APPLICATION_CREDENTIALS to a service account key file.\n"
            "The project must have the Cloud Text-to-Speech API enabled."
        )

    def _new_client(self) -> texttospeech.TextToSpeechClient:
        key = self._api_key()
        # An http(s):// URL means a REST endpoint (a proxy, the tests' fake server); a bare host keeps gRPC.
        rest = self.endpoint is not None and self.endpoint.startswith(("http://", "https://"))
        options = ClientOptions(api_endpoint=self.endpoint, api_key=key)
        if key:
            return texttospeech.TextToSpeechClient(transport="rest" if rest else None, client_options=options)
        try:
            credentials, _project = google.auth.default(scopes=_SCOPES)
        except google.auth.exceptions.DefaultCredentialsError:
            raise MissingCredentialsError(self._credentials_help()) from None
        return texttospeech.TextToSpeechClient(
            credentials=credentials, transport="rest" if rest else None, client_options=options
        )

    def client(self) -> texttospeech.TextToSpeechClient:
        """The engine's one client, created on first use; it is safe to share across threads."""
        with self._client_lock:
            if self._client is None:
                self._client = self._new_client()
            return self._client

    # -- the Engine interface ------------------------------------------------------------------------

    def voice_pool(self) -> list[str]:
        return list(VOICE_POOL)

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

    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        config: dict[str, Any] = {
            # LINEAR16 is lossless and arrives as a WAV file, so the renderer encodes to MP3 only once.
            "audio_encoding": texttospeech.AudioEncoding.LINEAR16,
            "sample_rate_hertz": self.sample_rate_hertz,
        }
        if self.speaking_rate is not None:
            config["speaking_rate"] = self.speaking_rate
        if self.pitch is not None and not any(family in voice for family in _NO_PITCH):
            config["pitch"] = self.pitch
        if self.effects_profile_id:
            config["effects_profile_id"] = list(self.effects_profile_id)
        try:
            response = self.client().synthesize_speech(
                input=texttospeech.SynthesisInput(text=text),
                voice=texttospeech.VoiceSelectionParams(
                    language_code=_locale_of(voice) or self._locale(language), name=voice
                ),
                audio_config=texttospeech.AudioConfig(**config),
                # No client-side retries: the renderer owns retries, backoff and the concurrency budget.
                retry=None,
                timeout=self.timeout,
            )
        except (
            api_exceptions.GoogleAPIError,
            google.auth.exceptions.GoogleAuthError,
            requests.exceptions.RequestException,
        ) as error:
            raise self._engine_error(error, voice) from None
        return Audio.from_bytes(response.audio_content, what=f"audio from Google for {voice}")

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        wanted = language.strip() if language else None
        if wanted and _LOCALE.match(wanted):
            wanted = self._normalize_locale(wanted)
        try:
            response = self.client().list_voices(language_code=wanted or None, retry=None, timeout=self.timeout)
        except (
            api_exceptions.GoogleAPIError,
            google.auth.exceptions.GoogleAuthError,
            requests.exceptions.RequestException,
        ) as error:
            raise self._engine_error(error, None) from None
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
        # An API key needs no probing (the first request proves it); otherwise ask google-auth for ADC.
        if self._api_key():
            return
        try:
            google.auth.default(scopes=_SCOPES)
        except google.auth.exceptions.DefaultCredentialsError:
            raise MissingCredentialsError(self._credentials_help()) from None

    # -- errors --------------------------------------------------------------------------------------

    def _engine_error(self, error: Exception, voice: str | None) -> EngineError:
        """Translate a client exception into an `EngineError` the renderer can act on, without secrets."""
        if isinstance(error, api_exceptions.GoogleAPICallError):
            detail = self._scrub(_REQUEST_LINE.sub("", error.message or "") or type(error).__name__)
        else:
            detail = self._scrub(f"{type(error).__name__}: {error}")
        what = f"voice {voice}" if voice else "the voice list request"
        if isinstance(error, api_exceptions.TooManyRequests):  # ResourceExhausted is a subclass
            return EngineError(
                f"Google Text-to-Speech quota exceeded for {what} ({detail})",
                transient=True,
                retry_after=_retry_after(error),
                status=429,
            )
        if isinstance(
            error,
            api_exceptions.InternalServerError
            | api_exceptions.BadGateway
            | api_exceptions.ServiceUnavailable
            | api_exceptions.GatewayTimeout  # DeadlineExceeded is a subclass
            | api_exceptions.Unknown,
        ):
            return EngineError(
                f"Google Text-to-Speech is unavailable for {what} ({detail})",
                transient=True,
                status=int(error.code) if error.code is not None else None,
            )
        if isinstance(error, api_exceptions.Unauthorized | api_exceptions.Forbidden):
            return EngineError(
                f"Google Text-to-Speech refused the credentials ({detail}); check the API key in "
                f"${self.api_key_env} or run `gcloud auth application-default login`, and make sure the "
                "project has the Cloud Text-to-Speech API enabled",
                status=int(error.code) if error.code is not None else None,
            )
        if isinstance(error, api_exceptions.BadRequest) and voice:  # InvalidArgument and friends
            language = (_locale_of(voice) or "").split("-")[0]
            lang = f" --lang {language}" if language else ""
            return EngineError(
                f"Google rejected voice {voice} ({detail}); check the name with "
                f"`mkdocs-convaudio voices --engine google{lang}`",
                status=400,
            )
        if isinstance(error, api_exceptions.GoogleAPICallError):
            code = int(error.code) if error.code is not None else None
            return EngineError(
                f"Google Text-to-Speech failed for {what} ({detail})",
                transient=code is not None and code >= 500,
                status=code,
            )
        if isinstance(
            error,
            requests.exceptions.ConnectionError | requests.exceptions.Timeout | google.auth.exceptions.TransportError,
        ):
            return EngineError(f"could not reach Google Text-to-Speech for {what} ({detail})", transient=True)
        if isinstance(error, google.auth.exceptions.DefaultCredentialsError):
            return EngineError(self._credentials_help())
        if isinstance(error, google.auth.exceptions.RefreshError):
            return EngineError(
                f"Google refused to refresh the credentials ({detail}); run "
                "`gcloud auth application-default login` again or check GOOGLE_APPLICATION_CREDENTIALS"
            )
        return EngineError(f"Google Text-to-Speech failed for {what} ({detail})")
