"""Streaming assembly: cached lines → resample, trim, pauses → gain → block processors → limiter → MP3, in blocks.

Nothing here holds a whole conversation: the gain comes from the lines' cached figures (`figures.py`), the audio
flows through as blocks of at most `BLOCK` samples, and the MP3 is written as it goes, segment by segment
(`segments.py`: pieces cut in pauses, kept in the cache so that an edit encodes one again). Memory depends on the
longest line or segment, never on the length of the conversation (the per-chunk figures aside: about 3 KB per
second of audio, 25 MB for two hours).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import hashlib
import io
import json
import math
import os
import queue
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import numpy as np
import soundfile

from .assembly import AssemblySettings
from .figures import LineFigures, faded, speech, to_rate
from .limiter import Limiter, moving_min
from .loudness import (
    CONTEXT_PEAK,
    Floats,
    LoudnessMeter,
    chunk_energies,
    chunk_size,
    gated_loudness,
    oversampled_peak,
    true_peak_db,
)
from .mp3 import ENCODER_DELAY, QUALITY, Encoder, FrameCounter, encode_file, frame_samples, info_frame
from .mp3peak import mp3_frame_peaks, mp3_true_peak, mp3_window_measures
from .overshoot import Dips, over_spots
from .segments import Placement, Segment, cut, placement
from .types import Audio, Samples

#: Largest block the pipeline hands on (4 s at 24 kHz). Each block costs the limiter a resampler set up and a dozen
#: numpy calls: blocks of 1 s made assembly about 2 % slower (the speed row's assembly, alternating runs); a few
#: blocks of 4 s in flight are still under 2 MB.
BLOCK = 96_000
#: Blocks waiting between the thread that prepares them and the encoder.
QUEUED = 4
#: dB kept between the limiter's ceiling and the true-peak target: decoding an MP3 overshoots peaks a little.
BASE_MARGIN = 1.0
#: LU that LAME usually takes from speech (measured 0.25–0.36 at 24 kHz, 64 kbps): a conversation short enough
#: to be checked after encoding starts from it instead of a probe; the check corrects it when it is off.
TYPICAL_LOSS = 0.3
#: The most margin a caller may ask for.
MAX_MARGIN = 3.0
#: Programmes up to this many samples (6 min at 24 kHz) are decoded and measured after encoding; longer ones
#: rely on the probe (decoding them whole would cost memory).
VERIFY_LIMIT = 6 * 60 * 24_000
#: Lines sampled to measure what the encoder does to this conversation, and seconds taken from each.
PROBE_LINES = 5
PROBE_SECONDS = 2.0
#: A segment whose MP3 comes out over the true-peak target is encoded again alone, its ceiling lowered by the
#: excess and this many dB more, up to `SEGMENT_TRIES` encodes in all; the rest of the programme keeps its level.
#: LAME's overshoot on limited speech varies from spot to spot and with where the frames fall (eSpeak voices at
#: 64 kbps: 0.0-1.7 dB over the ceiling, a median of 0.5; one English talk 1.74 dB encoded as segments, 0.47 as
#: one stream), and nothing in a line's figures foretells it: a miss is local, one segment pays for it.
SEGMENT_STEP = 0.5
SEGMENT_TRIES = 3
#: dB a pass over the true-peak target lowers the limiter's ceiling by, beyond what it missed
CEILING_STEP = 0.2
#: Whole encodes of a programme at most: one, and two more when the MP3 is over the true-peak target or off the
#: loudness (a pass that mends segments over the target is not one of them)
WHOLE_PASSES = 3
#: dB a long show's frame over the target is turned down by, beyond what it missed (see `overshoot.py`): what LAME
#: adds to a peak moves by a few tenths of a dB with any change of its input (a frame 0.003 dB over, turned down by
#: 0.2 dB, came out at -0.96 dBTP); the dip lasts a few tens of milliseconds, where the encoder went over
DIP_STEP = 1.0
#: LU an MP3's integrated loudness may be off the target (docs/configuration.md): one further off is reported
LOUDNESS_TOLERANCE = 0.5
#: No conversation is raised more than this (a near-silent line must not become noise).
MAX_GAIN_DB = 40.0
#: Within this many LU under the target, the gain is lowered while 1 dB more of it buys less than `WORTH_SLOPE`
#: dB of loudness: the rest would go into the limiter (the speech flattened, its consonants and breath raised to
#: its vowels' level), for a difference no listener hears.
NEAR_ENOUGH_LU = 0.2
WORTH_SLOPE = 0.5
#: ... within this many LU of where the limiter goes flat, when the target is out of reach.
FLAT_NEAR_LU = 0.1
#: ... looked at in steps of this many dB, this many at most.
BACK_OFF_DB = 0.5
BACK_OFF_STEPS = 16
#: How far, and how many times, `solve_gain` looks past a flat stretch of loudness before it gives up.
EXPLORE_DB = 6.0
EXPLORE_STEPS = 2
#: dB steps a speaker's balancing gain is rounded to (see `kept_balance`): an edit of one line seldom moves it.
BALANCE_STEP = 0.5
#: Seconds between a speaker's lines when their loudness is predicted alone.
BALANCE_GAP = 0.5
#: Seconds of speech a speaker needs to be balanced on their own (EBU R128's short-term window): the loudness of
#: less is mostly its edges' partial gating blocks, under what the words sound like (a lone 0.4 s "Yes." read
#: 2.4 dB quiet and was raised by that much over the other voice; review 153).
BALANCE_LEAST = 3.0
#: LU under the target a speaker the limiter holds out of its reach (alone, their loudness stops rising under it)
#: may be left before the others are lowered to meet them (`speaker_balance`): within it, the conversation is as
#: it was (eSpeak's French m3 stops 0.3 LU short at -16 LUFS: the example site's MP3s are unchanged).
APART_LU = 1.0
#: The most LU the other speakers are lowered by to meet such a speaker: the conversation then falls short of the
#: target by as much (and says so, `Result.shortfall`) where it shipped one voice far under the others (bug bash
#: f-level: a buzzy voice 7 LU under a smooth one at -16 LUFS; eSpeak French at `loudness: -14`, m3 1.7 LU under).
MEET_LU = 3.0
#: LU from the target within which an edited conversation keeps the gain its unchanged segments were encoded
#: with (so their MP3 frames are reused): well inside the ±0.5 LU the MP3 must meet.
STICKY = 0.2
#: Share of a programme up to `verify_limit` long that segments kept from the last MP3 decoded whole and measured at
#: the level an edit keeps must cover for the edit to skip decoding its own MP3 whole: its loudness is then
#: predicted with the encoder's loss measured that time, and only its new segments are checked for true peak (as a
#: long programme's are). Under it (an edit of half the talk, or edits piled up since), the MP3 is decoded and
#: measured whole again. The loss moves little with the segments: 0.47 to 0.41 LU with 3 of 11 segments new
#: (`test_an_edit_of_a_short_conversation_is_not_decoded_whole_again`'s talk), against the 0.5 LU an MP3 must meet.
KEPT_COVER = 0.5


@dataclass(frozen=True)
class Piece:
    """One cached line (or part of a long line) placed in the programme at sample `offset`."""

    key: str
    offset: int
    figures: LineFigures
    #: who says it (speakers are balanced against each other: `balanced`)
    speaker: str = ""
    #: dB this line is raised by before the programme's gain (its speaker's balance; 0 when not balanced)
    gain_db: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Where everything goes, known before any audio is read: `spans[i]` is turn i's (start, end) in samples."""

    rate: int
    length: int
    pieces: list[Piece]
    spans: list[tuple[int, int]]
    #: chunk energies and chunk peaks of what block processors add after the gain (a music bed, an intro), so
    #: the gain is planned for the whole mix; None when they add nothing
    added: tuple[Floats, Floats] | None = None

    @property
    def duration(self) -> float:
        return self.length / self.rate


