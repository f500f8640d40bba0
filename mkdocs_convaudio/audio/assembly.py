"""How a conversation is put together (settings, MP3 bitrate); the streaming work itself is in `stream.py`.

This module imports nothing heavy: the plugin and the build read settings from it on every build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConvaudioError, not_finite, raise_all

if TYPE_CHECKING:
    from .types import Samples

MP3_RATES = (16000, 22050, 24000, 32000, 44100, 48000)
#: The bitrates a Layer III frame can say, MPEG-1 (32 kHz and up) and MPEG-2 (below): LAME takes no other.
MPEG1_BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MPEG2_BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)


def mp3_bitrates(rate: int) -> tuple[int, ...]:
    """The constant bitrates an MP3 at `rate` can have."""
    return MPEG1_BITRATES if rate >= 32000 else MPEG2_BITRATES


@dataclass(frozen=True)
class AssemblySettings:
    """How a conversation is put together; every field changes the MP3, so all are part of its cache key."""

    sample_rate: int = 24000
    pause: float = 0.55
    #: 0 to 1: how far the pause at a change of speaker follows the turns (0.6× to 1.4× of `pause` at 1: a quick
    #: reply to a short question, a beat after a long explanation; see `turn_gaps.py`); 0 keeps `pause` for all
    pause_variation: float = 1.0
    pause_same_speaker: float = 0.35
    sentence_pause: float = 0.12
    edge_silence: float = 0.25
    loudness: float = -16.0
    true_peak: float = -1.0
    bitrate: int = 64
    #: each speaker's lines levelled so that every voice ends at the same loudness after the limiter (a peaky voice
    #: loses more to it than a smooth one; see `stream.balanced`)
    balance_speakers: bool = True

    def validate(self) -> None:
        """Raise every problem of these settings at once (`Problems`)."""
        problems = []
        if self.sample_rate not in MP3_RATES:
            problems.append(f"sample_rate must be one of {', '.join(map(str, MP3_RATES))}, not {self.sample_rate}")
        allowed = mp3_bitrates(self.sample_rate) if self.sample_rate in MP3_RATES else MPEG1_BITRATES
        if self.bitrate not in allowed:
            problems.append(
                f"bitrate must be one of {', '.join(map(str, allowed))} kbps at {self.sample_rate} Hz (the bitrates "
                f"an MP3 frame can have), not {self.bitrate}"
            )
        pauses = {"pause": self.pause, "pause_same_speaker": self.pause_same_speaker,
                  "sentence_pause": self.sentence_pause, "edge_silence": self.edge_silence}  # fmt: skip
        if unreal := not_finite(pauses, "docs/configuration.md#options"):
            problems.append(unreal.message)
        negative = [f"{name}: {value:g}" for name, value in pauses.items() if value < 0 and math.isfinite(value)]
        if negative:
            problems.append(f"pauses cannot be negative ({', '.join(negative)}); give 0 or more seconds")
        if not 0.0 <= self.pause_variation <= 1.0:
            problems.append(
                f"pause_variation must be from 0 (every change of speaker gets `pause`) to 1 (the most the turns "
                f"move it: 0.6 to 1.4 times `pause`), not {self.pause_variation:g}"
            )
        # outside these, the MP3 is near silence (true_peak: -80) or clips (+4 dBFS from true_peak: 20)
        if not -20.0 <= self.true_peak <= 0.0:
            problems.append(f"true_peak must be from -20 to 0 dBTP (-1 is usual), not {self.true_peak:g}")
        if not -40.0 <= self.loudness <= -5.0:
            problems.append(
                f"loudness must be from -40 to -5 LUFS (-16 for podcasts, -23 for EBU R128), not {self.loudness:g}"
            )
        raise_all([ConvaudioError(problem) for problem in problems])


def write_mp3(samples: Samples, rate: int, bitrate: int, path: Path) -> None:
    """Encode a short signal in one go, constant bitrate (the stream writes conversations block by block)."""
    from .mp3 import encode_file

    path.write_bytes(encode_file(samples, rate, bitrate))
