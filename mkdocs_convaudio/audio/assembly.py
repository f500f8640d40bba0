"""How a conversation is put together (settings, MP3 bitrate); the streaming work itself is in `stream.py`.

This module imports nothing heavy: the plugin and the build read settings from it on every build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConvaudioError

if TYPE_CHECKING:
    from .types import Samples

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


def write_mp3(samples: Samples, rate: int, bitrate: int, path: Path) -> None:
    """Encode a short signal in one go, constant bitrate (the stream writes conversations block by block)."""
    from .mp3 import encode_file

    path.write_bytes(encode_file(samples, rate, bitrate))