class BlockProcessor(Protocol):
    """A hook into the stream: called for every block in order, after the gain and before the limiter.

    `start` is the block's first sample in the programme (`Layout.spans` says where each line is); it returns a
    block of the same length (a music bed or an intro mixed under the speech, for example). Processors see every
    sample exactly once per encode, in order and from one thread (a helper thread, not the caller's), so they may
    keep state; a block starting at 0 means the stream starts over (an MP3 encoded again after its check).

    The programme's gain is planned from the lines' cached figures plus `Layout.added` (the chunk energies and
    peaks of what processors add at unit gain, e.g. `Show.figures()`), so it is solved for the whole mix; the
    limiter after the processors holds the true-peak ceiling, and the check after encoding (MP3s up to
    `VERIFY_LIMIT`) re-encodes if the sum misses the loudness target. Plug processors in with
    `Renderer.block_processors`.
    """

    def __call__(self, start: int, block: Samples) -> Samples: ...


class SegmentStore(Protocol):
    """Where segments' MP3 frames are kept between builds (the cache), by content, gain and ceiling."""

    def get_segment(self, content: str, gain_db: float, ceiling_db: float) -> tuple[bytes, int] | None:
        """The segment's frames and how many there are, verified; None when missing or damaged."""
        ...

    def put_segment(
        self, content: str, gain_db: float, ceiling_db: float, data: bytes | bytearray, frames: int
    ) -> None: ...

    def segment_gains(self, content: str) -> list[tuple[float, float]]:
        """Every (gain dB, ceiling dB) the store holds segment `content` at."""
        ...

    def keep_only(self, content: str, gain_db: float, ceiling_db: float) -> None:
        """Forget segment `content` at every other level (older gains, levels the check turned down)."""
        ...

    def probed(self, key: str) -> tuple[float, float] | None:
        """(loss, overshoot) a probe with this key found (see `probe_key`), if one ran before."""
        ...

    def remember_probe(self, key: str, loss: float, overshoot: float) -> None: ...

    def level_loss(self, content: str, gain_db: float, ceiling_db: float, true_peak: float) -> float | None:
        """The encoder's loss (LU) measured on the last MP3 decoded whole that segment `content` at this level was
        part of (`remember_level_loss`), when that MP3 was checked against this `true_peak`; None otherwise."""
        ...

    def remember_level_loss(
        self, content: str, gain_db: float, ceiling_db: float, loss: float, true_peak: float
    ) -> None: ...


def layout(
    turns: Sequence[tuple[str, Sequence[tuple[str, LineFigures]]]],
    settings: AssemblySettings,
    texts: Sequence[str] | None = None,
) -> Layout:
    """Place each turn's parts (`(speaker, [(key, figures), ...])`) with the pauses of `settings`; `texts` are the
    turns' spoken texts, whose endings vary the pause when the speaker changes (see `turn_gaps.py`).

    A turn without parts (a reply of only an emoji: nothing to say) takes no time: it has no audio and no pause of
    its own, the turns around it are laid out as if it were absent, and its span is empty, where the next spoken
    turn starts (after the last one, where that ends), so the transcript keeps it in its place."""
    from .turn_gaps import TurnCue, speaker_change_gap

    rate = settings.sample_rate
    edge = int(settings.edge_silence * rate)
    gap = int(settings.sentence_pause * rate)
    cursor = edge
    pieces: list[Piece] = []
    spans: list[tuple[int, int]] = []
    previous: tuple[str, TurnCue] | None = None  # the last turn that was spoken: its speaker, and its cue
    waiting: list[int] = []  # silent turns since then, whose spans are where the next spoken turn starts
    for index, (speaker, parts) in enumerate(turns):
        if not parts:
            waiting.append(len(spans))
            spans.append((0, 0))
            continue
        seconds = sum(figures.length for _key, figures in parts) / rate
        cue = TurnCue(seconds, texts[index] if texts is not None else "", parts[-1][0])
        if previous is not None:
            if speaker == previous[0]:
                pause = settings.pause_same_speaker
            else:
                pause = speaker_change_gap(settings.pause, settings.pause_variation, previous[1], cue)
            cursor += int(pause * rate)
        start = cursor
        for number, (key, figures) in enumerate(parts):
            if number:
                cursor += gap
            pieces.append(Piece(key, cursor, figures, speaker))
            cursor += figures.length
        for silent in waiting:
            spans[silent] = (start, start)
        waiting = []
        spans.append((start, cursor))
        previous = (speaker, cue)
    for silent in waiting:
        spans[silent] = (cursor, cursor)
    return Layout(rate, cursor + edge, pieces, spans)


def programme_figures(plan: Layout) -> tuple[Floats, Floats]:
    """Chunk energies and chunk peaks of the whole programme, from the lines' figures at their offsets."""
    chunk = chunk_size(plan.rate)
    count = plan.length // chunk + 16
    energy = np.zeros(count, dtype=np.float64)
    peak = np.zeros(count, dtype=np.float64)
    for piece in plan.pieces:
        first = round(piece.offset / chunk)
        e, p = piece.figures.energy, piece.figures.peak
        if piece.gain_db:
            factor = 10 ** (piece.gain_db / 20)
            e, p = e * factor**2, p * factor
        energy[first : first + len(e)] += e[: count - first]
        np.maximum(peak[first : first + len(p)], p[: count - first], out=peak[first : first + len(p)])
    return energy, peak


def added_figures(plan: Layout, count: int) -> tuple[Floats, Floats] | None:
    """`plan.added`, padded or cut to `count` chunks."""
    if plan.added is None:
        return None
    energy, peak = (np.zeros(count, dtype=np.float64) for _ in range(2))
    energy[: min(count, len(plan.added[0]))] = plan.added[0][:count]
    peak[: min(count, len(plan.added[1]))] = plan.added[1][:count]
    return energy, peak


@dataclass(frozen=True)
class Balance:
    """The speakers' balancing gains (dB) and the level (LUFS) each of them alone reaches with theirs: the target,
    or under it when one speaker cannot get there and the others were lowered to meet them (`speaker_balance`)."""

    gains: dict[str, float]
    level: float


