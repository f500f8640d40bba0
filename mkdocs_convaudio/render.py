"""Plan, synthesize and assemble conversations: cache first, bounded parallel requests, one encode each."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor
from concurrent.futures import wait as _wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .audio.assembly import AssemblySettings
from .audio.production import Production
from .audio.turn_gaps import TurnCue, speaker_change_gap
from .audio.types import Audio
from .engines.base import Engine
from .errors import ConvaudioError, EngineError, VoiceRejected, listed, raise_all
from .pools import close_pool
from .progress import Progress, ProgressSettings
from .retry import RetryPolicy, call_with_retries
from .store.build_segments import BuildSegments
from .store.cache import AudioCache, Verdict, content_key
from .text.chunking import split_text
from .text.conversation import Conversation, Turn
from .text.spoken import plain_text
from .text.spoken.scripts import unreadable_scripts
from .text.spoken_memo import SpokenMemo, code_version

if TYPE_CHECKING:
    from .text.spoken import Lexicon

if TYPE_CHECKING:
    from .audio.figures import LineFigures
    from .audio.show import Show
    from .audio.stream import BlockProcessor, Layout, Result

#: The timings field of a conversation short of its `loudness`: the level it reached (see `Result.shortfall`)
LOUDNESS_SHORT = "loudness_short"
#: The timings field of a balanced conversation: the dB each speaker's lines were raised by (see `speaker_gains_db`)
SPEAKER_GAINS = "speaker_gains_db"
#: The timings field of a conversation short of its `loudness` because its voices were lowered to meet one the
#: limiter holds under it (`speaker_balance`): the level they met at; the build says it at INFO, not as a warning
LOUDNESS_MET = "loudness_met"


def speaker_gains_db(gains: dict[str, float]) -> dict[str, float]:
    """The gains `balance_speakers` gave the speakers, by speaker, as the timings file keeps them (hundredths of a
    dB, never `-0.0`)."""
    return {speaker: round(gain, 2) + 0.0 for speaker, gain in sorted(gains.items())}


#: Lines a build reads as written when spelling them out fails; one more stops the build before anything is made.
UNSPELLED_LIMIT = 3
#: Where a build with a shared cache draws the order of its new lines from (`Renderer.synthesis_order`): a source
#: of the process's own, so two machines do not go through the same new lines in step (tests give it a seed).
SYNTHESIS_ORDER = random.Random()
#: Seconds between two looks for a line a build on another machine is making (`Renderer._wait_for_claim`).
CLAIM_POLL = 0.5
#: Seconds a build waits, in all, for lines builds on other machines claimed, by this machine's clock: past it, it
#: makes them itself. The claims' own age is the store's clock against this machine's: a clock behind by an hour,
#: or a store that dates nothing, kept a stopped build's claim fresh, and the build waited that long, or forever.
CLAIM_WAIT = 60.0


@dataclass(frozen=True)
class Limits:
    """Sizes past which a conversation is refused before any synthesis: a pasted book as one line, or a file
    of 20,000 turns, would otherwise run for minutes and gigabytes (or cost money) before anything is said."""

    #: Longest line (as written, markup included), in characters.
    max_line_characters: int = 10_000
    #: Longest conversation, in seconds of estimated speech and pauses.
    max_duration: float = 2 * 3600.0


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (`timeout`, `docker stop`, a CI job cancelled) stops synthesis as Ctrl-C does: queued lines are not
    sent and the running ones finish into the cache; its default killed the process with answers paid for and
    lost. Only in the main thread, which alone may handle signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def end_quietly_on_next_interrupt() -> None:
    """After a second Ctrl-C the build is leaving, but Python still waits at exit for the requests on their way
    (`threading._shutdown` joins the workers): a third Ctrl-C there printed a traceback from it (bug bash 140). It
    ends the process at once, with one line and the status of an interrupt. Only from the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return

    def leave(signum: int, frame: object) -> None:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.write(
                "\nmkdocs-convaudio: stopped at once; the answers of the requests still on their way are not kept\n"
            )
            sys.stderr.flush()
        os._exit(130)

    signal.signal(signal.SIGINT, leave)


#: How often the main thread wakes while lines are synthesized. A signal the kernel gives another thread (Ctrl-C,
#: SIGTERM) is handled only when the main thread runs: blocked on the futures, it slept until every line was sent.
SIGNAL_POLL = 0.05


def _wait_for_first_failure(futures: list[Future[Any]], progress: Progress | None = None) -> None:
    """Until every future is done or one has failed, waking every `SIGNAL_POLL` s to handle a pending signal, and
    to tell `progress` the time (a slow answer is not silent)."""
    while True:
        done, pending = _wait(futures, timeout=SIGNAL_POLL, return_when=FIRST_EXCEPTION)
        if not pending or any(not future.cancelled() and future.exception() is not None for future in done):
            return
        if progress is not None:
            progress.tick()


def _duration(seconds: float) -> str:
    """ "40 seconds", "35 minutes": a limit or an estimate in words (0.03 minutes says little)."""
    if seconds >= 120:
        return f"{seconds / 60:,.0f} minutes"
    return f"{seconds:,.0f} second{'s' * (round(seconds) != 1)}"  # "1 seconds" read as a typo


@dataclass(frozen=True)
class LinePart:
    """One request's worth of a turn: a whole line, or a piece of a line longer than the engine's limit."""

    key: str
    text: str
    voice: str
    language: str
    turn: Turn
    source_path: str
    #: the keys this part had before keys held only what reaches the provider (`Engine.key_settings`), where
    #: they differ (its twins' on pages of other regions too, see `unique_jobs`): a line cached under one of
    #: them is taken, not paid for again
    legacy_keys: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Its key, and its legacy keys: what `cache prune` keeps for it."""
        return (self.key, *self.legacy_keys)


def unique_jobs(jobs: Iterable[Job]) -> list[Job]:
    """Each conversation once, each part with its twins' legacy keys too: a page of another region (`en-US`) may
    hold the line under a legacy key that the same conversation on an `en` page lacks (review 115: it was paid for
    again)."""
    kept: dict[str, Job] = {}
    for job in jobs:
        first = kept.setdefault(job.key, job)
        if first is not job and any(part.legacy_keys for part in job.all_parts):
            first.parts = [
                [
                    replace(mine, legacy_keys=tuple(dict.fromkeys((*mine.legacy_keys, *theirs.legacy_keys))))
                    if mine.key == theirs.key
                    else mine
                    for mine, theirs in zip(my_turn, their_turn, strict=False)
                ]
                for my_turn, their_turn in zip(first.parts, job.parts, strict=False)
            ]
    return list(kept.values())


@dataclass
class Job:
    """A conversation ready to render: voices resolved, lines split and keyed."""

    key: str
    conversation: Conversation
    language: str
    voices: dict[str, str]
    parts: list[list[LinePart]]
    production: Production = field(default_factory=Production)
    #: Problems a build can survive, located (`file:line: ...`), for the caller to log.
    warnings: list[str] = field(default_factory=list)

    @property
    def all_parts(self) -> list[LinePart]:
        return [part for turn_parts in self.parts for part in turn_parts]


@dataclass
class Stats:
    """What one build did, for the summary line users watch to follow cost."""

    conversations: int = 0
    lines: int = 0
    synthesized: int = 0
    #: characters sent to the engine: each line synthesized once, and `resent` more
    characters: int = 0
    #: characters sent again after a try the provider may have billed (a timeout, an unusable answer)
    resent: int = 0
    from_cache: int = 0
    #: the languages of the lines synthesized
    languages: set[str] = field(default_factory=set)
    #: the keys of the conversations this build assembled (not found in the cache)
    assembled: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"{self.conversations:,} conversation{'s' * (self.conversations != 1)}, {self.lines:,} "
            f"line{'s' * (self.lines != 1)}: {self.synthesized:,} synthesized "
            f"({sent_characters(self.characters, self.resent)}), "
            f"{self.from_cache:,} from cache"
        )


def sent_characters(characters: int, resent: int, unkept: int = 0) -> str:
    """ "120 characters", or "173 characters sent, 53 of them again after timeouts, lost or unusable answers": what was
    paid for, re-sends included (bug bash 140: a line sent again after a timeout was counted once), and the tries
    of lines a stopped build gave up on (`unkept`), which may have been billed too."""
    counted = f"{characters:,} character{'s' * (characters != 1)}"  # "1 characters" read as a typo (review)
    if not resent and not unkept:
        return counted
    parts = [f"{resent:,} of them again after timeouts, lost or unusable answers"] if resent else []
    if unkept:
        parts.append(f"{unkept:,} in tries of lines not made, which may be billed")
    return f"{counted} sent, " + ", ".join(parts)


@dataclass
class Budget:
    """What a build may still send to a paid engine (`max_characters`, less what the run sent before), the
    characters of the lines it planned, and those it sent again: a re-send past the budget is not sent."""

    left: int
    planned: int
    resent: int = 0
    #: characters of the last try of lines that were not made, when that try may have been billed
    unkept: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def lose(self, characters: int) -> None:
        """Count a try that may have been billed, of a line the build then gave up on."""
        with self.lock:
            self.unkept += characters

    def resend(self, characters: int) -> int | None:
        """Count a re-send of `characters`; None (counted) when it fits, else the total it would have made."""
        with self.lock:
            total = self.planned + self.resent + characters
            if total > self.left:
                return total
            self.resent += characters
            return None


@dataclass
class ConversationEstimate:
    """What a build would send for one conversation (its cache misses), and how long its audio is."""

    source_path: str
    source_line: int
    lines: int = 0
    characters: int = 0
    price: float = 0.0
    #: the length of its audio: the MP3's when `made`, else as assembly would lay it out (`estimated_duration`)
    seconds: float = 0.0
    #: whether its MP3 is made (cached and verified): `seconds` is then the real length, not an estimate
    made: bool = False


@dataclass
class Estimate:
    """Cache misses per conversation, their price with the configured engine, and each conversation's length."""

    engine: str
    conversations: list[ConversationEstimate] = field(default_factory=list)

    @property
    def lines(self) -> int:
        return sum(row.lines for row in self.conversations)

    @property
    def characters(self) -> int:
        return sum(row.characters for row in self.conversations)

    @property
    def price(self) -> float:
        return sum(row.price for row in self.conversations)

    @property
    def seconds(self) -> float:
        return sum(row.seconds for row in self.conversations)


