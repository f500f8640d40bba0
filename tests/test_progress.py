"""Progress: a live bar on a terminal, periodic log lines elsewhere, nothing on a warm rebuild."""

from __future__ import annotations

import io
import threading
import traceback
from pathlib import Path
from typing import Any

import pytest

from mkdocs_convaudio.audio.assembly import AssemblySettings
from mkdocs_convaudio.audio.types import Samples
from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.progress import Progress, ProgressSettings, clock_text
from mkdocs_convaudio.render import Renderer, Stats
from mkdocs_convaudio.store.cache import AudioCache
from mkdocs_convaudio.text.conversation import Conversation, Turn
from tests.fakes.http import Request, Response, serve
from tests.fakes.openai_tts import openai_server
from tests.media import tone


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class MovingClock(FakeClock):
    """A clock that moves `step` seconds at each look: a wait passes with no real waiting."""

    def __init__(self, step: float) -> None:
        super().__init__()
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class Logged(list[str]):
    """The progress lines logged; `said` is set at each one."""

    def __init__(self) -> None:
        super().__init__()
        self.said = threading.Event()

    def append(self, line: str) -> None:
        super().append(line)
        self.said.set()


def test_bar_on_a_terminal_shows_counts_elapsed_and_eta_then_erases_itself() -> None:
    stream, clock = io.StringIO(), FakeClock()
    settings = ProgressSettings(stream=stream, tty=True, clock=clock)
    with Progress("synthesizing", 4, "lines", settings, extra_total=400, extra_unit="characters") as progress:
        clock.now += 30
        progress.advance(1, 100)
        assert stream.getvalue().endswith(
            "\rconvaudio: synthesizing [######..................]  25% 1/4 lines, 100/400 characters, "
            "0:30 elapsed, ETA 1:30\x1b[K"
        )
        clock.now += 0.01  # redrawn at most ten times a second
        progress.advance(1, 100)
        assert stream.getvalue().count("\r") == 1
        clock.now += 30
        progress.advance(2, 200)
        assert "100% 4/4 lines, 400/400 characters, 1:00 elapsed, ETA 0:00" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")  # erased: the build's summary line follows on a clean line


def test_plain_log_lines_every_interval_when_not_a_terminal() -> None:
    logged: list[str] = []
    clock, stream = FakeClock(), io.StringIO()
    settings = ProgressSettings(stream=stream, tty=False, clock=clock, interval=10.0, info=logged.append)
    with Progress("assembling", 60 * 24000 * 3, "min of audio", settings, scale=24000 * 60) as progress:
        clock.now += 4
        progress.advance(24000 * 60)
        assert logged == []  # quick work logs nothing
        clock.now += 8
        progress.advance(24000 * 60)
        assert logged == ["assembling [################........]  66% 2.0/3.0 min of audio, 0:12 elapsed, ETA 0:06"]
        clock.now += 6
        progress.advance(24000 * 60)
    assert len(logged) == 2 and logged[-1].startswith("assembling [########################] 100% 3.0/3.0")
    assert stream.getvalue() == ""
    assert clock_text(3725) == "1:02:05"


def test_cold_build_shows_progress_and_a_warm_rebuild_stays_quiet(tmp_path: Path) -> None:
    stream = io.StringIO()
    renderer = Renderer(
        create_engine("espeak", {}, {}),
        AudioCache(tmp_path),
        AssemblySettings(),
        progress=ProgressSettings(stream=stream, tty=True),
    )
    conversation = Conversation([Turn("AB"[i % 2], f"Line number {i}.", i + 1) for i in range(3)], "talk.md", 1)
    job = renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"})
    renderer.render([job])
    shown = stream.getvalue()
    assert "convaudio: synthesizing [" in shown and "3/3 lines" in shown
    assert "convaudio: assembling [" in shown and "1/1 conversations" in shown
    stream.truncate(0)
    stream.seek(0)
    renderer.render([job])
    assert stream.getvalue() == ""


def test_summary_groups_thousands_as_the_progress_line_does() -> None:
    """The summary of a long build reads like its progress lines (`1,200/1,602 lines`), not `1602 lines`."""
    stats = Stats(conversations=12, lines=1602, synthesized=1200, characters=98765, from_cache=402)
    assert stats.summary() == "12 conversations, 1,602 lines: 1,200 synthesized (98,765 characters), 402 from cache"


