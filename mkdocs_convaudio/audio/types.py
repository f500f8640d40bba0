"""The audio types every stage shares: mono float32 PCM and its rate.

numpy and soundfile are imported when audio is actually made or decoded, not when the plugin loads: a warm
build that produces no audio never pays for them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import EngineError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Samples = npt.NDArray[np.float32]
else:
    Samples = "numpy.ndarray[float32]"  # annotations only: the real alias is for type checkers


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
        import numpy as np
        import soundfile

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
        import numpy as np

        if not data:
            raise EngineError("the engine returned empty audio", transient=True)
        pcm = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(np.float32) / 32768.0
        return cls(pcm, rate)
