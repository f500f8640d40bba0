"""The audio types every stage shares: mono float32 PCM and its rate."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import soundfile

from ..errors import EngineError

Samples = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Audio:
    """Mono PCM as float32 in [-1, 1] at `rate` samples per second."""

    samples: Samples
    rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    @classmethod
    def from_bytes(cls, data: bytes, *, what: str = "audio") -> Audio:
        """Decode a WAV, FLAC, MP3 or OGG file held in memory (what cloud engines send back)."""
        if not data:
            raise EngineError(f"the engine returned empty {what}", transient=True)
        try:
            samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
        except soundfile.LibsndfileError as error:
            raise EngineError(f"the engine returned {what} that cannot be decoded ({error})", transient=True) from None
        return cls(np.ascontiguousarray(samples.mean(axis=1), dtype=np.float32), int(rate))

    @classmethod
    def from_pcm16(cls, data: bytes, rate: int) -> Audio:
        """Raw little-endian 16-bit mono PCM (OpenAI's `pcm`, ElevenLabs' `pcm_24000`)."""
        if not data:
            raise EngineError("the engine returned empty audio", transient=True)
        pcm = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(np.float32) / 32768.0
        return cls(pcm, rate)