def test_the_total_grows_with_work_found_on_the_way() -> None:
    """A conversation encoded again is more work: the bar is not at 100% while it runs (bug bash 79)."""
    stream = io.StringIO()
    clock = iter(float(second) for second in range(100))
    settings = ProgressSettings(stream=stream, tty=False, interval=0, clock=lambda: next(clock), info=lambda text: None)
    progress = Progress("assembling", 100, "samples", settings)
    progress.advance(100)
    assert "100%" in progress.line()
    progress.grow(100)
    assert " 50% 100/200 samples" in progress.line()


def test_a_build_is_never_silent_longer_than_the_interval_across_its_phases() -> None:
    """9 s of synthesis logged nothing, and the assembly after it counted its own 10 s: 19 s without a line in CI
    (bug bash 107). The phases of a build share the interval; a new build starts it again."""
    logged: list[str] = []
    clock = FakeClock()
    settings = ProgressSettings(stream=None, clock=clock, interval=10.0, info=logged.append)
    settings.start_run()
    with Progress("synthesizing", 10, "lines", settings) as synthesis:
        clock.now += 9
        synthesis.advance(10)
    assert logged == []  # a quick phase logs nothing
    with Progress("assembling", 4, "min of audio", settings) as assembly:
        clock.now += 2
        assembly.advance(1)
        assert len(logged) == 1 and logged[0].startswith("assembling [")  # 11 s into the build
    settings.start_run()  # the next build: quick work logs nothing again
    logged.clear()
    with Progress("synthesizing", 1, "lines", settings) as synthesis:
        clock.now += 1
        synthesis.advance(1)
    assert logged == []


def test_the_last_line_is_logged_once_when_the_end_came_with_a_line() -> None:
    """Bug bash 130: a phase whose last advance logged its 100 % line logged it again at its close."""
    logged: list[str] = []
    clock = FakeClock()
    settings = ProgressSettings(stream=io.StringIO(), tty=False, clock=clock, interval=10.0, info=logged.append)
    with Progress("synthesizing", 2, "lines", settings) as progress:
        clock.now += 11
        progress.advance()
        clock.now += 11
        progress.advance()
    assert [line.split("]")[1].split(",")[0] for line in logged] == ["  50% 1/2 lines", " 100% 2/2 lines"]


def test_the_eta_counts_down_from_the_last_work_done_and_never_reads_zero_with_work_left() -> None:
    """99 of 100 lines in 99 s and the last one waiting a minute for its answer: the ETA read "0:02" (the pace of
    the whole run, times one line) for the whole minute, and "0:00" on a longer run. It counts down from the last
    line done, and reads "--:--" once the wait is longer than the pace says the rest should take."""
    logged: list[str] = []
    clock = FakeClock()
    settings = ProgressSettings(stream=None, clock=clock, interval=10.0, info=logged.append)
    settings.start_run()
    with Progress("synthesizing", 100, "lines", settings) as progress:
        for _ in range(99):
            clock.now += 1
            progress.advance()
        assert progress.line().endswith("99/100 lines, 1:39 elapsed, ETA 0:01")
        clock.now += 10
        progress.tick()
        assert logged[-1].endswith("99/100 lines, 1:49 elapsed, ETA --:--")
        clock.now += 50
        assert progress.line().endswith("99/100 lines, 2:39 elapsed, ETA --:--")
    with Progress("synthesizing", 10, "lines", settings) as progress:
        clock.now += 20
        progress.advance(2)  # 10 s a line: 80 s left
        clock.now += 30
        assert progress.line().endswith("2/10 lines, 0:50 elapsed, ETA 0:50")


def test_time_passing_with_nothing_done_is_logged_every_interval() -> None:
    """A provider that answers slowly (a line's 60 s timeout, then 120 s) or a retry's wait: no line was done, so
    nothing was logged in CI, however long it took (bug bash h-cloud). `tick()` logs the line each interval."""
    logged: list[str] = []
    clock = FakeClock()
    settings = ProgressSettings(stream=None, clock=clock, interval=10.0, info=logged.append)
    settings.start_run()
    with Progress("synthesizing", 2, "lines", settings) as progress:
        clock.now += 9
        progress.tick()
        assert logged == []
        clock.now += 2
        progress.tick()
        assert logged == ["synthesizing [........................]   0% 0/2 lines, 0:11 elapsed, ETA --:--"]
        clock.now += 9
        progress.tick()
        assert len(logged) == 1
        clock.now += 1
        progress.tick()
        assert len(logged) == 2 and "0:21 elapsed" in logged[-1]


