"""Conversations outside MkDocs: dialogue files and posts of any generator, fed to the same AudioSession."""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

import frontmatter
import yaml

from .build import AudioSession, Placed, front_matter_line, no_conversation
from .errors import ConvaudioError, each_problem
from .html.assets import ASSET_NAMES, ASSETS, VERSION_SUFFIX, versioned
from .html.captions import track_label
from .html.labels import player_title
from .html.player import fill_placeholders, player_html, relative_url
from .html.transcript import line_links
from .showplan import page_title
from .store.files import write_if_changed
from .text.discover import (
    Found,
    front_matter_lines,
    front_matter_problem,
    front_matter_text,
    marked_encoding,
    read_dialogue_file,
    wordless,
)
from .voices.translations import is_language_code

POST_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
#: the config files that make a blog's root Jekyll's, and Hugo's (`config.toml` too, beside a `content/` folder,
#: as Hugo named it before 0.110)
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")


class _TomlFrontMatter(frontmatter.default_handlers.BaseHandler):
    """Hugo's `+++` TOML front matter, read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: Any) -> dict[str, Any]:
        return tomllib.loads(fm)


@dataclass
class Batch:
    """What one run planned: the conversations placed, and the warnings to show."""

    placed: list[Placed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: dialogue files given on the command line that made no audio (a script expecting their MP3 must hear of it)
    skipped: list[str] = field(default_factory=list)
    #: posts whose front matter nearly turns audio on (`audio: "true"`): their conversations are left out
    nearly: list[str] = field(default_factory=list)
    #: drafts with audio left out (without `--drafts`), as Hugo and Jekyll leave them out of the site they build
    drafts: list[str] = field(default_factory=list)
    #: the names their fenced conversations' files take in `--out` (`soon` for `soon-1.mp3`): files a `--drafts`
    #: run made there are still the drafts', not those of a post renamed or deleted (`stale_outputs`)
    draft_stems: list[str] = field(default_factory=list)
    #: the conversations of the drafts rendered (with `--drafts`): `cache prune` keeps them for the runs without
    drafted: list[Placed] = field(default_factory=list)
    #: the drafts rendered (with `--drafts`), by path
    drafted_posts: list[str] = field(default_factory=list)


def _relative(path: Path, root: Path, what: str) -> str:
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ConvaudioError(f"{what} {path} is outside the root folder {root}; run from the site's root or set --root")
    return resolved.relative_to(root.resolve()).as_posix()


def dialogue_inputs(
    inputs: Sequence[Path], out: Path | None = None, cache: Path | None = None
) -> list[tuple[Path, str]]:
    """Each dialogue file to render with its output name: a file given by name keeps its own name
    (`scripts/conversation/x.json` → `x`), files found in a folder keep their path below it. A folder's files
    under `out` are the run's own timings (an output folder inside the input folder), never inputs; nor are
    those of the cache in use, of hidden folders (`.git`) or of `node_modules`, unless given by name."""
    found: list[tuple[Path, str]] = []
    for item in inputs:
        if item.is_dir():
            # a folder the input folder is inside of is what was asked for (`--out` the input folder itself is
            # refused: its files would be overwritten)
            skip = {
                folder.resolve()
                for folder in (out, cache)
                if folder is not None and not item.resolve().is_relative_to(folder.resolve())
            }
            found += [(path, path.relative_to(item).with_suffix("").as_posix()) for path in _json_files(item, skip)]
        elif item.is_file() and item.suffix.lower() in (".md", ".markdown"):
            # read as JSON it was "not valid JSON", with no word of the option that renders posts (bug bash 76)
            raise ConvaudioError(
                f"{item} is a Markdown post, not a dialogue file: render posts with --posts FOLDER (the folder that "
                "holds them)"
            )
        elif item.is_file():
            found.append((item, item.stem))
        else:
            raise ConvaudioError(f"{item} does not exist; give dialogue .json files or folders holding them")
    # a file given twice (`x.json x.json`, or by name and in a folder given too) is rendered once, as first named
    seen: set[Path] = set()
    unique = []
    for path, name in found:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append((path, name))
    return unique


def _json_files(folder: Path, skip: set[Path]) -> list[Path]:
    """The `.json` files below `folder`, sorted, not looking into `skip`, hidden folders or `node_modules`
    (whose files are no dialogue, and may be many: they are not walked). Hidden files are left out too, as
    `posts_in` does."""
    found: list[Path] = []
    for top, folders, files in os.walk(folder):
        here = Path(top)
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".") and name != "node_modules" and (here / name).resolve() not in skip
        ]
        found += [here / name for name in files if name.lower().endswith(".json") and not name.startswith(".")]
    return sorted(found)


def plan_dialogue_files(
    session: AudioSession, inputs: Sequence[Path], root: Path, language: str | None, out: Path | None = None
) -> Batch:
    """Plan each dialogue file as one conversation, published as `<name>.mp3`, `<name>.json` and `<name>.vtt`
    (in `out`, whose files are never inputs)."""
    batch = Batch()
    files = dialogue_inputs(inputs, out, session.cache.root)
    names: dict[str, str] = {}
    relative = [(_relative(path, root, "the dialogue file"), name) for path, name in files]
    session.set_pages([rel for rel, _ in relative])
    inputs_resolved = {path.resolve() for path, _ in files}
    publish_dir = session.published_path(".")
    for rel, name in relative:
        if name in names:
            session.errors.append(
                ConvaudioError(f"{rel} and {names[name]} would both be written as {name}.mp3; render them separately")
            )
            continue
        timings = publish_dir / f"{name}.json"
        if timings.resolve() in inputs_resolved:
            session.errors.append(
                ConvaudioError(
                    f"the timings file {name}.json would overwrite a dialogue file given to render; choose an --out "
                    "outside the folders given",
                    rel,
                )
            )
            continue
        if not _timings_or_absent(timings):
            session.errors.append(
                ConvaudioError(
                    f"the timings file {name}.json would overwrite {timings}, which is not a timings file this "
                    "command wrote (a dialogue file?); choose another --out, or move that file",
                    rel,
                )
            )
            continue
        names[name] = rel
        before = len(batch.warnings)
        try:
            # every file render reads is meant as a dialogue file: one that is not JSON says so, with where
            conversation = read_dialogue_file(root, rel, batch.warnings, given=True)
        except ConvaudioError as error:
            session.errors.append(error)
            continue
        if conversation is None:
            if len(batch.warnings) == before:
                batch.warnings.append(f'{rel}:1: not a conversation (a JSON list of {{"speaker", "line"}}), skipped')
            batch.skipped.append(rel)
            continue
        if not conversation.speaks:
            batch.warnings.append(f"{rel}:1: this dialogue file has no lines to speak{wordless(conversation)}")
            batch.skipped.append(rel)
            continue
        lang = language or session.language_of(rel, {})
        if language is None:  # a translation given alone (its original beside it, not given) is one all the same
            lang = session.dialogue_path_language(rel) or lang
        key = session.dialogue_key(rel, lang)
        session.follow_dialogue_original(rel, key, [rel], conversation)
        try:
            # the site's music, intro, outro and video (a dialogue file has no front matter to change them): they
            # were left out without a word (bug bash 111)
            show = session.shows.plan(rel, {}, "")
        except ConvaudioError as error:
            session.errors.extend(each_problem(error))
            continue
        found = Found(conversation, 0, 0, replace=True)
        item = session.add(found, lang, key, [rel], f"{name}.mp3", batch.warnings, show)
        if item is not None:
            batch.placed.append(item)
    return batch


def _timings_or_absent(path: Path) -> bool:
    """Whether `path` holds nothing yet, or a timings file (as `render` writes them, so it may be replaced)."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "lines" in data and "duration" in data


