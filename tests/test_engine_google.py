"""The Google engine driving the real google-cloud-texttospeech client against a fake REST server."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.auth.compute_engine import _metadata

from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.engines.google import PRICES, GoogleEngine
from mkdocs_convaudio.errors import ConvaudioError, EngineError, MissingCredentialsError
from tests.fakes.google_tts import google_error, google_server, quota_exceeded
from tests.fakes.http import FakeServer, Response, close_while_answering, serve

KEY = "AIzaSy-test-secret-0123456789"


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with serve(google_server(api_key=KEY)) as running:
        yield running


def engine_for(server: FakeServer, monkeypatch: pytest.MonkeyPatch, **options: Any) -> GoogleEngine:
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    engine = create_engine("google", {"endpoint": server.url, **options}, os.environ)
    assert isinstance(engine, GoogleEngine)
    return engine


def synthesize_body(server: FakeServer) -> dict[str, Any]:
    body: dict[str, Any] = server.requests_to("/v1/text:synthesize")[-1].json()
    return body


# -- synthesis ---------------------------------------------------------------------------------------


def test_synthesize_returns_audio_of_the_expected_rate_and_duration(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = engine_for(server, monkeypatch, sample_rate_hertz=16000)
    text = "Bonjour à tous, bienvenue."  # 26 characters → 1.3 s of fake speech
    audio = engine.synthesize(text, engine.resolve_voice("Charon", "fr"), "fr")
    assert audio.rate == 16000
    assert audio.duration == pytest.approx(len(text) * 0.05, abs=0.01)
    assert 0.05 < float(abs(audio.samples).max()) <= 1.0


def test_request_carries_linear16_voice_language_and_settings(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = engine_for(server, monkeypatch, speaking_rate=1.1, effects_profile_id=["headphone-class-device"], pitch=-2)
    engine.synthesize("Hello there.", engine.resolve_voice("Kore", "en"), "en")
    body = synthesize_body(server)
    assert body["input"] == {"text": "Hello there."}
    assert body["voice"] == {"languageCode": "en-US", "name": "en-US-Chirp3-HD-Kore"}
    config = body["audioConfig"]
    assert config["audioEncoding"] == "LINEAR16"
    assert config["sampleRateHertz"] == 24000
    assert config["speakingRate"] == pytest.approx(1.1)
    assert config["effectsProfileId"] == ["headphone-class-device"]
    assert "pitch" not in config  # Chirp 3 HD rejects pitch, so the engine leaves it out

    engine.synthesize("Hello again.", "en-GB-Neural2-B", "en")
    body = synthesize_body(server)
    assert body["voice"] == {"languageCode": "en-GB", "name": "en-GB-Neural2-B"}
    assert body["audioConfig"]["pitch"] == -2


def test_unset_options_are_not_sent(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = engine_for(server, monkeypatch)
    engine.synthesize("Salut.", "fr-CA-Standard-A", "fr")
    config = synthesize_body(server)["audioConfig"]
    assert set(config) == {"audioEncoding", "sampleRateHertz"}
    assert server.requests_to("/v1/text:synthesize")[-1].headers["x-goog-api-key"] == KEY


def test_resolve_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = GoogleEngine({"locales": {"fr": "fr-CA", "pt": "pt_pt"}}, {})
    default = GoogleEngine({}, {})
    assert default.resolve_voice("Charon", "en") == "en-US-Chirp3-HD-Charon"
    assert default.resolve_voice("Charon", "fr") == "fr-FR-Chirp3-HD-Charon"
    assert default.resolve_voice("Charon", "fr-CA") == "fr-CA-Chirp3-HD-Charon"
    assert engine.resolve_voice("Charon", "fr") == "fr-CA-Chirp3-HD-Charon"
    assert engine.resolve_voice("Kore", "pt") == "pt-PT-Chirp3-HD-Kore"
    assert default.resolve_voice("en-US-Journey-D", "fr") == "en-US-Journey-D"
    assert default.resolve_voice("fr-FR-Neural2-B", "fr") == "fr-FR-Neural2-B"
    assert GoogleEngine({"voice_family": "Neural2"}, {}).resolve_voice("A", "de") == "de-DE-Neural2-A"
    with pytest.raises(ConvaudioError, match="locales"):
        default.resolve_voice("Charon", "tlh")
    pool = default.voice_pool()
    assert pool[:4] == ["Charon", "Kore", "Puck", "Aoede"] and len(set(pool)) == len(pool)


def test_list_voices_through_the_client(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = engine_for(server, monkeypatch)
    voices = engine.list_voices("fr")
    assert server.requests_to("/v1/voices")[-1].path == "/v1/voices?languageCode=fr"
    by_name = {voice.name: voice for voice in voices}
    assert by_name["fr-FR-Chirp3-HD-Charon"].languages == ("fr-FR",)
    assert by_name["fr-FR-Chirp3-HD-Charon"].gender == "male"
    assert by_name["fr-CA-Chirp3-HD-Kore"].gender == "female"
    assert all(voice.languages[0].startswith("fr-") for voice in voices)
    assert len(engine.list_voices()) > len(voices)


# -- failures ----------------------------------------------------------------------------------------


def test_429_retry_info_detail_and_missing_header(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = engine_for(server, monkeypatch)
    retry_info = {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"}
    server.failures.append(
        Response.json(
            {
                "error": {
                    "code": 429,
                    "message": "slow down",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [retry_info],
                }
            },
            429,
        )
    )
    server.failures.append(quota_exceeded())
    for expected in (7.0, None):
        with pytest.raises(EngineError) as caught:
            engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
        assert caught.value.transient and caught.value.retry_after == expected


def test_a_daily_quota_used_up_is_permanent(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quota per day is not waited out within a build: it was retried like a per-minute one (bug bash 136)."""
    engine = engine_for(server, monkeypatch)
    server.failures.append(
        google_error(
            429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Requests' and limit 'Requests per day'."
        )
    )
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
    assert not caught.value.transient and "daily quota is used up" in str(caught.value)
    # a quota per minute of a project whose name holds "perday" is still waited out (review 138)
    server.failures.append(
        google_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for 'Requests per minute' of projects/superday-prod.")
    )
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
    assert caught.value.transient


