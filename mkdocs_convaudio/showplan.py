"""Per-post production choices: music bed, intro, outro and video, from the site's options and the front matter.

Sound files (`music`, `intro`, `outro`) are paths relative to the folder of mkdocs.yml (or absolute), in the
plugin options and in front matter alike, so they need not live in docs_dir (where MkDocs would publish them).
A cover image (`image` or `cover` in front matter) follows Markdown's convention: relative to the page, or to
docs_dir when it starts with `/`.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .audio.production import Asset, MusicSettings, Production
from .audio.video import VideoSettings, cover_picture, encode_video, png_bytes, subrip, title_card
from .errors import ConvaudioError, OptionError, each_problem, raise_all
from .html.transcript import line_text
from .store.cache import AudioCache, content_key
from .store.files import atomic_path


class SiteOptionError(OptionError):
    """A problem of a show file the site's options name (`music: bed.wav` that cannot be decoded): the plugin says
    it at the option's line of the config file, as it says the options' other problems."""


#: Values that turn a site default off for one post.
OFF = ("none", "off", "false", "no", "")


@dataclass
class ShowOptions:
    """The site defaults (plugin options); `None` means off."""

    music: str | None = None
    intro: str | None = None
    outro: str | None = None
    music_settings: MusicSettings = field(default_factory=MusicSettings)
    video: bool = False
    video_settings: VideoSettings = field(default_factory=VideoSettings)

    def validate(self) -> None:
        """Every problem of the show's options at once (`Problems`)."""
        problems: list[ConvaudioError] = []
        for settings in (self.music_settings, self.video_settings):
            try:
                settings.validate()
            except ConvaudioError as error:
                problems.extend(each_problem(error))
        raise_all(problems)


@dataclass(frozen=True)
class VideoPlan:
    """What a post's video is made of: a cover image (by content) or a title card."""

    title: str
    cover: Path | None
    cover_digest: str | None
    source_path: str
    #: the front matter line naming the cover, for messages about it (not part of the video's key)
    cover_line: int | None = None

    def key(self) -> dict[str, Any]:
        return {"cover": self.cover_digest} if self.cover_digest else {"title_card": self.title}


#: The front matter a post's show is made of (`ShowPlanner.plan`).
_SHOW_KEYS = frozenset({"audio_music", "audio_intro", "audio_outro", "video"})


@dataclass(frozen=True)
class PostShow:
    """One post's production and video choice."""

    production: Production
    video: VideoPlan | None

    def variant(self) -> str:
        """A suffix for the files of a dialogue file linked from several pages: pages that produce it alike
        share one MP3 (and video), a page with its own music, clips or cover gets its own."""
        if not self.production.active and self.video is None:
            return ""
        recipe = {"production": self.production.key(), "video": self.video.key() if self.video else None}
        return "-" + content_key(recipe)[:8]


def page_title(meta: Mapping[str, Any], markdown: str, src_path: str) -> str:
    """Front matter `title`, else the first `# heading`, else the file name."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.MULTILINE)
    if match:
        return match[1]
    stem = posixpath.splitext(posixpath.basename(src_path))[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Conversation"


def _sound_problem(path: Path, problem: str) -> str:
    """What is wrong with a show's sound file, and what to do."""
    if problem == "holds no sound":
        return f"{path} holds no sound (it decodes to nothing); give a sound file that plays"
    if problem.startswith("too short"):
        return f"{path} is {problem}"
    if problem.startswith("an MP4"):
        return (
            f"cannot decode {path}: {problem}, which this package cannot read; convert it to a WAV, FLAC, OGG or MP3 "
            f"file (`ffmpeg -i {path.name} {path.stem}.flac`)"
        )
    return f"cannot decode {path} ({problem}); use a WAV, FLAC, OGG or MP3 file"


def _under(base_dir: Path, value: str) -> Path:
    candidate = Path(value.strip()).expanduser()
    return candidate if candidate.is_absolute() else base_dir / candidate


#: How the show's paths are found, for messages.
RELATIVE_TO = "paths are relative to the folder of mkdocs.yml (of convaudio.toml for `render`)"


