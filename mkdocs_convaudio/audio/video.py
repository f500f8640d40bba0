"""A video ready to upload: the post's cover (or a title card) as a still picture, the conversation's audio, and
its lines as a soft subtitle track; H.264 + AAC in an MP4 with the index first (`+faststart`).

The picture is encoded at about 1 frame per second with x264's still-image tuning: after each key frame every frame
is a skip frame, so a 30-minute conversation encodes in a small fraction of its duration.
The ffmpeg binary is the one shipped inside the `imageio-ffmpeg` wheel (extra `video`), never a system ffmpeg.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import io
import subprocess
import tempfile
import textwrap
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConvaudioError
from ..utf8 import utf8

if TYPE_CHECKING:
    from PIL.Image import Image

#: Bumped whenever the ffmpeg recipe changes, so cached videos are remade.
RECIPE = 1
EXTRA_HINT = "install the video extra: pip install 'mkdocs-convaudio[video]'"
FITS = ("crop", "pad")


@dataclass(frozen=True)
class VideoSettings:
    """The picture size and how the cover fills it, and the encoders' settings; all are part of the video's key."""

    width: int = 1280
    height: int = 720
    fit: str = "crop"  # "crop" fills the frame and cuts the overflow; "pad" shows the whole cover on black
    audio_bitrate: int = 128  # kbps AAC
    crf: int = 20  # x264 quality (lower is better); one still picture costs little either way
    font: str = ""  # the title card's font file (`video_font`); "" for the first of `CARD_FONTS` found
    font_digest: str = ""  # its content's, which the video's key holds (not its path)

    def validate(self) -> None:
        if not (16 <= self.width <= 3840 and 16 <= self.height <= 2160) or self.width % 2 or self.height % 2:
            raise ConvaudioError(
                f"video_size must be WIDTHxHEIGHT with even sides up to 3840x2160, such as 1280x720, "
                f"not {self.width}x{self.height}"
            )
        if self.fit not in FITS:
            raise ConvaudioError(f"video_fit must be one of {', '.join(FITS)}, not {self.fit!r}")

    def key(self) -> dict[str, Any]:
        fields = asdict(self)
        del fields["font"]
        if not self.font_digest:  # the key of a video made before the option existed
            del fields["font_digest"]
        return {**fields, "recipe": RECIPE}


def parse_size(text: str) -> tuple[int, int]:
    """`1280x720` → (1280, 720)."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise ConvaudioError(f"video_size must be WIDTHxHEIGHT, such as 1280x720, not {text!r}")
    return int(width), int(height)


def ffmpeg_exe() -> str:
    """The ffmpeg binary inside the imageio-ffmpeg wheel; a clear error naming the extra when it is missing."""
    try:
        binaries = importlib.resources.files("imageio_ffmpeg.binaries")
    except ModuleNotFoundError:
        raise ConvaudioError(f"making videos needs the ffmpeg of the imageio-ffmpeg package: {EXTRA_HINT}") from None
    found = sorted(str(entry) for entry in binaries.iterdir() if entry.name.startswith("ffmpeg"))
    if not found:
        raise ConvaudioError(
            "the installed imageio-ffmpeg package ships no ffmpeg binary (installed from source?); reinstall it "
            f"from a wheel for this platform: {EXTRA_HINT}"
        )
    return found[0]


def _require_pillow() -> None:
    if importlib.util.find_spec("PIL") is None:
        raise ConvaudioError(f"making videos needs Pillow for the picture: {EXTRA_HINT}")


#: The largest cover decoded, in pixels once a JPEG's draft mode has scaled it (50 MP: a 10000×5000 PNG takes 200 MB).
MAX_COVER_PIXELS = 50_000_000


class _TooLarge(Exception):
    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width}×{height}")
        self.width, self.height = width, height


#: How far a cover may be scaled up before the build says it looks blurred (a 1200×630 blog cover fills a 1080p
#: frame at 1.7×, and looks fine)
UPSCALE_NOTED = 2.0