def test_closing_the_engine_waits_for_the_answers_on_their_way(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing a gRPC channel ends its calls at once: Google's own `close` closed the transport under the
    requests on their way, whose answers were billed (review 138). It is closed once the last answer is in."""
    engine = engine_for(server, monkeypatch)
    events: list[tuple[str, bool]] = []
    closing = engine.close_client

    def spy(client: Any) -> None:
        # by the request's own thread, once its answer is in (not by `close` under it)
        events.append(("closed", threading.current_thread() is not threading.main_thread()))
        closing(client)

    monkeypatch.setattr(engine, "close_client", spy)

    def synthesize() -> object:
        answer = engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
        events.append(("answered", True))
        return answer

    [answer] = close_while_answering(server, synthesize, engine.close)
    assert not isinstance(answer, Exception), answer
    assert events == [("closed", True), ("answered", True)], events  # closed once, after its answer came


def test_invalid_voice_is_permanent_and_names_the_fix(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = engine_for(server, monkeypatch)
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Bonjour.", "fr-FR-Journey-D", "fr")
    message = str(caught.value)
    assert not caught.value.transient and caught.value.status == 400
    assert "fr-FR-Journey-D" in message
    assert "mkdocs-convaudio voices --engine google --lang fr" in message


def test_bad_key_is_permanent_and_never_echoed(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "AIzaSy-wrong-secret-9876543210"
    engine = engine_for(server, monkeypatch)
    monkeypatch.setenv("GOOGLE_API_KEY", wrong)
    # The fake echoes the key it received, as a worst case for scrubbing.
    server.failures.append(google_error(403, "PERMISSION_DENIED", f"API key {wrong} not valid."))
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
    assert not caught.value.transient and caught.value.status == 403
    assert wrong not in str(caught.value) and "GOOGLE_API_KEY" in str(caught.value)
    assert "gcloud auth application-default login" in str(caught.value)
    with pytest.raises(EngineError) as again:  # the real route, rejecting the wrong key itself
        engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
    assert again.value.status == 403 and wrong not in str(again.value)


def test_missing_credentials(server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path / "gcloud"))
    monkeypatch.setenv("NO_GCE_CHECK", "true")  # google-auth compares with lower-case "true"
    # google-auth reads NO_GCE_CHECK when it is first imported, so the environment alone may come too late.
    monkeypatch.setattr(_metadata, "_NO_GCE_CHECK", True)
    with serve(FakeServer(routes={})) as metadata:  # a stand-in for the GCE metadata server: it records probes
        monkeypatch.setenv("GCE_METADATA_HOST", f"127.0.0.1:{metadata.port}")
        monkeypatch.setenv("GCE_METADATA_IP", f"127.0.0.1:{metadata.port}")
        engine = GoogleEngine({"api_key_env": "MY_TTS_KEY", "endpoint": server.url}, {})
        with pytest.raises(MissingCredentialsError) as caught:
            engine.check_credentials()
        message = str(caught.value)
        for hint in ("MY_TTS_KEY", "gcloud auth application-default login", "GOOGLE_APPLICATION_CREDENTIALS"):
            assert hint in message
        with pytest.raises(MissingCredentialsError):  # the first request fails the same way, before any network
            engine.synthesize("Hello.", "en-US-Chirp3-HD-Charon", "en")
    # no metadata probe (which waits seconds for an answer off Google Cloud) and no request: nothing was sent
    assert metadata.requests == [] and server.requests == []
    GoogleEngine({"api_key_env": "MY_TTS_KEY"}, {"MY_TTS_KEY": KEY}).check_credentials()


def test_application_default_credentials_are_enough(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # What `gcloud auth application-default login` writes; loading it needs no network.
    adc = tmp_path / "gcloud" / "application_default_credentials.json"
    adc.parent.mkdir()
    adc.write_text(
        '{"type": "authorized_user", "client_id": "id", "client_secret": "secret", "refresh_token": "token"}'
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(adc.parent))
    monkeypatch.setattr(_metadata, "_NO_GCE_CHECK", True)
    GoogleEngine({}, {}).check_credentials()


def test_bare_host_endpoint_keeps_grpc() -> None:
    engine = GoogleEngine({"endpoint": "eu-texttospeech.googleapis.com"}, {"GOOGLE_API_KEY": KEY})
    client = engine.client()  # gRPC channels connect lazily, so this sends nothing
    assert client.api_endpoint == "eu-texttospeech.googleapis.com"
    assert client.transport.kind == "grpc"
    assert engine.client() is client


def test_secrets_follow_api_key_env() -> None:
    engine = GoogleEngine({"api_key_env": "MY_TTS_KEY"}, {"MY_TTS_KEY": KEY, "GOOGLE_API_KEY": "other"})
    assert set(engine.secrets()) == {KEY, "other"}
    assert GoogleEngine({}, {}).secrets() == []


def test_sound_settings_hold_no_secret_or_endpoint() -> None:
    engine = GoogleEngine({"endpoint": "http://127.0.0.1:9", "pitch": 1.5}, {"GOOGLE_API_KEY": KEY})
    settings = engine.sound_settings()
    assert settings == {
        "voice_family": "Chirp3-HD",
        "speaking_rate": None,
        "pitch": 1.5,
        "effects_profile_id": [],
        "sample_rate_hertz": 24000,
    }
    assert KEY not in repr(settings) and "127.0.0.1" not in repr(settings)


def test_options_are_validated() -> None:
    with pytest.raises(ConvaudioError, match="speaking_rat"):
        GoogleEngine({"speaking_rat": 1.2}, {})
    with pytest.raises(ConvaudioError, match="speaking_rate"):
        GoogleEngine({"speaking_rate": 9}, {})
    with pytest.raises(ConvaudioError, match="locales"):
        GoogleEngine({"locales": ["fr-CA"]}, {})
    with pytest.raises(ConvaudioError, match="effects_profile_id"):
        GoogleEngine({"effects_profile_id": [1]}, {})


def test_prices() -> None:
    engine = GoogleEngine({}, {})
    assert engine.price_per_million("en-US-Chirp3-HD-Charon") == PRICES["Chirp3-HD"] == 30
    assert engine.price_per_million("en-US-Chirp-HD-D") == 30
    assert engine.price_per_million("en-US-Studio-O") == 160
    assert engine.price_per_million("en-US-Wavenet-A") == 4
    assert engine.price_per_million("en-US-Standard-A") == 4
    assert engine.price_per_million("en-US-Neural2-A") == 16
    assert engine.price_per_million("en-US-News-K") == 16
    assert engine.price_per_million("Charon") == 30
    assert engine.is_cloud and engine.input_unit == "bytes" and engine.input_limit == 5000
