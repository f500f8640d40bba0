"""Produced like a show: a music bed ducked under the speech, intro and outro clips, and a video to upload."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from mkdocs_convaudio.audio.loudness import integrated_loudness, true_peak_db
from mkdocs_convaudio.audio.video import ffmpeg_exe
from tests.media import picture, tone
from tests.mp4 import read_movie
from tests.sites import Site, conversation, decode, millis, post, rms_db, url_versions

TALK = conversation(
    ("A", "Hey, I've been hearing a lot about machine learning lately."),
    ("B", "Sure! Let's start with the basics."),
    ("B", "It learns patterns from examples."),
    ("A", "That sounds simple enough."),
)

Array = np.ndarray[Any, np.dtype[np.float32]]


def drone(path: Path, seconds: float = 3.0, rate: int = 44100) -> Path:
    """A bass chord (F#1 + A1, stereo, 44.1 kHz) below 60 Hz, where eSpeak's speech has almost no energy
    (measured 43 LU down): the bed can then be told apart from the speech in the decoded mix by its band."""
    t = np.arange(int(seconds * rate)) / rate
    mono = 0.2 * np.sin(2 * np.pi * 46.25 * t) + 0.2 * np.sin(2 * np.pi * 55.0 * t + 0.3)
    # an uneven loop: the clip ends mid-cycle, so only the crossfade keeps the loop point smooth
    soundfile.write(path, np.stack([mono, mono], axis=1).astype(np.float32), rate)
    return path


def band(samples: Array, rate: int, low: float, high: float) -> Array:
    spectrum = np.fft.rfft(samples)
    frequencies = np.fft.rfftfreq(len(samples), 1 / rate)
    spectrum[(frequencies < low) | (frequencies > high)] = 0
    return np.fft.irfft(spectrum, len(samples)).astype(np.float32)


def spans(samples: Array, rate: int, ranges: list[tuple[float, float]]) -> Array:
    return np.concatenate([samples[int(begin * rate) : int(end * rate)] for begin, end in ranges])


def dominant_frequency(samples: Array, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def test_music_bed_is_ducked_under_speech_and_the_mix_meets_the_target(site: Site) -> None:
    media = site.root / "media"
    media.mkdir(parents=True)
    bed = drone(media / "bed.wav")
    site.plugin_options.update(
        music="media/bed.wav", music_level=-12, music_depth=10, music_attack=0.3, music_release=0.8, pause=2.0
    )
    site.write("talk.md", post(TALK))
    site.build()
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    timings = site.timings(mp3)
    lines = [(line["start"], line["end"]) for line in timings["lines"]]
    lead = 2.5  # music_lead: bed alone before the first line and after the last
    assert lines[0][0] == pytest.approx(lead + 0.25, abs=0.002)  # + the edge silence
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.01)

    # the whole mix: on the loudness target, peaks under the ceiling
    assert integrated_loudness(samples, rate) == pytest.approx(-16.0, abs=0.5)
    assert true_peak_db(samples, rate) <= -1.0 + 0.1

    bed_part = band(samples, rate, 30, 65)
    speech = integrated_loudness(spans(samples, rate, lines), rate)
    bed_speaking = integrated_loudness(spans(bed_part, rate, lines), rate)
    assert speech - bed_speaking >= 15, (speech, bed_speaking)
    # level + depth (22 LU), or more where the true-peak limiter, acting on speech and bed together, turns the
    # mix down (the bed is set against the speech as it is after the limiter)
    assert 20 <= speech - bed_speaking <= 30
    # where nobody speaks (the lead, after the fade-in, before the attack): the bed at its level
    alone = [(1.6, lines[0][0] - 0.35), (lines[-1][1] + 0.85, timings["duration"] - 2.6)]
    bed_alone = integrated_loudness(spans(bed_part, rate, alone), rate)
    assert speech - bed_alone == pytest.approx(12, abs=2)
    assert integrated_loudness(spans(samples, rate, alone), rate) == pytest.approx(bed_alone, abs=0.5)  # only bed
    # in the 2 s pauses between speakers it comes back up to its level (past the release, before the attack)
    gaps = list(itertools.pairwise(lines))
    pauses = [(end + 0.85, begin - 0.35) for (_s, end), (begin, _e) in gaps if begin - end > 1.5]
    assert len(pauses) == 2
    assert speech - integrated_loudness(spans(bed_part, rate, pauses), rate) == pytest.approx(12, abs=2)
    # in the short pause when a speaker goes on, it stays down
    [(held_from, held_to)] = [(end, begin) for (_s, end), (begin, _e) in gaps if begin - end < 0.5]
    held = bed_part[int(held_from * rate) : int(held_to * rate)]
    assert rms_db(held) < rms_db(spans(bed_part, rate, pauses)) - 7  # 10 dB down, at most 20 % of the way up
    # fades at the programme's edges, and the bed keeps playing (looped) through a 20-second talk of a 3 s clip
    assert rms_db(samples[: int(0.05 * rate)]) < rms_db(samples[int(1.6 * rate) : int(2.0 * rate)]) - 20
    assert rms_db(samples[-int(0.05 * rate) :]) < -50
    windows = [bed_part[start : start + rate // 2] for start in range(int(1.6 * rate), len(samples) - 3 * rate, rate)]
    assert min(rms_db(window) for window in windows) > rms_db(bed_part[int(1.6 * rate) : int(2.0 * rate)]) - 25

    # the bed file is part of the conversation's key by content: same file, no work (the same file, not written
    # again: builds may touch entries they use); new content, new mix
    cached = {path: path.stat().st_ino for path in (site.root / ".cache").rglob("conversations/*.mp3")}
    assert site.build().synthesized == 0
    assert {path: path.stat().st_ino for path in (site.root / ".cache").rglob("conversations/*.mp3")} == cached
    drone(bed, seconds=4.0)
    assert site.build().synthesized == 0
    assert len(list((site.root / ".cache").rglob("conversations/*.mp3"))) == 2

    # `mkdocs serve` watches the bed
    config = load_config(config_file=str(site.root / "mkdocs.yml"))
    build(config, serve_url="http://127.0.0.1:8000/")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    assert bed.resolve() in {Path(path).resolve() for path in server._watched_paths}


def test_a_reply_of_only_an_emoji_is_no_reason_for_the_bed_to_dip(site: Site) -> None:
    """`👍` between two of A's lines was 1.5 s of silence with the bed held down through it as if someone spoke: it
    takes no time now, the bed ducks for what is said only, and it comes back up in the pause that is left."""
    media = site.root / "media"
    media.mkdir(parents=True)
    drone(media / "bed.wav")
    site.plugin_options.update(music="media/bed.wav", music_depth=10, pause_same_speaker=2.0, video=True)
    site.write(
        "talk.md",
        post(conversation(("A", "Did the new build work?"), ("B", "👍"), ("A", "Then let us ship it today."))),
    )
    site.build()
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    timings = site.timings(mp3)
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.01)
    first, emoji, last = timings["lines"]
    assert emoji["text"] == "👍" and emoji["start"] == emoji["end"] == last["start"]
    assert last["start"] - first["end"] == pytest.approx(2.0, abs=0.013)  # A going on: the emoji took no time
    bed_part = band(samples, rate, 30, 65)
    alone = bed_part[int(1.6 * rate) : int((first["start"] - 0.35) * rate)]  # the lead: the bed at its level
    between = bed_part[int((first["end"] + 0.85) * rate) : int((last["start"] - 0.35) * rate)]
    under = bed_part[int(first["start"] * rate) : int(first["end"] * rate)]  # ducked while A speaks
    assert rms_db(between) > rms_db(under) + 6 and rms_db(between) > rms_db(alone) - 3  # back up near its level
    # the video's captions, like the WebVTT ones, have no cue for a line that takes no time
    cues = [text for _start, _end, text in read_movie(site.site / "assets/convaudio/talk-1.mp4").track("sbtl").texts]
    assert "A: Did the new build work?" in cues and not any("👍" in cue for cue in cues), cues


def test_a_video_of_a_conversation_with_nothing_to_hear_has_no_captions_track(site: Site) -> None:
    """Emoji lines, and lines in a script the voice cannot read, take no time, so they have no caption cue: a
    conversation of only such lines made an empty SubRip file, which ffmpeg refused ("Invalid data found"), and the
    build stopped (review 146). The video is made without a subtitle track, as long as the MP3. (A conversation
    of only emoji gets no MP3 at all since: its warning says so.)"""
    media = site.root / "media"
    media.mkdir(parents=True)
    drone(media / "bed.wav")
    site.plugin_options.update(music="media/bed.wav", video=True)
    site.write("cheers.md", post(conversation(("A", "🎉"), ("B", "干杯")), lang="en"))
    site.build()
    assert any("cheers.md" in warning and "written in Han" in warning for warning in site.warnings()), site.warnings()
    [mp3] = site.audio_files()
    timings = site.timings(mp3)
    assert [line["start"] == line["end"] for line in timings["lines"]] == [True, True]
    movie = read_movie(site.site / "assets/convaudio/cheers-1.mp4")
    assert [track.handler for track in movie.tracks] == ["vide", "soun"]
    assert movie.duration == pytest.approx(timings["duration"], abs=0.05)


def test_intro_and_outro_shift_the_timings_and_join_without_clicks(site: Site) -> None:
    media = site.root / "media"
    media.mkdir(parents=True)
    tone(media / "intro.wav", 2.0, 880.0)
    tone(media / "outro.flac", 1.5, 660.0, rate=16000)
    site.plugin_options.update(intro="media/intro.wav", outro="media/outro.flac")
    site.write("plain.md", post(TALK, audio_intro="none", audio_outro=None))
    site.write("show.md", post(TALK))
    site.build()
    plain, show = (site.site / f"assets/convaudio/{name}-1.mp3" for name in ("plain", "show"))
    before, after = site.timings(plain), site.timings(show)
    assert after["duration"] == pytest.approx(before["duration"] + 3.5, abs=0.01)
    # the plain MP3 is made of segments cut in pauses (a cut pause keeps its length within half a frame, 12 ms);
    # a show is one stream, its bed playing through the pauses: lines keep their lengths to the millisecond,
    # and the first line (before any cut) moves by exactly the intro
    assert after["lines"][0]["start"] == pytest.approx(before["lines"][0]["start"] + 2.0, abs=0.002)
    for old, new in zip(before["lines"], after["lines"], strict=True):
        assert new["end"] - new["start"] == pytest.approx(old["end"] - old["start"], abs=0.002)
        assert new["start"] == pytest.approx(old["start"] + 2.0, abs=0.013)
    html = site.html("show.html")
    for line in after["lines"]:
        assert f'data-start="{line["start"]:.3f}" data-end="{line["end"]:.3f}"' in html

    samples, rate = decode(show)
    assert len(samples) / rate == pytest.approx(after["duration"], abs=0.01)
    assert dominant_frequency(samples[int(0.1 * rate) : int(1.9 * rate)], rate) == pytest.approx(880, abs=5)
    assert dominant_frequency(samples[-int(1.4 * rate) : -int(0.1 * rate)], rate) == pytest.approx(660, abs=5)
    # the words are where the timings say: silence just before the first line, speech right after its start
    first = after["lines"][0]
    assert rms_db(samples[int(2.03 * rate) : int((first["start"] - 0.03) * rate)]) < -60
    assert rms_db(samples[int(first["start"] * rate) : int(first["end"] * rate)]) > -35
    # the clips fade at the joins: no sample jump where the intro ends or the outro starts
    intro_peak = float(np.abs(samples[: 2 * rate]).max())
    for join in (2.0, after["duration"] - 1.5):
        around = samples[int((join - 0.002) * rate) : int((join + 0.002) * rate)]
        assert float(np.abs(around).max()) < 0.1 * intro_peak, join
    # loudness-matched clips: the intro tone is about as loud as the talk, and the whole meets the target
    assert integrated_loudness(samples, rate) == pytest.approx(-16.0, abs=0.5)
    talk = integrated_loudness(samples[int(first["start"] * rate) : int(after["lines"][-1]["end"] * rate)], rate)
    assert integrated_loudness(samples[: 2 * rate], rate) == pytest.approx(talk, abs=2.0)


def first_frame(mp4: Path, width: int, height: int) -> Array:
    """The video's first picture as RGB (decoded by the wheel's ffmpeg: we read the pixels, not its log)."""
    raw = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-i", str(mp4), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(height, width, 3).astype(np.float32)


def test_video_has_picture_audio_and_captions_and_is_cached(site: Site) -> None:
    picture(site.docs / "img/cover.png", (800, 600), (200, 30, 30))
    talk = TALK.replace("It learns patterns", "It learns **patterns**")  # captions show words, not markup
    site.write("cover.md", post("# With a cover\n\n" + talk, video=True, image="img/cover.png"))
    site.write("card.md", post("# Only a title\n\n" + talk, video=True))
    site.write("none.md", post(TALK))
    french = conversation(("A", "Une vidéo en français."), ("B", "Ses sous-titres le disent."))
    site.write("carte.md", post("# Une carte\n\n" + french, video=True, lang="fr"))
    site.build()
    # the speech's and the captions' language, for players' audio and subtitle menus (ISO 639-2)
    for name, language in (("cover", "eng"), ("card", "eng"), ("carte", "fre")):
        tracks = read_movie(site.site / f"assets/convaudio/{name}-1.mp4")
        assert (tracks.track("soun").language, tracks.track("sbtl").language) == (language, language), name
    for name in ("cover", "card"):
        mp3 = site.site / f"assets/convaudio/{name}-1.mp3"
        mp4 = mp3.with_suffix(".mp4")
        samples, rate = decode(mp3)
        duration = len(samples) / rate
        movie = read_movie(mp4)
        assert movie.top_level.index("moov") < movie.top_level.index("mdat")  # +faststart: playable while loading
        video, audio, captions = movie.track("vide"), movie.track("soun"), movie.track("sbtl")
        assert (video.codec, video.width, video.height) == ("avc1", 1280, 720)
        assert audio.codec == "mp4a"
        assert captions.codec == "tx3g"
        # the captions track holds every line, "Speaker: line", at the times of the timings file
        expected = [
            (line["start"], line["end"], f"{line['speaker']}: {line['text'].replace('**', '')}")
            for line in site.timings(mp3)["lines"]
        ]
        assert "B: It learns patterns from examples." in [text for _start, _end, text in expected]
        assert [text for _start, _end, text in captions.texts] == [text for _start, _end, text in expected]
        for (start, end, _text), (want_start, want_end, _want) in zip(captions.texts, expected, strict=True):
            assert start == pytest.approx(want_start, abs=0.002) and end == pytest.approx(want_end, abs=0.002)
        assert video.duration == pytest.approx(duration, abs=0.1)
        assert audio.duration == pytest.approx(duration, abs=0.1)
        assert movie.duration == pytest.approx(duration, abs=0.1)
        assert video.samples <= duration + 1  # a still picture: about a frame a second, not 30
        html = site.html(f"{name}.html")
        assert re.search(rf'href="assets/convaudio/{name}-1\.mp4\?v=[0-9a-f]{{10}}" download>Download video</a>', html)
    assert "Download video" not in site.html("none.html")
    assert not (site.site / "assets/convaudio/none-1.mp4").exists()

    # the cover fills the frame (cropped: no bars), the white square in the middle; the card is dark
    cover = first_frame(site.site / "assets/convaudio/cover-1.mp4", 1280, 720)
    assert np.allclose(cover[10, 10], (200, 30, 30), atol=25) and np.allclose(cover[710, 1270], (200, 30, 30), atol=25)
    assert cover[360, 640].min() > 230
    card = first_frame(site.site / "assets/convaudio/card-1.mp4", 1280, 720)
    assert card[10, 10].max() < 70 and card.max() > 200  # dark background, light title

    videos = site.root / ".cache/plugin/convaudio/videos"
    made = {path.name: path.stat().st_ino for path in videos.glob("*.mp4")}
    assert len(made) == 3
    site.build()
    assert {path.name: path.stat().st_ino for path in videos.glob("*.mp4")} == made
    assert not any("made" in message for message in (r.getMessage() for r in site.caplog.records))
    picture(site.docs / "img/cover.png", (800, 600), (30, 30, 200))  # a new cover: that video only is remade
    site.build()
    assert len(set(path.name for path in videos.glob("*.mp4")) - set(made)) == 1
    assert any("made 1 video" in record.getMessage() for record in site.caplog.records)


def test_video_captions_keep_angle_brackets_and_braces_as_written(site: Site) -> None:
    """ffmpeg's SubRip reader took `List<String>` and `a < b … c > d` for tags (the words between were lost) and
    `{\\i1}` for a style: the MP4's captions hold every word (with an invisible word joiner after `<` and `{`)."""
    line = "In Java write List<String>, if a < b and c > d then {\\i1}x{\\i0} or {1, 2}, \\nabla f, C:\\New."
    block = "```json\n" + json.dumps([{"speaker": "A <b>", "line": line}]) + "\n```\n"
    site.write("code.md", post("# Code\n\n" + block, video=True))
    site.build()
    cues = [text for _, _, text in read_movie(site.site / "assets/convaudio/code-1.mp4").track("sbtl").texts]
    assert " ".join(cues).replace("\u2060", "") == "A <b>: " + line, cues  # two cues: a line of 92 characters