def cover_picture(
    data: bytes, settings: VideoSettings, where: str, info: Callable[[str], None] = lambda message: None
) -> Image:
    """The cover scaled to the frame: cropped to fill it, or padded with black to show all of it. A cover scaled up
    more than `UPSCALE_NOTED` times is said at INFO (a warning would fail `--strict` builds that passed)."""
    _require_pillow()
    from PIL import Image as image_module
    from PIL import ImageOps as ops
    from PIL import UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", image_module.DecompressionBombWarning)  # the size is checked below
            opened = image_module.open(io.BytesIO(data))
        with opened:
            opened.draft("RGB", (settings.width, settings.height))  # a JPEG is decoded at a fraction of its size
            width, height = opened.size
            if width * height > MAX_COVER_PIXELS:
                raise _TooLarge(width, height)
            opened.load()
            image = _on_white(ops.exif_transpose(opened))
    except (_TooLarge, image_module.DecompressionBombError) as error:
        shown = f"{error.width}×{error.height} pixels" if isinstance(error, _TooLarge) else "too large"
        raise ConvaudioError(
            f"{where}: the cover image is {shown}, more than this build decodes for a {settings.width}×"
            f"{settings.height} video (hundreds of megabytes of memory); scale it down, to about "
            f"{2 * settings.width} pixels wide"
        ) from None
    except UnidentifiedImageError:
        raise ConvaudioError(
            f"{where}: the cover image is not an image Pillow can read; use a PNG, JPEG or WebP"
        ) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise ConvaudioError(f"{where}: the cover image cannot be read ({error}); use a PNG, JPEG or WebP") from None
    size = (settings.width, settings.height)
    ratios = (settings.width / image.width, settings.height / image.height)
    scale = min(ratios) if settings.fit == "pad" else max(ratios)
    if scale > UPSCALE_NOTED:
        info(
            f"{where}: the cover image is {image.width}×{image.height} pixels, scaled up {scale:.1f}× for the "
            f"{settings.width}×{settings.height} video, where it looks blurred; give a cover of about "
            f"{settings.width}×{settings.height} pixels"
        )
    if settings.fit == "pad":
        return ops.pad(image, size, method=image_module.Resampling.LANCZOS, color=(0, 0, 0))
    return ops.fit(image, size, method=image_module.Resampling.LANCZOS)


def _on_white(image: Image) -> Image:
    """An RGB picture of `image`, its transparent parts white: a logo drawn for a web page's white background was
    flattened onto black, where a dark logo all but vanished (bug bash 111)."""
    from PIL import Image as image_module

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = image_module.new("RGBA", rgba.size, (255, 255, 255, 255))
        return image_module.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


#: Fonts a title card looks for, in this order, among the system's (Pillow searches the usual font folders):
#: DejaVu and Noto (Linux), Arial and Helvetica (Windows, macOS). Pillow's own font draws ASCII only: "Causerie à
#: l'été" came out as "Causerie ▯ l'▯t▯" (bug bash 111).
CARD_FONTS = (
    "DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
    "Helvetica.ttc",
    "/System/Library/Fonts/Helvetica.ttc",
)


def card_font(size: int, font_file: str | None = None) -> Any:
    """The title card's font: `font_file` if given, else the first of `CARD_FONTS` found, else Pillow's own."""
    from PIL import ImageFont as font_module

    for name in (font_file,) if font_file else CARD_FONTS:
        try:
            return font_module.truetype(name, size)
        except OSError:
            continue
    if font_file:
        raise ConvaudioError(f"video_font: cannot read {font_file} as a font; give a TrueType or OpenType file")
    return font_module.load_default(size=size)


def missing_glyphs(font: Any, text: str) -> str:
    """The characters of `text` that `font` draws as the box it draws for a character it lacks."""
    from PIL import Image as image_module

    def drawn(character: str) -> tuple[bytes, tuple[int, int]]:
        mask = font.getmask(character)
        return image_module.Image()._new(mask).tobytes(), mask.size

    shown = [ch for ch in dict.fromkeys(text) if ch.isprintable() and not ch.isspace()]
    try:
        lacked = drawn("\U0010fffd")  # a private-use character: no font draws it
    except UnicodeEncodeError:  # Pillow built without FreeType: a bitmap font of Latin-1 (review 114)
        return "".join(ch for ch in shown if ord(ch) > 0xFF)
    return "".join(ch for ch in shown if drawn(ch) == lacked)


def _wrapped(title: str, columns: int, most: int = 4) -> list[str]:
    """The title in at most `most` lines; a longer one ends in an ellipsis."""
    lines = textwrap.wrap(title, columns) or [""]
    if len(lines) > most:
        last = lines[most - 1]
        lines = [*lines[: most - 1], (last if len(last) < columns else last[: columns - 1].rstrip()) + "…"]
    return lines


