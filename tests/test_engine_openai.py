"""The OpenAI engine, driving the real `openai` SDK against a local fake of the speech API."""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
import pytest

from mkdocs_convaudio.audio.types import Audio
from mkdocs_convaudio.engines.openai import OpenAIEngine
from mkdocs_convaudio.errors import ConvaudioError, EngineError
from tests.fakes.http import FakeServer, Request, Response, close_while_answering, serve
from tests.fakes.openai_tts import error, openai_server

KEY = "test-key"
TEXT = "Hello there, this is a short line."


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key the fake accepts, and none of the developer's OpenAI settings."""
    for name in ("OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "OPENAI_ADMIN_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with serve(openai_server(api_key=KEY)) as running:
        yield running


def make_engine(server: FakeServer, **options: object) -> OpenAIEngine:
    return OpenAIEngine({"base_url": f"{server.url}/v1", "timeout": 5, **options}, os.environ)


def speech_requests(server: FakeServer) -> list[Request]:
    return server.requests_to("/v1/audio/speech")


def failing_synthesis(engine: OpenAIEngine, voice: str = "nova") -> EngineError:
    with pytest.raises(EngineError) as caught:
        engine.synthesize(TEXT, voice, "en")
    return caught.value


def test_synthesize_decodes_24_khz_pcm_and_sends_model_voice_format(server: FakeServer) -> None:
    audio = make_engine(server).synthesize(TEXT, "onyx", "en")

    assert audio.rate == 24000
    assert audio.duration == pytest.approx(len(TEXT) * 0.05, abs=0.01)
    assert 0.05 < float(abs(audio.samples).max()) <= 1.0
    (request,) = speech_requests(server)
    body = request.json()
    assert body["model"] == "tts-1"
    assert body["voice"] == "onyx"
    assert body["input"] == TEXT
    assert body["response_format"] == "pcm"
    assert "instructions" not in body and "speed" not in body
    assert request.headers["authorization"] == f"Bearer {KEY}"


def test_gpt_4o_mini_tts_sends_instructions_and_speed(server: FakeServer) -> None:
    engine = make_engine(server, model="gpt-4o-mini-tts", instructions="Sound curious and warm.", speed=1.25)

    audio = engine.synthesize(TEXT, "coral", "fr")

    body = speech_requests(server)[0].json()
    assert body["model"] == "gpt-4o-mini-tts"
    assert body["instructions"] == "Sound curious and warm."
    assert body["speed"] == 1.25
    assert audio.duration == pytest.approx(len(TEXT) * 0.05 / 1.25, abs=0.01)
    assert engine.sound_settings() == {
        "model": "gpt-4o-mini-tts",
        "instructions": "Sound curious and warm.",
        "speed": 1.25,
    }


def test_instructions_need_gpt_4o_mini_tts() -> None:
    with pytest.raises(ConvaudioError, match="gpt-4o-mini-tts"):
        OpenAIEngine({"model": "tts-1", "instructions": "Whisper."}, os.environ)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"modle": "tts-1"}, "unknown option"),
        ({"model": "tts-2"}, "no model 'tts-2'"),
        ({"speed": 9}, "between 0.25 and 4.0"),
    ],
)
def test_bad_options_fail_at_construction(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConvaudioError, match=message):
        OpenAIEngine(options, os.environ)


def test_unknown_voice_is_permanent_with_a_fix(server: FakeServer) -> None:
    error = failing_synthesis(make_engine(server), voice="robot")

    assert not error.transient and error.status == 400
    assert "'robot'" in str(error)
    assert "mkdocs-convaudio voices --engine openai" in str(error)


def test_a_used_up_quota_is_permanent_not_a_rate_limit(server: FakeServer) -> None:
    """OpenAI answers an account out of credit with a 429, like a rate limit: retried, every line in flight failed
    five times for nothing (bug bash 136)."""
    server.failures.append(
        error(429, "You exceeded your current quota, please check your plan.", None, "insufficient_quota")
    )
    failed = failing_synthesis(make_engine(server))
    assert not failed.transient and failed.status == 429
    assert "quota is used up" in str(failed) and "billing" in str(failed)
    server.failures.append(error(429, "Rate limit reached for requests", None, "rate_limit_exceeded"))
    assert failing_synthesis(make_engine(server)).transient  # a rate limit is still waited out