#: A turn of about 400 characters: one cue of it covered the picture for half a minute
LONG_TURN = (
    "Well, it depends on what you mean by learning. A model sees millions of examples, and each time it gets one "
    "wrong, its weights move a little in the direction that would have made the answer less wrong. Nobody writes "
    "the rules down; they come out of the data, which is why the data matters so much. Give it biased examples and "
    "it learns the bias just as faithfully as it learns everything else."
)


def test_a_long_turn_is_captioned_in_the_video_in_the_pages_short_cues(site: Site) -> None:
    """The video's subtitles were a cue per turn: a 400-character turn covered the picture for its whole time. They
    are cut as the page's WebVTT captions are (at most 84 characters each, one after another over the turn's time),
    the speaker named on a turn's first cue."""
    turns = (("A", "So how does a machine actually learn?"), ("B", LONG_TURN), ("A", "That sounds simple enough."))
    site.write("talk.md", post(conversation(*turns), video=True))
    site.build()
    [mp3] = site.audio_files()
    lines = site.timings(mp3)["lines"]
    shown = read_movie(mp3.with_suffix(".mp4")).track("sbtl").texts
    by_line = [[cue for cue in shown if line["start"] - 0.001 <= cue[0] < line["end"] - 0.001] for line in lines]
    assert [len(found) for found in by_line][::2] == [1, 1] and len(by_line[1]) >= 5, by_line
    assert sum(map(len, by_line)) == len(shown)
    for line, found in zip(lines, by_line, strict=True):
        first, *rest = [text for _start, _end, text in found]
        prefix = f"{line['speaker']}: "
        assert first.startswith(prefix) and not any(text.startswith(("A: ", "B: ")) for text in rest), found
        texts = [first.removeprefix(prefix), *rest]
        assert " ".join(texts) == line["text"] and all(len(text) <= 84 for text in texts), texts
        # one after another, from the turn's start to its end, without a gap or an overlap
        assert found[0][0] == pytest.approx(line["start"], abs=0.002)
        assert found[-1][1] == pytest.approx(line["end"], abs=0.002)
        assert all(end > start for start, end, _text in found)
        assert all(end == pytest.approx(after, abs=0.0005) for (_, end, _), (after, _, _) in itertools.pairwise(found))
    # the same cues as the page's captions: the same words at the same times (a one-letter name's `B: ` counted in
    # the first cue's length moves none of its cuts; a long name does, `test_a_long_speaker_name_...`)
    vtt = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    page = [
        (millis(start), millis(end), text)
        for start, end, text in re.findall(r"^(\S+) --> (\S+)\n<v [^>]*>(.*)$", vtt, re.MULTILINE)
    ]
    video = [(round(start * 1000), round(end * 1000), re.sub(r"^[AB]: ", "", text)) for start, end, text in shown]
    assert video == page


