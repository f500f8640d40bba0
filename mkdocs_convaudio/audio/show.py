"""Produce a conversation like a show: intro clip, music bed under the talk (ducked by the line timings), outro.

The produced programme is the speech placed after the intro and the bed's lead, in silence long enough for the bed's
tail and the outro (`Show.extend` makes that layout). The show is a block processor of the streaming assembly:
`Show.process` fills in one block at a time after the programme's gain (so the speech is at the loudness target)
and before the shared true-peak limiter, so memory does not grow with the programme. Levels are set relative to the
loudness target; `Show.figures` tells the assembly what the show adds, so the gain is solved for the whole mix.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

import numpy as np
import soundfile

from .loudness import integrated_loudness
from .music import MAX_BED_SECONDS, BedMixer, LoopedBed, load_clip
from .production import JOIN_FADE, Asset, Production
from .types import Samples

if TYPE_CHECKING:
    from collections.abc import Callable

    from .loudness import Floats
    from .stream import Layout


def _matched_clip(asset: Asset, rate: int, speech_lufs: float) -> Samples:
    """A clip at the speech's loudness (so the shared gain treats it like the talk), faded in and out."""
    clip = load_clip(asset.path, rate)
    loudness = integrated_loudness(clip, rate)
    if np.isfinite(loudness):
        clip = (clip * 10 ** ((speech_lufs - loudness) / 20)).astype(np.float32)
    fade = min(len(clip) // 2, int(JOIN_FADE * rate))
    if fade:
        ramp = np.sin(np.linspace(0.0, np.pi / 2, fade, dtype=np.float32)) ** 2
        clip[:fade] *= ramp
        clip[-fade:] *= ramp[::-1]
    return clip


def added_seconds(production: Production) -> float:
    """The seconds a show adds to its talk (`Show.extend`): the intro, the bed's lead before the talk and its tail
    after, the outro; the clips' lengths from their files' headers, nothing decoded (for an estimate)."""
    seconds = 2 * production.settings.lead if production.music is not None else 0.0
    for clip in (production.intro, production.outro):
        # a clip that does not play is the build's to report, with its fix
        with contextlib.suppress(soundfile.LibsndfileError, RuntimeError, OSError):
            seconds += float(soundfile.info(os.fsencode(clip.path)).duration) if clip is not None else 0.0
    return seconds


class Show:
    """One conversation's production, ready to stream: clips decoded, bed looped and levelled.

    `speech_samples` and `speech_spans` describe the unproduced programme (its length in samples and each line's
    start and end in seconds); `speech_lufs` its integrated loudness before any gain.
    """

    def __init__(
        self,
        production: Production,
        rate: int,
        speech_samples: int,
        speech_spans: list[tuple[float, float]],
        speech_lufs: float,
    ) -> None:
        self.rate = rate
        self.speech_samples = speech_samples
        if not np.isfinite(speech_lufs):
            speech_lufs = -23.0
        self.intro = _matched_clip(production.intro, rate, speech_lufs) if production.intro else _empty()
        self.outro = _matched_clip(production.outro, rate, speech_lufs) if production.outro else _empty()
        settings = production.settings
        self.mixer: BedMixer | None = None
        self.lead = 0
        if production.music is not None:
            self.lead = int(settings.lead * rate)
            bed = load_clip(production.music.path, rate, max_seconds=MAX_BED_SECONDS)
            bed_lufs = integrated_loudness(bed, rate)
            gain_db = speech_lufs + settings.level - bed_lufs if np.isfinite(bed_lufs) else 0.0
            lead_seconds = self.lead / rate
            self.mixer = BedMixer(
                LoopedBed(bed, rate, settings.crossfade),
                rate,
                gain_db,
                [(begin + lead_seconds, end + lead_seconds) for begin, end in speech_spans],
                speech_samples + 2 * self.lead,
                settings,
            )

    @property
    def offset(self) -> int:
        """Samples before the conversation's first sample: the intro and the bed's lead."""
        return len(self.intro) + self.lead

    @property
    def length(self) -> int:
        return self.offset + self.speech_samples + self.lead + len(self.outro)

    @classmethod
    def for_layout(cls, production: Production, plan: Layout, speech_lufs: float) -> Show:
        """The show for a conversation laid out by the streaming assembly; `speech_lufs` is the speech's loudness
        after the programme's gain (the target), which the bed and the clips are levelled against."""
        # a line that takes no time (only an emoji: nothing is said) is no reason for the bed to dip
        spans = [(begin / plan.rate, end / plan.rate) for begin, end in plan.spans if end > begin]
        return cls(production, plan.rate, plan.length, spans, speech_lufs)

    def extend(self, plan: Layout, on_block: Callable[[int], None] = lambda samples: None) -> Layout:
        """The layout with room for the intro and the bed's lead before the talk, its tail and the outro after;
        `on_block` is told the samples of each block of the show's figures (see `figures`)."""
        from dataclasses import replace

        from .stream import Layout

        offset = self.offset
        return Layout(
            plan.rate,
            self.length,
            [replace(piece, offset=piece.offset + offset) for piece in plan.pieces],
            [(begin + offset, end + offset) for begin, end in plan.spans],
            self.figures(on_block),
        )

    def figures(self, on_block: Callable[[int], None] = lambda samples: None) -> tuple[Floats, Floats]:
        """Chunk energies and chunk true peaks of what the show adds (intro, bed, outro), computed block by block,
        so the programme's gain is planned for the whole mix. `on_block` is told the samples of each block done: for
        a two-hour conversation this is a minute and more before its first block is encoded, which progress shows
        (bug bash h-long)."""
        from .loudness import KWeighter, chunk_size, chunk_sums, oversampled_peaks

        chunk = chunk_size(self.rate)
        block = chunk * 100
        weighter = KWeighter(self.rate)
        energies: list[Floats] = []
        peaks: list[Floats] = []
        for start in range(0, self.length, block):
            added = self.process(start, np.zeros(min(block, self.length - start), dtype=np.float32))
            energies.append(chunk_sums(np.square(weighter.process(added)), chunk))
            envelope = oversampled_peaks(added, self.rate)
            padded = np.zeros(-(-len(envelope) // chunk) * chunk, dtype=np.float64)
            padded[: len(envelope)] = envelope
            peaks.append(padded.reshape(-1, chunk).max(axis=1))
            on_block(len(added))
        return np.concatenate(energies), np.concatenate(peaks)

    def process(self, start: int, block: Samples) -> Samples:
        """A block of the produced programme (samples `[start, start + len(block))`) with the intro, the bed and
        the outro mixed in. The programme is the speech placed at `offset` in `length` samples of silence: the
        shape of a block processor in a streaming assembly (blocks in order, any sizes, each sample once)."""
        n = len(block)
        out = block.astype(np.float32, copy=True)
        _add(out, start, self.intro, 0)
        if self.mixer is not None:
            out = self.mixer.mix(out, start - len(self.intro))
        _add(out, start, self.outro, self.length - len(self.outro))
        assert len(out) == n
        return out


def _empty() -> Samples:
    return np.zeros(0, dtype=np.float32)


def _add(out: Samples, start: int, clip: Samples, at: int) -> None:
    """Add `clip`, placed at sample `at` of the programme, to the block `out` that starts at `start`."""
    begin, end = max(start, at), min(start + len(out), at + len(clip))
    if begin < end:
        out[begin - start : end - start] += clip[begin - at : end - at]