def stale_outputs(out: Path, placed: Iterable[Placed], *, snippets: bool, drafts: Iterable[str] = ()) -> list[str]:
    """The conversations in `out` this run made before and no longer makes (a post renamed or deleted, its
    conversation removed; a dialogue file renamed), by path without suffix: their files stayed in `out`, unsaid,
    which `cache prune` never touches. A timings file this command writes with an MP3 beside it counts; with an HTML
    snippet beside it (`snippets`) for a `--posts` run, without one for dialogue files, so that the two kinds of run
    writing to one `--out`, as the docs suggest, do not name each other's files. Nor are the files of the drafts
    left out (`drafts`, `Batch.draft_stems`), which a `--drafts` run made: the draft is still there (review
    r-render3)."""
    made = {(out / item.timings_uri).resolve() for item in placed}
    kept = re.compile("|".join(rf"{re.escape(stem)}-\d+" for stem in drafts) or r"(?!)")
    return [
        name
        for timings in _json_files(out, set())
        if not kept.fullmatch(name := timings.relative_to(out).with_suffix("").as_posix())
        and timings.resolve() not in made
        and timings.with_suffix(".mp3").is_file()
        and timings.with_suffix(".html").is_file() == snippets
        and _timings_or_absent(timings)
    ]


def unwritten_outputs(out: Path, placed: Iterable[Placed], *, captions: bool) -> list[str]:
    """The files in `out` of conversations this run makes that it no longer writes, by path: a video turned off
    (`x.mp4`), captions turned off (`x.vtt`). They stayed beside the new MP3, unsaid, and were deployed with it (a
    chapters file is the run's to remove: `_publish_files` does). Only this run's conversations' names: a dialogue
    file a `--posts` run makes is named after its post too (`ep1-en-<digest>`), so another kind of run writing into
    the same `--out` is never named."""
    names: list[str] = []
    for item in {item.audio_uri: item for item in placed}.values():
        timings = out / item.timings_uri  # `talk.fr-1.json`: its suffix alone is replaced
        kinds = ([] if item.video_uri else [".mp4"]) + ([] if captions else [".vtt"])
        names += [path.relative_to(out).as_posix() for kind in kinds if (path := timings.with_suffix(kind)).is_file()]
    return sorted(names)