def site_file(options: ShowOptions, name: str, base_dir: Path) -> Path | None:
    """The site's `music`, `intro`, `outro` or `video_font` file, or None when off; an error if it does not exist."""
    value: str | None = options.video_settings.font if name == "video_font" else getattr(options, name)
    if value is None or value.strip().lower() in OFF:
        return None
    path = _under(base_dir, value)
    if not path.is_file():
        raise SiteOptionError(f"plugin option `{name}: {value}`: {_no_file(path)}; {RELATIVE_TO}")
    return path


def _no_file(path: Path) -> str:
    """Why a show's path names no file: a folder is there (it was "no such file", with the folder right there:
    show review), or nothing."""
    return f"{path} is a folder; give a file in it" if path.is_dir() else f"no such file ({path})"


def missing_site_files(options: ShowOptions, base_dir: Path) -> list[ConvaudioError]:
    """Every show file of the site's options that does not exist: said with the other options' problems."""
    problems = []
    for name in ("music", "intro", "outro", "video_font"):
        try:
            site_file(options, name, base_dir)
        except ConvaudioError as error:
            problems.append(error)
    return problems


class ShowPlanner:
    """Resolves and hashes the files each post is produced with (each file read once per build)."""

    def __init__(
        self,
        options: ShowOptions,
        docs_dir: Path,
        base_dir: Path,
        line_of: Callable[[str, str], int | None],
        warn: Callable[[str], None] = lambda message: None,
    ) -> None:
        options.validate()
        self.options = options
        self.docs_dir = docs_dir
        self.base_dir = base_dir
        self.line_of = line_of  # (src_path, front matter key) → line, for error messages
        self.warn = warn
        self._assets: dict[Path, Asset] = {}
        self._problems: dict[Path, str | None] = {}
        self.watched: set[Path] = set()
        #: the show of a post whose front matter sets none of `_SHOW_KEYS`, once a build (`plan`)
        self._site_show: PostShow | None = None
        # every problem of the site's show files at once (they were said one a build: bug bash 111)
        problems: list[ConvaudioError] = []
        self.defaults: dict[str, Asset | None] = {}
        for name in ("music", "intro", "outro"):
            try:
                self.defaults[name] = self._site_file(name)
            except ConvaudioError as error:
                problems.append(error)
        try:
            self._resolve_font()
        except ConvaudioError as error:
            problems.append(error)
        raise_all(problems)

    def _resolve_font(self) -> None:
        """`video_font`, found under the folder of the config file (its path in the settings made absolute, and its
        content, not its path, in the videos' key: one font file on two machines makes the same videos)."""
        path = site_file(self.options, "video_font", self.base_dir)
        if path is None:
            return
        path = path.resolve()
        digest = Asset.of(path).digest  # read in pieces: a CJK font is tens of megabytes
        self.options.video_settings = replace(self.options.video_settings, font=str(path), font_digest=digest)
        self.watched.add(path)

    def _asset(self, path: Path) -> Asset:
        path = path.resolve()
        if path not in self._assets:
            self._assets[path] = Asset.of(path)
            self.watched.add(path)
        return self._assets[path]

    def _site_file(self, name: str) -> Asset | None:
        path = site_file(self.options, name, self.base_dir)
        if path is None:
            return None
        value = getattr(self.options, name)
        if problem := self._problem(path, name):
            raise SiteOptionError(f"plugin option `{name}: {value}`: {_sound_problem(path, problem)}")
        return self._asset(path)

    def _under_base(self, value: str) -> Path:
        return _under(self.base_dir, value)

    def _post_file(self, meta: Mapping[str, Any], key: str, default: Asset | None, src_path: str) -> Asset | None:
        if key not in meta:
            return default
        value = meta[key]
        if value is None or value is False or (isinstance(value, str) and value.strip().lower() in OFF):
            return None
        if not isinstance(value, str):
            raise ConvaudioError(
                f"`{key}:` must be a path to a sound file (relative to the folder of mkdocs.yml, or of convaudio.toml "
                "for `render`) or `none`",
                src_path,
                self.line_of(src_path, key),
            )
        path = self._under_base(value)
        if not path.is_file():
            raise ConvaudioError(
                f"`{key}: {value}`: {_no_file(path)}; paths are relative to the folder of mkdocs.yml (of "
                "convaudio.toml for `render`), "
                "or write `none` to turn it off for this post",
                src_path,
                self.line_of(src_path, key),
            )
        if problem := self._problem(path, key):  # said here, at the post's line: assembly would say only the file
            line = self.line_of(src_path, key)
            raise ConvaudioError(f"`{key}: {value}`: {_sound_problem(path, problem)}", src_path, line)
        return self._asset(path)

    def _problem(self, path: Path, key: str) -> str | None:
        """`audio_file_problem`, once per file and build; a music bed must last `SHORTEST_BED` (it is looped: a
        10-sample file, a truncated download, put a buzz and a DC offset under the speech: bug bash 111)."""
        from .audio.music import SHORTEST_BED, audio_file_problem  # numpy and libsndfile: for a site with sounds

        resolved = path.resolve()
        if resolved not in self._problems:
            self._problems[resolved] = audio_file_problem(resolved)
        problem = self._problems[resolved]
        if problem is None and key.removeprefix("audio_") == "music":
            from .audio.music import audio_seconds

            if (seconds := audio_seconds(resolved)) < SHORTEST_BED:
                problem = f"too short for a music bed: {seconds:.2f} s, looped; give one of {SHORTEST_BED:g} s or more"
        return problem

    def plan(self, src_path: str, meta: Mapping[str, Any], markdown: str) -> PostShow:
        """This post's production (site defaults overridden by front matter) and video plan; every problem of
        its front matter at once (`Problems`)."""
        if self.options.video is False and not _SHOW_KEYS.intersection(meta):
            # a post that sets none of it (most posts): the site's production, planned once a build
            if self._site_show is None:
                self._site_show = self._plan(src_path, meta, markdown)
            return self._site_show
        return self._plan(src_path, meta, markdown)

    def _plan(self, src_path: str, meta: Mapping[str, Any], markdown: str) -> PostShow:
        problems: list[ConvaudioError] = []

        def sound(key: str) -> Asset | None:
            try:
                return self._post_file(meta, key, self.defaults[key.removeprefix("audio_")], src_path)
            except ConvaudioError as error:
                problems.append(error)
                return None

        production = Production(
            music=sound("audio_music"),
            intro=sound("audio_intro"),
            outro=sound("audio_outro"),
            settings=self.options.music_settings,
        )
        video = meta.get("video", self.options.video)
        plan = None
        if not isinstance(video, bool):
            problems.append(ConvaudioError("`video:` must be true or false", src_path, self.line_of(src_path, "video")))
        elif video:
            try:
                plan = self._video_plan(src_path, meta, markdown)
            except ConvaudioError as error:
                problems.append(error)
        raise_all(problems)
        return PostShow(production, plan)

    def _video_plan(self, src_path: str, meta: Mapping[str, Any], markdown: str) -> VideoPlan:
        title = page_title(meta, markdown, src_path)
        key = next((name for name in ("image", "cover") if meta.get(name)), None)
        if key is None:
            return VideoPlan(title, None, None, src_path)
        value = meta[key]
        if not isinstance(value, str):
            raise ConvaudioError(f"`{key}:` must be a path to an image", src_path, self.line_of(src_path, key))
        line = self.line_of(src_path, key)
        if re.match(r"^[a-z][a-z0-9+.-]*://", value.strip(), re.IGNORECASE):
            self.warn(
                f"{src_path}:{line or 1}: the cover `{key}: {value}` is a URL, which a build does not download; the "
                "video shows a title card instead (give a path inside docs_dir to use the image)"
            )
            return VideoPlan(title, None, None, src_path)
        relative = value.strip()
        if relative.startswith("/"):
            path = self.docs_dir / relative.lstrip("/")
        else:
            path = self.docs_dir / posixpath.dirname(src_path) / relative
            if not path.is_file():
                path = self.docs_dir / relative
        if not path.is_file():
            raise ConvaudioError(
                f"`{key}: {value}`: no such image; give a path relative to the page, or starting with `/` for "
                "one relative to docs_dir",
                src_path,
                self.line_of(src_path, key),
            )
        path = path.resolve()
        self.watched.add(path)
        return VideoPlan(title, path, hashlib.sha256(path.read_bytes()).hexdigest(), src_path, line)