def test_a_french_title_stays_with_its_name_in_the_page_and_video_captions(site: Site) -> None:
    """`M.` is a French title before a name (`M. Dupont`) and an English sentence's end (`size M. Then`): the
    conversation's language tells them apart, for the page's captions and the video's subtitles alike (review
    r-small3: both were cut as one, and English lost its sentence's cut)."""
    line = "Pour tous les détails, voyez la documentation complète du projet avec M. Dupont et ses exemples du cache."
    site.write("talk.md", post(conversation(("A", line), ("B", "Merci.")), video=True, lang="fr"))
    site.build()
    [mp3] = site.audio_files()
    vtt = re.findall(r"^<v [^>]*>(.*)$", mp3.with_suffix(".vtt").read_text(encoding="utf-8"), re.MULTILINE)
    video = [re.sub(r"^[AB]: ", "", text) for _, _, text in read_movie(mp3.with_suffix(".mp4")).track("sbtl").texts]
    assert vtt == video and len(vtt) == 3, (vtt, video)
    assert " ".join(vtt[:2]) == line and not any(text.endswith("M.") for text in vtt), vtt


def test_a_long_speaker_name_is_counted_in_the_first_video_cue_of_a_turn(site: Site) -> None:
    """The video's first cue of a turn added `Speaker: ` on top of its 84 characters: a long name made a cue of 129
    (review 212). The name counts in that cue's length: every cue, name included, is at most `CUE_CHARACTERS`, and
    the turn's words are all there, once. The page's cues carry the name as a voice tag, and keep their cuts."""
    from mkdocs_convaudio.html.captions import CUE_CHARACTERS

    speaker = "Dr. Margaret Hamilton-Smith, Chief Scientist"
    turns = (("Host", "So how does a machine learn?"), (speaker, LONG_TURN))
    site.write("talk.md", post(conversation(*turns), video=True))
    site.build()
    [mp3] = site.audio_files()
    line = site.timings(mp3)["lines"][1]
    shown = read_movie(mp3.with_suffix(".mp4")).track("sbtl").texts
    found = [(start, end, text) for start, end, text in shown if line["start"] - 0.001 <= start < line["end"] - 0.001]
    texts = [text for _start, _end, text in found]
    assert len(found) >= 5 and all(len(text) <= CUE_CHARACTERS for text in texts), texts
    prefix = f"{speaker}: "
    assert texts[0].startswith(prefix) and " ".join([texts[0].removeprefix(prefix), *texts[1:]]) == LONG_TURN
    assert found[0][0] == pytest.approx(line["start"], abs=0.002)
    assert found[-1][1] == pytest.approx(line["end"], abs=0.002)
    # the page's first cue of the turn, without the name in its text, holds more of it
    vtt = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    page = re.findall(rf"^<v {re.escape(speaker)}>(.*)$", vtt, re.MULTILINE)
    assert " ".join(page) == LONG_TURN and len(page[0]) > len(texts[0].removeprefix(prefix)), (page, texts)