def test_a_slow_answer_is_not_silent_in_ci(tmp_path: Path) -> None:
    """The build's progress is told the time while it waits for an answer: the line that waits is only answered
    once a progress line was logged (the clock moves 4 s at each look: no real waiting)."""
    moving, logged = MovingClock(4), Logged()
    said, info = logged.said, logged.append

    server = openai_server(api_key="sk-test-SECRET123")
    answer = server.routes[("POST", "/v1/audio/speech")]

    def slow(request: Request) -> Response:
        said.wait(10)
        return answer(request)

    server.routes[("POST", "/v1/audio/speech")] = slow
    with serve(server):
        engine = create_engine("openai", {"base_url": f"{server.url}/v1"}, {"OPENAI_API_KEY": "sk-test-SECRET123"})
        renderer = Renderer(
            engine,
            AudioCache(tmp_path),
            AssemblySettings(),
            progress=ProgressSettings(stream=None, clock=moving, interval=10.0, info=info),
        )
        conversation = Conversation([Turn("A", "A line the provider is slow to answer.", 1)], "talk.md", 1)
        renderer.render([renderer.prepare(conversation, "en", {"A": "nova"})])
    assert said.is_set() and logged[0].startswith("synthesizing [........................]   0% 0/1 lines"), logged


def test_a_dumb_terminal_gets_log_lines_not_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """`TERM=dumb` (Jenkins' and `docker -t`'s pseudo-terminals keep every byte): no carriage returns or escapes."""

    class DumbTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "dumb")
    logged: list[str] = []
    clock, stream = FakeClock(), DumbTerminal()
    settings = ProgressSettings(stream=stream, clock=clock, info=logged.append)
    with Progress("synthesizing", 2, "lines", settings) as progress:
        clock.now += 11
        progress.advance()
    assert stream.getvalue() == "" and len(logged) == 1
    monkeypatch.setenv("TERM", "xterm-256color")
    assert settings.live


