"""Sound and picture files made with numpy, soundfile and Pillow for tests (no downloaded assets)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile

#: C major, A minor, F major, G major: root frequencies of a four-chord loop.
CHORDS = ((261.63, 329.63, 392.00), (220.00, 261.63, 329.63), (174.61, 220.00, 261.63), (196.00, 246.94, 293.66))


def chords(path: Path, seconds: float = 6.0, rate: int = 44100, *, stereo: bool = False) -> Path:
    """A steady chord progression (sine triads with a soft bass): a stand-in for a music bed."""
    t = np.arange(int(seconds * rate)) / rate
    per_chord = seconds / len(CHORDS)
    out = np.zeros_like(t)
    for index, chord in enumerate(CHORDS):
        part = (t >= index * per_chord) & (t < (index + 1) * per_chord)
        for frequency in (*chord, chord[0] / 2):
            out[part] += np.sin(2 * np.pi * frequency * t[part])
    out *= 0.15
    data = np.stack([out, out], axis=1) if stereo else out
    soundfile.write(path, data.astype(np.float32), rate)
    return path


def tone(path: Path, seconds: float, frequency: float, rate: int = 22050) -> Path:
    """A plain sine tone: an intro or outro whose frequency tells it apart from speech."""
    t = np.arange(int(seconds * rate)) / rate
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(path, (0.4 * np.sin(2 * np.pi * frequency * t)).astype(np.float32), rate)
    return path


def picture(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    """A flat picture with a white square in the middle (to see whether it was cropped or padded)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    width, height = size
    side = min(size) // 4
    ImageDraw.Draw(image).rectangle(
        (width // 2 - side, height // 2 - side, width // 2 + side, height // 2 + side), fill=(255, 255, 255)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
