"""Join a conversation's lines into one programme: decode, resample, trim, pause, normalize, encode once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import soxr

from ..errors import ConvaudioError
from .loudness import integrated_loudness, normalize, speech_bounds
from .types import Audio, Samples

MP3_RATES = (16000, 22050, 24000, 32000, 44100, 48000)


@dataclass(frozen=True)
class AssemblySettings:
    """How a conversation is put together; every field changes the MP3, so all are part of its cache key."""

    sample_rate: int = 24000
    pause: float = 0.55
    pause_same_speaker: float = 0.2
    sentence_pause: float = 0.12
    edge_silence: float = 0.25
    loudness: float = -16.0
    true_peak: float = -1.0
    bitrate: int = 64

    def validate(self) -> None:
        if self.sample_rate not in MP3_RATES:
            raise ConvaudioError(f"sample_rate must be one of {', '.join(map(str, MP3_RATES))}, not {self.sample_rate}")
        top = 320 if self.sample_rate >= 32000 else 160
        if not 8 <= self.bitrate <= top:
            raise ConvaudioError(
                f"bitrate must be between 8 and {top} kbps at {self.sample_rate} Hz, not {self.bitrate}"
            )
        if min(self.pause, self.pause_same_speaker, self.sentence_pause, self.edge_silence) < 0:
            raise ConvaudioError("pauses cannot be negative")


@dataclass(frozen=True)
class Segment:
    """One turn's audio (its parts already joined) and who speaks it."""

    speaker: str
    audio: Audio


@dataclass(frozen=True)
class Programme:
    """The finished conversation: samples at `rate`, and each turn's start and end in seconds."""

    samples: Samples
    rate: int
    spans: list[tuple[float, float]]

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


def to_rate(audio: Audio, rate: int) -> Samples:
    """Resample to the programme rate (soxr, high quality)."""
    if audio.rate == rate:
        return audio.samples.astype(np.float32)
    return np.asarray(soxr.resample(audio.samples, audio.rate, rate, quality="HQ"), dtype=np.float32)


def trimmed(samples: Samples, rate: int) -> Samples:
    """Speech without the engine's leading and trailing silence, with 5 ms fades so cuts never click."""
    start, end = speech_bounds(samples, rate)
    out = samples[start:end].copy()
    fade = min(len(out) // 2, int(0.005 * rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    return out


def join_parts(parts: list[Audio], rate: int, gap: float) -> Audio:
    """One line from the parts a long line was split into, with a sentence-length gap between them."""
    silence = np.zeros(int(gap * rate), dtype=np.float32)
    pieces: list[Samples] = []
    for index, part in enumerate(parts):
        if index:
            pieces.append(silence)
        pieces.append(trimmed(to_rate(part, rate), rate))
    return Audio(np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32), rate)


def assemble(segments: list[Segment], settings: AssemblySettings) -> Programme:
    """The whole conversation with pauses between turns (shorter when a speaker goes on), not yet normalized."""
    rate = settings.sample_rate
    edge = np.zeros(int(settings.edge_silence * rate), dtype=np.float32)
    pieces: list[Samples] = [edge]
    cursor = len(edge)
    spans: list[tuple[float, float]] = []
    previous: str | None = None
    for segment in segments:
        if previous is not None:
            pause = settings.pause_same_speaker if segment.speaker == previous else settings.pause
            gap = np.zeros(int(pause * rate), dtype=np.float32)
            pieces.append(gap)
            cursor += len(gap)
        speech = trimmed(to_rate(segment.audio, rate), rate)
        spans.append((cursor / rate, (cursor + len(speech)) / rate))
        pieces.append(speech)
        cursor += len(speech)
        previous = segment.speaker
    pieces.append(edge)
    # loudness is set once, in `encode_programme`, where the encoder's effect can be measured
    return Programme(np.concatenate(pieces), rate, spans)


def mp3_compression_level(bitrate: int, rate: int) -> float:
    """libsndfile's MP3 'compression level' for a constant bitrate: it interpolates between the
    format's highest and lowest bitrate (MPEG-1 above 32 kHz: 320..32; MPEG-2 below: 160..8)."""
    top, bottom = (320, 32) if rate >= 32000 else (160, 8)
    return min(0.999, max(0.0, (top - bitrate) / (top - bottom)))


def write_mp3(samples: Samples, rate: int, bitrate: int, path: Path) -> None:
    """Encode once, constant bitrate (predictable size and exact seeking in every player)."""
    with soundfile.SoundFile(
        path,
        "w",
        rate,
        1,
        format="MP3",
        subtype="MPEG_LAYER_III",
        compression_level=mp3_compression_level(bitrate, rate),
        bitrate_mode="CONSTANT",
    ) as handle:
        handle.write(samples)


def encoder_loss(samples: Samples, rate: int, settings: AssemblySettings, scratch: Path) -> float:
    """How many LU quieter the encoder makes this programme, measured on a one-minute excerpt.

    The encoder's low-pass removes high frequencies that BS.1770 weights heavily (eSpeak measured 0.5 LU
    quieter after a 64 kbps encode). Speech is homogeneous enough that a minute tells for the whole.
    """
    middle, half = len(samples) // 2, 30 * rate
    excerpt = samples[max(0, middle - half) : middle + half]
    before = integrated_loudness(excerpt, rate)
    write_mp3(excerpt, rate, settings.bitrate, scratch)
    decoded, _rate = soundfile.read(scratch, dtype="float32")
    scratch.unlink(missing_ok=True)
    loss = before - integrated_loudness(decoded, rate)
    return float(loss) if np.isfinite(loss) else 0.0


def encode_programme(programme: Programme, settings: AssemblySettings, path: Path) -> None:
    """Normalize so the *decoded* MP3 meets the loudness target, then encode once."""
    rate = programme.rate
    loss = encoder_loss(programme.samples, rate, settings, path.with_name(path.name + ".probe.mp3"))
    # 0.5 dB below the true-peak ceiling: decoding an MP3 overshoots peaks a little
    samples = normalize(programme.samples, rate, settings.loudness + loss, settings.true_peak - 0.5)
    write_mp3(samples, rate, settings.bitrate, path)
