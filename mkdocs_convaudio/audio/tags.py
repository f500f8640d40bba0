"""ID3v2.4 tags for a published MP3 (title, artist, album, language, chapters), written with mutagen; and its
chapters as a Podcasting 2.0 JSON chapters file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mutagen import MutagenError
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TPE1, TXXX, CTOCFlags, ID3NoHeaderError

from ..store.files import atomic_path

#: The TXXX frame naming what a tagged copy was made from (the conversation's cache key and its tags).
STAMP = "convaudio"


@dataclass(frozen=True)
class Chapter:
    """A stretch of the programme that starts a section of the conversation."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Tags:
    """What a listener's app shows for one conversation."""

    title: str
    artist: str
    album: str
    language: str
    chapters: tuple[Chapter, ...] = field(default=())


def iso639_2(language: str) -> str | None:
    """`en` → `eng`, `fr-CA` → `fre` (ID3's TLAN takes ISO 639-2 codes); None for a code with no such form.
    Remembered across builds with langcodes' other answers (an edit's re-tagging imports no langcodes)."""
    from ..voices.languages import remembered

    def compute() -> str | None:
        import langcodes  # loaded only when a copy is tagged in a language never tagged before

        try:
            return str(langcodes.Language.get(language).to_alpha3(variant="B"))
        except (LookupError, ValueError):
            return None

    def load(code: Any) -> str | None:
        return str(code) or None

    answer: str | None = remembered("alpha3-b", language, compute, lambda code: code or "", load)
    return answer


def stamp_of(path: Path) -> str | None:
    """The stamp a tagged copy carries, or None (no file, no tag, or a tag this plugin did not write)."""
    try:
        frames = ID3(path).getall(f"TXXX:{STAMP}")
    except (MutagenError, ID3NoHeaderError, OSError):
        return None
    return str(frames[0].text[0]) if frames and frames[0].text else None


def _audio_start(path: Path) -> int | None:
    """Where an MP3's audio starts, after its ID3v2 tag (header, frames, padding and footer); None if unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(10)
    except OSError:
        return None
    if head[:3] != b"ID3" or len(head) < 10:
        return 0
    size = 10 + sum((byte & 0x7F) << (7 * (3 - index)) for index, byte in enumerate(head[6:10]))
    return size + (10 if head[5] & 0x10 else 0)


def _same_audio(first: Path, second: Path, piece: int = 1 << 20) -> bool:
    """Whether two MP3s hold the same audio whatever their tags, compared a megabyte at a time (a two-hour MP3
    is never held whole)."""
    starts = _audio_start(first), _audio_start(second)
    if starts[0] is None or starts[1] is None:
        return False
    try:
        if first.stat().st_size - starts[0] != second.stat().st_size - starts[1]:
            return False
        with first.open("rb") as one, second.open("rb") as two:
            one.seek(starts[0])
            two.seek(starts[1])
            while chunk := one.read(piece):
                if chunk != two.read(len(chunk)):
                    return False
    except OSError:
        return False
    return True


def publish_tagged(source: Path, target: Path, tags: Tags, stamp: str) -> None:
    """`target` becomes a copy of the MP3 `source` with these tags, unless it already is (same stamp, and the
    same audio as the verified `source`: a copy damaged after its tag, e.g. truncated, is made again). The copy
    is written beside `target` and renamed over it: a hard link to the cache is replaced, never written through."""
    if stamp_of(target) == stamp and _same_audio(target, source):
        return
    with atomic_path(target) as temp:
        shutil.copyfile(source, temp)
        write_tags(temp, tags, stamp)


def write_tags(path: Path, tags: Tags, stamp: str | None = None) -> None:
    """Replace any tag in the MP3 at `path` by these frames (ID3v2.4, UTF-8)."""
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    if tags.artist:
        id3.add(TPE1(encoding=3, text=tags.artist))
    if tags.album:
        id3.add(TALB(encoding=3, text=tags.album))
    if (code := iso639_2(tags.language)) is not None:
        id3.add(TLAN(encoding=3, text=code))
    id3.add(TXXX(encoding=3, desc="language", text=tags.language))
    if stamp is not None:
        id3.add(TXXX(encoding=3, desc=STAMP, text=stamp))
    if tags.chapters:
        ids = [f"chp{index}" for index in range(len(tags.chapters))]
        id3.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=3, text=tags.title)],
            )
        )
        for element_id, chapter in zip(ids, tags.chapters, strict=True):
            id3.add(
                CHAP(
                    element_id=element_id,
                    start_time=round(chapter.start * 1000),
                    end_time=round(chapter.end * 1000),
                    sub_frames=[TIT2(encoding=3, text=chapter.title)],
                )
            )
    id3.save(path, v2_version=4)


def chapters_from(sections: list[tuple[int, str]], starts: list[float], duration: float, lead: str) -> list[Chapter]:
    """Chapters from the turns that open a section (`(turn index, title)`), given each turn's start time.

    The first chapter starts at 0:00 (a section on the first turn keeps its title; otherwise the lines before
    the first section form a chapter called `lead`); each chapter ends where the next begins.
    """
    marks = [(0.0 if index == 0 else starts[index], title) for index, title in sections if index < len(starts)]
    if not marks:
        return []
    if marks[0][0] > 0:
        marks.insert(0, (0.0, lead))
    ends = [start for start, _ in marks[1:]] + [duration]
    return [Chapter(title, start, end) for (start, title), end in zip(marks, ends, strict=True)]


#: The version of the Podcasting 2.0 JSON chapters format a chapters file says it follows
JSON_CHAPTERS_VERSION = "1.2.0"


def json_chapters(chapters: Sequence[Chapter]) -> str:
    """The Podcasting 2.0 JSON chapters file (`<podcast:chapters type="application/json+chapters">`) of these
    chapters: the times the ID3 CHAP frames hold (whole milliseconds, as `write_tags` rounds them), in seconds."""
    entries = [
        {
            "startTime": round(chapter.start * 1000) / 1000,
            "endTime": round(chapter.end * 1000) / 1000,
            "title": chapter.title,
        }
        for chapter in chapters
    ]
    return json.dumps({"version": JSON_CHAPTERS_VERSION, "chapters": entries}, ensure_ascii=False, indent=2) + "\n"
