"""A fake ElevenLabs API (text-to-speech and voice list) that answers like the real one."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np

from .http import FakeServer, Request, Response, speech_like, wav_bytes

#: The account's voices as `GET /v1/voices` lists them: two premade voices and a cloned one.
VOICES: list[dict[str, Any]] = [
    {
        "voice_id": "JBFqnCBsd6RMkjVDRZzb",
        "name": "George",
        "category": "premade",
        "labels": {"accent": "british", "description": "warm", "age": "middle aged", "gender": "male"},
        "verified_languages": [{"language": "en", "model_id": "eleven_multilingual_v2", "accent": "british"}],
    },
    {
        "voice_id": "EXAVITQu4vr4xnSDxMaL",
        "name": "Sarah",
        "category": "premade",
        "labels": {"accent": "american", "description": "soft", "age": "young", "gender": "female"},
        "verified_languages": [
            {"language": "en", "model_id": "eleven_multilingual_v2"},
            {"language": "fr", "model_id": "eleven_multilingual_v2"},
        ],
    },
    {
        "voice_id": "cl0nedV01ce0000000Ab",
        "name": "My clone",
        "category": "cloned",
        "labels": {},
    },
]

#: Characters each model accepts per request.
MODEL_LIMITS = {"eleven_multilingual_v2": 10_000, "eleven_v3": 5_000, "eleven_flash_v2_5": 40_000}

PCM_FORMAT = re.compile(r"^pcm_(\d+)$")
WAV_FORMAT = re.compile(r"^wav_(\d+)$")


def detail(status: int, code: str, message: str) -> Response:
    """ElevenLabs' error envelope."""
    return Response.json({"detail": {"status": code, "message": message}}, status)


def elevenlabs_server(api_key: str = "test-key", unknown_voice_status: int = 404) -> FakeServer:
    """A server accepting `api_key` in `xi-api-key`; start it with `serve()` from tests.fakes.http."""
    known = {voice["voice_id"] for voice in VOICES}

    def authorized(request: Request) -> Response | None:
        given = request.headers.get("xi-api-key", "")
        if given != api_key:
            return detail(401, "invalid_api_key", f"Invalid API key: {given}")
        return None

    def text_to_speech(request: Request) -> Response:
        if (refused := authorized(request)) is not None:
            return refused
        url = urlsplit(request.path)
        voice_id = url.path.removeprefix("/v1/text-to-speech/").strip("/")
        output_format = parse_qs(url.query).get("output_format", ["mp3_44100_128"])[0]
        if voice_id not in known:
            return detail(unknown_voice_status, "voice_not_found", f"A voice with voice_id '{voice_id}' was not found.")
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            return Response.json({"detail": [{"loc": ["body", "text"], "msg": "Field required"}]}, 422)
        text: str = body["text"]
        model_id = body.get("model_id", "eleven_multilingual_v2")
        if model_id not in MODEL_LIMITS:
            return detail(400, "model_not_found", f"A model with model ID {model_id} does not exist.")
        if len(text) > MODEL_LIMITS[model_id]:
            return detail(400, "max_character_limit_exceeded", f"Text must be at most {MODEL_LIMITS[model_id]}.")
        if "language_code" in body and model_id == "eleven_multilingual_v2":
            return detail(400, "unsupported_language", "Model 'eleven_multilingual_v2' does not support language_code.")
        if match := PCM_FORMAT.match(output_format):
            rate = int(match.group(1))
            pcm = (np.clip(speech_like(text, rate), -1, 1) * 32767).astype("<i2")
            return Response(200, pcm.tobytes(), {"Content-Type": "audio/pcm"})
        if match := WAV_FORMAT.match(output_format):
            rate = int(match.group(1))
            return Response(200, wav_bytes(speech_like(text, rate), rate), {"Content-Type": "audio/wav"})
        return Response.json({"detail": [{"loc": ["query", "output_format"], "msg": "not in this fake"}]}, 422)

    def voices(request: Request) -> Response:
        if (refused := authorized(request)) is not None:
            return refused
        return Response.json({"voices": VOICES})

    return FakeServer(routes={("POST", "/v1/text-to-speech/"): text_to_speech, ("GET", "/v1/voices"): voices})
