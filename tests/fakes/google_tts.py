"""A fake Google Cloud Text-to-Speech REST API (v1) on loopback, for running the real client offline."""

from __future__ import annotations

import base64
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .http import FakeServer, Request, Response, Route, speech_like, wav_bytes

#: Locales the fake has voices for.
LOCALES = ("en-US", "en-GB", "fr-FR", "fr-CA")
#: Chirp 3 HD identities and their genders, as Google lists them.
CHIRP3_HD = {
    "Charon": "MALE",
    "Kore": "FEMALE",
    "Puck": "MALE",
    "Aoede": "FEMALE",
    "Fenrir": "MALE",
    "Leda": "FEMALE",
    "Orus": "MALE",
    "Zephyr": "FEMALE",
}
#: Letter-named voices of the older families; genders alternate so listings have both.
LETTERS = {"A": "MALE", "B": "MALE", "C": "FEMALE", "D": "MALE", "E": "FEMALE", "F": "FEMALE", "O": "FEMALE"}
MAX_INPUT_BYTES = 5000
#: What the real service answers when an API key is wrong (the status the tests map to credentials).
PERMISSION_DENIED = "Requests to this API are blocked or the API key is not valid."


def _voice_catalogue() -> dict[str, tuple[str, str]]:
    """Every voice name the fake accepts → (locale, SSML gender)."""
    voices: dict[str, tuple[str, str]] = {}
    for locale in LOCALES:
        for identity, gender in CHIRP3_HD.items():
            voices[f"{locale}-Chirp3-HD-{identity}"] = (locale, gender)
        for letter in "ABCDEF":
            voices[f"{locale}-Neural2-{letter}"] = (locale, LETTERS[letter])
        for letter in "ABCD":
            voices[f"{locale}-Standard-{letter}"] = (locale, LETTERS[letter])
    # Journey voices only ever existed for a few locales; en-US is the one the tests need.
    for letter in "DFO":
        voices[f"en-US-Journey-{letter}"] = ("en-US", LETTERS[letter])
    return voices


VOICES = _voice_catalogue()


def google_error(code: int, status: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error in the shape Google's JSON APIs answer with (`google.rpc.Status` mapped to JSON)."""
    return Response.json({"error": {"code": code, "message": message, "status": status}}, code, headers)


def _api_key(request: Request) -> str | None:
    # google-auth's API key credentials send the `x-goog-api-key` header; the `key` query parameter is
    # the other form Google accepts (curl examples use it), so the fake honours both.
    if "x-goog-api-key" in request.headers:
        return request.headers["x-goog-api-key"]
    keys = parse_qs(urlsplit(request.path).query).get("key")
    return keys[0] if keys else None


def _field(data: dict[str, Any], camel: str, snake: str, default: Any = None) -> Any:
    # The REST transport sends proto3 JSON (camelCase) but accepting snake_case too costs nothing.
    return data.get(camel, data.get(snake, default))


def _synthesize(request: Request) -> Response:
    body = request.json() or {}
    text = str(_field(body.get("input") or {}, "text", "text", ""))
    voice = body.get("voice") or {}
    name = str(_field(voice, "name", "name", ""))
    language = str(_field(voice, "languageCode", "language_code", ""))
    config = _field(body, "audioConfig", "audio_config", {}) or {}
    encoding = _field(config, "audioEncoding", "audio_encoding")
    rate = int(_field(config, "sampleRateHertz", "sample_rate_hertz", 0) or 24000)
    if not text:
        return google_error(400, "INVALID_ARGUMENT", "Either `input.text` or `input.ssml` needs to be set.")
    if len(text.encode("utf-8")) > MAX_INPUT_BYTES:
        return google_error(
            400,
            "INVALID_ARGUMENT",
            f"Either `input.text` or `input.ssml` is longer than the limit of {MAX_INPUT_BYTES} bytes.",
        )
    if name not in VOICES:
        return google_error(400, "INVALID_ARGUMENT", f"Voice '{name}' does not exist. Is it misspelled?")
    if language and language.lower() != VOICES[name][0].lower():
        return google_error(
            400,
            "INVALID_ARGUMENT",
            f"Requested language code '{language}' doesn't match the voice '{name}'s language code.",
        )
    # The client sends enum names ("LINEAR16"); proto3 JSON also allows the number, so accept 1 too.
    if encoding not in (1, "LINEAR16"):
        return google_error(400, "INVALID_ARGUMENT", f"the fake only speaks LINEAR16, not {encoding!r}")
    audio = wav_bytes(speech_like(text, rate), rate)
    return Response.json({"audioContent": base64.b64encode(audio).decode("ascii")})


def _list_voices(request: Request) -> Response:
    wanted = (parse_qs(urlsplit(request.path).query).get("languageCode") or [""])[0].lower()
    voices = [
        {"languageCodes": [locale], "name": name, "ssmlGender": gender, "naturalSampleRateHertz": 24000}
        for name, (locale, gender) in VOICES.items()
        # Like Google, a bare language (`fr`) matches every locale of it (`fr-FR`, `fr-CA`).
        if not wanted or locale.lower() == wanted or re.match(re.escape(wanted) + "-", locale.lower())
    ]
    return Response.json({"voices": voices})


def google_server(api_key: str | None = "test-key") -> FakeServer:
    """A fake Text-to-Speech API; with `api_key`, requests must carry it or get 403 PERMISSION_DENIED."""

    def authorized(route: Route) -> Route:
        def check(request: Request) -> Response:
            if api_key is not None and _api_key(request) != api_key:
                return google_error(403, "PERMISSION_DENIED", PERMISSION_DENIED)
            return route(request)

        return check

    return FakeServer(
        routes={
            ("POST", "/v1/text:synthesize"): authorized(_synthesize),
            ("GET", "/v1/voices"): authorized(_list_voices),
        }
    )


def quota_exceeded(retry_after: float | None = None) -> Response:
    """A scripted 429 RESOURCE_EXHAUSTED, with a `Retry-After` header when `retry_after` is given."""
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
    return google_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Requests'.", headers)


def unavailable() -> Response:
    """A scripted 503 UNAVAILABLE, as Google answers when a backend is overloaded."""
    return google_error(503, "UNAVAILABLE", "The service is currently unavailable.")