def test_a_long_stretch_of_assembly_with_no_block_done_is_not_silent_in_ci(tmp_path: Path) -> None:
    """Bug bash h-long: assembly was told the time only when a block was done, so a stretch without one (a
    two-hour MP3 with a music bed checked whole for its true peak after its last block: 16 s) logged nothing in
    CI. A block held until a progress line is logged shows it is told the time while it waits (the clock moves 4 s
    at each look: no real waiting)."""
    moving, logged = MovingClock(4), Logged()
    said, info = logged.said, logged.append

    renderer = Renderer(
        create_engine("espeak", {}, {}),
        AudioCache(tmp_path),
        AssemblySettings(),
        progress=ProgressSettings(stream=None, clock=moving, interval=10.0, info=info),
    )
    held: list[bool] = []

    def hold_first_block(start: int, block: Samples) -> Samples:
        if not held:
            said.clear()  # what synthesis logged does not count
            held.append(said.wait(10))
        return block

    renderer.block_processors = lambda job, plan: (hold_first_block,)
    conversation = Conversation([Turn("AB"[i % 2], f"Line number {i}.", i + 1) for i in range(2)], "talk.md", 1)
    renderer.render([renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"})])
    assert held == [True], logged
    assert any(line.startswith("assembling [........................]   0%") for line in logged), logged


def test_a_phase_with_nothing_done_yet_shows_its_bar_on_a_terminal_after_a_second() -> None:
    """Bug bash h-long: on a terminal the bar was first drawn when something was done, so a one-line edit of a
    two-hour conversation showed nothing for its assembly's first 6 s (the segments' plan), then a bar at 0 % with
    an ETA of 29 minutes; the clock moved on only once a bar was there. A quick phase draws no bar at 0 %: only
    the one its work drew, as before."""
    stream, clock = io.StringIO(), FakeClock()
    settings = ProgressSettings(stream=stream, tty=True, clock=clock)
    with Progress("assembling", 4, "min of audio", settings) as quick:
        clock.now += 0.9
        quick.tick()
        quick.advance(4)
    shown = stream.getvalue()  # a quick phase: its only bar is the one of its end
    assert "  0%" not in shown and shown.endswith("100% 4/4 min of audio, 0:01 elapsed, ETA 0:00\x1b[K\r\x1b[K")
    stream.truncate(0)
    stream.seek(0)
    with Progress("assembling", 4, "min of audio", settings) as slow:
        clock.now += 0.5
        slow.tick()
        assert stream.getvalue() == ""
        clock.now += 0.6
        slow.tick()
        assert stream.getvalue() == (
            "\rconvaudio: assembling [........................]   0% 0/4 min of audio, 0:01 elapsed, ETA --:--\x1b[K"
        )


def test_a_shows_bed_worked_out_before_the_first_block_is_a_phase_of_its_own_in_ci(tmp_path: Path) -> None:
    """Bug bash h-long: the figures of a show's music bed are worked out over the whole conversation before its
    first block is encoded, outside the assembly's progress: a two-hour conversation with a bed logged nothing for
    98 s after `Building documentation`. Review r-long: told to the assembly's phase, they left its bar at 0 % all
    that while, and its ETA then counted them as assembly (0:37 left where 0:14 was). They are a phase of their own,
    whose bar moves, and the assembly's begins after them (the clock moves 4 s at each look: no real waiting)."""
    from mkdocs_convaudio.audio.production import Asset, Production

    clock = FakeClock()

    def moving() -> float:
        clock.now += 4
        return clock.now

    logged: list[tuple[str, bool]] = []

    def info(line: str) -> None:  # the line, and whether the show's figures were being worked out
        logged.append((line, any(frame.name == "figures" for frame in traceback.extract_stack())))

    renderer = Renderer(
        create_engine("espeak", {}, {}),
        AudioCache(tmp_path),
        AssemblySettings(),
        progress=ProgressSettings(stream=None, clock=moving, interval=10.0, info=info),
    )
    production = Production(music=Asset.of(tone(tmp_path / "bed.wav", 3.0, 220.0)))
    conversation = Conversation([Turn("AB"[i % 2], f"Line number {i}.", i + 1) for i in range(2)], "talk.md", 1)
    renderer.render([renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"}, production)])
    during = [line for line, in_figures in logged if in_figures]
    assert len(during) >= 2 and all(line.startswith("measuring the show [") for line in during), logged
    percents = [int(line.split("]")[1].split("%")[0]) for line in during]
    assert percents == sorted(set(percents)) and percents[0] > 0, logged  # it moves, never backwards
    assert any(line.startswith("assembling [") for line, _ in logged), logged


def test_a_quick_shows_measuring_draws_no_bar_on_a_terminal(tmp_path: Path) -> None:
    """Review r-long: a show's measuring is a phase (see above) that takes a fraction of a second for most posts;
    on a terminal it draws its bar only once it is a second old, so a build with a short show draws no more than
    before it was a phase (the clock stands still here: the phase is never a second old)."""
    from mkdocs_convaudio.audio.production import Asset, Production

    stream = io.StringIO()
    renderer = Renderer(
        create_engine("espeak", {}, {}),
        AudioCache(tmp_path),
        AssemblySettings(),
        progress=ProgressSettings(stream=stream, tty=True, clock=FakeClock()),
    )
    production = Production(music=Asset.of(tone(tmp_path / "bed.wav", 3.0, 220.0)))
    conversation = Conversation([Turn("AB"[i % 2], f"Line number {i}.", i + 1) for i in range(2)], "talk.md", 1)
    renderer.render([renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"}, production)])
    assert "convaudio: assembling [" in stream.getvalue() and "measuring" not in stream.getvalue()
    stream.truncate(0)
    stream.seek(0)
    clock = FakeClock()
    settings = ProgressSettings(stream=stream, tty=True, clock=clock)
    with Progress("measuring the show", 4, "min of audio", settings, drawn_after=1.0) as slow:
        slow.advance(1)
        assert stream.getvalue() == ""
        clock.now += 1.0
        slow.advance(1)
        assert "measuring the show [############............]  50% 2/4 min of audio, 0:01 elapsed" in stream.getvalue()


def test_ctrl_c_while_assembling_says_what_was_kept_and_the_next_build_goes_on_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the MP3 was encoded (every line synthesized) printed only MkDocs' "Aborted!", though the lines
    and the segments encoded were kept. The build says what it kept and that the next one goes on from there, as a
    stop during synthesis does; no half-written MP3 is left, and the next build uses the segments kept. The clock
    moves 4 s at each look (no real waiting); Ctrl-C comes as a terminal gives it, to the main thread, once three
    segments are stored."""
    import re
    import signal

    said: list[str] = []
    cache = AudioCache(tmp_path)

    def renderer() -> Renderer:
        progress = ProgressSettings(stream=None, clock=MovingClock(4), interval=10.0, info=Logged().append)
        made = Renderer(create_engine("espeak", {}, {}), cache, AssemblySettings(), info=said.append, progress=progress)
        return made

    put_segment = cache.put_segment

    def interrupt_after_the_third_segment(content: str, gain_db: float, ceiling_db: float, *data: Any) -> None:
        put_segment(content, gain_db, ceiling_db, *data)
        if cache.segments_stored == 3:
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    lines = [Turn("AB"[i % 2], f"Line number {i}, said at some length to make blocks.", i + 1) for i in range(60)]
    conversation = Conversation(lines, "talk.md", 1)
    stopped = renderer()
    monkeypatch.setattr(cache, "put_segment", interrupt_after_the_third_segment)
    job = stopped.prepare(conversation, "en", {"A": "m3", "B": "f2"})
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            stopped.render([job])
    finally:
        signal.signal(signal.SIGINT, previous)
    [message] = [line for line in said if line.startswith("before it stopped")]
    found = re.fullmatch(
        r"before it stopped, this build assembled 0 of 1 conversation and encoded (\d+) segments? of MP3, kept in "
        r"the cache with all the lines: the next build synthesizes nothing again and goes on from there \(no "
        r"half-written MP3 is kept\)",
        message,
    )
    assert found is not None, message
    kept = sorted((tmp_path / "segments").rglob("*.mp3"))
    assert int(found[1]) == len(kept) > 0, (message, kept)
    assert not cache.has_conversation(job.key)
    assert not [path for path in tmp_path.rglob("*.tmp")], "a half-written file was left"
    monkeypatch.undo()
    stats = renderer().render([job])
    assert stats.synthesized == 0 and cache.has_conversation(job.key)
    # the next build went on from the segments kept: each is part of the finished MP3, at the level it was kept
    recorded = set(cache.conversation_segments(job.key))
    assert all(path.exists() and path.name.split(".")[0] in recorded for path in kept), (kept, recorded)


def test_ctrl_c_while_the_show_is_measured_says_what_was_kept(tmp_path: Path) -> None:
    """Before the first block is encoded, a show's bed is measured over the whole conversation (a minute and more
    for a two-hour one): Ctrl-C there printed only MkDocs' "Aborted!", as in the assembly once did. It says that
    every line is kept and the next build goes on from there (Ctrl-C comes as the phase logs its line: the clock
    moves 4 s at each look, no real waiting)."""
    from mkdocs_convaudio.audio.production import Asset, Production

    said: list[str] = []

    def interrupt_while_measuring(line: str) -> None:
        if line.startswith("measuring the show ["):
            raise KeyboardInterrupt

    renderer = Renderer(
        create_engine("espeak", {}, {}),
        AudioCache(tmp_path),
        AssemblySettings(),
        info=said.append,
        progress=ProgressSettings(stream=None, clock=MovingClock(4), interval=10.0, info=interrupt_while_measuring),
    )
    production = Production(music=Asset.of(tone(tmp_path / "bed.wav", 3.0, 220.0)))
    conversation = Conversation([Turn("AB"[i % 2], f"Line number {i}.", i + 1) for i in range(2)], "talk.md", 1)
    job = renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"}, production)
    with pytest.raises(KeyboardInterrupt):
        renderer.render([job])
    assert [line for line in said if line.startswith("before it stopped")] == [
        "before it stopped, this build assembled 0 of 1 conversation, every line kept in the cache: the next build "
        "synthesizes nothing again and goes on from there (no half-written MP3 is kept)"
    ], said