def test_closing_the_engine_keeps_the_answers_already_on_their_way(server: FakeServer) -> None:
    """A second Ctrl-C (or SIGTERM after the first) closes the engine while its requests are in flight: closing
    the client under them threw away answers OpenAI had billed (bug bash 136). The last answer closes it."""
    engine = make_engine(server)
    outcome = close_while_answering(server, lambda: engine.synthesize(TEXT, "nova", "en"), engine.close)
    [answer] = outcome
    assert isinstance(answer, Audio) and answer.duration > 0.5, answer
    assert engine._client is None and not engine._in_flight and not engine._closing  # closed after it


def test_bad_key_is_permanent_and_never_shown(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "sk-wrong-but-secret-1234567890"
    monkeypatch.setenv("OPENAI_API_KEY", wrong)

    error = failing_synthesis(make_engine(server))

    assert not error.transient and error.status == 401
    assert wrong not in str(error)
    assert "OPENAI_API_KEY" in str(error)


def test_voices_are_language_free_and_checked() -> None:
    engine = OpenAIEngine({}, os.environ)

    assert engine.resolve_voice("nova", "de") == "nova"
    assert set(engine.voice_pool()) <= {voice.name for voice in engine.list_voices()}
    with pytest.raises(ConvaudioError, match="did you mean 'nova'"):
        engine.resolve_voice("Nova", "en")
    with pytest.raises(ConvaudioError, match="no voice 'robot'"):
        engine.resolve_voice("robot", "en")


def test_prices_and_settings_hold_no_secrets() -> None:
    assert OpenAIEngine({}, os.environ).price_per_million("nova") == 15
    assert OpenAIEngine({"model": "tts-1-hd"}, os.environ).price_per_million("nova") == 30
    assert OpenAIEngine({"model": "gpt-4o-mini-tts"}, os.environ).price_per_million("nova") == 12
    settings = OpenAIEngine({"base_url": "http://example.invalid/v1"}, os.environ).sound_settings()
    assert settings == {"model": "tts-1", "instructions": None, "speed": 1.0}


def answering_seconds(server: FakeServer, seconds: float) -> None:
    """Every speech request answered with `seconds` of tone as 24 kHz PCM, whatever its text."""

    def long(request: Request) -> Response:
        rate = 24000
        samples = 0.3 * np.sin(2 * np.pi * 200 * np.arange(int(seconds * rate)) / rate)
        return Response(200, (samples * 32767).astype("<i2").tobytes(), {"Content-Type": "audio/pcm"})

    server.routes[("POST", "/v1/audio/speech")] = long


LINE_53 = "This line has fifty-three characters, give or take a."


def test_an_answer_far_longer_than_its_line_is_refused_and_not_cached(server: FakeServer) -> None:
    """53 seconds of audio for a 53-character line (3.5 s at 15 characters a second) was taken and cached for good.
    Now it is a bad answer, retried like the others; past 10× the expected length plus 5 s."""
    assert len(LINE_53) == 53
    answering_seconds(server, 53.0)
    engine = make_engine(server)
    with pytest.raises(EngineError) as caught:
        engine.synthesize(LINE_53, "nova", "en")
    error = caught.value
    assert error.transient and "53.0 s of audio" in error.message and "53 characters" in error.message, error.message
    assert "OpenAI" in error.message and "nothing was cached" in error.message
    answering_seconds(server, 39.0)  # 10 × 3.5 s + 5 s: slow, but not refused
    assert engine.synthesize(LINE_53, "nova", "en").duration == pytest.approx(39.0)


def test_a_slow_configured_speed_is_never_refused_as_too_long(server: FakeServer) -> None:
    """At `speed: 0.25` a line takes 4× as long: 53 s for 53 characters is slow speech, not a bad answer."""
    answering_seconds(server, 53.0)
    assert make_engine(server, speed=0.25).synthesize(LINE_53, "nova", "en").duration == pytest.approx(53.0)


def test_a_fast_configured_speed_the_provider_ignores_is_not_refused_as_too_long(server: FakeServer) -> None:
    """At `speed: 4` a provider may still answer at the voice's own pace (some models and voices ignore it): 39 s
    for 53 characters is what the check takes at speed 1, and was refused (the limit was reckoned 4× faster, 13.8 s)
    and paid for again at every try. A runaway answer is still refused."""
    answering_seconds(server, 39.0)
    engine = make_engine(server, speed=4.0)
    assert engine.synthesize(LINE_53, "nova", "en").duration == pytest.approx(39.0)
    answering_seconds(server, 53.0)
    with pytest.raises(EngineError, match=r"53\.0 s of audio"):
        engine.synthesize(LINE_53, "nova", "en")