def speaker_balance(plan: Layout, target: float, ceiling: float) -> Balance:
    """The gain (dB) that brings each speaker's lines alone, gained and limited, to `target` LUFS: the limiter
    takes more from a peaky voice than from a smooth one, so one gain for all leaves them apart (by 1.5 LU for
    eSpeak's m3 and f2, bug bash: its whisper 2 LU over klatt4). Solved like the programme's gain (`gentle_gain`,
    predicted from the lines' figures) on each speaker's lines alone. A speaker with under `BALANCE_LEAST` seconds
    of speech is too short to measure: they get the others' gain (their mean, by speech), as with one gain for all.
    No gains when fewer than two speakers can be measured (nothing to balance).

    A speaker whose loudness stops rising more than `APART_LU` under the target (the limiter flattens their peaks
    whatever the gain) would be left that far under the others: the others are lowered to meet them instead, by
    `MEET_LU` at most, and `Balance.level` says where they met (bug bash f-level: a buzzy voice 7 LU under a smooth
    one; eSpeak's French voices at `loudness: -14`)."""
    chunk = chunk_size(plan.rate)
    gap = int(BALANCE_GAP * plan.rate) // chunk * chunk
    gains: dict[str, float] = {}
    levels: dict[str, float] = {}
    short: list[float] = []  # where the speakers the limiter holds under the target stop
    figures: dict[str, tuple[Floats, Floats]] = {}
    speech: dict[str, int] = {}
    for speaker in sorted({piece.speaker for piece in plan.pieces}):
        # the speaker's lines end to end, a pause apart: the same loudness and limiting, a part of the chunks
        cursor, own = 0, []
        for piece in plan.pieces:
            if piece.speaker == speaker:
                own.append(Piece(piece.key, cursor, piece.figures, speaker))
                cursor += -(-piece.figures.length // chunk) * chunk + gap
        energy, peak = programme_figures(Layout(plan.rate, cursor, own, []))
        speech[speaker] = sum(piece.figures.length for piece in own)
        if speech[speaker] >= BALANCE_LEAST * plan.rate and math.isfinite(gated_loudness(energy, chunk)):
            gain, reached, _given_up = gentle_gain(energy, peak, target, ceiling, plan.rate)
            gains[speaker] = 20 * math.log10(gain)
            figures[speaker] = (energy, peak)
            levels[speaker] = gated_loudness(limited_energy(energy, peak, gain, ceiling, plan.rate), chunk)
            if not reached:
                short.append(levels[speaker])
    if len(gains) < 2:
        return Balance({}, target)
    level = target
    if short and min(short) < target - APART_LU:
        level = max(min(short), target - MEET_LU)
        for speaker, at in levels.items():
            if at > level + 0.01:  # lowered to meet the speaker who cannot rise (those under it keep their gain)
                gain, _reached, _given_up = gentle_gain(*figures[speaker], level, ceiling, plan.rate)
                gains[speaker] = 20 * math.log10(gain)
    others = sum(gains[speaker] * speech[speaker] for speaker in gains) / sum(speech[speaker] for speaker in gains)
    return Balance({speaker: gains.get(speaker, others) for speaker in speech}, level)


def speaker_gains(plan: Layout, target: float, ceiling: float) -> dict[str, float]:
    """`speaker_balance`'s gains: empty when there is nothing to balance."""
    return speaker_balance(plan, target, ceiling).gains


def on_grid(gain_db: float) -> float:
    """A speaker's gain rounded to `BALANCE_STEP`: an edit of one line seldom moves it a step."""
    return float(round(gain_db / BALANCE_STEP) * BALANCE_STEP)


def balanced(plan: Layout, gains: dict[str, float]) -> Layout:
    """`plan` with each speaker's lines raised by their gain in `gains` (dB; a speaker not in it by none)."""
    pieces = [dataclasses.replace(piece, gain_db=gains.get(piece.speaker, 0.0)) for piece in plan.pieces]
    return dataclasses.replace(plan, pieces=pieces)


def kept_balance(plan: Layout, exact: dict[str, float], store: SegmentStore, bitrate: int) -> dict[str, float]:
    """The speakers' gains on the `BALANCE_STEP` grid: each the nearest step to its `exact` gain, or the other step
    around it when that one finds more of the programme's segments in the store (the last build's, before an edit
    moved the exact gain across the middle): a speaker's gain is in the key of every segment they speak in, so a
    step up or down for a tenth of a dB would encode all of those again."""
    gains = {speaker: on_grid(gain) for speaker, gain in exact.items()}

    def kept(trial: dict[str, float]) -> int:
        segments = programme_segments(balanced(plan, trial), cuttable=True)
        return sum(bool(store.segment_gains(segment.content(plan.rate, bitrate))) for segment in segments)

    best = kept(gains)
    for speaker, gain in sorted(exact.items()):
        other = gains[speaker] + (BALANCE_STEP if gain > gains[speaker] else -BALANCE_STEP)
        trial = {**gains, speaker: other}
        if (count := kept(trial)) > best:
            gains, best = trial, count
    return gains


def limited_energy(
    energy: Floats,
    peak: Floats,
    gain: float,
    ceiling: float,
    rate: int,
    added: tuple[Floats, Floats] | None = None,
) -> Floats:
    """Chunk energies after `gain` (plus what processors add after it, at unit gain) and the limiter: each chunk
    lowered by what its peak needs, held over the limiter's reach (a slight overestimate of what it takes away)."""
    if added is not None:
        energy = energy * gain**2 + added[0]  # uncorrelated signals: energies add
        peak = peak * gain + added[1]  # peaks may coincide
        gain = 1.0
    need = np.minimum(1.0, ceiling / np.maximum(peak * gain, 1e-12)).astype(np.float32)
    if need.min(initial=1.0) < 1.0:
        reach = 3  # chunks: about the limiter's hold + attack (35 ms)
        need = moving_min(np.concatenate([np.ones(reach, np.float32), need, np.ones(reach, np.float32)]), 2 * reach + 1)
    return energy * (gain * need.astype(np.float64)) ** 2


def solve_gain(
    energy: Floats,
    peak: Floats,
    target: float,
    ceiling: float,
    rate: int,
    added: tuple[Floats, Floats] | None = None,
    start_db: float | None = None,
) -> tuple[float, bool]:
    """The linear gain whose limited programme measures `target` LUFS (secant steps on predicted loudness), and
    whether it gets there: past the point where 1 dB more gain buys less than 0.05 dB of loudness, the limiter
    would only squash the speech, so the gain stops there (very peaky voices at a high target). The steps start
    from `start_db` when given, else from the gain that brings the programme, unlimited, to `target`."""
    chunk = chunk_size(rate)
    loudness = gated_loudness(energy, chunk)
    if not math.isfinite(loudness):
        return 1.0, True
    gain_db = target - loudness if start_db is None else start_db
    previous: tuple[float, float] | None = None
    reached = True
    flat: tuple[float, float] | None = None  # where the whole stopped rising, while looking past it (a show's)
    looked = 0

    def speech_alone(at_db: float) -> float:
        return gated_loudness(limited_energy(energy, peak, 10 ** (at_db / 20), ceiling, rate, None), chunk)

    for _ in range(12 + EXPLORE_STEPS):
        result = gated_loudness(limited_energy(energy, peak, 10 ** (gain_db / 20), ceiling, rate, added), chunk)
        error = target - result
        if abs(error) < 0.01:
            flat = None
            break
        slope = 1.0
        if previous is not None and gain_db != previous[0]:
            slope = (result - previous[1]) / (gain_db - previous[0])
            if error > 0 and slope < 0.05:
                if flat is None:  # the better of the two points where it stopped rising
                    flat, looked = (previous if result < previous[1] else (gain_db, result)), 0
                # Flat may be a show's doing, not the limiter's: an outro at the target's level outweighs a
                # one-line talk until the speech passes it (bug bash 111: its speech came out 2.4 dB quieter than
                # without the outro). Then the speech alone is still worth the gain (by this same measure), and
                # the search looks EXPLORE_DB further, twice at most; the speech alone flat too, the limiter is
                # squashing it: stop where it began (review 115: looking past the limiter's flat put 40 dB on
                # plain talks)
                if (
                    added is not None
                    and looked < EXPLORE_STEPS
                    and gain_db + EXPLORE_DB <= MAX_GAIN_DB
                    and speech_alone(gain_db) - speech_alone(previous[0]) >= 0.05 * (gain_db - previous[0])
                ):
                    looked += 1
                    previous = (gain_db, result)
                    gain_db += EXPLORE_DB
                    continue
                reached = False
                gain_db, flat = flat[0], None
                break
            slope = min(1.0, slope)
        flat = None
        previous = (gain_db, result)
        step = max(-12.0, min(12.0, error / slope))
        if gain_db + step > MAX_GAIN_DB:
            gain_db, reached = MAX_GAIN_DB, False
            break
        gain_db += step
    if flat is not None:  # out of steps while looking past a flat stretch: where it began
        gain_db, reached = flat[0], False
    return float(10 ** (gain_db / 20)), reached


def gentle_gain(
    energy: Floats,
    peak: Floats,
    target: float,
    ceiling: float,
    rate: int,
    added: tuple[Floats, Floats] | None = None,
    start_db: float | None = None,
) -> tuple[float, bool, float]:
    """`solve_gain`'s gain, lowered where the limiter takes most of it (see `backed_off`), whether the target is
    within reach, and the LU given up on purpose (the MP3 is judged against the target less these)."""
    gain, reached = solve_gain(energy, peak, target, ceiling, rate, added, start_db)
    gain_db = 20 * math.log10(gain)
    if gain_db >= MAX_GAIN_DB:
        return gain, reached, 0.0
    lowered, given_up = backed_off(gain_db, target if reached else None, energy, peak, ceiling, rate, added)
    return float(10 ** (lowered / 20)), reached, given_up


def backed_off(
    gain_db: float,
    target: float | None,
    energy: Floats,
    peak: Floats,
    ceiling: float,
    rate: int,
    added: tuple[Floats, Floats] | None,
) -> tuple[float, float]:
    """`gain_db` lowered in `BACK_OFF_DB` steps while each step costs the speech under `WORTH_SLOPE` dB of loudness
    a dB, and the programme under `NEAR_ENOUGH_LU` in all (`FLAT_NEAR_LU` when the `target` is out of reach: the
    limiter is flat there, and a level short of it by 1 LU is reported); and the LU it gave up. The limiter took the
    rest, so the speech keeps its contour for a difference no listener hears (bug bash 134: Piper was limited by a
    median of 8.9 dB; +16 dB of gain gave -16.2 LUFS, +21 dB -16.0). The steps are the speech's alone: a show's
    bed or outro flattens the whole's slope with the limiter out of play (review 137)."""
    chunk = chunk_size(rate)
    measured: dict[int, tuple[float, float]] = {}

    def at(steps: int) -> tuple[float, float]:
        """(the whole's loudness, the speech's) `steps` below `gain_db`."""
        if steps not in measured:
            gain = 10 ** ((gain_db - steps * BACK_OFF_DB) / 20)
            whole = gated_loudness(limited_energy(energy, peak, gain, ceiling, rate, added), chunk)
            alone = whole if added is None else gated_loudness(limited_energy(energy, peak, gain, ceiling, rate), chunk)
            measured[steps] = (whole, alone)
        return measured[steps]

    top = at(0)[0]
    reference, near = (min(target, top), NEAR_ENOUGH_LU) if target is not None else (top, FLAT_NEAR_LU)

    def fine(steps: int) -> bool:
        """Whether lowering by `steps` keeps near the reference and its last step was not worth keeping."""
        return reference - at(steps)[0] <= near and at(steps - 1)[1] - at(steps)[1] < WORTH_SLOPE * BACK_OFF_DB

    # the loudness rises ever more slowly with the gain, so `fine` holds from 1 step up to some count: found by
    # halving (a 2-hour programme's loudness is 2 ms of numpy each; 16 steps one by one took 0.5 s, review 137)
    low, high = 0, BACK_OFF_STEPS
    while low < high:
        middle = (low + high + 1) // 2
        if all(fine(steps) for steps in (1, middle)):
            low = middle
        else:
            high = middle - 1
    return gain_db - low * BACK_OFF_DB, max(0.0, top - at(low)[0])


def blocks(plan: Layout, load: Callable[[str], Audio], size: int = BLOCK) -> Iterator[tuple[int, Samples]]:
    """The programme as `(start, samples)` blocks of at most `size` samples; one line is read at a time."""
    cursor = 0
    for piece in plan.pieces:
        yield from _silence(cursor, piece.offset, size)
        audio = raised(speech(load(piece.key), plan.rate, piece.figures), piece.gain_db)
        for index in range(0, len(audio), size):
            yield piece.offset + index, audio[index : index + size]
        cursor = piece.offset + len(audio)
    yield from _silence(cursor, plan.length, size)


def raised(samples: Samples, gain_db: float) -> Samples:
    """A line's samples raised by its speaker's balance (`Piece.gain_db`): the same array when that is 0."""
    return samples * np.float32(10 ** (gain_db / 20)) if gain_db else samples


def _silence(start: int, end: int, size: int) -> Iterator[tuple[int, Samples]]:
    for position in range(start, end, size):
        yield position, np.zeros(min(size, end - position), dtype=np.float32)


@dataclass
class Probe:
    """What the encoder did to a sample of this conversation: loudness lost (LU) and peaks gained (dB)."""

    loss: float = 0.0
    overshoot: float = 0.0


def probed_lines(plan: Layout) -> list[int]:
    """The lines a probe samples: `PROBE_LINES` spread over the conversation."""
    count = min(PROBE_LINES, len(plan.pieces))
    return sorted({round(i) for i in np.linspace(0, len(plan.pieces) - 1, count)}) if count else []


def probe_key(plan: Layout, gain: float, settings: AssemblySettings, ceiling_db: float) -> str:
    """Everything a probe's answer depends on: the lines it samples, the gain, ceiling and encoder."""
    payload = {
        "lines": [plan.pieces[index].key for index in probed_lines(plan)],
        # each sampled line's balance, only where there is one (the keys of probes before balancing stay)
        **({"raised": gains} if any(gains := [plan.pieces[i].gain_db for i in probed_lines(plan)]) else {}),
        "gain": round(20 * math.log10(gain), 6),
        "ceiling": round(ceiling_db, 6),
        "encoder": [plan.rate, settings.bitrate, QUALITY, PROBE_SECONDS],
        "probe": 2,  # faded cuts
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def probe(
    plan: Layout, load: Callable[[str], Audio], gain: float, settings: AssemblySettings, ceiling_db: float
) -> Probe:
    """Encode a few seconds from lines spread over the conversation (gained and limited like the programme)
    and compare the decoded MP3 with the prediction from figures: corrects the encoder's loss and the
    limiter estimate together, for about 2 % of the programme's encoding time."""
    rate = plan.rate
    chunk = chunk_size(rate)
    if not plan.pieces:
        return Probe()
    chosen = probed_lines(plan)
    window = int(PROBE_SECONDS * 100)
    gap = np.zeros(int(0.3 * rate), dtype=np.float32)
    audio_parts: list[Samples] = [gap]
    energy_parts: list[Floats] = [np.zeros(len(gap) // chunk)]
    peak_parts: list[Floats] = [np.zeros(len(gap) // chunk)]
    for index in chosen:
        piece = plan.pieces[index]
        figures = piece.figures
        chunks = len(figures.peak)
        first = max(0, (chunks - window) // 2)
        last = min(chunks, first + window)
        # faded at the cuts: a step from speech to silence rings in the MP3 (a 1.6 dB overshoot measured on one
        # French probe, none with fades) where the programme, whose lines are faded, has nothing of the kind
        samples = faded(speech(load(piece.key), rate, figures)[first * chunk : last * chunk], rate)
        samples = raised(samples, piece.gain_db)
        factor = 10 ** (piece.gain_db / 20)
        pad = (-len(samples)) % chunk
        audio_parts += [samples, np.zeros(pad, dtype=np.float32), gap]
        energy_parts += [figures.energy[first:last] * factor**2, np.zeros(len(gap) // chunk)]
        peak_parts += [figures.peak[first:last] * factor, np.zeros(len(gap) // chunk)]
    sample = np.concatenate(audio_parts)
    ceiling = 10 ** (ceiling_db / 20)
    predicted = limited_energy(np.concatenate(energy_parts), np.concatenate(peak_parts), gain, ceiling, rate)
    limiter = Limiter(rate, ceiling_db)
    limited = np.concatenate([limiter.process(sample * np.float32(gain)), limiter.flush()])
    buffer = io.BytesIO(encode_file(limited, rate, settings.bitrate))
    decoded, _ = soundfile.read(buffer, dtype="float32")
    measured = float(chunk_energies(decoded, rate).sum())
    expected = float(predicted.sum())
    if measured <= 0 or expected <= 0:
        return Probe()
    return Probe(10 * math.log10(expected / measured), max(0.0, true_peak_db(decoded, rate) - ceiling_db))


@dataclass
class Result:
    """What the pass did, for reports and tests: the last attempt's plan, and the decoded MP3's measurement."""

    gain_db: float = 0.0
    ceiling_db: float = 0.0
    predicted_lufs: float = 0.0
    #: the speech's own loudness at that gain, without what a show adds (bed, intro, outro); None without a show
    speech_lufs: float | None = None
    probe: Probe = field(default_factory=Probe)
    limited_samples: int = 0
    largest_block: int = 0
    measured_lufs: float = -math.inf
    measured_peak_db: float = -math.inf
    attempts: int = 0
    #: False when the target is out of reach under the ceiling (the MP3 is as loud as clean limiting allows)
    reached: bool = True
    #: LU under the target the gain gave up on purpose, where the limiter would have taken most of it
    given_up: float = 0.0
    #: whether the MP3 was decoded whole and measured (see `VERIFY_LIMIT`; a longer one made as one stream, a
    #: show, has its loudness measured window by window: `measured_lufs`)
    verified: bool = False
    #: the highest true peak (dBTP) of the segments encoded in the last attempt, when the MP3 is too long to be
    #: measured whole (a longer MP3 without segments is checked as a file: `measured_peak_db`)
    new_peak_db: float = -math.inf
    #: LU the encoder took away (measured when verified, else the probe's estimate, or for an edit the one measured on
    #: the MP3 its kept segments came from: `kept_loss`)
    loss: float = 0.0
    #: times the MP3 was decoded whole and measured (`measure_mp3`), over all attempts
    whole_measures: int = 0

    #: dB the limiter kept under the true-peak target
    margin: float = 0.0
    #: where the programme landed in the MP3 (segments cut in pauses are shortened by the encoder's overhead)
    placement: Placement | None = None
    #: segments encoded, and taken from the store, in the last attempt
    encoded_segments: int = 0
    reused_segments: int = 0
    #: segment encodes in the last attempt, those of segments encoded again alone over the ceiling included
    segment_encodes: int = 0
    #: the contents of the segments kept in the store (empty without one)
    segments: list[str] = field(default_factory=list)
    #: dB each speaker's lines were raised by before `gain_db`, balancing the voices: every speaker of the
    #: conversation, 0.0 included (empty when not balanced)
    speaker_gains: dict[str, float] = field(default_factory=dict)
    #: the level (LUFS, predicted) the other speakers were lowered to, to meet a voice the limiter holds under the
    #: target (`speaker_balance`); None when nobody was lowered
    met_lufs: float | None = None

    @property
    def level(self) -> float:
        """The MP3's loudness (LUFS): measured (whole, or a long show's window by window), else predicted."""
        return self.measured_lufs if self.verified or math.isfinite(self.measured_lufs) else self.predicted_lufs

    def off_loudness(self, target: float) -> float | None:
        """LU this MP3 measured off `target` (negative under it) when more than `LOUDNESS_TOLERANCE`, and no shortfall
        of its voices or of its show says why (`shortfall`, `shortfall_of_show`); None when on it or not measured.
        One the limiter held under a target out of its reach is the shortfall's to tell, past 1 LU (`shortfall`):
        a 1.2 s talk of peaky voices 0.56 LU under was a warning in every cold build, and a strict one stopped."""
        error = self.measured_lufs - target
        if not math.isfinite(error) or abs(error) <= LOUDNESS_TOLERANCE or (not self.reached and error < 0):
            return None
        if self.shortfall(target) is not None or self.shortfall_of_show(target) is not None:
            return None
        return error

    def shortfall(self, target: float) -> float | None:
        """The level (LUFS, one decimal) this MP3 reached when it fell more than 1 LU short of `target` because
        the limiter could not lift its peaky voices further under the ceiling; None when it got there."""
        level = self.level
        # what the gain gave up on purpose does not count: the limiter would have taken it (review 137)
        if self.reached or level + self.given_up >= target - 1.0 or self.shortfall_of_show(target) is not None:
            return None
        return round(level, 1)

    def shortfall_of_show(self, target: float) -> float | None:
        """The level this MP3 reached when it fell more than 1 LU short of `target` while its speech alone got
        there: a short conversation whose music bed's lead and tail (quiet by design) or clips are much of it. The
        voices are not to blame, and no option but a shorter lead mends it (bug bash 111: a one-line talk with a
        bed was told its voices were too peaky)."""
        level = self.level
        if self.reached or level + self.given_up >= target - 1.0:
            return None
        if self.speech_lufs is None or self.speech_lufs + self.given_up < target - 1.0:
            return None
        return round(level, 1)


def measure_mp3(path: Path, size: int = 4 * BLOCK, limit: int = VERIFY_LIMIT) -> tuple[float, float] | None:
    """Integrated loudness (LUFS) and true peak (dBTP, 4× oversampled) of an audio file; None when it is longer
    than `limit` samples. The file is decoded in one call (libsndfile's MP3 decoder prints spurious
    mpg123 errors when read in pieces), then measured block by block."""
    # the name as bytes: soundfile encodes a str with the file system encoding strictly, which fails on a non-ASCII
    # name under the C locale (PYTHONUTF8=0); os.fsencode gives back the bytes on disk
    with soundfile.SoundFile(os.fsencode(path)) as handle:
        rate = handle.samplerate
        if handle.frames > limit:
            return None
        decoded = handle.read(dtype="float32", always_2d=True).mean(axis=1, dtype=np.float32)
    meter = LoudnessMeter(rate)
    peak = 0.0
    for start in range(0, len(decoded), size):
        meter.feed(decoded[start : start + size])
        # each sample's oversampled peak with context on both sides
        lo, hi = max(0, start - CONTEXT_PEAK), min(len(decoded), start + size + CONTEXT_PEAK)
        peak = max(peak, oversampled_peak(decoded[lo:hi], rate, start - lo, start - lo + size))
    return meter.loudness(), (20 * math.log10(peak) if peak > 0 else -math.inf)


def encode(
    plan: Layout,
    load: Callable[[str], Audio],
    settings: AssemblySettings,
    path: Path,
    *,
    margin: float = BASE_MARGIN,
    loss: float | None = None,
    verify_limit: int = VERIFY_LIMIT,
    processors: Sequence[BlockProcessor] = (),
    on_block: Callable[[int], None] = lambda samples: None,
    on_again: Callable[[int], None] = lambda samples: None,
    store: SegmentStore | None = None,
    workers: int = 1,
) -> Result:
    """Stream the programme into an MP3 at `path` at the loudness target, under the true-peak ceiling.

    The gain comes from the lines' figures; a short probe encode measures this conversation's encoder loss
    and peak overshoot (skipped for a conversation short enough to be checked after encoding when the caller
    gives a `loss` estimate); then every block is gained, passed through `processors` (see `BlockProcessor`),
    limited and encoded. An MP3 up to `verify_limit` samples long is then decoded and measured (a tenth of the
    encoding time): when its true peak is over the target or its loudness more than 0.3 LU off, it is encoded
    again with the measured error corrected (rare: `margin`, the limiter's distance under the target, is
    the caller's choice, reported back in `Result.margin`). With a store, a peak over the target alone costs less:
    the segments over it are encoded again alone under a lower ceiling (`SEGMENT_STEP`), as each is encoded in a
    longer MP3, in a pass that takes the rest from the store in a shorter one.
    With a `store` (and no processors), the programme is cut in pauses into segments whose MP3 frames are kept
    there: an edit keeps the gain while the loudness stays within `STICKY` LU of the target, and encodes again
    only the segments it changed (`Result.placement` says where everything landed); up to `workers` segments
    are encoded at once (LAME, soxr and numpy release the GIL).
    `on_block(samples)` is called after each block, for progress (from several threads when `workers` > 1), and
    `on_again(samples)` before a pass that encodes the programme again (the work grew by that much).
    """
    rate = plan.rate
    chunk = chunk_size(rate)
    ceiling_db = settings.true_peak - margin
    balance: dict[str, float] = {}
    found_balance = (
        speaker_balance(plan, settings.loudness, 10 ** (ceiling_db / 20)) if settings.balance_speakers else None
    )
    if found_balance is not None and (exact := found_balance.gains):
        if store is not None and not processors:  # cut in segments, as below
            balance = kept_balance(plan, exact, store, settings.bitrate)
        else:
            balance = {speaker: on_grid(gain) for speaker, gain in exact.items()}
        plan = balanced(plan, balance)
    energy, peak = programme_figures(plan)
    added = added_figures(plan, len(energy))
    # where the speakers met under the target a voice that cannot reach it (`speaker_balance`): the programme's
    # gain stays near 0 dB, a gain for the target would raise the others apart again
    met = found_balance is not None and found_balance.level < settings.loudness

    def programme_gain(correction: float, ceiling: float) -> tuple[float, bool, float]:
        """`gentle_gain` of the programme for the target plus `correction`; where the speakers `met` under the
        target, for the programme's own level at 0 dB under `ceiling` instead (a ceiling raised into the room the
        encoder left lets the voice held by the limiter rise, and nobody is lowered for it), a target out of
        reach. Balanced, each speaker alone reaches the level they were balanced at near 0 dB: when the search
        from the unlimited level finds it out of reach, it looks again from there. A speaker deep in the limiter
        (their balancing gain at the limiter's flat, +23 dB for an eSpeak m3 in French) made the unlimited level far
        too loud: the search started 18 dB down, met that speaker's flat first and stopped, and the other speaker
        came out 15 LU under them (bug bash h-upgrade: a 100-turn post at -19.6 LUFS)."""

        def reach(gain: float) -> float:
            return gated_loudness(limited_energy(energy, peak, gain, ceiling, rate, added), chunk)

        aim = settings.loudness
        if met:
            aim = gated_loudness(limited_energy(energy, peak, 1.0, ceiling, rate, added), chunk)
        target = aim + correction
        found = gentle_gain(energy, peak, target, ceiling, rate, added)
        if balance and not found[1]:
            again = gentle_gain(energy, peak, target, ceiling, rate, added, start_db=0.0)
            # both out of reach: the first may have stopped at a peaky speaker's flat far down, the others drowned
            # (review r-level: eSpeak's French m3 and f2 at -16 LUFS, f2 12 LU under m3, the whole at -18.5)
            if again[1] or reach(again[0]) > reach(found[0]):
                found = again
        return found[0], found[1] and not met, found[2]

    gain, _reached, _given_up = programme_gain(0.0, 10 ** (ceiling_db / 20))
    if loss is not None and plan.length <= verify_limit:
        checked = Probe(loss)  # a short conversation: the check after encoding corrects what the loss misses
    else:
        # on a grid of a quarter dB, so that an edit that barely moves the gain finds the last build's answer
        gain = 10 ** (round(20 * math.log10(gain) * 4) / 80)
        key = probe_key(plan, gain, settings, ceiling_db)
        known = store.probed(key) if store is not None else None
        checked = Probe(*known) if known is not None else probe(plan, load, gain, settings, ceiling_db)
        if store is not None and known is None:
            store.remember_probe(key, checked.loss, checked.overshoot)
    ceiling_db = settings.true_peak - max(margin, checked.overshoot + BASE_MARGIN / 2)
    correction = checked.loss
    result = Result(probe=checked, loss=checked.loss)
    result.speaker_gains = balance
    if met and found_balance is not None:
        result.met_lufs = found_balance.level
    tried: tuple[float, float] | None = None  # the last attempt's predicted and measured loudness
    if processors:
        store = None  # their sound runs through the pauses, and a segment's key does not cover it
    segments = programme_segments(plan, cuttable=store is not None)
    if len(segments) < 2:
        store = None  # nothing to reuse in an edit: one stream straight to the file, never held in memory
    contents = [segment.content(rate, settings.bitrate) for segment in segments] if store is not None else []
    result.segments = list(contents)
    written: set[tuple[float, float]] = set()  # levels encoded in this call: a kept level is not tried twice
    held_gain_db: float | None = None  # a long MP3 over the ceiling keeps its gain (see below)
    # a long show is one stream checked window by window: its frames over the target are turned down in the next
    # pass, and nothing else moves (see `overshoot.py`)
    dips = Dips(rate) if processors and plan.length > verify_limit else None
    repair = False  # this pass only mends the segments of the last one that are over the target (see below)
    attempt = passes = 0
    while passes < WHOLE_PASSES or repair:
        attempt += 1
        passes += not repair  # a pass that mends segments is not one of the three whole encodes
        if attempt > 1:
            # encoded again (over the ceiling, or off the loudness): that much more work, said before it is done;
            # a big build's bar read "100% 530.3/487.8 min of audio, ETA 0:00" with a fifth of it left (bug bash 79)
            on_again(plan.length)
        ceiling = 10 ** (ceiling_db / 20)
        if repair:  # the level just written: every segment is in the store at it
            gain_db, ceiling_db = result.gain_db, result.ceiling_db
            ceiling = 10 ** (ceiling_db / 20)
        else:
            gain, result.reached, result.given_up = programme_gain(correction, ceiling)
            gain_db = round(20 * math.log10(gain), 6) if held_gain_db is None else held_gain_db
        # an edit at the level its kept segments are at, whose last MP3 was measured whole: its loudness from the loss
        # measured then, and its new segments checked alone (decoding the whole MP3 was most of what an edit of a
        # post of a few minutes cost)
        known_loss: float | None = None
        if store is not None and not repair:
            kept = kept_gain(store, contents, energy, peak, (gain_db, ceiling_db), rate, added, written)
            if kept is not None:
                gain_db, ceiling_db = kept
                ceiling = 10 ** (ceiling_db / 20)
                if attempt == 1 and plan.length <= verify_limit:
                    known_loss = kept_loss(store, segments, contents, kept, settings.true_peak)
        gain = 10 ** (gain_db / 20)
        predicted = gated_loudness(limited_energy(energy, peak, gain, ceiling, rate, added), chunk) - correction
        if added is not None:
            speech_alone = limited_energy(energy, peak, gain, ceiling, rate, None)
            result.speech_lufs = gated_loudness(speech_alone, chunk) - correction
        result.gain_db, result.ceiling_db, result.predicted_lufs, result.attempts = (
            gain_db,
            ceiling_db,
            predicted,
            attempt,
        )
        result.margin = settings.true_peak - ceiling_db
        written.add((gain_db, ceiling_db))
        level = (gain_db, ceiling_db)
        # a programme measured whole is checked segment by segment only when it mends one found over the target
        check_segments = plan.length > verify_limit or repair or known_loss is not None
        result.placement = _write(
            plan,
            segments,
            contents,
            load,
            settings,
            path,
            level,
            processors,
            on_block,
            result,
            store,
            workers,
            on_again,
            check_segments,
            repair,
            dips,
        )
        mended, repair = repair, False
        # the programme's loudness predicted from figures at the level encoded (a kept level may differ from the
        # fresh one by up to STICKY): the encoder's loss and the next step are measured against it
        raw = predicted + correction
        measured: tuple[float, float] | None
        if known_loss is not None:
            measured = (raw - known_loss, result.new_peak_db)
        else:
            measured = measure_mp3(path, limit=verify_limit)
            result.whole_measures += measured is not None
        if measured is None:
            # too long to decode whole: its true peak window by window (a music bed, a clip or a rare spot of
            # speech can make the encoder overshoot more than the probe found), and one stream's loudness from
            # the same decoding; segments kept from an earlier build were checked when they were encoded
            # (a programme at most `verify_limit` long may give an MP3 a frame longer: its segments went unchecked)
            windows, lufs = (None, math.nan) if store is not None and check_segments else mp3_window_measures(path)
            peak_db = result.new_peak_db if windows is None else max((top for *_, top in windows), default=-math.inf)
            result.measured_peak_db = peak_db
            excess = peak_db - settings.true_peak
            error = lufs - settings.loudness
            if math.isfinite(error):
                result.measured_lufs, result.loss = lufs, raw - lufs
            on_loudness = _on_loudness(error, result)
            # limiter-bound and short of the target, with room under the true-peak target: the ceiling kept
            # `margin` under it for the encoder's overshoot, which took less here (an 11.6-minute show with a loud
            # bed: -16.90 LUFS at -1.60 dBTP under a -2 dB ceiling)
            room = _room(excess, error, result)
            if excess <= 0 and on_loudness and room <= 0:
                break
            if excess <= 0:
                if held_gain_db is not None:
                    break  # off its loudness after its gain was held for the dips below: reported by the caller
                if room > 0:
                    ceiling_db += room
                    continue
                # a long show off its loudness (the probe's few seconds of speech do not foretell all the encoder
                # and the limiter do to a mix) is encoded again at a gain corrected by what was measured; one over
                # the true-peak target has its frames over it turned down first (below), at its gain: a new gain
                # would move every peak
                correction, tried = _corrected(raw, lufs, settings.loudness, tried, True)
                continue
            # only the ceiling comes down, or a long show's spots over the target: a gain solved again for the
            # loudness lost would rise and squash the speech harder, and the encoder overshoots a harder-limited
            # signal more (21.9 dB of gain became 28)
            held_gain_db = gain_db
            spots = None
            if windows is not None and dips is not None:
                # the frames over the target, turned down by what they missed and more: the rest of the stream is
                # encoded as it was, and comes out as it was (one more pass, where a lower ceiling moved every peak)
                spots = over_spots(windows, mp3_frame_peaks(path), frame_samples(rate), settings.true_peak, DIP_STEP)
                dips.add(spots or [])
            if not spots:
                ceiling_db -= excess + CEILING_STEP
            continue
        result.measured_lufs, result.measured_peak_db = measured
        result.verified = known_loss is None
        excess = result.measured_peak_db - settings.true_peak
        error = result.measured_lufs - settings.loudness
        result.loss = raw - result.measured_lufs if math.isfinite(error) else correction
        on_loudness = _on_loudness(error, result)
        # a show held under the target by the limiter takes the room under true_peak as a long one does (above); a
        # talk without one keeps its ceiling and its MP3 (a one-line post short of the target is told at info)
        room = _room(excess, error, result) if processors else 0.0
        if excess <= 0 and on_loudness and room <= 0:
            break
        if excess <= 0 and room > 0:
            ceiling_db += room
            continue
        if excess > 0 and on_loudness and store is not None and not mended:
            # only over the ceiling: LAME overshoots at a few spots, so the segments over the target are encoded
            # again alone under a lower ceiling and the rest are taken from the store (a fraction of a whole pass)
            repair = True
            continue
        if excess > 0:
            ceiling_db -= excess + CEILING_STEP
        if math.isfinite(error):
            correction, tried = _corrected(raw, result.measured_lufs, settings.loudness, tried, excess <= 0)
    if store is not None:  # the next edit starts from this level, never from one found off or left behind
        for content in contents:
            store.keep_only(content, result.gain_db, result.ceiling_db)
            if result.verified:  # what the encoder took from the MP3 measured whole, for the next edit's loudness
                store.remember_level_loss(content, result.gain_db, result.ceiling_db, result.loss, settings.true_peak)
    return result


def _on_loudness(error: float, result: Result) -> bool:
    """Whether an MP3 `error` LU off the target is on its loudness: judged against what the gain aimed at, the
    target less the LU given up on purpose (`backed_off`), and never more than 0.5 LU under it in all; one under a
    target out of reach (`Result.reached`) is as loud as it gets, and passes up to `LOUDNESS_TOLERANCE` over it (a
    gain corrected for less did not move a hum a processor added: two passes more for an MP3 as far over, and one
    the code before published in one pass made anew); one not measured (NaN) is taken as it is."""
    aimed = abs(error + result.given_up) <= 0.3 and error >= -LOUDNESS_TOLERANCE
    return aimed or not math.isfinite(error) or (not result.reached and error <= LOUDNESS_TOLERANCE)


def _room(excess: float, error: float, result: Result) -> float:
    """dB the limiter's ceiling may rise for an MP3 `excess` dB over the true-peak target (negative: under it) and
    `error` LU off the loudness target, when the limiter held it more than `LOUDNESS_TOLERANCE` under a target out of
    its reach: the ceiling kept `margin` under the true-peak target for the encoder's overshoot, which took less
    (0.0: no room, or not held)."""
    if result.reached or not (math.isfinite(excess) and math.isfinite(error)) or error >= -LOUDNESS_TOLERANCE:
        return 0.0
    return max(0.0, -excess - CEILING_STEP)


def _corrected(
    raw: float, measured: float, target: float, tried: tuple[float, float] | None, steady: bool
) -> tuple[float, tuple[float, float]]:
    """The next pass's correction (LU added to the target the gain is solved for) after an MP3 predicted at `raw`
    measured `measured` LUFS, and the attempt to remember: a secant step across attempts, what the last change of
    predicted loudness actually bought (the limiter and what processors add make loudness answer a correction by
    other than 1:1; a plain step oscillates), taken only when the ceiling held still (`steady`)."""
    slope = 1.0
    if tried is not None and raw != tried[0] and steady:
        slope = min(1.5, max(0.3, (measured - tried[1]) / (raw - tried[0])))
    return raw - (measured - target) / slope - target, (raw, measured)


def programme_segments(plan: Layout, *, cuttable: bool) -> list[Segment]:
    """The programme cut in pauses (see `segments.py`), or whole when it cannot be (no store to keep the
    pieces in, or block processors whose sound runs through the pauses)."""
    lines = [(piece.key, piece.offset, piece.figures.start, piece.figures.end, piece.gain_db) for piece in plan.pieces]
    if cuttable:
        return cut(plan.length, plan.rate, plan.spans, lines)
    return [Segment(0, plan.length, plan.length, tuple(lines))]


def kept_gain(
    store: SegmentStore,
    contents: Sequence[str],
    energy: Floats,
    peak: Floats,
    level: tuple[float, float],
    rate: int,
    added: tuple[Floats, Floats] | None,
    exclude: Collection[tuple[float, float]] = (),
) -> tuple[float, float] | None:
    """A (gain, ceiling) this programme's segments are kept at in the store, close enough to the fresh `level`
    that the programme's predicted loudness moves by `STICKY` LU at most, under a ceiling no higher: an edit
    then encodes only what changed. The one that covers the most segments wins (the level of the last build,
    after an edit), then the closest; levels in `exclude` (already encoded and found off) are passed over. None
    when none fits (a first build, or an edit that moved the loudness)."""
    counts: dict[tuple[float, float], int] = {}
    for content in contents:
        for known in store.segment_gains(content):
            counts[known] = counts.get(known, 0) + 1
    chunk = chunk_size(rate)

    def loudness(gain_db: float, ceiling_db: float) -> float:
        limited = limited_energy(energy, peak, 10 ** (gain_db / 20), 10 ** (ceiling_db / 20), rate, added)
        return gated_loudness(limited, chunk)

    fresh = loudness(*level)
    fits: list[tuple[int, float, tuple[float, float]]] = []
    for (gain_db, ceiling_db), count in counts.items():
        if (gain_db, ceiling_db) not in exclude and ceiling_db <= level[1] + 1e-9 and abs(gain_db - level[0]) < 6:
            distance = abs(loudness(gain_db, ceiling_db) - fresh)
            if distance <= STICKY:
                fits.append((-count, distance, (gain_db, ceiling_db)))
    return min(fits)[2] if fits else None


def kept_loss(
    store: SegmentStore,
    segments: Sequence[Segment],
    contents: Sequence[str],
    level: tuple[float, float],
    true_peak: float,
) -> float | None:
    """The encoder's loss measured on the MP3 decoded whole the last time this programme's segments were encoded
    at `level`, when the segments that carry it cover `KEPT_COVER` of the programme (the loss most of them carry:
    one shared with another conversation may carry that one's); None otherwise. Only a measurement checked against
    this `true_peak` counts: a kept level's ceiling may sit under a lowered `true_peak`'s (it was lowered for the
    encoder's overshoot), and its segments, never checked against the new target, must be measured whole."""
    if not segments:
        return None
    covered: dict[float, int] = {}
    for segment, content in zip(segments, contents, strict=True):
        loss = store.level_loss(content, *level, true_peak)
        if loss is not None:
            covered[loss] = covered.get(loss, 0) + segment.following - segment.start
    if not covered:
        return None
    loss, length = max(covered.items(), key=lambda item: (item[1], item[0]))
    return loss if length >= KEPT_COVER * (segments[-1].following - segments[0].start) else None


def segment_blocks(
    segment: Segment, rate: int, load: Callable[[str], Audio], size: int = BLOCK
) -> Iterator[tuple[int, Samples]]:
    """One segment as `(programme start, samples)` blocks of at most `size` samples; one line read at a time."""
    cursor = 0
    for key, offset, first, last, gain_db in segment.lines:
        for position, block in _silence(cursor, offset, size):
            yield segment.start + position, block
        audio = raised(faded(to_rate(load(key), rate)[first:last], rate), gain_db)
        for index in range(0, len(audio), size):
            yield segment.start + offset + index, audio[index : index + size]
        cursor = offset + len(audio)
    for position, block in _silence(cursor, segment.length, size):
        yield segment.start + position, block


def _write(
    plan: Layout,
    segments: Sequence[Segment],
    contents: Sequence[str],
    load: Callable[[str], Audio],
    settings: AssemblySettings,
    path: Path,
    level: tuple[float, float],
    processors: Sequence[BlockProcessor],
    on_block: Callable[[int], None],
    result: Result,
    store: SegmentStore | None,
    workers: int,
    on_again: Callable[[int], None],
    check: bool,
    mend: bool,
    dips: Dips | None = None,
) -> Placement:
    """One pass: every segment's frames, from the store or encoded now (up to `workers` at once, written in
    order, at most `workers + 1` held), after a gapless `Info` header (written last, once the frames are counted).
    With `check`, the true peak of every segment encoded now is measured (`Result.new_peak_db`) and one over the
    target is encoded again alone under a lower ceiling; with `mend` (the level just written, found over the
    target when measured whole), so are the segments taken from the store. `dips` turn down spots of one stream
    after its limiter (see `overshoot.py`)."""
    rate, bitrate = plan.rate, settings.bitrate
    gain_db, ceiling_db = level
    frames: list[int] = []
    audio_bytes = 0
    result.encoded_segments = result.reused_segments = result.limited_samples = result.segment_encodes = 0
    result.new_peak_db = -math.inf
    peak_lock = threading.Lock()

    def piece(number: int) -> tuple[bytes | bytearray, int, tuple[int, int] | None]:
        """Segment `number`'s frames and their count, and (limited samples, largest block) if encoded now."""
        segment, content = segments[number], contents[number]
        kept = store.get_segment(content, gain_db, ceiling_db) if store is not None else None
        local = ceiling_db
        if kept is not None:
            peak_db = mp3_true_peak(kept[0]) if mend else -math.inf
            if peak_db <= settings.true_peak:
                on_block(segment.following - segment.start)
                with peak_lock:
                    result.new_peak_db = max(result.new_peak_db, peak_db)
                return kept[0], kept[1], None
            local -= peak_db - settings.true_peak + SEGMENT_STEP
        # a segment over the target is encoded again alone under a lower ceiling, and kept under the programme's
        # level (what the store holds at a level is what passed the check there)
        for tries in range(1, SEGMENT_TRIES + 1):
            if tries > 1:
                on_again(segment.following - segment.start)
            sink = _Frames(None)
            stats = _encode_segment(segment, rate, load, settings, (gain_db, local), processors, on_block, sink)
            on_block(segment.following - segment.start - segment.length)
            peak_db = mp3_true_peak(sink.kept) if check else -math.inf
            excess = peak_db - settings.true_peak
            if excess <= 0 or tries == SEGMENT_TRIES:
                break
            local -= excess + SEGMENT_STEP
        with peak_lock:
            result.new_peak_db = max(result.new_peak_db, peak_db)
            result.segment_encodes += tries
        if store is not None and excess <= 0:
            # one still over after its tries is not kept: an edit would take it unchecked (review 87); the pass is
            # over the target and the next one encodes it again at another level
            store.put_segment(content, gain_db, ceiling_db, sink.kept, sink.counter.frames)
        return sink.kept, sink.counter.frames, stats

    def tally(stats: tuple[int, int] | None) -> None:
        if stats is None:
            result.reused_segments += 1
        else:
            result.encoded_segments += 1
            result.limited_samples += stats[0]
            result.largest_block = max(result.largest_block, stats[1])

    with open(path, "wb") as out:
        out.write(bytes(len(info_frame(rate, bitrate, 0, 0, 0))))  # room for the header
        if store is None:  # nothing to keep: one stream straight to the file, however long
            sink = _Frames(out)
            tally(_encode_segment(segments[0], rate, load, settings, level, processors, on_block, sink, dips))
            frames, audio_bytes = [sink.counter.frames], sink.counter.bytes
        else:
            with ThreadPoolExecutor(max(1, workers), thread_name_prefix="convaudio-segment") as pool:
                window: collections.deque[Future[tuple[bytes | bytearray, int, tuple[int, int] | None]]]
                window = collections.deque()
                try:
                    for number in range(len(segments) + 1):
                        if number < len(segments):
                            window.append(pool.submit(piece, number))
                        while window and (len(window) > workers or number == len(segments)):
                            data, count, stats = window.popleft().result()
                            out.write(data)
                            frames.append(count)
                            audio_bytes += len(data)
                            tally(stats)
                finally:
                    for future in window:
                        future.cancel()
        where = placement(segments, frames, rate)
        padding = sum(frames) * frame_samples(rate) - ENCODER_DELAY - where.length
        out.seek(0)
        out.write(info_frame(rate, bitrate, sum(frames), audio_bytes, padding))
    return where


class _Frames:
    """Where a segment's frames go as they are encoded: counted, then written to `out` or kept."""

    def __init__(self, out: BinaryIO | None) -> None:
        self.out = out
        self.counter = FrameCounter()
        self.kept = bytearray()

    def __call__(self, data: bytes) -> None:
        self.counter.feed(data)
        if self.out is not None:
            self.out.write(data)
        else:
            self.kept.extend(data)


def _encode_segment(
    segment: Segment,
    rate: int,
    load: Callable[[str], Audio],
    settings: AssemblySettings,
    level: tuple[float, float],
    processors: Sequence[BlockProcessor],
    on_block: Callable[[int], None],
    sink: Callable[[bytes], None],
    dips: Dips | None = None,
) -> tuple[int, int]:
    """One segment as one LAME stream: blocks are read, gained, processed and limited in a helper thread while
    this one encodes, with at most `QUEUED` blocks in between, so memory stays bounded. Returns how many samples
    the limiter turned down, and the largest block. `dips` (a long show's spots over the true-peak target in an
    earlier pass) turn down the limiter's output where they fall."""
    gain_db, ceiling_db = level
    limiter = Limiter(rate, ceiling_db)
    factor = np.float32(10 ** (gain_db / 20))
    ready: queue.Queue[tuple[Samples, int] | None] = queue.Queue(maxsize=QUEUED)
    failure: list[BaseException] = []
    stop = threading.Event()
    largest = 0
    given = 0  # samples the limiter gave so far

    def turned_down(limited: Samples) -> Samples:
        nonlocal given
        if dips is not None:
            limited = dips.apply(given, limited)
        given += len(limited)
        return limited

    def produce() -> None:
        nonlocal largest
        try:
            for start, block in segment_blocks(segment, rate, load):
                if stop.is_set():
                    return
                largest = max(largest, len(block))
                out = block * factor
                for processor in processors:
                    out = processor(start, out)
                ready.put((turned_down(limiter.process(out)), len(block)))
            ready.put((turned_down(limiter.flush()), 0))
        except BaseException as error:  # handed to the encoding thread, which raises it
            failure.append(error)
        finally:
            ready.put(None)

    producer = threading.Thread(target=produce, name="convaudio-stream", daemon=True)
    producer.start()
    encoder = Encoder(rate, settings.bitrate)
    try:
        while (item := ready.get()) is not None:
            samples, count = item
            sink(encoder.encode(samples))
            if count:
                on_block(count)
    finally:
        stop.set()
        while producer.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(queue.Empty):
                ready.get(timeout=0.05)
        producer.join()
    if failure:
        raise failure[0]
    sink(encoder.flush())
    return limiter.limited_samples, largest
