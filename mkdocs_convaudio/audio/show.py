"""Produce a conversation like a show: intro clip, music bed under the talk (ducked by the line timings), outro.

The produced programme is the speech placed after the intro and the bed's lead, in silence long enough for the bed's
tail and the outro; `Show.process` fills in a block of it at a time (a block processor: memory does not grow with
the programme). Levels are set relative to the speech *before* the programme's shared gain and limiter, which then
bring the whole mix to the loudness target.
"""

from __future__ import annotations

import numpy as np

from .assembly import Programme
from .loudness import integrated_loudness, normalize
from .music import MAX_BED_SECONDS, BedMixer, LoopedBed, load_clip
from .production import JOIN_FADE, Asset, Production
from .types import Samples

#: LU above the target the speech is brought to before mixing: more than the MP3 encoder's loss (~0.5 LU at 64
#: kbps), which the final normalization compensates, so that one only turns the programme down.
SPEECH_MARGIN = 1.0
#: Blocks the show is streamed in.
BLOCK_SECONDS = 1.0


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

    def shift(self, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """Line timings in the produced programme."""
        seconds = self.offset / self.rate
        return [(begin + seconds, end + seconds) for begin, end in spans]

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


def produce(programme: Programme, production: Production, target_lufs: float, ceiling_db: float) -> Programme:
    """The whole programme produced (for the assembly that holds a programme in memory).

    The speech is brought to the loudness target (gain and true-peak limiter) *before* the bed is set under it:
    the limiter lowers peaky speech (eSpeak) by several LU and never touches a bed playing alone, so a level set
    against the raw speech would leave the bed too loud where nobody speaks. The programme's final
    normalization then only turns it down a little (by up to `SPEECH_MARGIN`): a plain gain, no second limiting.
    """
    rate = programme.rate
    speech = normalize(programme.samples, rate, target_lufs + SPEECH_MARGIN, ceiling_db)
    show = Show(production, rate, len(speech), programme.spans, integrated_loudness(speech, rate))
    samples = np.zeros(show.length, dtype=np.float32)
    samples[show.offset : show.offset + len(speech)] = speech
    block = max(1, int(BLOCK_SECONDS * rate))
    for start in range(0, show.length, block):
        samples[start : start + block] = show.process(start, samples[start : start + block])
    return Programme(samples.astype(np.float32), programme.rate, show.shift(programme.spans))


def _empty() -> Samples:
    return np.zeros(0, dtype=np.float32)


def _add(out: Samples, start: int, clip: Samples, at: int) -> None:
    """Add `clip`, placed at sample `at` of the programme, to the block `out` that starts at `start`."""
    begin, end = max(start, at), min(start + len(out), at + len(clip))
    if begin < end:
        out[begin - start : end - start] += clip[begin - at : end - at]