@dataclass
class Post:
    """A post as read: its front matter, its Markdown and how many lines precede that Markdown; and, for a post
    that is not UTF-8 (read with its stray bytes replaced), the error that stops it only when it turns audio on."""

    meta: dict[str, Any]
    markdown: str
    offset: int
    not_utf8: ConvaudioError | None = None
    #: how its front matter is written: "yaml", "toml" (Hugo's `+++`) or "json" (Hugo's `{` … `}`)
    syntax: str = "yaml"
    #: its front matter's own keys, without Hugo's `params` merged into `meta`: where Hugo reads `draft` from
    front: dict[str, Any] = field(default_factory=dict)
    #: the generator whose rules it is read by, "hugo" or "jekyll" (`post_generator`); None when it cannot be told
    generator: str | None = None


class AnyCaseKeys(dict[str, Any]):
    """A Hugo post's front matter: Hugo reads its keys in any case (`Draft`, `Audio`, `Lang` are `draft`, `audio`,
    `lang`); a key as written wins over another case of it."""

    def __missing__(self, key: str) -> Any:
        if isinstance(key, str):
            folded = key.lower()
            for name, value in self.items():
                if isinstance(name, str) and name.lower() == folded:
                    return value
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _ABSENT) is not _ABSENT


_ABSENT = object()


def blog_generator(root: Path) -> str | None:
    """The generator a blog's root folder is configured for: "jekyll" (`_config.yml`), "hugo" (`hugo.toml`,
    `config/_default/`, or `config.toml` beside `content/`), else None."""
    if any((root / name).is_file() for name in JEKYLL_CONFIGS):
        return "jekyll"
    if any((root / name).is_file() for name in HUGO_CONFIGS) or (root / "config" / "_default").is_dir():
        return "hugo"
    older = ("toml", "yaml", "yml", "json")
    if (root / "content").is_dir() and any((root / f"config.{ext}").is_file() for ext in older):
        return "hugo"
    return None


def post_generator(blog: str | None, rel: str, syntax: str) -> str | None:
    """Whose rules a post is read by: Hugo's for TOML or JSON front matter (Jekyll reads YAML only), else the
    blog's (`blog_generator`), else Jekyll's for a post in `_posts/` or `_drafts/` and Hugo's for one in
    `content/` (`rel`: its path from the root). Their front matter keys differ: Hugo reads them in any case,
    Jekyll as written (`Published: false` was left out as a draft, a post Jekyll publishes)."""
    parts = PurePosixPath(rel).parts
    if syntax != "yaml":
        return "hugo"
    if blog is not None:
        return blog
    if "_posts" in parts[:-1] or "_drafts" in parts[:-1]:
        return "jekyll"
    return "hugo" if parts[:1] == ("content",) else None


def read_as(post: Post, generator: str | None) -> Post:
    """The post with its front matter read as `generator` reads it: a Hugo post's keys in any case (its `params`
    too, a field at the top winning over one under `params` whatever their case); Jekyll's, and those of a blog
    whose generator cannot be told, as written."""
    post.generator = generator
    if generator != "hugo":
        return post
    front = AnyCaseKeys(post.front)
    params = front.get("params")
    top = {name.lower() for name in front if isinstance(name, str)}
    meta = AnyCaseKeys(
        {
            **{
                name: value
                for name, value in (params.items() if isinstance(params, dict) else ())
                if not (isinstance(name, str) and name.lower() in top)
            },
            **front,
        }
    )
    post.front, post.meta = front, meta
    return post


def _not_utf8(raw: bytes, error: UnicodeDecodeError, path: Path) -> ConvaudioError:
    """Where a post stops being UTF-8: its line, column and byte, and the byte itself."""
    mark = 3 if raw.startswith(b"\xef\xbb\xbf") else 0  # utf-8-sig counts after its byte order mark
    start = error.start + mark
    line_start = max(raw.rfind(b"\n", 0, start) + 1, mark)
    column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
    return ConvaudioError(
        f"this post is not UTF-8 (byte 0x{raw[start]:02x} at column {column}, byte {start + 1} of the file; an "
        'editor saved it as Latin-1 or Windows-1252): save it as UTF-8 (your editor\'s "Save with encoding")',
        str(path),
        raw.count(b"\n", 0, start) + 1,
    )