def test_a_damaged_cached_video_is_reported_and_made_again(site: Site) -> None:
    site.write("card.md", post("# Only a title\n\n" + TALK, video=True))
    site.build()
    [cached] = (site.root / ".cache/plugin/convaudio/videos").glob("*.mp4")
    whole = cached.read_bytes()
    cached.write_bytes(whole[: len(whole) // 2])  # cut in half (a full disk, a killed copy)
    site.build(strict=False)
    [warning] = [w for w in site.warnings() if "video" in w]
    assert "card.md" in warning and "damaged" in warning, warning
    assert (site.site / "assets/convaudio/card-1.mp4").read_bytes() == cached.read_bytes()
    assert len(cached.read_bytes()) > len(whole) // 2
    assert read_movie(site.site / "assets/convaudio/card-1.mp4").track("vide").codec == "avc1"
    from mkdocs_convaudio.cli import main

    cached.write_bytes(cached.read_bytes()[:-100])
    assert main(["cache", "verify", "-f", str(site.root / "mkdocs.yml")]) == 1  # `cache verify` finds it too
    assert not cached.exists()


def test_video_padded_to_the_frame(site: Site) -> None:
    site.plugin_options.update(video=True, video_fit="pad", video_size="640x360")
    picture(site.docs / "cover.png", (300, 300), (30, 160, 30))
    site.write("talk.md", post(conversation(("A", "Hello there.")), cover="/cover.png"))
    site.build()
    mp4 = site.site / "assets/convaudio/talk-1.mp4"
    video = read_movie(mp4).track("vide")
    assert (video.width, video.height) == (640, 360)
    frame = first_frame(mp4, 640, 360)
    assert frame[180, 10].max() < 30  # black bars left and right: the whole square cover is shown
    assert np.allclose(frame[10, 320], (30, 160, 30), atol=25)


def test_a_small_cover_scaled_up_for_the_video_is_said_at_info(site: Site) -> None:
    """A 160×90 cover filled a 640×360 video, scaled up four times and blurred, and the build said nothing. It says
    so at INFO, with the page and the size to give (not a warning: `--strict` builds that passed go on passing);
    a cover scaled up less than twice, as a 1200×630 blog cover in a 1080p video, is not said."""
    site.plugin_options.update(video=True, video_size="640x360")
    picture(site.docs / "small.png", (160, 90), (30, 160, 30))
    picture(site.docs / "fine.png", (400, 225), (160, 30, 30))
    site.write("talk.md", post(conversation(("A", "Hello there.")), cover="/small.png"))
    site.write("other.md", post(conversation(("A", "Hello again.")), cover="/fine.png"))
    site.build(strict=True)
    said = [line for line in site.infos() if "scaled up" in line]
    assert len(said) == 1, said
    assert "talk.md:3: small.png: the cover image is 160×90 pixels, scaled up 4.0× for the 640×360 video" in said[0]
    assert said[0].endswith("give a cover of about 640×360 pixels")


def test_video_without_the_extra_names_it(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("imageio_ffmpeg", "imageio_ffmpeg.binaries"):  # as if the extra were not installed
        monkeypatch.setitem(sys.modules, name, None)
    site.write("talk.md", post(conversation(("A", "Hello there.")), video=True))
    message = site.build_error()
    assert "talk.md" in message and "pip install 'mkdocs-convaudio[video]'" in message
    assert not list(site.root.rglob("*.mp4"))  # no half-made video, in the cache or the site


def test_every_missing_show_file_of_a_post_is_named_in_one_build(site: Site) -> None:
    """A post naming a missing bed, intro and cover needed three builds, each naming the next file."""
    site.write(
        "talk.md",
        post(TALK, title="Talk", audio_music="media/bed.mp3", audio_intro="media/intro.mp3", video=True, image="c.jpg"),
    )
    message = site.build_error()
    assert "3 problems stop this build" in message, message
    assert "talk.md:3: `audio_intro: media/intro.mp3`: no such file" in message
    assert "talk.md:4: `audio_music: media/bed.mp3`: no such file" in message
    assert "talk.md:5: `image: c.jpg`: no such image" in message


def test_sound_files_that_libsndfile_decodes_are_taken_and_text_is_not(tmp_path: Path) -> None:
    """The check made before a post's sounds are used: every format libsndfile reads passes, an MP3 with bytes
    before its first frame and an AU file too (review 104: refused for not beginning as the usual formats); text
    saved under a sound's name and an empty file do not, nor a sound of no length."""
    import lameenc

    from mkdocs_convaudio.audio.music import audio_file_problem

    tone = (0.3 * np.sin(np.arange(24000) / 5)).astype(np.float32)
    for name, kind in (("t.wav", "WAV"), ("t.flac", "FLAC"), ("t.ogg", "OGG"), ("t.aiff", "AIFF"), ("t.au", "AU")):
        soundfile.write(tmp_path / name, tone, 24000, format=kind)
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(24000)
    encoder.set_bit_rate(64)
    mp3 = bytes(encoder.encode((tone * 32767).astype("<i2").tobytes())) + bytes(encoder.flush())
    (tmp_path / "t.mp3").write_bytes(mp3)
    (tmp_path / "padded.mp3").write_bytes(b"\0" * 64 + mp3)
    (tmp_path / "ff-padded.mp3").write_bytes(b"\xff" * 600 + mp3)  # review 108: taken for one-byte text
    for name in ("t.wav", "t.flac", "t.ogg", "t.aiff", "t.au", "t.mp3", "padded.mp3", "ff-padded.mp3"):
        assert audio_file_problem(tmp_path / name) is None, name
    soundfile.write(tmp_path / "empty.wav", np.zeros(0, dtype=np.float32), 24000)
    (tmp_path / "notes.mp3").write_text("not audio at all\n", encoding="utf-8")
    (tmp_path / "nothing.mp3").write_bytes(b"")
    assert audio_file_problem(tmp_path / "empty.wav") == "holds no sound"
    assert audio_file_problem(tmp_path / "notes.mp3") == "damaged, or not audio"
    assert audio_file_problem(tmp_path / "nothing.mp3") == "damaged, or not audio"
    # notes in other encodings are text too, kept from libsndfile and its notes on stderr (review 105)
    (tmp_path / "latin.mp3").write_bytes("Café, déjà vu: notes\n".encode("latin-1") * 20)
    (tmp_path / "utf16.wav").write_bytes("notes".encode("utf-16"))
    assert audio_file_problem(tmp_path / "latin.mp3") == "damaged, or not audio"
    assert audio_file_problem(tmp_path / "utf16.wav") == "damaged, or not audio"


def test_bad_show_files_are_reported_with_file_and_line(site: Site, capfd: pytest.CaptureFixture[str]) -> None:
    site.write("talk.md", post(TALK, title="Talk", audio_music="sounds/missing.mp3"))
    message = site.build_error()
    assert "talk.md:3: `audio_music: sounds/missing.mp3`: no such file" in message, message
    assert "relative to the folder of mkdocs.yml" in message

    # a file that is no sound: named at the post's line, before any audio is made (it was named at assembly, without
    # the post), and libmpg123's notes about it ("Illegal Audio-MPEG-Header") stay off the terminal (bug bash 102)
    # and 5,000 bytes of nothing (random bytes, a download cut short) whose header is no sound's (bug bash 111)
    noise = bytes((index * 37 + 11) % 251 for index in range(5000))
    for name, data in (("notes.wav", b"not audio"), ("notes.mp3", b"not audio"), ("noise.mp3", noise)):
        (site.root / name).write_bytes(data)
        site.write("talk.md", post(TALK, audio_intro=name))
        capfd.readouterr()
        message = site.build_error()
        assert f"talk.md:3: `audio_intro: {name}`: cannot decode" in message, message
        assert "(damaged, or not audio)" in message
        assert "does not exist" not in message  # libsndfile's words for a file it cannot decode (bug bash 72)
        assert "Note:" not in capfd.readouterr().err

    site.write("talk.md", post(TALK))
    site.plugin_options.update(music="media/nothing.ogg")
    message = site.build_error()
    assert "plugin option `music: media/nothing.ogg`: no such file" in message
    # a folder was "no such file (…/media)", with the folder right there (show review)
    (site.root / "media").mkdir()
    site.plugin_options.update(music="media")
    message = site.build_error()
    assert f"plugin option `music: media`: {site.root / 'media'} is a folder; give a file in it" in message, message
    site.write("talk.md", post(TALK, audio_intro="media"))
    site.plugin_options.update(music=None)
    message = site.build_error()
    assert f"talk.md:3: `audio_intro: media`: {site.root / 'media'} is a folder; give a file in it" in message, message
    site.write("talk.md", post(TALK))

    site.plugin_options.update(music=None, music_level=-3, music_depth=6)
    message = site.build_error()
    assert "only 9 LU under the speech" in message

    # seconds, not milliseconds: `music_lead: 3000` made a 5-second talk a 100-minute MP3 (bug bash 72)
    site.plugin_options.update(music_level=-12, music_depth=10, music_lead=3000, music_attack=100)
    message = site.build_error()
    assert "music_attack 100, music_lead 3000: these are seconds" in message, message
    assert not site.audio_files()


def _config_line(site: Site, option: str, config_file: str = "mkdocs.yml") -> int:
    """The line of mkdocs.yml (or `config_file`) that writes `option:`."""
    lines = (site.root / config_file).read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.strip().startswith(f"{option}:"))


def test_music_options_that_are_not_finite_numbers_stop_the_build_at_their_line(site: Site) -> None:
    # YAML's `.nan` passed every check and stopped the assembly with a traceback (show bug bash)
    site.write("talk.md", post(TALK))
    site.plugin_options.update(music_fade_in=float("nan"))
    message = site.build_error()
    assert f"mkdocs.yml:{_config_line(site, 'music_fade_in')}: music_fade_in nan: give a finite number" in message
    assert "Traceback" not in message
    site.plugin_options.update(music_fade_in=1.5, music_level=float("-inf"))
    message = site.build_error()
    assert f"mkdocs.yml:{_config_line(site, 'music_level')}: music_level -inf: give a finite number" in message
    assert not site.audio_files()


def test_a_music_option_is_named_at_its_line_when_the_message_names_another_first(site: Site) -> None:
    # "music_level must be 0 or below and music_depth 0 or above" was said without a line when only
    # `music_depth:` was written (show bug bash)
    site.write("talk.md", post(TALK))
    site.plugin_options.update(music_depth=-5)
    message = site.build_error()
    assert f"mkdocs.yml:{_config_line(site, 'music_depth')}: music_level must be 0" in message, message
    site.plugin_options.update(music_depth=10, music_lead=-1)
    message = site.build_error()
    assert f"mkdocs.yml:{_config_line(site, 'music_lead')}: music_attack, " in message, message


def test_a_site_sound_file_that_cannot_be_decoded_is_named_at_its_config_line(site: Site) -> None:
    # a missing `music:` file was said at its line, one that is no sound without the config file (show bug bash)
    site.write("talk.md", post(TALK))
    (site.root / "bed.wav").write_bytes(bytes((index * 37 + 11) % 251 for index in range(5000)))
    site.plugin_options.update(music="bed.wav", intro="bed.wav")
    message = site.build_error()
    for option in ("music", "intro"):
        assert f"mkdocs.yml:{_config_line(site, option)}: plugin option `{option}: bed.wav`: cannot decode" in message
    assert not site.audio_files()


def test_a_show_option_of_an_inherited_config_file_is_named_at_its_line_there(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with `INHERIT: base.yml`, where the plugin's options are, their problems were said at mkdocs.yml, at no line
    # (show review)
    def inheriting_config() -> None:
        Site.write_config(site)
        (site.root / "mkdocs.yml").replace(site.root / "base.yml")
        (site.root / "mkdocs.yml").write_text("# the site's own\nINHERIT: base.yml\n", encoding="utf-8")

    monkeypatch.setattr(site, "write_config", inheriting_config)
    site.write("talk.md", post(TALK))
    (site.root / "jingle.wav").write_bytes(bytes((index * 37 + 11) % 251 for index in range(5000)))
    site.plugin_options.update(intro="jingle.wav", music_level=float("nan"))
    base = os.path.relpath(site.root / "base.yml")  # as messages show a path under the working folder
    message = site.build_error()
    assert message.startswith(f"{base}:{_config_line(site, 'music_level', 'base.yml')}: music_level nan"), message
    del site.plugin_options["music_level"]
    message = site.build_error()
    line = _config_line(site, "intro", "base.yml")
    assert message.startswith(f"{base}:{line}: plugin option `intro: jingle.wav`: cannot decode"), message
    assert not site.audio_files()


def test_loop_and_blocks_are_seamless() -> None:
    from mkdocs_convaudio.audio.music import LoopedBed

    rate = 8000
    t = np.arange(int(274.25 / 200 * rate)) / rate
    clip = np.sin(2 * np.pi * 200 * t).astype(np.float32)  # ends at a crest: a hard loop would jump from 1 to 0
    bed = LoopedBed(clip, rate, crossfade=0.2)
    whole = bed.block(0, 10 * rate)
    pieces = np.concatenate([bed.block(start, 997) for start in range(0, 10 * rate, 997)])[: 10 * rate]
    assert np.array_equal(whole, pieces)  # the same samples whatever the block size: nothing depends on state
    assert np.array_equal(whole[: bed.period], clip[: bed.period])
    # no click at any loop point: steps between samples stay near the sine's own (0.157), far from the jump of a
    # hard loop; and no swell (a coherent signal rose by up to √2 in the middle of an equal-power crossfade)
    steps = np.abs(np.diff(whole))
    assert steps.max() < 1.05 * np.abs(np.diff(clip)).max()
    assert np.abs(whole).max() < 1.05


def _level_db(samples: Array, rate: int, window: float = 0.05) -> Array:
    """RMS level in dB over windows of `window` seconds."""
    size = int(window * rate)
    frames = samples[: len(samples) // size * size].reshape(-1, size).astype(np.float64)
    levels: Array = (10 * np.log10(np.mean(frames**2, axis=1))).astype(np.float32)
    return levels


@pytest.mark.parametrize("kind", ["in phase", "noise"])
def test_a_short_loop_keeps_its_level_through_every_crossfade(kind: str) -> None:
    """A short bed looped every 2 s swelled by 3 dB at each loop when its ends were alike (a steady tone, a clip
    cut to loop): the crossfade follows how alike the ends are, so a tone and unrelated noise both stay level."""
    from mkdocs_convaudio.audio.music import LoopedBed

    rate = 8000
    t = np.arange(2 * rate) / rate
    if kind == "in phase":  # 2 s of a 100 Hz tone and a 0.5 s crossfade: head and tail in phase
        clip = (0.3 * np.sin(2 * np.pi * 100 * t)).astype(np.float32)
    else:
        clip = (0.3 * np.random.default_rng(7).standard_normal(len(t))).astype(np.float32)
    bed = LoopedBed(clip, rate, crossfade=0.5)
    levels = _level_db(bed.block(0, 12 * rate), rate)
    steady = float(np.median(levels))
    assert float(levels.max()) - steady < 0.8, (levels.max(), steady)
    assert steady - float(levels.min()) < (0.8 if kind == "in phase" else 3.0), (levels.min(), steady)


def test_video_track_lasts_as_long_as_the_audio_to_the_frame(tmp_path: Path) -> None:
    from mkdocs_convaudio.audio.video import VideoSettings, encode_video, png_bytes, subrip, title_card

    rate, seconds = 24000, 3.45  # not a whole number of seconds: a plain 1 fps video would end at 3 or 4 s
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(tmp_path / "a.mp3", (0.3 * np.sin(2 * np.pi * 330 * t)).astype(np.float32), rate, format="MP3")
    settings = VideoSettings(width=320, height=180)
    lines = [{"speaker": "A", "text": "Hello,\nthere", "start": 0.5, "end": 1.25}]
    assert subrip(lines) == "1\n00:00:00,500 --> 00:00:01,250\nA: Hello, there\n"
    card, _ = title_card("Hi", settings)
    encode_video(tmp_path / "a.mp3", seconds, png_bytes(card), subrip(lines), tmp_path / "v.mp4", settings)
    movie = read_movie(tmp_path / "v.mp4")
    assert movie.track("vide").duration == pytest.approx(seconds, abs=0.05)
    assert movie.track("soun").duration == pytest.approx(seconds, abs=0.05)
    assert movie.track("vide").samples == 4


def test_video_subtitles_leave_out_the_stage_directions_the_voice_leaves_out() -> None:
    # f-cues2: `*pauses*` was shown as the word "pauses", `[laughs]` as written, over a voice that says neither; a
    # code span's is read, and shown
    from mkdocs_convaudio.audio.video import subrip

    lines = [
        {"speaker": "A", "text": "[laughs] Welcome back. *pauses* Today: neurons.", "start": 0.5, "end": 1.25},
        {"speaker": "B", "text": "Type `[laughs]` there.", "start": 1.5, "end": 2.0},
    ]
    assert subrip(lines) == (
        "1\n00:00:00,500 --> 00:00:01,250\nA: Welcome back. Today: neurons.\n\n"
        "2\n00:00:01,500 --> 00:00:02,000\nB: Type `[laughs]` there.\n"
    )


def test_captions_leave_out_a_cue_beside_a_code_span_as_the_voice_does() -> None:
    # r-cues2: a line with a code span kept all its cues in the captions, the code span's and the prose's, where the
    # voice says "Run ls [laughs] and see." (only the code span is read as written)
    from mkdocs_convaudio.audio.video import subrip
    from mkdocs_convaudio.html.captions import webvtt
    from mkdocs_convaudio.text.spoken import spoken_text

    line = "Run `ls [laughs]` and [laughs] see. *nods*"
    assert spoken_text(line, "en") == "Run ls [laughs] and see."
    lines = [{"speaker": "A", "text": line, "start": 0.5, "end": 1.25}]
    assert subrip(lines) == "1\n00:00:00,500 --> 00:00:01,250\nA: Run `ls [laughs]` and see.\n"
    assert "<v A>Run ls [laughs] and see.\n" in webvtt({"lines": lines})


def test_ducking_follows_the_line_timings_with_attack_and_release() -> None:
    from mkdocs_convaudio.audio.music import ducking_db
    from mkdocs_convaudio.audio.production import MusicSettings

    settings = MusicSettings(depth=12.0, attack=0.5, release=1.0)
    spans = [(2.0, 3.0), (3.4, 4.0), (8.0, 9.0)]
    times = np.array([0.0, 1.5, 1.75, 2.0, 3.0, 3.2, 4.0, 4.5, 5.0, 6.0, 7.5, 9.5, 10.0], dtype=np.float32)
    duck = ducking_db(times, spans, [begin for begin, _end in spans], settings)
    # ramps over 0.5 s before a line and 1 s after; in the 0.4 s pause at 3.0-3.4 s it comes 20 % of the way up
    expected = [0, 0, -6, -12, -12, -9.6, -12, -6, 0, 0, 0, -6, 0]
    assert np.allclose(duck, expected, atol=0.01)
    # block by block gives the same envelope as all at once
    fine = np.arange(0, 11, 0.01, dtype=np.float32)
    starts = [2.0, 3.4, 8.0]
    whole = ducking_db(fine, spans, starts, settings)
    blocks = np.concatenate([ducking_db(fine[i : i + 37], spans, starts, settings) for i in range(0, 1100, 37)])
    assert np.array_equal(whole, blocks)


def test_unreadable_cover_is_reported_with_the_page(site: Site) -> None:
    (site.docs / "cover.png").write_text("not a picture", encoding="utf-8")
    site.write("talk.md", post(conversation(("A", "Hello there.")), video=True, image="cover.png"))
    message = site.build_error()
    # at the front matter line naming the cover (bug bash 72)
    assert re.match(r"talk\.md:\d+: cover\.png: the cover image is not an image Pillow can read", message), message
    assert "BytesIO" not in message
    assert not list(site.root.rglob("*.mp4"))


def _png_header(width: int, height: int) -> bytes:
    """A PNG that says it is `width`×`height` (Pillow reads no further before decoding)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("width,height,said", [(9000, 6000, "9000×6000 pixels"), (16000, 16000, "too large")])
def test_a_huge_cover_is_a_clear_error_not_a_traceback(site: Site, width: int, height: int, said: str) -> None:
    """A 16000×16000 cover ended the build with Pillow's DecompressionBombError and a traceback; a 10000×10000 one
    logged Pillow's warning with its stack and took 1.2 GB (bug bash 72)."""
    (site.docs / "cover.png").write_bytes(_png_header(width, height))
    site.write("talk.md", post(conversation(("A", "Hello there.")), video=True, image="cover.png"))
    message = site.build_error()
    assert re.match(rf"talk\.md:\d+: cover\.png: the cover image is {said}", message), message
    assert "scale it down" in message and not list(site.root.rglob("*.mp4"))


def test_a_dialogue_file_produced_differently_on_two_pages_gets_two_mp3s(site: Site) -> None:

    (site.root / "intro.wav").parent.mkdir(parents=True, exist_ok=True)
    tone(site.root / "intro.wav", 1.0, 880.0)
    site.write("talks/one.json", json.dumps([{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Yo."}]))
    site.write("plain.md", post("[script](talks/one.json)\n"))
    site.write("show.md", post("[script](talks/one.json)\n", audio_intro="intro.wav"))
    site.build()
    plain_uri = "assets/convaudio/talks/one-en.mp3"
    [show_mp3] = [path for path in site.audio_files() if path.name != "one-en.mp3"]
    assert url_versions(site.html("plain.html"), f'src="{plain_uri}')
    assert url_versions(site.html("show.html"), f'src="{show_mp3.relative_to(site.site).as_posix()}')
    plain_start = site.timings(site.site / plain_uri)["lines"][0]["start"]
    assert site.timings(show_mp3)["lines"][0]["start"] == pytest.approx(plain_start + 1.0, abs=0.002)


def test_render_command_makes_the_video_of_a_jekyll_post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The blog this plugin was written for made its videos by hand; `mkdocs-convaudio render` makes them too."""
    from mkdocs_convaudio.cli import main

    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    picture(tmp_path / "assets/img/cover.png", (854, 480), (30, 60, 90))
    tone(tmp_path / "media/intro.wav", 1.0, 880.0)
    talk = conversation(("A", "Hello there."), ("B", "Hi, nice to meet you."))
    front = "---\nlayout: post\ntitle: Talk\naudio: true\nvideo: true\nimage: /assets/img/cover.png\n"
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts/2026-01-10-talk.md").write_text(front + "audio_intro: media/intro.wav\n---\n\n" + talk)
    assert main(["render", "--posts", "_posts", "--out", "assets/conversations"]) == 0
    out = tmp_path / "assets/conversations"
    mp3 = out / "2026-01-10-talk-1.mp3"
    samples, rate = decode(mp3)
    assert json.loads(mp3.with_suffix(".json").read_text())["lines"][0]["start"] > 1.0  # after the intro
    movie = read_movie(mp3.with_suffix(".mp4"))
    assert (movie.track("vide").width, movie.track("vide").height) == (1280, 720)
    assert movie.track("soun").duration == pytest.approx(len(samples) / rate, abs=0.1)
    snippet = (out / "2026-01-10-talk-1.html").read_text(encoding="utf-8")
    video = r'href="/assets/conversations/2026-01-10-talk-1\.mp4\?v=[0-9a-f]{10}" download>Download video</a>'
    assert re.search(video, snippet)
    # the MP3 is named after the post's title, as a site's page (it was the file name, 2026-01-10-talk)
    from mutagen.id3 import ID3

    assert ID3(mp3)["TIT2"].text == ["Talk"]  # type: ignore[no-untyped-call]
    # the run recorded its video with its lines: prune (where a blog without MkDocs keeps its options) keeps it
    (tmp_path / "convaudio.toml").write_text("", encoding="utf-8")
    videos = {path.name for path in (tmp_path / ".cache/plugin/convaudio/videos").glob("*.mp4")}
    assert videos and main(["cache", "prune"]) == 0
    assert {path.name for path in (tmp_path / ".cache/plugin/convaudio/videos").glob("*.mp4")} == videos


def test_cache_prune_keeps_the_videos_in_use_and_removes_the_others(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    from mkdocs_convaudio.cli import main

    site.write("keep.md", post(conversation(("A", "Keep me.")), video=True))
    gone = site.write("gone.md", post(conversation(("B", "Remove me.")), video=True))
    site.build()
    videos = site.root / ".cache/plugin/convaudio/videos"
    assert len(list(videos.glob("*.mp4"))) == 2
    config = str(site.root / "mkdocs.yml")
    assert main(["cache", "prune", "-f", config]) == 0
    assert len(list(videos.glob("*.mp4"))) == 2  # both in use
    gone.unlink()
    assert main(["cache", "prune", "-f", config]) == 0
    assert "videos/" in capsys.readouterr().out
    assert len(list(videos.glob("*.mp4"))) == 1 and len(list(videos.iterdir())) == 2  # and its check record
    published = site.root / ".cache/plugin/convaudio/site/assets/convaudio"
    assert (published / "keep-1.mp4").is_file() and not (published / "gone-1.mp4").exists()
    site.build()
    assert not any("made" in record.getMessage() for record in site.caplog.records)  # the kept one was kept


def test_a_long_show_is_mixed_in_the_streaming_pass_with_its_gain_planned_for_the_whole_mix(tmp_path: Path) -> None:
    """Past `VERIFY_LIMIT` no MP3 is decoded and checked: the gain solved from the lines' figures plus what the show
    adds (`Layout.added`) must land on the target by itself, and memory must not grow with the programme."""
    import tracemalloc

    from mkdocs_convaudio.audio.assembly import AssemblySettings
    from mkdocs_convaudio.audio.figures import measure
    from mkdocs_convaudio.audio.production import Asset, MusicSettings, Production
    from mkdocs_convaudio.audio.show import Show
    from mkdocs_convaudio.audio.stream import BLOCK, encode, layout, measure_mp3
    from mkdocs_convaudio.audio.types import Audio
    from mkdocs_convaudio.store.cache import AudioCache

    def voice(seconds: float, rate: int, seed: int) -> Audio:
        """A vowel-like line with a gentle syllable envelope (peaks within reach of the target)."""
        t = np.arange(int(seconds * rate)) / rate
        pitch = 120 + 15 * seed
        tone = sum(np.sin(2 * np.pi * pitch * k * t) / k**2 for k in (1, 2, 3))
        envelope = (0.6 + 0.4 * np.sin(2 * np.pi * 3.0 * t + seed)) * np.minimum(1.0, np.minimum(t, t[::-1]) / 0.02)
        return Audio((0.05 * tone * envelope).astype(np.float32), rate)

    settings = AssemblySettings()
    rate = settings.sample_rate
    # a loud bed (6 LU under the speech where nobody speaks): planned from the speech alone, the mix would be
    # about 1 LU too loud
    production = Production(
        music=Asset.of(tone(tmp_path / "bed.wav", 3.0, 220.0)),
        intro=Asset.of(tone(tmp_path / "intro.wav", 1.0, 880.0)),
        settings=MusicSettings(level=-6.0, depth=9.0),
    )
    peaks = []
    for count in (8, 32):
        cache = AudioCache(tmp_path / str(count))
        turns = []
        for index in range(count):
            audio = voice(2.0, rate, index % 7)
            key = f"{index:04d}" * 16
            cache.put_line(key, audio)
            turns.append(("AB"[index % 2], [(key, measure(audio, rate))]))
        speech = layout(turns, settings)
        tracemalloc.start()
        show = Show.for_layout(production, speech, settings.loudness)
        plan = show.extend(speech)
        assert plan.spans[0][0] == speech.spans[0][0] + show.offset and plan.length == show.length
        load: Any = cache.get_line
        path = tmp_path / f"{count}.mp3"
        result = encode(plan, load, settings, path, verify_limit=0, processors=[show.process])
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert not result.verified and result.attempts == 1 and result.largest_block <= BLOCK
        measured = measure_mp3(path)
        assert measured is not None
        loudness, peak = measured
        assert loudness == pytest.approx(-16.0, abs=0.5), loudness
        assert peak <= -1.0
    # four times the talk, about the same peak memory
    assert peaks[1] < peaks[0] * 1.3 + 1_000_000, peaks


@pytest.mark.parametrize("music", [False, True])
def test_a_conversation_short_of_its_loudness_says_why(site: Site, music: bool) -> None:
    """Peaky eSpeak lines cannot reach -9 LUFS under the -1 dBTP ceiling: the warning says so, and with a music
    bed that its quiet lead and tail count (the level fell from the bed, not the voices)."""
    meta = {}
    if music:
        tone(site.root / "media/bed.wav", 4.0, 220.0)
        meta["audio_music"] = "media/bed.wav"
    site.plugin_options.update(loudness=-9)
    site.write("court.md", post(conversation(*[("A", "Salut, ça va bien aujourd'hui ?")] * 14), lang="fr", **meta))
    site.build()
    [warning] = [message for message in site.warnings() if "LUFS" in message]
    assert f"court.md:{7 + music}:" in warning, warning  # the line the conversation starts at
    assert "this conversation reaches" in warning and "too peaky" in warning, warning
    assert ("music bed" in warning) == music, warning
    # every build that publishes it says so again: a warm one (the MP3 and its page replayed from the cache)...
    summary = site.build()
    assert summary.synthesized == 0 and site.plugin.session.replayed == 1
    assert [message for message in site.warnings() if "LUFS" in message] == [warning]
    # ...and one that finds the MP3 in the cache but plans and publishes it afresh (the memos lost)
    for memo in (site.root / ".cache").rglob("*-memo*.json"):
        memo.unlink()
    shutil.rmtree(site.site)
    site.build()
    assert [message for message in site.warnings() if "LUFS" in message] == [warning]
    with pytest.raises(Abort):
        site.build(strict=True)


def test_a_first_test_post_of_one_line_short_of_its_loudness_does_not_fail_strict(site: Site) -> None:
    """One short line ("Salut.", under a second) cannot reach -16 LUFS under the -1 dBTP ceiling with eSpeak NG's
    peaks: a new user's first post failed `mkdocs build --strict` on it, advised to change the whole site's loudness
    (bug bash 121). A conversation under 10 s gets an info line instead."""
    site.write("court.md", post(conversation(("A", "Salut.")), lang="fr"))
    site.build(strict=True)
    [said] = [message for message in site.infos() if "LUFS" in message]
    assert "court.md:7: this conversation reaches" in said and "(it lasts 0.9 s" in said, said
    assert not [message for message in site.warnings() if "LUFS" in message]


DRIVER = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
import mkdocs_convaudio.audio.video as video
video.ffmpeg_exe = lambda: sys.argv[2]  # an ffmpeg that takes its time: the build is stopped while it runs
build(load_config(config_file=sys.argv[1]))
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_build_stopped_by_sigterm_while_making_a_video_stops_its_ffmpeg(site: Site, tmp_path: Path) -> None:
    """SIGTERM (a cancelled CI job, `docker stop`) killed the build and left its ffmpeg running to the end, at full
    CPU, owned by init (bug bash 72). Now it stops as Ctrl-C does, and `subprocess.run` stops ffmpeg with it."""
    import signal
    import subprocess
    import sys
    import time

    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\nexec sleep 120\n", encoding="utf-8")
    fake.chmod(0o755)
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi.")), video=True))
    site.write_config()
    build = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(site.root / "mkdocs.yml"), str(fake)],
        cwd=site.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    sleeper: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not sleeper and build.poll() is None and time.monotonic() < deadline:
            sleeper = _children(build.pid)
            time.sleep(0.05)  # polling for the child to appear, not timing anything
        assert sleeper, "the build never started ffmpeg"
        build.send_signal(signal.SIGTERM)
        assert build.wait(timeout=30) != 0
        assert not _alive(sleeper[0]), "ffmpeg outlived the build"
    finally:
        for pid in sleeper:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        if build.poll() is None:
            build.kill()


def test_a_cover_given_as_a_url_is_a_warning_at_its_line_and_the_video_gets_a_title_card(site: Site) -> None:
    site.write("talk.md", post(conversation(("A", "Hello there.")), video=True, image="https://example.org/cover.png"))
    site.build()
    [warning] = [message for message in site.warnings() if "is a URL" in message]
    assert re.match(r"convaudio: talk\.md:\d+: the cover `image: https://example.org/cover.png` is a URL", warning)
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()


def _mp4_title(mp4: Path) -> str:
    """The MP4's title tag, as ffmpeg reads it back."""
    command = [ffmpeg_exe(), "-v", "error", "-i", str(mp4), "-f", "ffmetadata", "-"]
    metadata = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return next(line.split("=", 1)[1] for line in metadata.splitlines() if line.startswith("title="))


def test_a_video_with_a_cover_follows_its_pages_title(site: Site) -> None:
    """The MP4's title tag kept a page's old title after it was renamed, when the post had a cover (its video's
    key held only the cover; bug bash 111); the MP3's tag had followed."""
    picture(site.docs / "img/cover.png", (320, 240), (200, 30, 30))
    site.write(
        "talk.md",
        post(conversation(("A", "Hello there.")), title="Two conversations", video=True, image="img/cover.png"),
    )
    site.build()
    mp4 = site.site / "assets/convaudio/talk-1.mp4"
    assert _mp4_title(mp4) == "Two conversations"
    site.write(
        "talk.md", post(conversation(("A", "Hello there.")), title="Renamed episode", video=True, image="img/cover.png")
    )
    site.build()
    assert _mp4_title(mp4) == "Renamed episode"


def test_a_pages_videos_have_titles_of_their_own(site: Site) -> None:
    """Each conversation of a page with a video gets one, and all had the page's title tag (as the MP3s did): the
    second is told apart by the heading it stands under, as its MP3 is."""
    picture(site.docs / "img/cover.png", (320, 240), (200, 30, 30))
    body = conversation(("A", "Hello there.")) + "\n## Questions\n\n" + conversation(("A", "Any questions?"))
    site.write("talk.md", post(body, title="Two conversations", video=True, image="img/cover.png"))
    site.build()
    titles = [_mp4_title(site.site / f"assets/convaudio/talk-{number}.mp4") for number in (1, 2)]
    assert titles == ["Two conversations", "Two conversations \N{EM DASH} Questions"]


def test_a_transparent_cover_is_shown_on_white(site: Site) -> None:
    """A logo on a transparent background was flattened onto black, where a dark logo all but vanished."""
    from PIL import Image, ImageDraw

    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(logo).rectangle((150, 150, 250, 250), fill=(20, 20, 20, 255))
    (site.docs / "img").mkdir(parents=True)
    logo.save(site.docs / "img/logo.png")
    site.plugin_options.update(video_fit="pad")
    site.write("talk.md", post(conversation(("A", "Hello there.")), video=True, image="img/logo.png"))
    site.build()
    frame = first_frame(site.site / "assets/convaudio/talk-1.mp4", 1280, 720)
    assert frame[360, 640].max() < 60  # the logo, dark
    assert frame[200, 640].min() > 230  # around it, white (the cover's transparent part)


def test_a_title_card_draws_accented_letters_and_ends_a_cut_title_with_an_ellipsis() -> None:
    """Pillow's own font draws ASCII only: "Causerie à l'été" came out as "Causerie ▯ l'▯t▯", and a long title
    was cut after four lines without a sign (bug bash 111)."""
    from mkdocs_convaudio.audio.video import VideoSettings, _wrapped, card_font, missing_glyphs, title_card

    settings = VideoSettings()
    _card, lacking = title_card("Causerie à l'été — Straße, niño, Ελληνικά, Привет, 20 €", settings)
    assert lacking == ""
    assert missing_glyphs(card_font(40), "中文 and ASCII") == "中文"
    lines = _wrapped("word " * 60, 20)
    assert len(lines) == 4 and lines[-1].endswith("…") and not lines[0].endswith("…")
    assert _wrapped("A short title", 20) == ["A short title"]


def test_a_title_the_cards_font_cannot_draw_is_a_warning_naming_the_post(site: Site) -> None:
    site.write("talk.md", post(conversation(("A", "Hello there.")), title="Talk 中文", video=True))
    site.build()
    [warning] = [message for message in site.warnings() if "title card" in message]
    assert "talk.md: the video's title card cannot draw 中 文 of the title" in warning, warning
    assert "`video_font:`" in warning


def test_video_font_draws_the_title_card_and_is_found_beside_mkdocs_yml(site: Site) -> None:
    from mkdocs_convaudio.audio.video import CARD_FONTS, card_font

    font = Path(card_font(40).path)  # the system's font, copied beside mkdocs.yml
    assert font.name in CARD_FONTS
    shutil.copy(font, site.root / "card.ttf")
    site.plugin_options.update(video_font="card.ttf")
    site.write("talk.md", post(conversation(("A", "Hello there.")), title="Causerie à l'été", video=True))
    site.build()
    assert not [message for message in site.warnings() if "title card" in message]
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()


def test_every_bad_show_file_of_the_site_is_named_in_one_build(site: Site) -> None:
    """The site's `music`, `intro` and `outro` were said one a build, and a bad `bitrate` hid them all."""
    (site.root / "corrupt.mp3").write_bytes(os.urandom(5000))
    site.write("talk.md", post(TALK))
    site.plugin_options.update(music="media/nothere.mp3", outro="gone.wav", video_font="fonts/none.ttf", bitrate=7)
    message = site.build_error()
    for said in (
        "`music: media/nothere.mp3`: no such file",
        "`outro: gone.wav`: no such file",
        "`video_font: fonts/none.ttf`: no such file",
        "bitrate",
    ):
        assert said in message, (said, message)
    (site.root / "corrupt.wav").write_bytes(os.urandom(5000))
    site.plugin_options.update(music=None, video_font=None, bitrate=64, intro="corrupt.mp3", outro="corrupt.wav")
    message = site.build_error()
    assert "`intro: corrupt.mp3`: cannot decode" in message and "`outro: corrupt.wav`: cannot decode" in message


def test_a_music_bed_too_short_to_loop_or_in_m4a_is_named_at_its_line(site: Site) -> None:
    """A 10-sample bed (a truncated download) was looped into a buzz and a DC offset under the speech; a valid M4A
    bed was "damaged, or not audio" (bug bash 111)."""
    media = site.root / "media"
    media.mkdir()
    soundfile.write(media / "blip.wav", np.full(10, 0.9, dtype=np.float32), 44100)
    site.write("talk.md", post(TALK, audio_music="media/blip.wav"))
    message = site.build_error()
    assert "talk.md:3: `audio_music: media/blip.wav`:" in message and "too short for a music bed" in message, message
    tone_file = tone(media / "tone.wav", 1.5, 440.0)
    m4a = media / "bed.m4a"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(tone_file), "-c:a", "aac", str(m4a)], check=True)
    site.write("talk.md", post(TALK, audio_music="media/bed.m4a"))
    message = site.build_error()
    assert "an MP4 (M4A, AAC) file, which this package cannot read; convert it" in message, message
    assert "damaged" not in message
    site.write("talk.md", post(TALK, audio_intro="media/blip.wav"))  # a short sound is a fine intro
    site.build()


def test_a_show_file_is_hashed_in_pieces(tmp_path: Path) -> None:
    """A 1 GB WAV bed was read whole into memory at every build (bug bash 111)."""
    import hashlib
    import tracemalloc

    from mkdocs_convaudio.audio.production import Asset

    big = tmp_path / "bed.wav"
    big.write_bytes(os.urandom(32 << 20))
    tracemalloc.start()
    asset = Asset.of(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert asset.digest == hashlib.sha256(big.read_bytes()).hexdigest()
    assert peak < 4 << 20, peak


def test_render_of_dialogue_files_takes_the_sites_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`render scripts` left out convaudio.toml's `intro` and `video` without a word: a plain MP3, no MP4 (bug bash
    111); `render --posts` took them."""
    from mkdocs_convaudio.cli import main

    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    tone(tmp_path / "media/intro.wav", 1.0, 880.0)
    (tmp_path / "convaudio.toml").write_text('intro = "media/intro.wav"\nvideo = true\n', encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    turns = [{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]
    (tmp_path / "scripts/ep1.json").write_text(json.dumps(turns), encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    mp3 = tmp_path / "out/ep1.mp3"
    assert json.loads(mp3.with_suffix(".json").read_text())["lines"][0]["start"] > 1.0  # after the intro
    movie = read_movie(mp3.with_suffix(".mp4"))
    samples, rate = decode(mp3)
    assert movie.track("soun").duration == pytest.approx(len(samples) / rate, abs=0.1)


def test_render_removes_the_video_and_captions_it_no_longer_writes_from_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`video` (and `captions`) turned off in convaudio.toml left `ep1.mp4` (`ep1.vtt`) in `--out` beside the new
    MP3, to be deployed with it (review r-site7, then only named). A file an earlier run wrote, still as it wrote it,
    goes (`--strict` passes); a file of the same name the user put there, or replaced since, stays, named."""
    from mkdocs_convaudio.cli import main

    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    options = tmp_path / "convaudio.toml"
    options.write_text("video = true\n", encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    turns = [{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]
    (tmp_path / "scripts/ep1.json").write_text(json.dumps(turns), encoding="utf-8")
    (tmp_path / "scripts/ep2.json").write_text(json.dumps(turns[::-1]), encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    assert "no longer write" not in capsys.readouterr().err
    # the user's own file where a video would go, and a video render wrote that the user replaced since
    (tmp_path / "out/ep2.mp4").unlink()
    (tmp_path / "out/ep2.mp4").write_bytes(b"the user's own video")
    options.write_text("captions = false\n", encoding="utf-8")
    assert main(["render", "scripts", "--out", "out", "--strict"]) == 0
    err = capsys.readouterr().err
    assert (
        "removed 3 files from out that an earlier run wrote and this one no longer writes (ep1.mp4, ep1.vtt, "
        "ep2.vtt: a video or captions turned off)"
    ) in err
    assert (
        "1 file in out is no longer written by this run (ep2.mp4: a video or captions turned off), and was not "
        "written as it is by an earlier run: it stays until you delete it" in err
    )
    assert sorted(path.name for path in (tmp_path / "out").iterdir() if path.is_file()) == [
        "ep1.json",
        "ep1.mp3",
        "ep2.json",
        "ep2.mp3",
        "ep2.mp4",
    ]
    assert (tmp_path / "out/ep2.mp4").read_bytes() == b"the user's own video"
    # the same names, made by the user with both off: never the run's
    (tmp_path / "out/ep1.vtt").write_text("WEBVTT\n", encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    assert "removed" not in (err := capsys.readouterr().err) and "(ep1.vtt, ep2.mp4: a video" in err
    assert (tmp_path / "out/ep1.vtt").read_text(encoding="utf-8") == "WEBVTT\n"
    (tmp_path / "out/ep1.vtt").unlink()
    (tmp_path / "out/ep2.mp4").unlink()
    options.write_text("video = true\n", encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    assert "no longer written" not in capsys.readouterr().err
    assert (tmp_path / "out/ep1.mp4").is_file() and (tmp_path / "out/ep1.vtt").is_file()


def test_render_keeps_a_video_the_user_copied_over_the_one_it_wrote_in_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cp my.mp4 out/ep1.mp4` writes into the file render put there, which is a hard link of the cache's video:
    it stayed "the same file as its cache video", and the run that no longer writes the video deleted the user's
    own (review r-site8). The cache's video no longer matches its check record then: the file is named and kept."""
    from mkdocs_convaudio.cli import main

    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    options = tmp_path / "convaudio.toml"
    options.write_text("video = true\n", encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    turns = [{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]
    (tmp_path / "scripts/ep1.json").write_text(json.dumps(turns), encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    capsys.readouterr()
    video = tmp_path / "out/ep1.mp4"
    assert video.stat().st_nlink == 2  # the cache's video, hard-linked
    (tmp_path / "mine.mp4").write_bytes(b"the user's own video" * 1000)
    shutil.copyfile(tmp_path / "mine.mp4", video)  # as `cp` does: the same file, written in place
    options.write_text("video = false\n", encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    err = capsys.readouterr().err
    assert "removed" not in err and "(ep1.mp4: a video or captions turned off), and was not written as it is" in err
    assert video.read_bytes() == b"the user's own video" * 1000


def test_render_removes_what_it_wrote_through_a_symlinked_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out` a symbolic link to the folder (a blog's `static/` linked elsewhere): the record named the files
    `../real/ep1.mp4`, relative to the link, so a video or captions turned off was only named, never removed."""
    from mkdocs_convaudio.cli import main

    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    options = tmp_path / "convaudio.toml"
    options.write_text("video = true\n", encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    turns = [{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]
    (tmp_path / "scripts/ep1.json").write_text(json.dumps(turns), encoding="utf-8")
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to("real")
    assert main(["render", "scripts", "--out", "out"]) == 0
    capsys.readouterr()
    options.write_text("video = false\ncaptions = false\n", encoding="utf-8")
    assert main(["render", "scripts", "--out", "out", "--strict"]) == 0
    err = capsys.readouterr().err
    assert "removed 2 files from out that an earlier run wrote" in err and "not written as" not in err
    assert sorted(path.name for path in (tmp_path / "real").iterdir()) == ["ep1.json", "ep1.mp3"]


def _speech_loudness(site: Site, name: str) -> float:
    """The loudness of the first line's span of a published MP3 (its speech, without the show around it)."""
    mp3 = site.site / f"assets/convaudio/{name}-1.mp3"
    samples, rate = decode(mp3)
    line = site.timings(mp3)["lines"][0]
    return integrated_loudness(samples[int(line["start"] * rate) : int(line["end"] * rate)], rate)


def test_an_outro_does_not_make_a_short_talks_speech_quieter(site: Site) -> None:
    """With a 3 s outro, a one-line talk came out 2.4 dB quieter than without, and `--strict` failed on a warning
    that blamed its voices: the gain search stopped on a flat stretch of the whole's loudness, where the outro
    outweighs the speech (bug bash 111)."""
    tone(site.root / "media/outro.wav", 3.0, 440.0)
    talk = conversation(("A", "Just one line."))
    site.write("plain.md", post(talk))
    site.write("outro.md", post(talk, audio_outro="media/outro.wav"))
    site.build(strict=True)
    assert not [message for message in site.warnings() if "LUFS" in message]
    assert _speech_loudness(site, "outro") == pytest.approx(_speech_loudness(site, "plain"), abs=1.0)
    samples, rate = decode(site.site / "assets/convaudio/outro-1.mp3")
    assert integrated_loudness(samples, rate) == pytest.approx(-16.0, abs=0.6)
    assert true_peak_db(samples, rate) <= -1.0


def test_a_short_talk_whose_bed_pulls_the_whole_down_is_said_but_not_warned(site: Site) -> None:
    """A one-line talk with a bed measures under -16 LUFS as a whole (the bed's lead and tail, quiet by design,
    are most of it) while its speech is at the level: it was a warning blaming its voices, failing `--strict`."""
    (site.root / "media").mkdir()
    drone(site.root / "media/bed.wav", seconds=4.0)
    site.write("short.md", post(conversation(("A", "Just one line.")), audio_music="media/bed.wav"))
    site.build(strict=True)
    said = [record.getMessage() for record in site.caplog.records if "as a whole" in record.getMessage()]
    assert len(said) == 1 and "its speech is at the level" in said[0], said
    assert not [message for message in site.warnings() if "LUFS" in message]
    assert _speech_loudness(site, "short") > -17.0


def test_a_silent_music_bed_is_named_with_the_conversation_and_option(site: Site) -> None:
    """A bed of zeros passes the plan's checks (only decoding tells it is silent): its error named the file alone,
    with no page, line or option (bug bash 111)."""
    (site.root / "media").mkdir()
    soundfile.write(site.root / "media/silent.wav", np.zeros(44100 * 2, dtype=np.float32), 44100)
    site.write("talk.md", post(conversation(("A", "Hello there.")), audio_music="media/silent.wav"))
    message = site.build_error()
    assert re.search(r"talk\.md:\d+: .*silent\.wav: this audio file is empty or silent", message), message
    assert "this conversation's music (the site's `music`, or the post's `audio_music`)" in message, message


def test_looking_past_a_flat_loudness_is_for_shows_only(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The look past a flat stretch (for an outro outweighing a short talk) also ran on plain talks, past the
    limiter's own flat: 8 dB of gain became 40 on a peaky eSpeak line, squashing it (review 115). A talk without a
    show gets the gain it got without the look, and a show's talk whose speech is flat too gets no more either."""
    import mkdocs_convaudio.audio.stream as stream

    seen: list[tuple[Any, ...]] = []
    solve = stream.solve_gain

    def spy(*args: Any) -> tuple[float, bool]:
        seen.append(args)
        return solve(*args)

    monkeypatch.setattr(stream, "solve_gain", spy)
    (site.root / "media").mkdir()
    drone(site.root / "media/bed.wav", seconds=4.0)
    site.write("plain.md", post(conversation(("A", "Wrapped."), ("B", "Salut, ça va ?"), ("A", "Oui."))))
    site.write("bed.md", post(conversation(("A", "Wrapped.")), audio_music="media/bed.wav"))
    site.build()
    assert any(args[5] is None for args in seen) and any(args[5] is not None for args in seen)
    looked = [solve(*args) for args in seen]
    monkeypatch.setattr(stream, "EXPLORE_STEPS", 0)  # the search as it was before it looked further
    assert [solve(*args) for args in seen] == looked


@pytest.mark.parametrize("site_video", [False, True])
def test_a_post_that_sets_one_part_of_the_show_gets_its_own_and_the_others_share_the_sites(
    tmp_path: Path, site_video: bool
) -> None:
    """`ShowPlanner.plan` plans the site's show once for the posts that set none of music, intro, outro or video
    (review of the warm fast path): each of those keys still gives a post its own show, a site that makes videos
    still gives each post its own title card, and the next build's planner reads a changed default sound again."""
    from mkdocs_convaudio.showplan import ShowOptions, ShowPlanner

    for name, frequency in (("bed", 220.0), ("intro", 440.0), ("outro", 660.0), ("other", 880.0)):
        tone(tmp_path / f"{name}.wav", 2.0, frequency)
    options = ShowOptions(music="bed.wav", intro="intro.wav", outro="outro.wav", video=site_video)

    def planner() -> ShowPlanner:
        return ShowPlanner(options, tmp_path, tmp_path, lambda src_path, key: None)

    shows = planner()
    plain = [shows.plan(f"plain-{n}.md", {"title": f"Plain {n}"}, "") for n in range(2)]
    assert plain[0].production == plain[1].production
    assert [show.production.music.path.name for show in plain if show.production.music] == ["bed.wav"] * 2
    if site_video:
        assert [show.video.title for show in plain if show.video] == ["Plain 0", "Plain 1"]
    else:
        assert plain[0] is plain[1] and plain[0].video is None
    for key in ("audio_music", "audio_intro", "audio_outro"):
        own = shows.plan("own.md", {key: "other.wav"}, "")
        sound = getattr(own.production, key.removeprefix("audio_"))
        assert sound is not None and sound.path.name == "other.wav", key
        assert own.production != plain[0].production, key
        assert shows.plan("off.md", {key: "none"}, "").production != plain[0].production, key
    flipped = shows.plan("flipped.md", {"title": "Flipped", "video": not site_video}, "")
    assert (flipped.video is not None) is (not site_video)
    assert shows.plan("plain-2.md", {}, "").production == plain[0].production
    tone(tmp_path / "bed.wav", 2.0, 330.0)  # the default bed edited (`mkdocs serve`): the next build's planner
    again = planner().plan("plain-0.md", {"title": "Plain 0"}, "")
    assert again.production.music is not None and plain[0].production.music is not None
    assert again.production.music.digest != plain[0].production.music.digest