def title_card(title: str, settings: VideoSettings) -> tuple[Image, str]:
    """A plain card with the post's title, for posts without a cover image (a system font, see `CARD_FONTS`), and
    the title's characters the font lacks."""
    _require_pillow()
    from PIL import Image as image_module
    from PIL import ImageDraw as draw_module

    width, height = settings.width, settings.height
    card = image_module.new("RGB", (width, height), (24, 32, 48))
    draw = draw_module.Draw(card)
    size = max(12, height // 11)
    font = card_font(size, settings.font or None)
    columns = max(8, int(width * 0.8 / (size * 0.55)))
    if not hasattr(font, "path"):  # Pillow built without FreeType draws Latin-1 only (and fails on the rest)
        title = title.encode("latin-1", "replace").decode("latin-1")
    lines = _wrapped(title, columns)
    spacing = int(size * 0.35)
    text = "\n".join(lines)
    box = draw.multiline_textbbox((0, 0), text, font=font, spacing=spacing, align="center")
    left = (width - (box[2] - box[0])) // 2 - box[0]
    top = (height - (box[3] - box[1])) // 2 - box[1]
    draw.multiline_text((left, top), text, font=font, fill=(240, 240, 240), spacing=spacing, align="center")
    bar = (width // 2 - width // 12, top - size, width // 2 + width // 12, top - size + max(2, size // 10))
    draw.rectangle(bar, fill=(120, 170, 255))
    return card, missing_glyphs(font, text)


def png_bytes(image: Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _clock(millis: int) -> str:
    """`00:01:02,345`: SubRip's cue time (a comma before the milliseconds, where WebVTT has a full stop)."""
    hours, rest = divmod(max(0, millis), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


def subrip(lines: Sequence[Mapping[str, Any]], language: str = "") -> str:
    """SubRip captions from the timings' lines; ffmpeg turns them into a mov_text track. A long line is cut into
    cues as in the WebVTT captions (`html.captions.cues`: at most `CUE_CHARACTERS`, timed by their share of the
    line), so a 400-character turn is no 30-second wall of text over the picture. Its first cue names the speaker
    ("Speaker: words"), as subtitles name a speaker when the voice changes, the name counted in that cue's
    `CUE_CHARACTERS` (the page's cues carry it as a voice tag, not shown in their text: the video's first cue may
    end sooner); the cues after it go on in the same voice without it (repeated, it would take room from each
    cue's two lines). A line that takes no time (only an emoji: nothing is heard) has no cue, as in the WebVTT
    captions; `language`, the conversation's, as there (French's `M. Dupont`)."""
    from ..html.captions import columns, cues, heard, heard_words

    out: list[str] = []
    for line in heard(lines):
        prefix = " ".join(str(line["speaker"]).split()) + ": "
        text = " ".join(heard_words(str(line["text"])).split())
        timed = cues(text, float(line["start"]), float(line["end"]), columns(prefix), language)
        for index, (start, end, words) in enumerate(timed):
            shown = _literal(prefix + words if index == 0 else words)
            out.append(f"{len(out) + 1}\n{_clock(start)} --> {_clock(end)}\n{shown}\n")
    return "\n".join(out)


def _literal(text: str) -> str:
    """Text ffmpeg's SubRip reader keeps as written: it takes `<...>` for a formatting tag (dropping `List<String>`
    and everything between `a < b` and `c > d`), `{\\...}` for a style code, and `\\n` or `\\N` for a line break. A
    word joiner (U+2060, shown as nothing) after `<`, `{` and `\\` makes none of them; entities such as `&lt;`
    would stay as written."""
    return text.replace("\\", "\\\u2060").replace("<", "<\u2060").replace("{", "{\u2060")


def still_rate(duration: float) -> str:
    """About one frame per second, chosen so whole frames end exactly at `duration` (to the millisecond):
    the video track then lasts as long as the audio, not up to a second more or less."""
    millis = max(1, round(duration * 1000))
    frames = -(-millis // 1000)
    return f"{frames * 1000}/{millis}"


def encode_video(
    audio: Path,
    duration: float,
    picture: bytes,
    captions: str,
    out: Path,
    settings: VideoSettings,
    *,
    title: str = "",
    language: str | None = None,
) -> None:
    """Mux the still picture, the audio and the captions into `out` (MP4, H.264 + AAC + mov_text, faststart).
    `language` (ISO 639-2, e.g. `fre`) names the language of the speech and of the captions, for players'
    subtitle menus. Captions without a cue (every line only an emoji: nothing is heard) make no subtitle track:
    ffmpeg refuses an empty SubRip file as invalid data."""
    exe = ffmpeg_exe()
    rate = still_rate(duration)
    # the speech's and the captions' language (mdhd), for players' audio and subtitle menus
    kinds = "as" if captions.strip() else "a"
    languages = [arg for kind in kinds for arg in (f"-metadata:s:{kind}:0", f"language={language}")] if language else []
    with tempfile.TemporaryDirectory(prefix="convaudio-video-") as folder:
        still, subtitles = Path(folder) / "still.png", Path(folder) / "captions.srt"
        still.write_bytes(picture)
        subtitles.write_text(captions, encoding="utf-8")
        track = ["-i", str(subtitles)] if "s" in kinds else []
        mapping = ["-map", "2:s", "-c:s", "mov_text"] if "s" in kinds else []
        command = [
            exe, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-loop", "1", "-framerate", rate, "-i", str(still),
            "-i", str(audio),
            *track,
            "-map", "0:v", "-map", "1:a", *mapping,
            "-c:v", "libx264", "-tune", "stillimage", "-preset", "medium", "-crf", str(settings.crf),
            "-pix_fmt", "yuv420p", "-r", rate,
            "-c:a", "aac", "-b:a", f"{settings.audio_bitrate}k",
            "-t", f"{duration:.3f}",
            "-map_metadata", "-1", "-metadata", f"title={title}",
            *languages,
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart",
            "-f", "mp4", str(out),
        ]  # fmt: skip
        # bytes, UTF-8: under the C locale (PYTHONUTF8=0) subprocess would encode a title's "é" as ASCII and fail,
        # and decode ffmpeg's messages (which quote paths) as ASCII too
        result = subprocess.run([utf8(word) for word in command], capture_output=True, check=False)
    if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        said = result.stderr.decode("utf-8", "replace")
        detail = " ".join(said.strip().splitlines()[-3:]) or f"exit status {result.returncode}"
        raise ConvaudioError(f"ffmpeg could not make the video: {detail}")