class AssemblyStopped(Exception):
    """An assembly stopped because the build is stopping (Ctrl-C, SIGTERM): the main thread raises the reason."""


class Renderer:
    """Turns conversations into cached MP3s with one engine; knows nothing of MkDocs."""

    def __init__(
        self,
        engine: Engine,
        cache: AudioCache,
        settings: AssemblySettings,
        *,
        workers: int | None = None,
        retry: RetryPolicy | None = None,
        prices: Mapping[str, float] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        warn: Callable[[str], None] = lambda message: None,
        info: Callable[[str], None] = lambda message: None,
        limits: Limits | None = None,
        lexicon: Lexicon | None = None,
        progress: ProgressSettings | None = None,
    ) -> None:
        self.engine = engine
        self.lexicon = lexicon
        #: spoken text per line, remembered across builds in the cache folder
        self.spoken_memo = SpokenMemo(cache.memo("spoken", code_version()), lexicon)
        self.limits = limits or Limits()
        #: Conversations planned by `prepare` (tests count them: a warm build replays pages instead).
        self.prepared = 0
        #: Lines whose spelling failed in this build, read as written instead (see `UNSPELLED_LIMIT`).
        self.unspelled = 0
        self.generate = True
        #: Damaged cache entries already reported in this build (each is reported once).
        self._reported: set[str] = set()
        self.cache = cache
        self.settings = settings
        self.workers = max(1, workers or engine.default_concurrency)
        self.retry = retry or RetryPolicy()
        self.prices = dict(prices or {})
        self.sleep = sleep
        #: What the wait for lines claimed elsewhere is measured with (tests pass one their `sleep` moves on).
        self.clock = clock
        #: When this build stops waiting for lines claimed elsewhere (`_wait_for_claim`): set by the first wait.
        self._claim_deadline: float | None = None
        self._first_lock = threading.Lock()
        #: requests to the engine under way: what a stopping build waits for (a line sleeping before its next
        #: try is not one, it wakes and stops at once)
        self._sending = 0
        #: the keys of the lines whose request is under way or whose answer is being put into the cache: after a
        #: second Ctrl-C they are finished into the cache on the way out, after the build has said what it kept
        self._answering: set[str] = set()
        self._sending_lock = threading.Lock()
        self.warn = warn
        self.info = info
        #: independent conversations are assembled in parallel, one per core
        self.assembly_workers = max(1, os.cpu_count() or 1)
        self.progress = progress if progress is not None else ProgressSettings(info=info)
        #: Hook for what is mixed into a conversation's stream (a music bed, an intro): called once per
        #: conversation with its job and layout, it returns the `BlockProcessor`s that `stream.encode` applies,
        #: in order, to every block after the gain and before the limiter.
        self.block_processors: Callable[[Job, Layout], Sequence[BlockProcessor]] = self.show_processors
        #: Samples up to which a conversation's MP3 is decoded whole and measured (None: `stream.VERIFY_LIMIT`, six
        #: minutes); a longer show is measured window by window (a test makes a short show "long" with it).
        self.verify_limit: int | None = None
        #: the produced show (music bed, intro, outro) of each conversation being assembled, by job key
        self._shows: dict[str, Show] = {}
        #: segments of one conversation encoded at once (see `_assemble_all`)
        self._segment_workers = 1
        #: the segments this build's conversations wrote, each seeing only its own (see `build_segments.py`)
        self._segments = BuildSegments(cache)
        self._assembly_stop = threading.Event()  # set when the build stops while conversations are assembled
        #: what this render may send, and sent again (see `Budget`); no limit but the count for a free engine
        self._budget = Budget(left=2**62, planned=0)
        self._max_characters: int | None = None

    # -- planning ---------------------------------------------------------------------------------------
    def prepare(
        self,
        conversation: Conversation,
        language: str,
        voices: Mapping[str, str],
        production: Production | None = None,
    ) -> Job:
        """Resolve each speaker's voice for `language`, split long lines, and key every part."""
        self.prepared += 1
        self.check_line_limits(conversation, language)
        production = production or Production()
        resolved = {speaker: self.engine.resolve_voice(identity, language) for speaker, identity in voices.items()}
        settings = self.engine.sound_settings()
        # a voice's own settings (a local model's checksum) join its keys; absent for engines without any,
        # so their keys stay what they were
        per_voice = {
            voice: {"voice_settings": found}
            for voice in set(resolved.values())
            if (found := self.engine.voice_sound_settings(voice))
        }
        # what each voice's requests hold (see `Engine.key_settings`, `Engine.key_language`)
        sent = {voice: self.engine.key_settings(voice) for voice in set(resolved.values())}
        sent_language = self.engine.key_language(language)
        parts: list[list[LinePart]] = []
        unreadable: dict[str, list[int]] = {}
        unspelled: list[tuple[int, Exception]] = []
        readable = self.engine.readable_scripts(language)
        for turn in conversation.turns:
            voice = resolved[turn.speaker]
            try:
                words = turn.say if turn.say else self.spoken_memo.spoken(turn.spoken_line, language)
            except ConvaudioError:
                raise
            except Exception as error:  # a rule that fails on a line must not end the build (nor cost a traceback)
                self.unspelled += 1
                if self.unspelled > UNSPELLED_LIMIT:
                    # a rule broken for every line: stop before paying for lines that will be spoken again once fixed
                    raise ConvaudioError(
                        f"this line's formulas and symbols could not be put into words ({type(error).__name__}: "
                        f"{error}), nor could {UNSPELLED_LIMIT} lines before it; stopping before any audio is made. "
                        "This is a bug in mkdocs-convaudio: please report the line; meanwhile, give such turns a "
                        '"say" with the words to speak',
                        conversation.source_path,
                        turn.source_line,
                    ) from None
                words = plain_text(turn.spoken_line)
                unspelled.append((turn.source_line, error))
            text, scripts = unreadable_scripts(words, readable)
            for script in scripts:
                unreadable.setdefault(script, []).append(turn.source_line)
            # a line with nothing readable left keeps its place in the transcript; it takes no time (`_layout`)
            pieces = split_text(text, self.engine.input_limit, self.engine.measure) if text else [""]
            turn_parts = []
            for piece in pieces:
                line = {"engine": self.engine.name, "voice": voice, "text": piece, **per_voice.get(voice, {})}
                key = content_key({**line, "language": sent_language, "settings": sent[voice]})
                legacy = content_key({**line, "language": language, "settings": settings})
                turn_parts.append(
                    LinePart(
                        key=key,
                        text=piece,
                        voice=voice,
                        language=language,
                        turn=turn,
                        source_path=conversation.source_path,
                        legacy_keys=(legacy,) if legacy != key else (),
                    )
                )
            parts.append(turn_parts)
        # checked once split as synthesized (each part is said on its own), from the text alone, never the cache
        if too_long := self._duration_problem(conversation, language, parts):
            raise too_long
        # "peaks": a produced conversation longer than 6 minutes made before its MP3's true peak was checked could
        # be over the ceiling (a music bed makes the encoder overshoot); made again once, from cached lines
        recipe: dict[str, Any] = {"production": production.key(), "peaks": "checked"} if production.active else {}
        key = content_key(
            {
                **recipe,
                "conversation": [[part.key for part in turn_parts] for turn_parts in parts],
                "speakers": [turn_parts[0].turn.speaker for turn_parts in parts],
                # the timings file carries the written lines: two pages that say the same words with
                # different markup share line audio but not the transcript text
                "written": [turn_parts[0].turn.line for turn_parts in parts],
                "assembly": asdict(self.settings),
                # 2: the gain stops short of pushing the limiter for the last tenths of a LU (bug bash 134):
                # every conversation assembled before sounds squashed, and is assembled again once
                "levels": 2,
                # 2: the pause at a change of speaker follows the turns (`pause_variation`), and a line with nothing
                # to say (only an emoji) takes no time, where it was 1.5 s of silence (bug bash 139)
                "layout": 2,
            }
        )
        warnings = [
            f"{conversation.source_path}:{line}: this line's formulas and symbols could not be put into words "
            f'({type(error).__name__}: {error}), so it is read as written without them; give the turn a "say" '
            "with the words to speak, and please report the line"
            for line, error in unspelled
        ]
        if unreadable:
            lines = sorted({line for numbers in unreadable.values() for line in numbers})
            shown = ", ".join(map(str, lines[:8])) + (", ..." if len(lines) > 8 else "")
            warnings.append(
                f"{conversation.source_path}:{lines[0]}: {len(lines)} line(s) of this conversation (line {shown}) "
                f"are written in {listed(unreadable)}, which the {self.engine.name} voice for {language!r} "
                "cannot read, so those letters are left out of the audio; choose an engine and voice that speak "
                'this language, set the page\'s `lang`, or give these lines a "say" or an entry in the '
                "pronunciation lexicon"
            )
        return Job(
            key=key,
            conversation=conversation,
            language=language,
            voices=resolved,
            parts=parts,
            warnings=warnings,
            production=production,
        )

    def check_line_limits(self, conversation: Conversation, language: str) -> None:
        """Refuse, at its line, a line past `max_line_characters` before it is spelled or keyed; its conversation's
        length is said with it, when over `max_duration` too (estimated from its text, as in `prepare`), so
        that one build names every limit passed. `prepare` checks the length of the others once they are keyed."""
        limits = self.limits
        problems = [
            ConvaudioError(
                f"this line has {len(turn.line):,} characters, more than max_line_characters "
                f"({limits.max_line_characters:,}); split it into several turns, or raise max_line_characters",
                conversation.source_path,
                turn.source_line,
            )
            for turn in conversation.turns
            if len(turn.line) > limits.max_line_characters
        ]
        if problems and (duration := self._duration_problem(conversation, language)):
            problems.append(duration)
        raise_all(problems)

    def _duration_problem(
        self, conversation: Conversation, language: str, parts: Sequence[Sequence[LinePart]] | None = None
    ) -> ConvaudioError | None:
        """The error of a conversation longer than `max_duration`, else None: estimated from its text alone
        (`estimated_duration` without the cache), so that the same text gets the same answer whatever the cache
        holds: a conversation that passed a cold build passes a warm one and CI (review 212)."""
        seconds, characters = self.estimated_duration(conversation, language, parts, cached=False)
        if seconds <= self.limits.max_duration:
            return None
        return ConvaudioError(
            f"this conversation would last about {_duration(seconds)} ({len(conversation.turns):,} "
            f"line{'s' * (len(conversation.turns) != 1)}, {characters:,} characters to speak), more than max_duration "
            f"({_duration(self.limits.max_duration)}); split it into several conversations, or raise "
            "max_duration (in seconds)",
            conversation.source_path,
            conversation.source_line,
        )

    def _spoken(self, turn: Turn, language: str) -> str:
        """The words a turn's audio says: its spoken text (a formula is longer spoken than written: the estimate
        fell 20 to 40 % short for the example site's linear algebra), as `prepare` makes it (the memo keeps it);
        a line past max_line_characters (refused anyway), or one whose spoken text fails (which `prepare`
        reports), as written."""
        if turn.say:
            return turn.say
        if len(turn.line) > self.limits.max_line_characters:
            return turn.line
        try:
            return self.spoken_memo.spoken(turn.spoken_line, language)
        except Exception:  # reported by `prepare`, with the line
            return turn.line

    def estimated_duration(
        self,
        conversation: Conversation,
        language: str,
        parts: Sequence[Sequence[LinePart]] | None = None,
        *,
        cached: bool,
    ) -> tuple[float, int]:
        """A conversation's seconds as assembly lays it out (`audio.stream.layout`), before anything is synthesized,
        and its characters to speak. Each turn's speech is its cached line audio's length when `cached` and every
        part of it (`parts`, as `prepare` keys them) is cached and measured (for the `estimate` command's length
        column only: `max_duration` is checked without), else its spoken text said aloud
        (`Engine.speech_seconds`: digits and acronyms take longer than their characters, marks are pauses); then
        the pauses between turns as `layout` gives them (a turn with nothing to say takes none), between the parts
        of a split line, and the silence at both ends. Nothing is synthesized or decoded."""
        settings = self.settings
        total = 2 * settings.edge_silence
        characters = 0
        previous: tuple[str, TurnCue] | None = None
        for index, turn in enumerate(conversation.turns):
            turn_parts = [part for part in parts[index] if part.text] if parts is not None else None
            text = (
                " ".join(part.text for part in turn_parts) if turn_parts is not None else self._spoken(turn, language)
            )
            characters += len(text)
            if not text:
                continue  # nothing to say: no audio, no pause (`layout`)
            figures = (
                [self.cache.get_figures(part.key, settings.sample_rate) for part in turn_parts or ()] if cached else []
            )
            pieces = [part.text for part in turn_parts] if turn_parts else [text]
            if turn_parts and figures and all(line is not None for line in figures):
                seconds = sum(line.length for line in figures if line is not None) / settings.sample_rate
            else:  # each part is synthesized on its own
                seconds = sum(self.engine.speech_seconds(piece, language) for piece in pieces)
            seconds += settings.sentence_pause * max(0, len(turn_parts or ()) - 1)
            cue = TurnCue(seconds, text, turn_parts[-1].key if turn_parts else "")  # its spread, as `_layout` gives it
            if previous is not None:
                if turn.speaker == previous[0]:
                    total += settings.pause_same_speaker
                else:
                    total += speaker_change_gap(settings.pause, settings.pause_variation, previous[1], cue)
            total += seconds
            previous = (turn.speaker, cue)
        return total, characters

    def _report(self, key: str, verdict: Verdict, where: str, what: str, then: str) -> None:
        """Warn once per build about a damaged cache entry (it was discarded and is made again)."""
        if verdict.bad and key not in self._reported:
            self._reported.add(key)
            self.warn(f"{where}: the cached audio of {what} was damaged ({verdict.reason}); {then}")

    def conversation_cached(self, job: Job) -> bool:
        """Whether the finished MP3 and timings of `job` are cached and verified (damaged ones are reported)."""
        verdict = self.cache.verify_conversation(job.key)
        where = f"{job.conversation.source_path}:{job.conversation.source_line}"
        self._report(job.key, verdict, where, "this conversation", "it was discarded and is assembled again")
        return verdict.ok

    def line_cached(self, part: LinePart) -> bool:
        """Whether the line audio of `part` is cached and verified (a damaged one is reported and discarded); one
        cached under one of its `legacy_keys` is taken as its own."""
        verdict = self.cache.verify_line(part.key)
        where = f"{part.source_path}:{part.turn.source_line}"
        self._report(part.key, verdict, where, f"this line ({part.turn.speaker})", "it was discarded and is made again")
        if not verdict.ok and part.legacy_keys:
            return any(self.cache.link_line(part.key, legacy) for legacy in part.legacy_keys)
        return verdict.ok

    def missing(self, jobs: list[Job]) -> list[LinePart]:
        """Parts that must be synthesized: not cached (or damaged), in a conversation whose MP3 is not cached,
        once each. Every entry is verified against its checksum; damaged ones are reported and discarded."""
        seen: set[str] = set()
        out: list[LinePart] = []
        # with a shared cache, fetch what this build needs in parallel first: then each check below is local
        self.cache.prefetch_files(
            self.cache.for_remote(
                path, f"{job.conversation.source_path}:{job.conversation.source_line} (the conversation)"
            )
            for job in jobs
            for path in self.cache.conversation_files(job.key)
        )
        self.cache.prefetch(
            self.cache.for_remote(
                self.cache.line_path(part.key), f"{part.source_path}:{part.turn.source_line} ({part.turn.speaker})"
            )
            for job in jobs
            if not self.conversation_cached(job)
            for part in job.all_parts
        )
        wanted: dict[str, LinePart] = {}
        for job in jobs:
            if self.conversation_cached(job):
                continue
            for part in job.all_parts:
                if not part.text:
                    continue
                if part.key in wanted:
                    # the same request again, from a part with another legacy key (a page of another region):
                    # the line may be cached under that one (review 115: it was paid for twice)
                    if any(self.cache.link_line(part.key, legacy) for legacy in part.legacy_keys):
                        del wanted[part.key]
                        seen.add(part.key)
                elif part.key not in seen:
                    seen.add(part.key)
                    if not self.line_cached(part):
                        wanted[part.key] = part
        out.extend(wanted.values())
        return out

    def price_per_million(self, voice: str) -> float:
        """The configured override whose name is the longest match in the voice, else in a setting (a model), else
        the engine's; names match without regard to case. The voice first: a Studio voice's price is not the one
        of the `voice_family` other speakers use (its estimate was 4× low)."""
        for haystack in (voice, " ".join(str(value) for value in self.engine.sound_settings().values())):
            matches = [name for name in self.prices if name.lower() in haystack.lower()]
            if matches:
                return float(self.prices[max(matches, key=len)])
        return self.engine.price_per_million(voice)

    def check_voices(self, todo: list[LinePart]) -> None:
        """Every voice the engine cannot synthesize with now (a Piper model neither installed nor downloadable),
        each at the first line of each speaker that needs it, before anything is synthesized: one missing voice
        per build, found after synthesis had begun, took a build per voice to learn them all (bug bash 76)."""
        unavailable = self.engine.unavailable_voices(sorted({part.voice for part in todo})) if todo else {}
        problems: dict[tuple[str, str, str], ConvaudioError] = {}
        for part in todo:
            why = unavailable.get(part.voice)
            where = (part.source_path, part.turn.speaker, part.voice)
            if why is not None and where not in problems:
                problems[where] = ConvaudioError(
                    f"speaker {part.turn.speaker!r} ({part.voice}): {why}", part.source_path, part.turn.source_line
                )
        raise_all(list(problems.values()))

    def estimate(self, jobs: list[Job]) -> Estimate:
        """Lines, characters and price a build would send (cache misses only), and the length of its audio, for
        each conversation, fully cached ones included: once per MP3 (a dialogue file linked from two pages is one
        conversation, named by the first), as a line two conversations share is counted for the first. Nothing is
        synthesized or decoded: a made MP3's length is its timings', another's `estimated_duration` (cached lines
        at their real length)."""
        first = {job.key: job for job in reversed(jobs)}
        rows = {
            key: ConversationEstimate(job.conversation.source_path, job.conversation.source_line)
            for key, job in first.items()
        }
        row_of = {id(part): rows[job.key] for job in jobs for part in job.all_parts}
        todo = self.missing(jobs)  # first: it fetches what a shared cache holds of them
        self.check_voices(todo)  # the build would stop there: so does its estimate
        for key, job in first.items():
            rows[key].seconds, rows[key].made = self._length(job)
        for part in todo:
            row = row_of[id(part)]
            row.lines += 1
            row.characters += len(part.text)
            row.price += len(part.text) * self.price_per_million(part.voice) / 1_000_000
        ordered = sorted(rows.values(), key=lambda row: (row.source_path, row.source_line))
        return Estimate(self.engine.name, ordered)

    def _length(self, job: Job) -> tuple[float, bool]:
        """A conversation's seconds, and whether they are its made MP3's (read from its timings) rather than
        estimated."""
        if self.conversation_cached(job):
            return float(self.cache.read_timings(job.key)["duration"]), True
        seconds = self.estimated_duration(job.conversation, job.language, job.parts, cached=True)[0]
        if job.production.active:  # its intro, outro and the music bed's lead and tail
            from .audio.show import added_seconds

            seconds += added_seconds(job.production)
        return seconds, False

    # -- rendering --------------------------------------------------------------------------------------
    def render(
        self,
        jobs: list[Job],
        *,
        generate: bool = True,
        max_characters: int | None = None,
        spent: int = 0,
        failing_warnings: Callable[[], int] = lambda: 0,
    ) -> Stats:
        """Synthesize what is missing (or refuse, when `generate` is off or over budget), then assemble. `spent` is
        what the same run sent before this (mkdocs-static-i18n's other languages): the budget covers the run.
        `failing_warnings`: how many warnings a build that fails on any (`mkdocs build --strict`) gave so far,
        asked just before lines would be sent: it sends nothing to a paid engine then."""
        unique = unique_jobs(jobs)
        self.generate = generate
        self.progress.start_run()
        todo = self.missing(unique)
        stats = Stats(conversations=len(unique), lines=sum(len(job.all_parts) for job in unique))
        if todo and not generate:
            raise ConvaudioError(self.missing_message(todo))
        self.check_voices(todo)
        characters = sum(len(part.text) for part in todo)
        self.check_budget(unique, todo, max_characters, spent)
        # re-sends after tries that may have been billed count too: one past the budget is not sent
        paid = max_characters is not None and self.engine.is_cloud
        self._max_characters = max_characters if paid else None
        self._budget = Budget(
            left=max_characters - spent if max_characters is not None and paid else 2**62, planned=characters
        )
        self.check_strict(unique, todo, failing_warnings)
        synthesized = self._synthesize(self.synthesis_order(todo))
        stats.synthesized = len(synthesized)
        stats.resent = self._budget.resent
        stats.characters = sum(len(part.text) for part in synthesized) + stats.resent
        stats.languages = {part.language for part in synthesized}
        stats.from_cache = stats.lines - stats.synthesized
        pending = [job for job in unique if not self.conversation_cached(job)]
        if pending:
            self._assemble_all(pending, stats.assembled)
        return stats

    def check_budget(self, jobs: list[Job], todo: list[LinePart], max_characters: int | None, spent: int) -> None:
        """Stop, sending nothing, when the `todo` parts of `jobs` (their `missing` parts) and the `spent` characters
        the run sent before are over `max_characters`: a budget of what is paid for, so a free engine (eSpeak, Piper,
        a fallback) is never stopped by it."""
        characters = sum(len(part.text) for part in todo)
        if max_characters is None or not self.engine.is_cloud or characters + spent <= max_characters:
            return
        estimate = self.estimate(jobs)
        before = f" after the {spent} this run sent already (its other languages)" if spent else ""
        lines = f"{len(todo):,} line{'s' * (len(todo) != 1)}"
        # cents hide a small bill ("about $0.00" for 243 characters; `estimate` said $0.0036: bug bash 112)
        price = f"{estimate.price:,.2f}" if estimate.price >= 0.995 else f"{estimate.price:.4f}"
        raise ConvaudioError(
            f"this build would send {characters:,} characters ({lines}) to the {self.engine.name} "
            f"engine, about ${price}{before}, more than max_characters ({max_characters:,}); nothing "
            f"{'more ' if spent else ''}was sent. Run `mkdocs-convaudio estimate` to see which posts, then raise "
            "max_characters."
        )

    def check_strict(self, jobs: list[Job], todo: list[LinePart], failing_warnings: Callable[[], int]) -> None:
        """Stop, sending nothing to a paid engine, when a build that fails on any warning (`--strict`) gave some
        already (`failing_warnings`, asked only when there are lines to send): it fails at its end whatever is made
        now, so paying for the `todo` parts of `jobs` first helped no one, and a warning about a voice (one that
        speaks another language) often means those lines will be made again (bug bash 112)."""
        if not (todo and self.engine.is_cloud and (warned := failing_warnings())):
            return
        estimate = self.estimate(jobs)
        raise ConvaudioError(
            f"--strict: this build gave {warned} warning(s) already (above), so it fails at its end; "
            f"nothing was sent to the {self.engine.name} engine ({len(todo):,} line{'s' * (len(todo) != 1)}, "
            f"about ${estimate.price:.4f}). Fix the warnings, or build without --strict"
        )

    def _assemble_all(self, pending: list[Job], assembled: set[str] | None = None) -> None:
        """Assemble `pending` (see `_assemble_each`); stopped by Ctrl-C or SIGTERM, say what was kept: MkDocs said
        only "Aborted!", though every line and the segments encoded are in the cache."""
        segments_before = self.cache.segments_stored
        try:
            self._assemble_each(pending, assembled)
        except KeyboardInterrupt:
            # also in the lines' layout and the show's measuring before the first block (a two-hour show with a bed:
            # a minute and more); the pool has waited for the running assemblies: their atomic writes are gone
            finished = sum(1 for job in pending if self.cache.has_conversation(job.key))
            self.info(self._assembly_stopped(len(pending), finished, self.cache.segments_stored - segments_before))
            raise

    @staticmethod
    def _assembly_stopped(conversations: int, finished: int, segments: int) -> str:
        """What a build stopped while assembling says it kept: its lines are all in the cache by then."""
        assembled = f"assembled {finished} of {conversations} conversation{'s' * (conversations != 1)}"
        kept = (
            f" and encoded {segments:,} segment{'s' * (segments != 1)} of MP3, kept in the cache with all the lines"
            if segments
            else ", every line kept in the cache"  # not "encoded 0 segments of MP3, kept" (stopped before one)
        )
        return (
            f"before it stopped, this build {assembled}{kept}: the next build synthesizes nothing again and goes on "
            "from there (no half-written MP3 is kept)"
        )

    def _assemble_each(self, pending: list[Job], assembled: set[str] | None) -> None:
        """Lay out every conversation from its lines' figures, then stream them into MP3s in parallel (the
        encoder in libsndfile, soxr and numpy release the GIL: threads use every core); the keys of those this
        build assembled go into `assembled` when given."""
        plans = [self._layout(job) for job in pending]
        # a show's figures (its bed under a two-hour conversation: a minute and more) have a phase of their own: in
        # the assembly's, its bar sat at 0 % all that while and then its ETA counted that wait as assembly's pace
        # (twice the time left, review r-long)
        self._plan_shows(pending, plans)
        total = sum(plan.length for plan in plans)
        workers = min(len(pending), self.assembly_workers)
        # a conversation sees no segment another one writes meanwhile: its gain took another's level found in the
        # store, and so depended on which finished first (review r-upgrade: three MP3s of one talk from one cache)
        self._segments = BuildSegments(self.cache)
        try:
            self._assemble_pool(pending, plans, total, workers, assembled)
        finally:
            self._segments.finish()  # the levels none ended at, removed once all are made

    def _assemble_pool(
        self, pending: list[Job], plans: list[Layout], total: int, workers: int, assembled: set[str] | None
    ) -> None:
        with Progress(
            "assembling",
            total,
            "min of audio",
            self.progress,
            scale=self.settings.sample_rate * 60,
            extra_total=len(pending),
            extra_unit="conversations",
        ) as progress:
            # the cores a conversation's own segments may use: all of them for one long conversation
            self._segment_workers = max(1, self.assembly_workers // len(pending))
            pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="convaudio-assemble")
            futures: list[Future[bool]] = []
            try:
                for job, plan in zip(pending, plans, strict=True):
                    futures.append(pool.submit(self._assemble, job, plan, progress))
                # awake for Ctrl-C and SIGTERM: blocked on a result, the main thread handled them only once every
                # conversation was assembled, up to a minute later (bug bash 107); SIGTERM's default killed the
                # build and left a half-written MP3 in the cache. And telling the progress the time: a stretch
                # with no block done (a two-hour MP3 checked whole for its true peak, 16 s) was silent in CI
                # (bug bash h-long)
                with terminate_as_interrupt():
                    _wait_for_first_failure(futures, progress)
            except BaseException:
                self._assembly_stop.set()  # the running assemblies stop at their next block, their segments kept
                for future in futures:
                    future.cancel()
                raise
            finally:
                close_pool(pool, futures)  # a second Ctrl-C here leaves the running ones to Python's exit
            for job, future in zip(pending, futures, strict=True):
                if future.result() and assembled is not None:
                    assembled.add(job.key)

    def _plan_shows(self, pending: list[Job], plans: list[Layout]) -> None:
        """Each produced show's layout in `plans`: intro, bed lead, talk, bed tail, outro, a longer layout, and what
        the show adds to it (so the gain is solved for the whole mix); the show itself is a block processor of the
        stream. Working out what a show adds takes a pass over its whole length, shown as a phase of its own (a
        two-hour conversation with a bed logged nothing for 98 s, bug bash h-long)."""
        shows = {index: self._show(job, plans[index]) for index, job in enumerate(pending) if job.production.active}
        self._shows = {pending[index].key: show for index, show in shows.items()}
        if not shows:
            return
        with Progress(
            "measuring the show",
            sum(show.length for show in shows.values()),
            "min of audio",
            self.progress,
            scale=self.settings.sample_rate * 60,
            drawn_after=1.0,  # most shows take a fraction of a second: a build with one draws no more than before
        ) as progress:
            for index, show in shows.items():
                plans[index] = show.extend(plans[index], progress.advance)

    def _show(self, job: Job, plan: Layout) -> Show:
        """`job`'s show (intro, bed, outro) for its unproduced layout `plan`."""
        from .audio.show import Show

        try:
            return Show.for_layout(job.production, plan, self.settings.loudness)
        except ConvaudioError as error:
            # a sound that passed the plan's checks and fails here (silent all through: only decoding tells) is
            # named with the conversation it was for (bug bash 111: only the file was)
            conversation, production = job.conversation, job.production
            roles = (("music", production.music), ("intro", production.intro), ("outro", production.outro))
            named = [name for name, asset in roles if asset and str(asset.path) in str(error)]
            role = listed(named)
            if not named:  # the error names none of their files: one of the show's sounds
                named = [name for name, asset in roles if asset]
                role = listed(named, "or")
            site = listed((f"`{name}`" for name in named), "or")
            post = listed((f"`audio_{name}`" for name in named), "or")
            raise ConvaudioError(
                f"{error}; it is this conversation's {role} (the site's {site}, or the "
                f"post's {post}): give a sound that plays, or `none` for it in the post's front matter",
                conversation.source_path,
                conversation.source_line,
            ) from None

    def _layout(self, job: Job) -> Layout:
        """Where `job`'s lines go: a line with nothing the voice can read (only an emoji) has no parts to place, so
        it takes no time (`stream.layout`); each turn's spoken text varies the pause before the next speaker."""
        from .audio.stream import layout

        return layout(
            [
                (parts[0].turn.speaker, [(part.key, self._figures(part)) for part in parts if part.text])
                for parts in job.parts
            ],
            self.settings,
            [" ".join(part.text for part in parts) for parts in job.parts],
        )

    def show_processors(self, job: Job, plan: Layout) -> Sequence[BlockProcessor]:
        """The default `block_processors`: the produced show's mix (bed, intro, outro) when the job has one."""
        show = self._shows.get(job.key)
        return (show.process,) if show is not None else ()

    def missing_message(self, todo: list[LinePart]) -> str:
        """Why a cache-only build (generate off) stops: the lines missing from the cache, and where to find them."""
        shown = "\n".join(
            f"  {part.source_path}:{part.turn.source_line} ({part.turn.speaker}): {part.text[:60]!r}"
            for part in todo[:20]
        )
        more = f"\n  ... and {len(todo) - 20} more" if len(todo) > 20 else ""
        remote = self.cache.remote
        if remote is None:
            where, fix = "the cache", "Restore the cache directory, or build once"
        elif remote.available:
            where = f"the local cache or the shared cache {remote.display}"
            fix = "Build once on a machine that shares this cache (what it renders is uploaded there), or build"
        else:
            where = f"the local cache, and the shared cache {remote.display} could not be reached (see the warning)"
            fix = "Check the access to the shared cache, or build once"
        return (
            f"generate is off (cache-only build) and {len(todo)} line(s) have no audio in {where}:\n{shown}{more}\n"
            f"{fix} with generate: true (or CONVAUDIO_GENERATE=1)."
        )

    def scrub(self, message: str) -> str:
        """Remove every secret value from a message before anyone sees it (the engine's one scrubber)."""
        return self.engine.scrub(message)

    def _synthesize_part(
        self,
        part: LinePart,
        stop: threading.Event,
        wait: bool,
        progress: Progress,
        first: list[BaseException] | None = None,
    ) -> bool | None:
        """Under the line's lock (another build on this cache may be making it): True when this build
        synthesized it, False when it was there by then, None when `wait` is off and the lock is busy."""
        if stop.is_set():
            return False
        try:
            with self.cache.locks.key(part.key, wait=wait) as held:
                if not held:
                    return None
                if self.cache.has_line(part.key):
                    return False
                if not wait and not self.cache.claim_line(part.key):
                    return None  # a build on another machine is making it: left for last, when it is usually there
                if wait and (self._wait_for_claim(part, stop) or stop.is_set()):
                    return False  # downloaded, or the build is stopping (Ctrl-C) while it waited: nothing sent
                # claimed, then looked for in the shared cache again: another machine may have uploaded it since
                # this build began. Looked for before the claim, a build on another machine could make, upload it
                # and remove its claim in between, and this build paid for it again (review of f-claims2)
                if self.cache.look_again_for_line(part.key):
                    self.cache.release_line(part.key)
                    return False
                try:
                    self._synthesize_line(part, stop)
                finally:
                    self.cache.release_line(part.key)
                progress.advance(1, len(part.text))
                return True
        except BaseException as error:
            # set here, before this future completes: otherwise the worker may start the next queued line
            # before the main thread sees the failure (one more paid request, even with concurrency 1)
            with self._first_lock:
                if first is not None and not stop.is_set():
                    first.append(error)
                stop.set()
            raise

    def _wait_for_claim(self, part: LinePart, stop: threading.Event) -> bool:
        """For a line a build on another machine claimed (it is making it, `SharedStore.claim`): wait while its
        claim is fresh, looking for the line in the shared cache; True when it came (downloaded, not paid for).
        False when the claim went without the line (that build stopped), or this build waited CLAIM_WAIT seconds
        in all (from its first wait, for every line: a stopped build's claims cost one minute, not one a line):
        this build claims and makes it."""
        with self._first_lock:
            if self._claim_deadline is None:
                self._claim_deadline = self.clock() + CLAIM_WAIT
            deadline = self._claim_deadline
        said = False
        while self.clock() < deadline and self.cache.line_claimed_elsewhere(part.key):
            if self.cache.look_again_for_line(part.key):
                return True
            if not said:  # a CI log's progress line may stand still meanwhile: said why, once a line
                said = True
                self.info(
                    f"{part.source_path}:{part.turn.source_line}: waiting for this line ({part.turn.speaker}), which "
                    "a build on another machine is making, to download it (at most a minute)"
                )
            if self._pause(CLAIM_POLL, stop):
                return False
        # uploaded, then its claim removed, or a stopped build's: claimed by this build, which looks for the line
        # once more then (`_synthesize_part`)
        self.cache.claim_line(part.key, take_over=True)
        return False

    def _pause(self, seconds: float, stop: threading.Event) -> bool:
        """Wait `seconds` through the build's sleep (a test's fake one), or until the build stops: whether it did."""
        if self.sleep is time.sleep:
            return stop.wait(seconds)
        self.sleep(seconds)
        return stop.is_set()

    def _synthesize_line(self, part: LinePart, stop: threading.Event | None = None) -> None:
        def on_retry(error: EngineError, delay: float, attempt: int) -> None:
            # INFO, not a warning: a retry that succeeds must not fail `mkdocs build --strict`. A wait cut short of
            # what the provider asked is said (its next try may well be refused again), and so is which try comes.
            asked = error.retry_after or 0.0
            cut = f"; it asked to wait {asked:.0f} s, more than retry_max_delay:" if asked > delay + 0.5 else ";"
            # a second unusable or lost answer stops at that try, whatever `retries` says (review r-cloud: "try 2 of
            # 5" promised three more)
            what = ("lost" if error.lost else "unusable") if error.billed and not error.timed_out else ""
            last = f", the last if its answer is {what} again" if what else ""
            self.info(
                self.scrub(
                    f"{part.source_path}:{part.turn.source_line}: {error.message}{cut} retrying in {delay:.1f} s "
                    f"(try {attempt} of {self.retry.attempts}{last})"
                )
            )

        billed: list[EngineError] = []  # the last try's error, when the provider may have charged for it
        unusable: list[EngineError] = []  # the answers of this line that came back unusable (each one billed)

        def send() -> Audio:
            if billed:
                self._count_resend(part, billed[-1])
            billed.clear()
            answered = False
            with self._sending_lock:
                self._sending += 1
                self._answering.add(part.key)
            try:
                audio = self.engine.synthesize(part.text, part.voice, part.language)
                answered = True
                return audio
            except EngineError as error:
                if error.billed:
                    billed.append(error)
                if error.billed and not error.timed_out and error.transient:
                    unusable.append(error)
                    if len(unusable) > 1:
                        # the same line answered unusably twice is the provider's way with it, not a blip: each
                        # further try would be paid for the same answer (review 145); a connection lost twice in
                        # the middle of an answer is the network's or a proxy's, and each try may be billed too
                        second = (
                            "the second answer for this line lost midway: not sent again (each try may be billed); "
                            "check the network and any proxy, then build again (the lines made are cached: it sends "
                            "only the ones missing)"
                            if error.lost
                            else "the second unusable answer for this line: not sent again (each try is billed); "
                            "check the voice and the provider's status, then build again"
                        )
                        raise EngineError(f"{error.message}; {second}", billed=True) from None
                raise
            finally:
                with self._sending_lock:
                    self._sending -= 1
                    if not answered:  # a line waiting for its next try is not finished on the way out
                        self._answering.discard(part.key)

        try:
            self._store_answer(part, send, on_retry, billed, stop)
        finally:
            with self._sending_lock:
                self._answering.discard(part.key)

    def _store_answer(
        self,
        part: LinePart,
        send: Callable[[], Audio],
        on_retry: Callable[[EngineError, float, int], None],
        billed: list[EngineError],
        stop: threading.Event | None,
    ) -> None:
        """`part`'s audio, asked with `send` (retried as the policy says), checked and put into the cache."""
        try:
            audio = call_with_retries(send, self.retry, sleep=self.sleep, on_retry=on_retry, stop=stop)
        except BaseException as error:
            if billed:  # the last try may have been paid for, and the line is not made: it is said in what was sent
                self._budget.lose(len(part.text))
            if not isinstance(error, EngineError):
                raise
            message = self.scrub(f"speaker {part.turn.speaker!r} ({part.voice}): {error.message}")
            if error.voice_rejected:
                raise VoiceRejected(
                    message, part.source_path, part.turn.source_line, speaker=part.turn.speaker, part_key=part.key
                ) from None
            raise ConvaudioError(message, part.source_path, part.turn.source_line) from None
        if not len(audio.samples):
            raise ConvaudioError(
                f"the {self.engine.name} engine returned no audio for this line",
                part.source_path,
                part.turn.source_line,
            )
        self.cache.put_line(part.key, audio)  # cached at once: a later failure keeps this line
        self._measure(part.key, audio)  # measured once, now, while the audio is in memory

    def _count_resend(self, part: LinePart, why: EngineError) -> None:
        """Count sending `part` again after a try that may have been billed; stop the build instead when that
        would take it past `max_characters` (what was answered so far stays in the cache)."""
        total = self._budget.resend(len(part.text))
        if total is None:
            return
        limit = self._max_characters
        budget = self._budget
        before = limit - budget.left if limit is not None else 0
        earlier = f" (with the {before:,} this run sent before)" if before else ""
        reason = (
            "did not answer in time"
            if why.timed_out
            else "lost the connection in the middle of an answer"
            if why.lost
            else "sent unusable audio"
        )
        raise ConvaudioError(
            self.scrub(
                f"speaker {part.turn.speaker!r} ({part.voice}): the {self.engine.name} engine {reason} "
                f"({why.message}); sending this line again ({len(part.text):,} characters, maybe billed twice) would "
                f"take this build to {total + before:,} characters{earlier}: its {budget.planned:,} planned and "
                f"{budget.resent:,} sent again already, more than max_characters ({limit:,}). Nothing more was sent; "
                "every answer received is kept in the cache, so the next build does not send those lines again. "
                f"Raise max_characters (to {total + before:,} or more) to let the build send it again, or the "
                "engine's `timeout` if its lines time out"
            ),
            part.source_path,
            part.turn.source_line,
        )

    def _measure(self, key: str, audio: Audio) -> LineFigures:
        from .audio.figures import measure

        figures = measure(audio, self.settings.sample_rate)
        self.cache.put_figures(key, figures)
        return figures

    def _figures(self, part: LinePart) -> LineFigures:
        """The part's cached figures; a line cached by an older version is measured on first use."""
        figures = self.cache.get_figures(part.key, self.settings.sample_rate)
        return figures if figures is not None else self._measure(part.key, self._load_part(part))

    def synthesis_order(self, todo: list[LinePart]) -> list[LinePart]:
        """`todo` in the order this build synthesizes it: with a shared cache, a random order of its own. Two machines
        that start at once with the same new lines went through them in the same order, in step: each looked for a
        line (`AudioCache.look_again_for_line`) just before the other uploaded it, and both paid for nearly every
        one (bug bash h-team: 14 of 14). In orders of their own, each finds most of what the other made by then, and
        about half is paid by each. Nothing else depends on the order: each line is kept under its own key, and the
        conversations are assembled once all are there."""
        remote = self.cache.remote
        if remote is None or not remote.available or len(todo) < 2:
            return todo
        return SYNTHESIS_ORDER.sample(todo, len(todo))

    def _synthesize(self, todo: list[LinePart]) -> list[LinePart]:
        """Bounded parallel synthesis; on a permanent failure, queued lines are dropped, running ones finish.
        Lines another build is making are left for last (by then they are usually in the cache)."""
        done: list[LinePart] = []
        self._claim_deadline = None
        try:
            busy = self._synthesize_pass(todo, wait=False, done=done)
            self._synthesize_pass(busy, wait=True, done=done)
        except BaseException:
            # what a failed or interrupted build paid for is said, as a finished one's summary says it; after a
            # second Ctrl-C, with the lines answered or in progress, which go into the cache on the way out, after
            # this is said (it said one line short with Piper)
            with self._sending_lock:
                finishing = set(self._answering)
            made = [part for part in todo if part.key in finishing or self.cache.has_line(part.key)]
            budget = self._budget
            if made or budget.resent or budget.unkept:
                characters = sum(len(part.text) for part in made) + budget.resent + budget.unkept
                sent = sent_characters(characters, budget.resent, budget.unkept)
                running = sum(1 for part in made if part.key in finishing)
                later = f" (the {running} in progress as they end)" if running > 1 else ""
                later = " (the one in progress as it ends)" if running == 1 else later
                kept = (
                    f"synthesized {len(made)} line{'s' * (len(made) != 1)} ({sent}), kept in the cache{later}: the "
                    f"next build does not send {'them' if len(made) != 1 else 'it'} again"
                    if made
                    else f"made no line ({sent}): nothing was kept"  # not "0 lines …, kept in the cache" (review)
                )
                self.info(f"before it stopped, this build {kept}")
            raise
        return done

    def _synthesize_pass(self, todo: list[LinePart], *, wait: bool, done: list[LinePart]) -> list[LinePart]:
        if not todo:
            return []
        with terminate_as_interrupt():
            try:
                return self._synthesize_pool(todo, wait=wait, done=done)
            except KeyboardInterrupt as error:
                # raised while the first one was handled (waiting for the running lines): the second
                if isinstance(error.__context__, KeyboardInterrupt):
                    end_quietly_on_next_interrupt()
                raise

    def _synthesize_pool(self, todo: list[LinePart], *, wait: bool, done: list[LinePart]) -> list[LinePart]:
        stop = threading.Event()
        characters = sum(len(part.text) for part in todo)
        # the pool waits for its running lines as it closes, unless a second Ctrl-C came before that wait began
        waits = True
        with Progress(
            "synthesizing", len(todo), "lines", self.progress, extra_total=characters, extra_unit="characters"
        ) as progress:
            pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="convaudio-tts")
            futures: list[Future[bool | None]] = []
            try:
                first: list[BaseException] = []  # the failure that stopped the others (a retry it woke fails too)
                for part in todo:
                    futures.append(pool.submit(self._synthesize_part, part, stop, wait, progress, first))
                try:
                    _wait_for_first_failure(futures, progress)
                except BaseException:  # Ctrl-C: the queued lines are not sent (paid for), only running ones finish
                    try:
                        stop.set()
                        for future in futures:
                            future.cancel()
                        # requests under way, not running futures: a line sleeping before its next try wakes and
                        # stops at once, and is not sent again (the message counted it as awaited, and billed)
                        with self._sending_lock:
                            sending = self._sending
                        if sending:
                            # said at once: the answers may take a request's timeout to come (bug bash 136: 19 s of
                            # silence)
                            lines = f"{sending} line{'s' * (sending > 1)} in progress"
                            billed = (
                                " (a request already sent is billed: its answer is kept)"
                                if self.engine.is_cloud
                                else ""
                            )
                            self.info(f"stopping: waiting for the {lines}{billed}")
                    except KeyboardInterrupt:
                        # the second Ctrl-C came before the wait for the running lines began (the process was put
                        # aside right after saying it would wait): it stops that wait as it does during it; waited
                        # for on the way out, the build sat there until the answers came (a request's timeout)
                        waits = False
                        stop.set()
                        for future in futures:
                            future.cancel()
                        raise
                    raise
                failed = next((future for future in futures if future.done() and future.exception()), None)
                if failed is not None:
                    stop.set()
                    for future in futures:
                        future.cancel()
                    _wait(futures)
                    error = first[0] if first else failed.exception()
                    assert error is not None
                    raise error
            finally:
                close_pool(pool, futures, wait=waits)
        done.extend(part for part, future in zip(todo, futures, strict=True) if future.result() is True)
        return [part for part, future in zip(todo, futures, strict=True) if future.result() is None]

    def _load_part(self, part: LinePart) -> Audio:
        """A line's verified audio; one found damaged now (checksum or decoded length) is made again at once."""
        audio = self.cache.get_line(part.key)
        if audio is not None:
            return audio
        where = f"{part.source_path}:{part.turn.source_line}"
        if not self.generate:
            raise ConvaudioError(
                "the cached audio of this line is missing or damaged and generate is off; restore the cache "
                "directory, or build with generate: true (or CONVAUDIO_GENERATE=1)",
                part.source_path,
                part.turn.source_line,
            )
        self.warn(
            f"{where}: the cached audio of this line ({part.turn.speaker}) was missing or damaged; it is made again"
        )
        self._synthesize_line(part)
        audio = self.cache.get_line(part.key)
        if audio is None:
            raise ConvaudioError(
                f"the cache entry {self.cache.line_path(part.key)} was damaged again right after it was written; "
                "check the disk",
                part.source_path,
                part.turn.source_line,
            )
        return audio

    def _stoppable(self, advance: Callable[[int], None]) -> Callable[[int], None]:
        """`advance`, raising `AssemblyStopped` once the build is stopping (Ctrl-C, SIGTERM): called for every block
        encoded, it ends an assembly within a block; what was written goes (atomic writes), kept segments stay."""

        def on_block(samples: int) -> None:
            if self._assembly_stop.is_set():
                raise AssemblyStopped
            advance(samples)

        return on_block

    def _assemble(self, job: Job, plan: Layout, progress: Progress) -> bool:
        """Assemble `job` unless another build on this cache did meanwhile; whether this one did."""
        with self.cache.locks.key(job.key):  # another build on this cache may be assembling it right now
            if self.cache.has_conversation(job.key):
                return False
            self._assemble_locked(job, plan, progress)
            return True

    def _assemble_locked(self, job: Job, plan: Layout, progress: Progress) -> None:
        from .audio.stream import encode

        by_key = {part.key: part for part in job.all_parts}
        rate = plan.rate
        done: list[Result] = []

        def timings() -> dict[str, Any]:
            place = done[0].placement.place if done and done[0].placement is not None else (lambda sample: sample)
            length = done[0].placement.length if done and done[0].placement is not None else plan.length
            short = done[0].shortfall(self.settings.loudness) if done else None
            return {
                "duration": round(length / rate, 3),
                # a conversation short of `loudness`, with the level it reached: every build that publishes it
                # says so again (`AudioSession.loudness_warnings`), not only the one that made it
                **({LOUDNESS_SHORT: short} if short is not None else {}),
                **(
                    {LOUDNESS_MET: round(met, 1)}
                    if short is not None and done and (met := done[0].met_lufs) is not None
                    else {}
                ),
                "language": job.language,
                "voices": dict(sorted(job.voices.items())),
                # the balance `balance_speakers` gave the voices, to explain a quiet or loud one; not in any key:
                # an entry made before it was written keeps its timings without it
                **({SPEAKER_GAINS: speaker_gains_db(done[0].speaker_gains)} if done and done[0].speaker_gains else {}),
                "lines": [
                    {
                        "speaker": turn_parts[0].turn.speaker,
                        "text": turn_parts[0].turn.line,
                        "start": round(place(start) / rate, 3),
                        "end": round(place(end) / rate, 3),
                    }
                    for turn_parts, (start, end) in zip(job.parts, plan.spans, strict=True)
                ],
            }

        def write(path: Path) -> None:
            from .audio.stream import BASE_MARGIN, LOUDNESS_TOLERANCE, TYPICAL_LOSS, VERIFY_LIMIT

            processors = self.block_processors(job, plan)
            result = encode(
                plan,
                lambda key: self._load_part(by_key[key]),
                self.settings,
                path,
                # the same for every conversation: a cold build's MP3 depends on itself and the settings only
                margin=BASE_MARGIN,
                loss=TYPICAL_LOSS,
                verify_limit=VERIFY_LIMIT if self.verify_limit is None else self.verify_limit,
                processors=processors,
                on_block=self._stoppable(progress.advance),
                on_again=progress.grow,
                # segments cut in pauses, kept in the cache: an edit encodes only the segments it touched
                store=self._segments.view(job.key),
                workers=self._segment_workers,
            )
            done.append(result)
            where = f"{job.conversation.source_path}:{job.conversation.source_line}"
            if result.measured_peak_db > self.settings.true_peak:
                # published all the same (it is one pass from the target), but never in silence: the promise is
                # that no MP3 peaks over the target (review r-bed: a file still over after its passes said nothing)
                passes = f"{result.attempts} encoding pass{'es' * (result.attempts != 1)}"
                self.warn(
                    f"{where}: this conversation's MP3 peaks at {result.measured_peak_db:.2f} dBTP, over true_peak "
                    f"({self.settings.true_peak:g}), after {passes} (the MP3 encoder overshoots at a few spots, "
                    "here more than it could be brought under); it is published as it is. Lower `true_peak` by the "
                    "difference (or a music bed's `music_level`) and build again"
                )
            if (off := result.off_loudness(self.settings.loudness)) is not None:
                # the promise is the target within LOUDNESS_TOLERANCE: a long show is measured whole since review
                # r-bed's 11.6-minute show with a loud bed came out 0.81 LU under it without a word
                passes = f"{result.attempts} encoding pass{'es' * (result.attempts != 1)}"
                fix = (
                    "Lower `loudness` by the difference or raise `true_peak` (the limiter holds its voices' peaks "
                    "under it)"
                    if off < 0
                    else "Lower `loudness` by the difference (or a music bed's `music_level`)"
                )
                self.warn(
                    f"{where}: this conversation's MP3 measures {result.measured_lufs:.2f} LUFS, {abs(off):.2f} LU "
                    f"{'under' if off < 0 else 'over'} loudness ({self.settings.loudness:g}, within "
                    f"{LOUDNESS_TOLERANCE:g} LU promised), after {passes}; it is published as it is. {fix} and "
                    "build again"
                )
            if (level := result.shortfall_of_show(self.settings.loudness)) is not None:
                self.info(
                    f"{where}: this conversation measures {level:.1f} LUFS, not {self.settings.loudness:g}, as a "
                    "whole: it is short, and its show's quiet parts (the music bed's lead and tail) are much of "
                    "it; its speech is at the level (a shorter `music_lead` brings the whole closer)"
                )

        self.cache.put_conversation(
            job.key, write, timings, lambda: done[0].segments if done else [], [part.key for part in job.all_parts]
        )
        progress.advance(0, 1)
