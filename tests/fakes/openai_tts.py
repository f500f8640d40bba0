"""A fake OpenAI speech API (`POST /v1/audio/speech`) that answers like the real one, for the OpenAI engine."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import soundfile

from .http import FakeServer, Request, Response, speech_like, wav_bytes

VOICES = {
    "alloy",
    "ash",
    "ballad",
    "cedar",
    "coral",
    "echo",
    "fable",
    "marin",
    "nova",
    "onyx",
    "sage",
    "shimmer",
    "verse",
}
MODELS = {"tts-1", "tts-1-hd", "gpt-4o-mini-tts"}
INPUT_LIMIT = 4096
RATE = 24_000


def error(status: int, message: str, param: str | None, code: str | None) -> Response:
    """OpenAI's error envelope."""
    return Response.json(
        {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}, status
    )


def encode(samples: np.ndarray[Any, Any], response_format: str) -> tuple[bytes, str] | None:
    """Audio in one of the lossless formats the engine may ask for, with its content type."""
    if response_format == "pcm":
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
        return pcm.tobytes(), "audio/pcm"
    if response_format == "wav":
        return wav_bytes(samples, RATE), "audio/wav"
    if response_format == "flac":
        buffer = io.BytesIO()
        soundfile.write(buffer, samples, RATE, format="FLAC", subtype="PCM_16")
        return buffer.getvalue(), "audio/flac"
    return None


def openai_server(api_key: str = "test-key") -> FakeServer:
    """A server accepting `api_key` as its bearer token; start it with `serve()` from tests.fakes.http."""

    def speech(request: Request) -> Response:
        given = request.headers.get("authorization", "").removeprefix("Bearer ")
        if given != api_key:
            # The real API masks most of the key; echoing it whole proves the engine scrubs it.
            return error(401, f"Incorrect API key provided: {given}.", None, "invalid_api_key")
        body = request.json()
        if not isinstance(body, dict):
            return error(400, "We could not parse the JSON body of your request.", None, None)
        model, voice, text = body.get("model"), body.get("voice"), body.get("input", "")
        if model not in MODELS:
            return error(400, f"Invalid value: '{model}'. Supported values are: {sorted(MODELS)}.", "model", None)
        if voice not in VOICES:
            supported = ", ".join(f"'{name}'" for name in sorted(VOICES))
            return error(400, f"Invalid value: '{voice}'. Supported values are: {supported}.", "voice", "invalid_value")
        if not isinstance(text, str) or not text:
            return error(400, "Input must be a non-empty string.", "input", None)
        if len(text) > INPUT_LIMIT:
            return error(
                400,
                f"[{{'type': 'string_too_long', 'loc': ('body', 'input'), 'msg': 'String should have at most "
                f"{INPUT_LIMIT} characters'}}]",
                "input",
                "string_above_max_length",
            )
        if "instructions" in body and not str(model).startswith("gpt-4o-mini-tts"):
            return error(400, f"instructions are not supported with model {model}.", "instructions", None)
        speed = float(body.get("speed", 1.0))
        encoded = encode(speech_like(text, RATE, 0.05 / speed), str(body.get("response_format", "mp3")))
        if encoded is None:
            return error(400, "This fake only speaks pcm, wav and flac.", "response_format", None)
        data, content_type = encoded
        return Response(200, data, {"Content-Type": content_type})

    return FakeServer(routes={("POST", "/v1/audio/speech"): speech})