def read_post(path: Path) -> Post:
    """A post as read. One that is not UTF-8 is read with its stray bytes replaced, so that its front matter says
    whether it turns audio on: a Latin-1 post without audio stopped the render (bug bash)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConvaudioError(
            f"this post cannot be read ({error.strerror or error}); check its permissions", str(path)
        ) from None
    not_utf8 = None
    if encoding := marked_encoding(raw):
        # saved as UTF-16 (Windows' "Unicode") or UTF-32, as its byte order mark says: read as UTF-8 it had no front
        # matter, and so no audio, without a word
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise ConvaudioError(
                f"this post begins with the byte order mark of {encoding.upper()} but is not {encoding.upper()} "
                f"(byte {error.start + 1} of the file); save it as UTF-8",
                str(path),
            ) from None
        return _parse_post(text, path, None)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        not_utf8 = _not_utf8(raw, error, path)
        text = raw.decode("utf-8-sig", "replace")
    try:
        return _parse_post(text, path, not_utf8)
    except ConvaudioError:
        if not_utf8 is not None:  # its front matter unreadable as well: the encoding is the first thing to fix
            raise not_utf8 from None
        raise


def _parse_post(text: str, path: Path, not_utf8: ConvaudioError | None) -> Post:
    handler = _TomlFrontMatter() if text.startswith("+++") else None
    try:
        post = frontmatter.loads(text, handler=handler) if handler else frontmatter.loads(text)
    except Exception as error:  # YAML and TOML errors alike: the post's front matter cannot be read
        if handler is None:  # YAML: said in one line, where it is wrong, as a site build says it
            fm = front_matter_text(text)
            line, problem = (front_matter_problem(fm) if fm is not None else None) or (1, str(error).split("\n")[0])
            raise ConvaudioError(
                f"this post's front matter is not valid YAML ({problem}); quote a value holding a colon "
                '(`title: "Talk: the sequel"`) or fix the value',
                str(path),
                line,
            ) from None
        raise toml_problem(error, path) from None
    front = dict(post.metadata)
    meta = front
    if isinstance(params := meta.get("params"), dict):
        # Hugo's custom fields go under `params` (`[params] audio = true`), which its pages read as their own; the
        # post had no audio, without a word. Hugo's own fields at the top (`title`) win over a custom one
        meta = {**params, **meta}
    offset = front_matter_lines(text)
    if not offset and text.startswith("{") and post.metadata:
        offset = _json_front_matter_lines(text)
    syntax = "toml" if handler else "json" if text.startswith("{") and post.metadata else "yaml"
    return Post(meta, str(post.content), offset, not_utf8, syntax, front)


def _json_front_matter_lines(text: str) -> int:
    """How many lines Hugo's JSON front matter (`{` … `}` on lines of their own) and the blanks after it take:
    uncounted, every warning of such a post named a line that many too early (bug bash h-render)."""
    lines = text.split("\n")
    closing = next((index for index in range(1, len(lines)) if lines[index].rstrip() == "}"), None)
    if closing is None:
        return 0
    after = closing + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    return after


def toml_problem(error: Exception, path: Path, what: str = "this post's front matter") -> ConvaudioError:
    """TOML that tomllib refuses (a post's `+++` front matter, convaudio.toml), at its line: the error named line 1
    (the `+++`), or no line, and ended "fix it". In a post tomllib counts from the `+++` line's end, so its line
    is the file's line."""
    located = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error), re.DOTALL)
    problem, line = (f"{located[1]}, at column {located[3]}", int(located[2])) if located else (str(error), 1)
    return ConvaudioError(
        f"{what} is not valid TOML ({problem}); write text in quotes on one line "
        '(`title = "Talk: the sequel"`), dates as `2024-05-01` or `2024-05-01T10:00:00Z`, and each key once',
        str(path),
        line,
    )


