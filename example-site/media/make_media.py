"""Make the example site's show files: a music bed, an intro and an outro jingle, and a cover picture.

Everything is synthesized here with numpy and drawn with Pillow, so the files are ours to ship (CC0). Run from
the repository root with `.venv/bin/python example-site/media/make_media.py`; the outputs are committed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile
from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
RATE = 22050


def note(frequency: float, seconds: float, *, attack: float, decay: float, harmonics: int = 3) -> np.ndarray:
    """A soft tone: a few decaying harmonics under an attack/exponential-decay envelope."""
    t = np.arange(int(seconds * RATE)) / RATE
    tone = sum(np.sin(2 * np.pi * frequency * k * t) / k**1.5 for k in range(1, harmonics + 1))
    envelope = np.minimum(1.0, t / attack) * np.exp(-t / decay)
    return np.asarray(tone * envelope)


def pad(chords: list[tuple[float, ...]], seconds: float) -> np.ndarray:
    """Chords that swell in and out, each `seconds` long (a calm bed under speech)."""
    out = []
    for chord in chords:
        t = np.arange(int(seconds * RATE)) / RATE
        swell = np.sin(np.pi * t / seconds) ** 0.6
        voices = sum(note(f, seconds, attack=0.4, decay=8.0, harmonics=2) for f in (*chord, chord[0] / 2))
        out.append(voices * swell)
    return np.concatenate(out)


def arpeggio(frequencies: list[float], step: float, tail: float) -> np.ndarray:
    """Bell-like notes one after another, each ringing on: a short jingle."""
    total = int((step * len(frequencies) + tail) * RATE)
    out = np.zeros(total)
    for index, frequency in enumerate(frequencies):
        tone = note(frequency, tail + step, attack=0.005, decay=0.5, harmonics=4)
        start = int(index * step * RATE)
        out[start : start + len(tone)] += tone[: total - start]
    return out


def write(name: str, samples: np.ndarray) -> None:
    peak = float(np.abs(samples).max())
    soundfile.write(
        HERE / name,
        (0.7 * samples / peak).astype(np.float32),
        RATE,
        format="MP3",
        subtype="MPEG_LAYER_III",
        compression_level=0.5,
        bitrate_mode="CONSTANT",
    )


def cover() -> None:
    """A 3:2 picture (the video crops it to 16:9): a night-blue gradient, sound waves and two speech bubbles."""
    width, height = 1200, 800
    y = np.linspace(0, 1, height)[:, None, None]
    top, bottom = np.array([20, 30, 70]), np.array([90, 40, 110])
    image = Image.fromarray((top * (1 - y) + bottom * y).repeat(width, axis=1).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for index in range(60):
        x = 100 + index * 17
        level = 40 + 160 * abs(np.sin(index * 0.37)) * abs(np.cos(index * 0.11))
        draw.rounded_rectangle((x, 400 - level, x + 9, 400 + level), radius=4, fill=(120, 200, 255))
    draw.rounded_rectangle((140, 90, 520, 230), radius=40, fill=(255, 210, 120))
    draw.polygon([(200, 225), (240, 225), (190, 290)], fill=(255, 210, 120))
    draw.rounded_rectangle((680, 560, 1060, 700), radius=40, fill=(160, 240, 180))
    draw.polygon([(980, 565), (1020, 565), (1030, 500)], fill=(160, 240, 180))
    image.filter(ImageFilter.SMOOTH).save(HERE.parent / "docs/blog/images/show-cover.jpg", quality=85)


def main() -> None:
    c, e, g, a, f, b, d = 261.63, 329.63, 392.00, 220.00, 174.61, 246.94, 293.66
    write("bed.mp3", pad([(c, e, g), (a, c, e), (f, a, c), (g / 2, b, d)], 2.0))
    write("intro.mp3", arpeggio([c, e, g, 2 * c], 0.18, 1.6))
    write("outro.mp3", arpeggio([2 * c, g, e, c], 0.22, 1.6))
    (HERE.parent / "docs/blog/images").mkdir(parents=True, exist_ok=True)
    cover()


if __name__ == "__main__":
    main()
