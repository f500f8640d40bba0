"""The ElevenLabs engine, driving the real `elevenlabs` SDK against a local fake of its API."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from mkdocs_convaudio.engines.elevenlabs import ElevenLabsEngine
from mkdocs_convaudio.errors import ConvaudioError, EngineError
from tests.fakes.elevenlabs_tts import elevenlabs_server
from tests.fakes.http import FakeServer, Response, serve

KEY = "test-key"
TEXT = "Hello there, this is a short line."
GEORGE = "JBFqnCBsd6RMkjVDRZzb"
SARAH = "EXAVITQu4vr4xnSDxMaL"
CLONE = "cl0nedV01ce0000000Ab"
TTS = "/v1/text-to-speech/"


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", KEY)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with serve(elevenlabs_server(api_key=KEY)) as running:
        yield running


def make_engine(server: FakeServer, **options: object) -> ElevenLabsEngine:
    return ElevenLabsEngine({"base_url": server.url, "timeout": 5, **options}, os.environ)


def failing_synthesis(engine: ElevenLabsEngine, voice: str = GEORGE) -> EngineError:
    with pytest.raises(EngineError) as caught:
        engine.synthesize(TEXT, voice, "en")
    return caught.value


def test_synthesize_decodes_24_khz_pcm_and_sends_model_voice_format(server: FakeServer) -> None:
    audio = make_engine(server).synthesize(TEXT, GEORGE, "en")

    assert audio.rate == 24000
    assert audio.duration == pytest.approx(len(TEXT) * 0.05, abs=0.01)
    assert 0.05 < float(abs(audio.samples).max()) <= 1.0
    (request,) = server.requests_to(TTS)
    url = urlsplit(request.path)
    assert url.path == f"{TTS}{GEORGE}"
    assert parse_qs(url.query)["output_format"] == ["pcm_24000"]
    assert request.headers["xi-api-key"] == KEY
    body = request.json()
    assert body["text"] == TEXT
    assert body["model_id"] == "eleven_multilingual_v2"
    # Multilingual v2 detects the language itself and refuses `language_code`.
    assert "language_code" not in body and "seed" not in body and "voice_settings" not in body


def test_voice_settings_seed_and_language_code_are_sent(server: FakeServer) -> None:
    settings = {"stability": 0.4, "similarity_boost": 0.8, "style": 0.1, "use_speaker_boost": True}
    engine = make_engine(server, model_id="eleven_flash_v2_5", voice_settings=settings, seed=42)

    engine.synthesize(TEXT, SARAH, "fr-FR")

    body = server.requests_to(TTS)[0].json()
    assert body["model_id"] == "eleven_flash_v2_5"
    assert body["voice_settings"] == settings
    assert body["seed"] == 42
    assert body["language_code"] == "fr"
    assert engine.sound_settings() == {"model_id": "eleven_flash_v2_5", "voice_settings": settings, "seed": 42}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": "eleven_multilingual_v2"}, "unknown option"),
        ({"voice_settings": {"stabilty": 0.5}}, "unknown elevenlabs voice_settings: stabilty"),
        ({"seed": -1}, "seed"),
        ({"voice_settings": {"stability": "high"}}, r"\{stability: ...\}` must be a number, not 'high'"),
        ({"voice_settings": {"use_speaker_boost": 1}}, "use_speaker_boost: ...}` must be true or false"),
        ({"voice_settings": {"speed": True}}, "speed: ...}` must be a number"),
    ],
)
def test_bad_options_fail_at_construction(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConvaudioError, match=message):
        ElevenLabsEngine(options, os.environ)


@pytest.mark.parametrize("status", [400, 404])
def test_unknown_voice_is_permanent_with_a_fix(status: int) -> None:
    with serve(elevenlabs_server(api_key=KEY, unknown_voice_status=status)) as server:
        error = failing_synthesis(make_engine(server), voice="AAAAAAAAAAAAAAAAAAAA")

    assert not error.transient and error.status == status
    assert "voice_not_found" in str(error)
    assert "mkdocs-convaudio voices --engine elevenlabs" in str(error)


def test_bad_key_is_permanent_and_never_shown(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "sk_wrong_but_secret_1234567890"
    monkeypatch.setenv("ELEVENLABS_API_KEY", wrong)

    error = failing_synthesis(make_engine(server))

    assert not error.transient and error.status == 401
    assert wrong not in str(error)
    assert "ELEVENLABS_API_KEY" in str(error)


def test_exhausted_quota_is_not_blamed_on_the_key(server: FakeServer) -> None:
    server.failures.append(
        Response.json({"detail": {"status": "quota_exceeded", "message": "You have 3 credits remaining"}}, 401)
    )

    error = failing_synthesis(make_engine(server))

    assert not error.transient and error.status == 401
    assert "out of credits" in str(error)


def test_list_voices_reads_the_account(server: FakeServer) -> None:
    voices = make_engine(server).list_voices()

    assert [voice.name for voice in voices] == [GEORGE, SARAH, CLONE]
    george = voices[0]
    assert george.gender == "male"
    assert george.languages == ("en",)
    assert "George" in george.description and "premade" in george.description
    assert voices[2].languages == ("multilingual",)
    assert server.requests_to("/v1/voices")[0].headers["xi-api-key"] == KEY
    # A language keeps voices verified for it and voices that declare none (multilingual models).
    assert [voice.name for voice in make_engine(server).list_voices("fr")] == [SARAH, CLONE]


def test_list_voices_does_not_retry_by_itself(server: FakeServer) -> None:
    server.failures.append(
        Response.json({"detail": {"status": "busy", "message": "slow down"}}, 429, {"Retry-After": "2"})
    )

    with pytest.raises(EngineError) as caught:
        make_engine(server).list_voices()

    assert caught.value.transient and caught.value.retry_after == 2
    assert len(server.requests_to("/v1/voices")) == 1


def test_voices_are_ids() -> None:
    engine = ElevenLabsEngine({}, os.environ)

    assert engine.resolve_voice(CLONE, "de") == CLONE
    assert all(engine.resolve_voice(voice, "en") == voice for voice in engine.voice_pool())
    with pytest.raises(ConvaudioError, match="21m00Tcm4TlvDq8ikWAM"):
        engine.resolve_voice("Rachel", "en")
    with pytest.raises(ConvaudioError, match="voices --engine elevenlabs"):
        engine.resolve_voice("not a voice/../id", "en")


def test_prices_and_settings_hold_no_secrets() -> None:
    engine = ElevenLabsEngine({"base_url": "http://example.invalid"}, os.environ)

    assert engine.price_per_million(GEORGE) == 180
    assert KEY not in repr(engine.sound_settings())
    assert engine.secrets() == [KEY]