#: a TOML key's part: bare (`google`), or quoted (`"google"`, `'google'`)
_TOML_PART = r"""(?:[\w-]+|"[^"\n]*"|'[^'\n]*')"""
#: a dotted key (`google.voice_family`, `"google" . 'voice_family'`)
_TOML_DOTTED = rf"{_TOML_PART}(?:\s*\.\s*{_TOML_PART})*"
#: a table's header, `[google]`, or an array of tables' item, `[[podcast]]`
_TOML_TABLE = re.compile(rf"\s*\[\[?\s*({_TOML_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(rf"\s*({_TOML_DOTTED})\s*=")


def _toml_name(dotted: str) -> str:
    """A dotted key as the options name it: `"google" . 'voice_family'` is `google.voice_family`."""
    return ".".join(part.strip("\"'") for part in re.findall(_TOML_PART, dotted))


def toml_option_lines(text: str, table: str = "convaudio") -> dict[str, int]:
    """Where convaudio.toml sets each option, by name (`bitrate`; an engine's table's own, `google`, and its
    options, `google.voice_family`), at the top or under `[convaudio]`: its problems named the file alone, or the
    line of another option (review r-render). Dotted keys (`google.voice_family = …`, `convaudio.bitrate = …`)
    and arrays of tables (`[[podcast]]`) count as the tables they name: they named no line, or the table's before
    (bug bash). The first line that sets a name counts, for the name and each table it is in. A small scan, as
    tomllib gives no positions: a line inside a multi-line string may be taken for a key."""
    lines: dict[str, int] = {}
    where = ""
    for number, line in enumerate(text.splitlines(), 1):
        if header := _TOML_TABLE.match(line):
            name = _toml_name(header[1])
            where = "" if name == table else name.removeprefix(f"{table}.")
            lines.setdefault(where, number)
            named = where
        elif key := _TOML_KEY.match(line):
            name = _toml_name(key[1])
            named = f"{where}.{name}" if where else name.removeprefix(f"{table}.")
        else:
            continue
        parts = named.split(".") if named else []
        for end in range(1, len(parts) + 1):  # `google.voice_family` sets `google` too
            lines.setdefault(".".join(parts[:end]), number)
    return lines


def option_line(lines: dict[str, int], message: str, option: str | None = None) -> int | None:
    """The line of the option a problem is about: `option` (and its `Sub-option 'x'` the message names), else the
    option the message names first (`pauses cannot be negative (pause: -1)`, `` `music: x.mp3`: no such file``)."""
    if option is not None:
        sub = re.search(r"Sub-option '([\w-]+)'", message)
        return lines.get(f"{option}.{sub[1]}") if sub and f"{option}.{sub[1]}" in lines else lines.get(option)
    named = [
        (found.start(), name)
        for name in lines
        if name and (found := re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", message)) is not None
    ]
    return lines[min(named)[1]] if named else None


def is_draft(path: Path, front: Mapping[str, Any], *, any_case: bool = True) -> bool:
    """Whether a post is a draft its generator leaves out of the site unless asked (`hugo --buildDrafts`,
    `jekyll --drafts`): Hugo's `draft: true` (`draft = true`, `"draft": true`, and the text `"true"`, which Hugo
    takes for true too), or a post in Jekyll's `_drafts/` folder. `path` is the post's path from the posts folder,
    that folder's own name first (`_drafts/wip.md` for `--posts _drafts`). So is `published: false`, which Jekyll
    leaves out too (unless `jekyll --unpublished`) and Hugo reads as `draft: true`: it was rendered, and billed
    (review r-render2). Not a date (`published: 2024-01-11`, as some themes date posts). `front` is the front
    matter's own keys (`Post.front`), whatever their case (`Draft: true`) as Hugo reads them, or as written
    without `any_case`, as Jekyll reads them (it publishes a post with `Published: false`): a `draft` under
    Hugo's `[params]` is a custom field, and Hugo publishes the post."""
    flags = [(str(key).lower() if any_case else key, _flag(value)) for key, value in front.items()]
    return ("draft", True) in flags or ("published", False) in flags or "_drafts" in path.parts[:-1]


def _flag(value: object) -> bool | None:
    """A front matter boolean, written as one or as the text `"true"` / `"false"`; None for anything else."""
    if isinstance(value, bool):
        return value
    text = value.strip().lower() if isinstance(value, str) else None
    return True if text == "true" else False if text == "false" else None


def posts_in(folder: Path) -> Iterable[Path]:
    """Markdown posts below a folder, skipping hidden folders."""
    for path in sorted(folder.rglob("*")):
        if (
            path.suffix.lower() in POST_SUFFIXES
            and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        ):
            yield path


def plan_posts(session: AudioSession, folder: Path, root: Path, language: str | None, *, drafts: bool = False) -> Batch:
    """Plan the conversations of every post that turns audio on, named after the post below `folder`; drafts
    (`is_draft`) only when `drafts` is on. A draft left out still counts among the posts translations are found
    in: a published translation of a draft keeps its original, and its voices. Jekyll's `_drafts/` beside a
    `_posts/` folder given are its drafts too (`jekyll --drafts` reads them), named after their path below it."""
    batch = Batch()
    bases = [folder]
    beside = folder.resolve().parent / "_drafts"
    if folder.resolve().name == "_posts" and beside.is_dir():
        bases.append(beside)  # `--posts _posts --drafts` read no draft of `_drafts/` (`--posts .` read them)
    posts = [(path, _relative(path, root, "the post"), base) for base in bases for path in posts_in(base)]
    blog = blog_generator(root)
    read: dict[Path, Post | ConvaudioError] = {}
    for path, rel, _ in posts:  # all first: which folders are languages hangs on every post's front matter
        try:
            as_read = read_post(path)
            read[path] = read_as(as_read, post_generator(blog, rel, as_read.syntax))
        except ConvaudioError as error:
            read[path] = error
    below_folder = {path: read[path] for path, _, base in posts if base is folder}
    metas = {path: post.meta for path, post in below_folder.items() if isinstance(post, Post)}
    languages = _language_folders(folder, metas)
    rels = {path: rel for path, rel, _ in posts}
    shared = _translation_key_originals(
        {path: post for path, post in read.items() if isinstance(post, Post)}, rels, folder, languages, language
    )
    named: dict[str, str] = {}  # a fenced conversation's MP3, by the post it is from
    # the languages the run is in: its `--lang`, the language folders', the posts' `lang:` (read above, all of them)
    declared = [post.meta.get("lang") for post in read.values() if isinstance(post, Post)]
    session.set_pages([rel for _, rel, _ in posts], [language, *languages, *declared])
    for path, rel, base in posts:
        post = read[path]
        if isinstance(post, ConvaudioError):
            if base is folder or drafts:  # a draft beside the posts is none of a run without --drafts, as Jekyll's
                session.errors.append(ConvaudioError(post.message, rel, post.line))
            continue
        meta, markdown, offset = post.meta, post.markdown, post.offset
        wanted, nearly = session.wants_audio(meta, post.syntax)
        if nearly and (base is folder or drafts):  # nor its warnings: `--posts _posts --strict` failed for a draft
            line = front_matter_line(path, session.options.trigger_key)
            batch.warnings.append(f"{rel}:{line or 1}: {nearly}")
            batch.nearly.append(rel)
        if not wanted:
            continue  # a post without audio, in whatever encoding its generator reads, is none of this run's
        below = path.relative_to(base)
        # `--posts _drafts` holds drafts too; Jekyll reads the keys as written, Hugo in any case
        draft = is_draft(Path(base.resolve().name) / below, post.front, any_case=post.generator != "jekyll")
        if draft and not drafts:
            # a cloud engine billed every draft's lines, for posts the blog does not publish (bug bash); nor does
            # a draft's encoding stop the run that leaves it out (review r-render2)
            batch.drafts.append(rel)
            batch.draft_stems.append(below.with_suffix("").as_posix())
            continue
        if post.not_utf8 is not None:  # its lines would be spoken with stray bytes replaced
            session.errors.append(ConvaudioError(post.not_utf8.message, rel, post.not_utf8.line))
            continue
        stem = below.with_suffix("").as_posix()
        locale = below.parts[0] if base is folder and below.parts[0] in languages else None
        if path in shared:  # Hugo's `translationKey`: a translation of the group's original, in its voices
            original, named_in = shared[path]
            meta = {**meta, "translation_of": original}
            locale = locale or named_in
        spoken_in = session.language_of(rel, meta, locale, language)
        placed, warnings = session.page(
            rel,
            markdown,
            meta,
            line_offset=offset,
            language=spoken_in,
            language_free_src=_suffix_pair(session, rel, spoken_in),
            audio_stem=stem,
        )
        # `talk.md` and `talk.markdown`: the second one's files replaced the first's, unsaid. Only the fenced
        # conversations are named after the post: twins that link a dialogue file share its files (review r-render)
        # one error per pair of posts, at the first MP3 they share (there was one per conversation)
        clashes: dict[str, str] = {}  # the first MP3 each other post would write too
        for item in placed:
            if (
                item.found.conversation.dialogue_file is None
                and (other := named.setdefault(item.audio_uri, rel)) != rel
            ):
                clashes.setdefault(other, item.audio_uri)
        for other, uri in clashes.items():
            session.errors.append(
                ConvaudioError(f"{rel} and {other} would both be written as {uri}; rename one of them")
            )
        title = page_title(meta, markdown, rel)
        for item in placed:  # the MP3's title tag and first chapter, as a site's page title gives them
            item.title = item.title or title
        batch.placed += placed
        batch.warnings += _source_links(placed)
        if draft:
            batch.drafted += placed
            batch.drafted_posts.append(rel)
        batch.warnings += warnings
        if not placed and not warnings and not session.conversations_on_page:
            line = front_matter_line(path, session.options.trigger_key) or 1
            batch.warnings.append(no_conversation(f"{rel}:{line}", session.other_data_on_page))
    return batch


def _source_links(placed: Iterable[Placed]) -> list[str]:
    """A warning for each line that links a post's source file (`[the other post](other.md)`): the snippet keeps
    the link as written (`render` does not know the generator's URLs), where a reader following it gets a 404 or
    the raw Markdown, and it was said nowhere (review f-render4). Named at the line, in the post or in the dialogue
    file it links."""
    warnings: list[str] = []
    for item in placed:
        conversation = item.found.conversation
        for turn in conversation.turns:
            for target in line_links(turn.line):
                if PurePosixPath(urlsplit(target).path).suffix.lower() in POST_SUFFIXES:
                    warnings.append(
                        f"{conversation.source_path}:{turn.source_line}: this line links {target}, a Markdown "
                        "source file, which the snippet keeps as written and a reader cannot follow (render does "
                        "not know your generator's URLs): link the published page's URL instead, such as "
                        "/posts/other/ or a full https:// URL"
                    )
    return list(dict.fromkeys(warnings))


def _language_folders(folder: Path, posts: Mapping[Path, Mapping[str, Any]]) -> set[str]:
    """The posts folder's sub-folders by name when they are all languages, two or more (Hugo's content folder per
    language, `content/en/`, `content/fr/`), and two of them hold one post (its translation, at the same path or
    sharing Hugo's `translationKey`, as translations with their own names do): each names the language of its
    posts, as a translation plugin's locale does, translated or not. A French post of its own was spoken in
    English (bug bash h-render). Without a translation, topic folders named like languages (`it/` and `ml/`, `id/`
    and `ar/`) were spoken in Italian, Malayalam, Indonesian, Arabic (review r-render); nor do they count beside
    another folder (`posts/`)."""
    names = [child.name for child in folder.iterdir() if child.is_dir() and not child.name.startswith(".")]
    if len(names) < 2 or not all(is_language_code(name) for name in names):
        return set()
    holders: dict[tuple[str, str], set[str]] = {}  # the folders holding a post, by its path or translationKey
    for path, meta in posts.items():
        top, *inner = path.relative_to(folder).parts
        stem = Path(*inner).with_suffix("").as_posix() if inner else ""
        # a section's list page (`_index.md`) or a folder's own index is in every topic folder too: no translation
        if inner and Path(stem).name != "_index" and not (len(inner) == 1 and stem.lower() in ("index", "readme")):
            holders.setdefault(("path", stem), set()).add(top)
        key = meta.get("translationKey")
        if inner and isinstance(key, (str, int)) and not isinstance(key, bool) and str(key).strip():
            holders.setdefault(("translationKey", str(key)), set()).add(top)
    return set(names) if any(len(tops) > 1 for tops in holders.values()) else set()


def _translation_key_originals(
    posts: Mapping[Path, Post],
    rels: Mapping[Path, str],
    folder: Path,
    languages: set[str],
    language: str | None,
) -> dict[Path, tuple[str, str | None]]:
    """The posts that Hugo's `translationKey` makes translations of another one, each with its original (the path
    from `--root` a `translation_of:` would give) and the language its name or folder gives it (Hugo's
    `causerie.fr.md`, `content/fr/posts/causerie.md`), if any. Translations with names of their own (`talk.md`,
    `causerie.fr.md`) had a voice-map entry each, so a renamed speaker got a voice of their own and a voice changed
    in one entry was not heard in the other: the posts did not sound like the same people. The original of a group
    is its post in the blog's language (`--lang`, else English) by its `lang:`, folder or name, else the first by
    path of those whose path names no language, else the first by path. A translation in a folder named like a
    language (`content/fr/posts/`) beside its original's (`content/posts/`) is in that language. A post that names
    its original itself (`translation_of:`) keeps it, and one in the original's language is none of its translations.
    """
    site = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    groups: dict[str, list[tuple[str, Path, str | None, str | None]]] = {}
    for path, post in posts.items():
        key = post.front.get("translationKey")  # Hugo reads it at the top only, in any case, not under `params`
        if not isinstance(key, (str, int)) or isinstance(key, bool) or not str(key).strip():
            continue
        rel = rels[path]
        written = post.meta.get("lang")
        below = path.relative_to(folder).parts if path.is_relative_to(folder) else ()
        suffix = PurePosixPath(path.stem).suffix[1:]
        named = (
            below[0]
            if len(below) > 1 and below[0] in languages
            else suffix
            if post.generator == "hugo" and suffix and is_language_code(suffix)
            else None
        )
        # a folder named like a language right below the posts folder, beside one that is not (`content/fr/posts/`
        # beside `content/posts/`): the language of a translation there, when its original is elsewhere
        folder_named = below[0] if len(below) > 1 and is_language_code(below[0]) else None
        spoken = written.strip() if isinstance(written, str) and written.strip() else named
        groups.setdefault(str(key).strip(), []).append((rel, path, spoken or None, folder_named))

    def primary(code: str) -> str:
        return code.lower().replace("_", "-").split("-")[0]

    found: dict[Path, tuple[str, str | None]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        # the original: in the blog's language by its `lang:`, folder or name; else one whose path names none
        ranked = sorted(
            members,
            key=lambda member: (
                0 if member[2] and primary(member[2]) == site else 1 if not member[2] and not member[3] else 2,
                member[0],
            ),
        )
        original, _, original_spoken, original_folder = ranked[0]

        def language_of(spoken: str | None, folder_named: str | None) -> str:
            return primary(spoken) if spoken else primary(folder_named) if folder_named else site

        for rel, path, spoken, folder_named in members:
            if rel == original or posts[path].meta.get("translation_of") is not None:
                continue
            # Hugo pairs a key's pages across languages only: two posts of one language (two sections' with one
            # key) are no translation of each other (review r-render4)
            if language_of(spoken, folder_named) == language_of(original_spoken, original_folder):
                continue
            if spoken is None and folder_named and folder_named != original_folder and primary(folder_named) != site:
                spoken = folder_named
            found[path] = (original, spoken if posts[path].meta.get("lang") is None else None)
    return found


def _suffix_pair(session: AudioSession, rel: str, language: str) -> str | None:
    """The path `index.fr.md` shares with `index.md` beside it (Hugo's suffix layout, as mkdocs-static-i18n's), so
    that its link to `dialogue.json` means `dialogue.fr.json` when there is one, as Hugo translates a bundle's
    resources: the French audio was made from the English file. None for any other post."""
    stem, extension = os.path.splitext(rel)
    base, dot, _ = stem.rpartition(".")
    free = f"{base}{extension}"
    return free if dot and base and session.translations.key(rel, language) == free else None


def url_prefix(out: Path, root: Path) -> str:
    """The site URL of the output folder when it is inside the site's root (`/assets/conversations/`)."""
    resolved = out.resolve()
    if resolved.is_relative_to(root.resolve()):
        inside = resolved.relative_to(root.resolve()).as_posix()
        return "/" if inside == "." else f"/{inside}/"
    return ""


def served_prefix(out: Path, root: Path) -> str | None:
    """The URL a Hugo or Jekyll blog serves `out` at, when it is not `url_prefix`'s (its path below `--root`):
    Hugo publishes `static/` at the site's root (`static/conversations` at `/conversations/`), and both publish the
    site below the path of its base URL (Hugo's `baseURL = "https://example.org/blog/"`, Jekyll's
    `baseurl: /blog`, a GitHub project site's). None when that is the default, or not known (another blog; a Hugo
    folder outside `static/`)."""
    generator, default = blog_generator(root), url_prefix(out, root)
    if generator is None or not default:
        return None
    inside = url_prefix(out, root / "static") if generator == "hugo" else default
    if not inside:
        return None
    served = _base_path(root, generator).rstrip("/") + inside
    return served if served != default else None


#: Hugo's config files at a blog's root, the older names with them (`config.toml` beside `content/`)
_HUGO_ROOT_CONFIGS = (*HUGO_CONFIGS, *(f"config.{ext}" for ext in ("toml", "yaml", "yml", "json")))


def _base_path(root: Path, generator: str) -> str:
    """The path of a Hugo blog's `baseURL` or a Jekyll blog's `baseurl`, from its config file at the root (`""`
    when it has none, or it cannot be read: that file's generator says so itself)."""
    for name in JEKYLL_CONFIGS if generator == "jekyll" else _HUGO_ROOT_CONFIGS:
        path = root / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
            read = {".toml": tomllib.loads, ".json": json.loads}.get(path.suffix, yaml.safe_load)
            data = read(text)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
            return ""
        if not isinstance(data, dict):
            return ""
        # Hugo reads its keys in any case (`baseURL`, `baseurl`); Jekyll's is `baseurl`, as written
        named = {str(key).lower() if generator == "hugo" else key: value for key, value in data.items()}
        value = named.get("baseurl")
        return urlsplit(value).path if isinstance(value, str) else ""
    return ""


#: what opens a tag of Liquid (Jekyll's `{% include %}` renders the snippet), Jinja, Nunjucks or Go templates
_TEMPLATE_OPENING = re.compile(r"\{(?=[{%#])")
_SCRIPT = re.compile(r"(<script\b.*?</script>)", re.DOTALL | re.IGNORECASE)


def inert_to_templates(html: str) -> str:
    """The snippet with `{{`, `{%` and `{#` written `&#123;{`, … outside scripts (where a character reference is
    not read): a template that includes it shows them as the transcript wrote them. A line about templates
    (`{{ page.title }}`) became the including page's title, and a `{% if %}` stopped the Jekyll build."""
    parts = _SCRIPT.split(html)
    return "".join(part if index % 2 else _TEMPLATE_OPENING.sub("&#123;", part) for index, part in enumerate(parts))


def _behind(prefix: str, name: str) -> str:
    """A written file's URL behind the prefix, for `fill_placeholders`: the name encoded apart from the prefix
    (which may come encoded already and is kept as given), as `c#-tips-1.mp3` or `what?-1.mp3` behind a prefix
    were cut at their `#` or `?` (bug bash h-render). Without a prefix the name is a relative URL, which
    `relative_url` encodes: encoded here too, `café-1.mp3` was `caf%25C3%25A9-1.mp3` (review r-render)."""
    return prefix + quote(name) if prefix else name


def cross_origin(prefix: str) -> bool:
    """Whether a `--url-prefix` names another origin than the page's (`https://cdn.example.com/talks/`,
    `//cdn.example.com/talks/`): a path (`/talks/`) or none is the page's own."""
    parts = urlsplit(prefix)
    return bool(parts.netloc)


def write_snippets(session: AudioSession, batch: Batch, out: Path, prefix: str, title: str) -> list[Path]:
    """One HTML file per conversation, beside its MP3, for a template to include; plus `convaudio-head.html`
    (the stylesheet and script, once per page) and the two asset files."""
    timings = session.timings()
    written: list[Path] = []
    for item in batch.placed:
        # the session's URIs (with the versions of the MP3 and captions), each name behind the prefix
        kinds = session.item_uris(item)
        uris = {
            item.token: {
                kind: uri if kind.endswith(VERSION_SUFFIX) else _behind(prefix, uri) for kind, uri in kinds.items()
            }
        }
        label = track_label(item.language) if session.options.captions else None
        block = player_html(
            item.found.conversation,
            item.token,
            player_title(title, item.language),
            language=item.language,
            captions_label=label,
            video=item.video_uri is not None,
            # for the captions' <track> alone: without one it only kept the MP3 from a CDN sending no CORS headers
            cross_origin=label is not None and cross_origin(prefix),
        )
        html = inert_to_templates(fill_placeholders(block, "", uris, timings))
        # each file only when it changes, whole: every run rewrote them all (bug bash h-render)
        target = out / (item.audio_uri[: -len(".mp3")] + ".html")
        write_if_changed(target, html + "\n", "published file")
        written.append(target)
    out.mkdir(parents=True, exist_ok=True)  # no conversation made it: the assets and head still go there
    for name in ASSET_NAMES:
        write_if_changed(out / name, (ASSETS / name).read_bytes(), "published file")
    head = out / "convaudio-head.html"
    # encoded as the players' URLs are (`relative_url`): a prefix with a space or a quote stays one attribute;
    # versioned: a browser or CDN holding an older release's script does not run it against these players
    css, js = (html_escape(versioned(relative_url(prefix + name, ""), name)) for name in ASSET_NAMES)
    tags = f'<link rel="stylesheet" href="{css}">\n<script defer src="{js}"></script>\n'
    write_if_changed(head, tags, "published file")
    return [*written, head]