#: What a video holds besides its audio, picture and settings; 2: its audio and captions tracks name their language;
#: 3: captions keep `<...>` and `{...}` as written; 4: and backslashes (`\\nabla`, `C:\\New`); 5: a long line's
#: captions are cut into cues as the WebVTT ones are (it was one cue: a wall of text over the picture), and show no
#: stage direction the voice leaves out (`[laughs]`: nothing of it is heard; 5 is not released yet, and every video
#: is made again once after upgrading).
VIDEO_FORMAT = 5


#: How a title card is drawn: 2, in a system font (Pillow's own drew accented letters as boxes: review 114)
CARD_FORMAT = 2
#: What a video with a cover holds besides: 2, its title (the MP4's title tag kept a page's old title: bug bash 111)
#: and a transparent cover on white (it was on black)
COVER_FORMAT = 2


def video_key(audio_key: str, plan: VideoPlan, settings: VideoSettings) -> str:
    """A video is remade when its audio, picture (by content), title, size or encoder settings change, or what the
    video holds besides them (`VIDEO_FORMAT`)."""
    recipe = {"video": audio_key, "picture": plan.key(), "settings": settings.key(), "format": VIDEO_FORMAT}
    if plan.cover_digest:  # a title card's key holds the title already (`VideoPlan.key`)
        recipe |= {"title": plan.title, "cover_format": COVER_FORMAT}
    else:
        recipe |= {"card_format": CARD_FORMAT}
    return content_key(recipe)


def make_video(
    cache: AudioCache,
    audio_key: str,
    plan: VideoPlan,
    settings: VideoSettings,
    timings: Mapping[str, Any],
    warn: Callable[[str], None] = lambda message: None,
    info: Callable[[str], None] = lambda message: None,
) -> tuple[Path, bool, str]:
    """The cached MP4 for a conversation's audio and a post's picture; made (atomically) when missing or
    damaged. Returns its path, whether it was made in this call, and what was wrong with the cached one ('')."""
    from .audio.tags import iso639_2  # only when a video is made

    key = video_key(audio_key, plan, settings)
    target = cache.video_path(key)
    verdict = cache.verify_video(key)
    if verdict.ok:
        return target, False, ""
    where = plan.source_path
    if plan.cover is not None:
        at = f"{where}:{plan.cover_line}" if plan.cover_line else where
        picture = cover_picture(plan.cover.read_bytes(), settings, f"{at}: {plan.cover.name}", info)
    else:
        picture, lacking = title_card(plan.title, settings)
        if lacking:
            warn(
                f"{where}: the video's title card cannot draw {' '.join(lacking)} of the title with the font it found "
                "(they show as boxes); give `video_font:` a font file that has them (Noto Sans CJK for Chinese or "
                "Japanese), install DejaVu or Noto fonts, or give the post a cover (`image:`)"
            )
    with atomic_path(target) as temp:
        try:
            encode_video(
                cache.conversation_mp3(audio_key),
                float(timings["duration"]),
                png_bytes(picture),
                subrip(
                    [{**line, "text": line_text(str(line["text"]))} for line in timings["lines"]],
                    str(timings.get("language") or ""),
                ),
                temp,
                settings,
                title=plan.title,
                language=iso639_2(str(timings["language"])) if timings.get("language") else None,
            )
        except ConvaudioError as error:
            raise ConvaudioError(error.message, where) from None
    cache.record_video(key)
    # with a shared cache, no other machine makes it again; a store that refuses it is no reason to warn (any
    # machine makes it from the shared audio without a request)
    cache.share(target, cache.check_path(target), optional=True)
    return target, True, verdict.reason
