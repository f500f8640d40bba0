"""Find the conversations of one page: fenced JSON turns and links to dialogue files."""

from __future__ import annotations

import codecs
import json
import posixpath
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import ConvaudioError, MissingDialogueFile, listed
from .conversation import EMPTY, Conversation, NotAConversation, parse_turns, renamed_keys
from .markdown_scan import FencedBlock, scan_fences, scan_links, uncommented


def wordless(conversation: Conversation) -> str:
    """What more to say of a conversation with no lines to speak: one of only emoji replies would be an MP3 of
    silence (review 146), so it gets none, and no player."""
    return (
        ": its turns are only emoji or stage directions, which take no time in the audio; write what is said"
        if conversation.turns
        else ""
    )


FENCE_WORDS = ("json", "conversation")

#: A turn's first name in any case and between any quotes (`'speaker':`, `"Speaker":`, `“speaker”:`): a block or a
#: file with one is meant as a conversation, and is said to be broken when it is not valid JSON (new-user bug bash: one
#: written with single quotes stayed a code block without a word)
TURN_NAME = re.compile(r"""speaker["'“”‘’]\s*:""", re.IGNORECASE)

#: Written on the line before a fenced conversation or a dialogue-file link (blank lines between are fine), a
#: marker says something of that one: `<!-- convaudio: off -->` keeps it out of the audio, `<!-- convaudio: lang=fr
#: -->` has it spoken in French on a page in another language (bug bash: a French content tab of an English page was
#: read by the English voice). A comment, not a fence attribute: it is invisible in every renderer and theme.
MARKER = re.compile(r"^\s*<!--\s*convaudio\s*:(.*?)-->\s*$", re.IGNORECASE)
OPT_OUT = "off"
LANGUAGE_MARK = re.compile(r"lang\s*=\s*([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)


#: What every warning about a conversation left out for a problem says (a run that left one out is not complete:
#: `mkdocs-convaudio render` keeps the record of its last complete run, see `store.renders`).
SKIPPED = "was skipped"
QUOTED = "is not turned into audio"  # a conversation inside a blockquote
LEFT_OUT = (SKIPPED, QUOTED)


@dataclass(frozen=True)
class Span:
    """Where a conversation sits in its page's Markdown (0-based lines, inclusive): what `rewrite` needs."""

    start: int
    end: int
    #: the lines are the conversation itself (a fence, a link alone on its line), replaced by the player
    replace: bool
    #: a link to a dialogue file (kept in the page when the player goes to the top)
    linked: bool = False


@dataclass
class Found:
    """A conversation and the lines of the page (0-based, inclusive) it was written on."""

    conversation: Conversation
    start: int
    end: int
    replace: bool
    #: A fenced conversation's place among the page's fenced conversations, 1-based, counting those skipped for a
    #: mistake (a typo in the first must not hand the second its MP3, podcast GUID and title; bug bash 95); 0 for a
    #: dialogue file
    number: int = 0
    #: the language a `<!-- convaudio: lang=fr -->` marker gives it (as written), and the marker's 1-based line
    language: str | None = None
    language_line: int = 0
    #: a dialogue file's link: its 1-based line in the page's file
    link_line: int = 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.replace, self.conversation.dialogue_file is not None)


@dataclass
class PageScan:
    """What one page holds: its conversations in order, and warnings the build can survive."""

    found: list[Found] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[ConvaudioError] = field(default_factory=list)
    #: linked `.json` files that hold other data (or nothing), named when the page turns audio on in vain
    other_data: list[str] = field(default_factory=list)
    #: every local `.json` file the page links, read or not (missing, broken): what a `--dirty` build watches
    linked: list[str] = field(default_factory=list)
    #: the translations its links would open were they there (`ep.fr.json` for `ep.json` under `lang=fr`): one
    #: added since is what a `--dirty` build watches for
    unopened: list[str] = field(default_factory=list)
    #: conversations the author left out with `<!-- convaudio: off -->`: a page of only those holds conversations
    opted_out: int = 0


#: the byte order marks of the encodings a post may be saved in besides UTF-8, longest first (UTF-32's little-endian
#: mark begins with UTF-16's)
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def marked_encoding(raw: bytes) -> str | None:
    """The encoding a file's byte order mark names, UTF-16 or UTF-32 (Windows Notepad's "Unicode"), else None."""
    return next((codec for mark, codec in BYTE_ORDER_MARKS if raw.startswith(mark)), None)


def front_matter_lines(source: str) -> int:
    """How many lines of the file precede the Markdown that MkDocs hands to plugins (front matter and blanks);
    Hugo's TOML front matter (`+++`) counts too, for the render command."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    closing = ("---", "...") if lines[0].rstrip() == "---" else ("+++",)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closing:
            after = index + 1
            while after < len(lines) and not lines[after].strip():
                after += 1
            return after
    return 0


def unread_front_matter(markdown: str, key: str, value: object = True) -> tuple[int, str] | None:
    """Why MkDocs read no metadata from a page whose front matter turns audio on (`key: value`, at the top level;
    MkDocs hands such a page over whole, its front matter included, and says nothing): the 1-based line of the
    YAML error and the error, or line 1 and "not a mapping". None for a page whose front matter does not turn
    audio on, or reads."""
    found = front_matter_text(markdown)
    setting = re.search(rf"^{re.escape(key)}\s*:(.*)$", found, re.M) if found is not None else None
    if found is None or setting is None:
        return None
    written = setting[1].split(" #")[0].strip().strip("\"'")
    if written.lower() not in {str(value).lower(), "true", "yes", "on"}:
        return None  # `audio: false`: the page wants no audio, whatever else its front matter says
    return front_matter_problem(found)


def front_matter_text(markdown: str) -> str | None:
    """What is between a page's opening `---` (its first line) and the closing `---` or `...`, if it has them."""
    found = re.match(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", markdown, re.S)
    return found[1] if found is not None else None


def front_matter_problem(text: str) -> tuple[int, str] | None:
    """Why YAML front matter `text` (what is between its `---` lines) cannot be read, in one line: the 1-based
    line of the page (the opening `---` is line 1) and the problem; None when it reads as a mapping. PyYAML's own
    message runs over several lines (`in "<unicode string>", line 3, column 7`)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        return (mark.line + 2 if mark is not None else 1), str(problem)
    except Exception as error:  # a value YAML parses but cannot make (`date: 2024-13-45`): found by its node
        return _unmade_value(text) or 1, str(error)
    return None if isinstance(data, dict) else (1, "it is not a list of `key: value` lines")


def _unmade_value(text: str) -> int | None:
    """The 1-based page line (after the opening `---`) of the first front matter value YAML cannot make."""
    import yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for _, value in root.value if isinstance(root, yaml.MappingNode) else ():
        try:
            yaml.SafeLoader("").construct_document(value)
        except Exception:
            return int(value.start_mark.line) + 2
    return None


def read_dialogue_file(
    docs_dir: Path, rel_path: str, warnings: list[str], *, given: bool = False
) -> Conversation | None:
    """A linked `.json` file as a conversation, or None if it holds other data or cannot be read (then a
    located warning says why and how to fix it). A file `given` to be a dialogue file (to `render`) that is not
    valid JSON is said to be so, where a linked one is data unless it names a "speaker"."""
    path = docs_dir / rel_path
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConvaudioError(
            f"this dialogue file cannot be read ({error.strerror or error}); check its permissions", rel_path
        ) from None
    # saved as UTF-16 (Windows Notepad's "Unicode"), as its byte order mark says: read, as `render` reads a post so
    # saved (it was skipped as "not UTF-8"; bug bash h-llm)
    encoding = marked_encoding(raw)
    if encoding is None and b"\x00" in raw:
        # UTF-16 saved without its mark: a NUL byte beside each ASCII character, which UTF-8 reads (it was "no list
        # of turns" at the page, or "not UTF-8" at the first accent; review r-llm)
        warnings.append(
            f"{rel_path}:1: this dialogue file is not UTF-8 (it holds NUL bytes, as UTF-16 saved without its byte "
            f"order mark does), so it {SKIPPED}; save it as UTF-8"
        )
        return None
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        if encoding is not None:
            warnings.append(
                f"{rel_path}:1: this dialogue file begins with the byte order mark of {encoding.upper()} but is not "
                f"{encoding.upper()}, so it {SKIPPED}; save it as UTF-8"
            )
            return None
        line = raw[: error.start].count(b"\n") + 1
        warnings.append(f"{rel_path}:{line}: this dialogue file is not UTF-8, so it {SKIPPED}; save it as UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as `read_text` read it: Windows' line ends too
    conversation = _read(text, rel_path, 1, strict=False, warnings=warnings, what="dialogue file", given=given)
    if not isinstance(conversation, Conversation):
        return None
    conversation.dialogue_file = rel_path
    return conversation


_BLOCK = "conversation block"


def _kept(what: str, given: bool = False) -> str:
    """What the reader still sees of a skipped conversation (a file given to `render` is linked from no page)."""
    if what == _BLOCK:
        return "the page keeps it as text"
    return "no audio is made from it" + ("" if given else " (a page keeps its link)")


def json_problem(error: json.JSONDecodeError, first_line: int = 1) -> str:
    """What Python's JSON reader found, said for the author: its own words stop mid-sentence ("Invalid control
    character at") or name what cannot be seen ("Expecting value" at a no-break space; bug bash 77). `first_line`:
    the line of the file the JSON text starts on, for the lines it names."""
    at = error.doc[error.pos] if 0 <= error.pos < len(error.doc) else ""
    if error.msg.startswith("Invalid control character"):
        if at == "\t":
            return "a tab inside a line's text; write \\t or a space"
        if at and at in "\r\n":
            return "a line break inside a line's text; keep each line's text on one line, or write \\n"
        return f"the control character U+{ord(at or chr(0)):04X} inside a text; remove it"
    if error.msg.startswith("Unexpected UTF-8 BOM") or at == "\ufeff":
        return "an invisible byte order mark (U+FEFF) where JSON allows none; delete it"
    if at == "'":
        # a Python or JavaScript literal pasted as JSON (`{'speaker': 'A'}`): the reader said "Expecting property
        # name enclosed in double quotes", or "Expecting value" (new-user bug bash)
        return 'JSON needs double quotes around names and text, not single quotes; write "speaker": "A"'
    if at and at in "“”„‘’«»":
        # a word processor's or a chat window's quotes: they look like JSON's, and the reader said only "Expecting
        # property name enclosed in double quotes" (bug bash 95)
        return f'a curly quote {at} where JSON needs a straight one; write " around names and texts'
    if (around := _around_the_json(error)) is not None:
        return around
    if error.msg.startswith("Expecting") and not error.doc[error.pos :].strip() and (missing := _unclosed(error.doc)):
        # the text ended with a list or a turn still open: Python asks for a comma, where `]` or `}` is missing
        # (bug bash 102); a paste cut short ends after a comma, or before a value
        last = error.doc.rstrip()[-1:]
        if last == ",":
            return f"the text ends with a comma and what it opened is not closed; remove the comma and add {missing}"
        if last in ":[{":
            return f"the text ends in the middle of a turn; finish it, then close it with {missing}"
        return f"the text ends before what it opened is closed; add {missing} at its end"
    if error.msg.startswith("Expecting ',' delimiter") and at in ("]", "}"):
        opened, _ = _open_brackets(error.doc[: error.pos])
        if opened and opened[-1][0] != ("[" if at == "]" else "{"):
            # `{"speaker": "B", "line": "Two" ]`: Python asks for a comma where the turn's `}` is missing
            bracket, where = opened[-1]
            kind, closing = ("turn", "}") if bracket == "{" else ("list", "]")
            line = first_line + error.doc.count("\n", 0, where)
            opening = f"the {kind} opened with {bracket} on line {line}"
            return f"{opening} is not closed: add its {closing} here, before the {at}"
    if error.msg.startswith("Expecting ',' delimiter"):
        return "a comma is missing here, after the turn or the field before"
    if error.msg.startswith("Unterminated string"):
        # Python's words stop mid-sentence ("Unterminated string starting at"; bug bash 116: a half-typed save)
        missing = _unclosed(error.doc + '"')
        close = f", then {missing}" if missing else ""
        return f'a text that opens here is not closed: add its closing " (on the same line){close}'
    if at and not at.isascii() and (at.isspace() or unicodedata.category(at) in ("Cf", "Zs")):
        name = unicodedata.name(at, f"U+{ord(at):04X}").lower()
        return f"an invisible {name} (U+{ord(at):04X}) where JSON allows only plain spaces; replace it with a space"
    return error.msg


def _quoted(text: str) -> str:
    """The first words of `text` (its first line), to name it in a message."""
    first = text.strip().split("\n")[0].strip()
    return f"`{first[:40]}…`" if len(first) > 40 else f"`{first}`"


def _around_the_json(error: json.JSONDecodeError) -> str | None:
    """What a language model's answer puts around the JSON, said for the author (bug bash h-llm: Python said only
    "Expecting value" at a preamble, `Here is your podcast dialogue:`, at a fence's ```json pasted into a dialogue
    file or at a `//` comment, and "Extra data" at the chat's closing words, at a second list in one block, and at
    turns written one per line without a list); None for other mistakes."""
    doc, pos = error.doc, error.pos
    rest = doc[pos:]
    if error.msg.startswith("Expecting") and rest.startswith(("//", "/*")):
        return "JSON has no comments; delete the comment"
    if error.msg.startswith("Expecting value") and not doc[:pos].strip():
        if rest.startswith(("```", "~~~")):
            return (
                f"the JSON begins with a Markdown fence line, {rest.split(chr(10))[0].strip()[:20]}; a dialogue file "
                "holds the JSON alone: "
                "delete the fence's lines"
            )
        # a title in bold, a heading or an emoji first is text too (review r-llm)
        first = rest[:1]
        if first and (first.isalpha() or first in "*#_>" or unicodedata.category(first) == "So") and "[" in rest:
            return (
                f"text before the JSON ({_quoted(rest)}); the JSON begins with its [: move that text out of it "
                "(above the fence, in a post)"
            )
        return None
    if not error.msg.startswith("Extra data"):
        return None
    if rest.startswith(("```", "~~~")):
        return "a Markdown fence after the JSON; a dialogue file holds the JSON alone: delete the fence's lines"
    if re.match(r"\[\s*[{\[\]]", rest) and doc.lstrip().startswith("["):  # not a reference, `[1] Source: …`
        return (
            "a second list begins here, after the first one's ]: one block or file holds one conversation; put each "
            "list in a ```json block of its own, or join them into one list"
        )
    if rest.startswith("{") and doc.lstrip().startswith("{"):
        return (
            "turns one after another without a list around them; write [ before the first turn, ] after the last, "
            "and a comma after each turn but the last"
        )
    if rest.startswith("{"):
        return "a turn after the list's closing ]; move the ] after the last turn, with a comma before this one"
    return (
        f"text after the JSON ({_quoted(rest)}); the JSON ends with its ]: move that text out of it (below the "
        "fence, in a post)"
    )


def _unclosed(text: str) -> str:
    """The closing brackets JSON `text` lacks at its end, innermost first (`}]`), outside its strings."""
    opened, in_string = _open_brackets(text)
    return "" if in_string else "".join("]" if bracket == "[" else "}" for bracket, _ in reversed(opened))


def _open_brackets(text: str) -> tuple[list[tuple[str, int]], bool]:
    """The brackets JSON `text` leaves open at its end (outside its strings), outermost first, each with where it
    opens; and whether the text ends inside a string."""
    opened: list[tuple[str, int]] = []
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            in_string, escaped = (escaped or char != '"'), (not escaped and char == "\\")
        elif char == '"':
            in_string = True
        elif char in "[{":
            opened.append((char, index))
        elif char in "]}" and opened:
            opened.pop()
    return opened, in_string


def json_place(error: json.JSONDecodeError) -> tuple[int, int]:
    """Line and column (1-based) of a JSON error as the author sees it: a missing comma is reported where the next
    value starts, often the line after the one that lacks it (a turn's line ending without `,`), so it is put right
    after what comes before it."""
    if not error.msg.startswith("Expecting ',' delimiter"):
        return error.lineno, error.colno
    end = len(error.doc[: error.pos].rstrip())  # just after the last character before the gap
    return error.doc.count("\n", 0, end) + 1, end - error.doc.rfind("\n", 0, end)


class Skipped:
    """What `_read` gives for a conversation skipped for a mistake (said in a warning): it keeps its place among the
    page's conversations, so the ones after it keep their numbers."""


def _read(
    text: str, path: str, first_line: int, *, strict: bool, warnings: list[str], what: str, given: bool = False
) -> Conversation | Skipped | None:
    """Turns from JSON text; None for other data, which is left alone; `Skipped` for a broken conversation, skipped
    with a warning."""
    notes: list[str] = []
    try:
        conversation = parse_turns(text, path, first_line, strict_shape=strict, notes=notes)
    except NotAConversation:
        return None
    except json.JSONDecodeError as error:
        if strict or given or TURN_NAME.search(text):
            line, column = json_place(error)
            warnings.append(
                f"{path}:{first_line + line - 1}:{column}: this {what} is not valid JSON "
                f"({json_problem(error, first_line)}), "
                f'so it {SKIPPED} and {_kept(what, given)}; fix the JSON (a list such as [{{"speaker": "A", '
                '"line": "Hello"}])' + (" or mark the block as another language" if what == _BLOCK else "")
            )
            return Skipped()
        return None
    except ConvaudioError as error:
        warnings.extend(notes)  # what was assumed is reported too: every problem in one build
        warnings.append(f"{error}; this {what} {SKIPPED} and {_kept(what, given)}")
        return Skipped()
    warnings.extend(notes)
    return conversation


def _json_link(page_path: str, target: str) -> str | None:
    """The normalized docs-relative path of a local `.json` link (it may climb out with `..`), or None."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.lower().endswith(".json"):
        return None
    link_path = unquote(parts.path)
    if link_path.startswith("/"):
        joined = link_path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(page_path), link_path)
    return posixpath.normpath(joined)


def link_candidate(page_path: str, target: str) -> str | None:
    """The docs-relative path a local `.json` link names, whether or not the file is there (None for others)."""
    normal = _json_link(page_path, target)
    return None if normal is None or normal.startswith("..") else normal


def resolve_link(
    docs_dir: Path,
    page_path: str,
    target: str,
    line: int,
    localized: str | None = None,
    root_folders: Sequence[str] = (),
    *,
    marked: bool = False,
    unopened: list[str] | None = None,
) -> str | None:
    """The docs-relative path a `.json` link points at, or None when it is not a local JSON file; with
    `localized` (a page `talk.fr.md` of mkdocs-static-i18n's suffix layout, or a link under `lang=fr`, `marked`),
    `ep.fr.json` for `ep.json` when it exists, as the plugin publishes it in that language's site (see
    `_translation_beside`), the translations it would have opened first, were they there, added to `unopened`. A
    link from the site's root (`/dialogues/ep.json`) that names no file there may name one in `root_folders`,
    folders of docs_dir a generator publishes at the site's root (Hugo's `static/`, for `render`)."""
    normal = _json_link(page_path, target)
    if normal is None:
        return None
    docs = docs_dir.resolve()
    resolved = (docs / normal).resolve()
    tried = [resolved]
    if target.startswith("/") and not resolved.is_file():
        # only a folder the blog has: a Jekyll blog's error named a `static/` it never had
        tried += [(docs / folder / normal).resolve() for folder in root_folders if (docs / folder).is_dir()]
        resolved = next((path for path in tried if path.is_file()), resolved)
    if normal.startswith("..") or not resolved.is_relative_to(docs):
        raise ConvaudioError(
            f"the dialogue file {target!r} resolves outside docs_dir ({docs}); move it into docs_dir "
            "and link it with a path relative to this page",
            page_path,
            line,
        )
    if localized:
        resolved, missing = _translation_beside(resolved, localized, marked=marked)
        if unopened is not None:
            unopened.extend(path.relative_to(docs).as_posix() for path in missing)
    if not resolved.is_file():
        raise MissingDialogueFile(
            f"the dialogue file {target!r} does not exist (looked for {listed(map(str, tried))}); fix the "
            "link or add the file",
            page_path,
            line,
        )
    return resolved.relative_to(docs).as_posix()


def _translation_beside(path: Path, language: str, *, marked: bool) -> tuple[Path, list[Path]]:
    """`ep.fr.json` for `ep.json` in `language` when it is there, else `path`; and the translations tried before
    it, which are not there. A marker's code is matched in lower case too (`lang=FR` above `ep.json` read its
    English with the French voice, beside `ep.fr.json`), and a marker opens the dash form as well (`ep-fr.json`,
    which `Translations` pairs with `ep.json` as it pairs `talk-fr.md` with `talk.md`); a page of
    mkdocs-static-i18n's suffix layout, only the dot form, as that plugin names it. A regional language (`fr-CA`)
    opens its own file first, else its base language's (`ep.fr.json`): the French text is meant, not `ep.json`'s
    English read by the French voice; a longer tag each shorter one in turn (`zh-Hant-TW`: `ep.zh-Hant.json`, then
    `ep.zh.json`; only the whole tag and the bare language were tried)."""
    parts = re.split(r"([-_])", language)  # the subtags and the separators between them, as written
    tags = ["".join(parts[:end]) for end in range(len(parts), 0, -2)]
    missing: list[Path] = []
    for tag in tags:
        codes = dict.fromkeys((tag, tag.lower()) if marked else (tag,))
        for separator in (".", "-") if marked else (".",):
            for code in codes:
                translated = path.with_name(f"{path.stem}{separator}{code}{path.suffix}")
                if translated.is_file():
                    return translated, missing
                missing.append(translated)
    return path, missing


@dataclass(frozen=True)
class Marks:
    """What the `<!-- convaudio: ... -->` markers right above a conversation say of it."""

    off: bool = False
    #: `lang=fr`'s code, and the marker's 0-based line of the page's Markdown
    language: str | None = None
    line: int = 0


def _marks(
    lines: list[str], index: int, page_path: str, line_offset: int, warnings: list[str], read: set[int]
) -> Marks:
    """The markers on the lines above line `index` (blank lines between are fine, and so are several markers,
    one a line), their lines added to `read`; one that is no marker (`lnag=fr`, `lang=`) is warned of, at its
    line, and does nothing."""
    off, language, line = False, None, 0
    above = index - 1
    while above >= 0:
        if not lines[above].strip():
            above -= 1
            continue
        mark = MARKER.match(lines[above])
        if mark is None:
            break
        said = mark[1].strip()
        read.add(above)
        if said.lower() == OPT_OUT:
            off = True
        elif (code := LANGUAGE_MARK.fullmatch(said)) is not None:
            language, line = (code[1], above) if language is None else (language, line)
        else:
            warnings.append(f"{page_path}:{line_offset + above + 1}: {_not_a_marker(said)}")
        above -= 1
    return Marks(off, language, line)


def _link_marks(
    lines: list[str],
    index: int,
    page_path: str,
    line_offset: int,
    warnings: list[str],
    read: set[int],
    known: dict[int, Marks],
) -> Marks:
    """The markers above line `index`, read once for the links of one line or one paragraph (`known`)."""
    if index not in known:
        known[index] = _marks(lines, index, page_path, line_offset, warnings, read)
    return known[index]


def _not_a_marker(said: str) -> str:
    """What is wrong with a `<!-- convaudio: said -->` that is no marker, and how to write the one meant."""
    written = f"`<!-- convaudio: {said} -->`"
    name, equals, value = (part.strip() for part in said.partition("="))
    code = value if equals and LANGUAGE_MARK.fullmatch(f"lang={value}") else "fr"
    # `lang=`, `lang = f r`; else `lnag=fr`, `lang: fr`, `of`
    problem = "names no language code" if name.lower() == "lang" else "is not a convaudio marker"
    return (
        f"{written} {problem}, so the conversation below is not marked by it (spoken in the page's language); write "
        f"`<!-- convaudio: lang={code} -->` (a language code such as fr, de or pt-BR) to have it spoken in that "
        "language, or `<!-- convaudio: off -->` to leave it out"
    )


def scan_page(
    markdown: str,
    page_path: str,
    line_offset: int,
    docs_dir: Path,
    localized: str | None = None,
    root_folders: Sequence[str] = (),
) -> PageScan:
    """All conversations in a page's Markdown; `line_offset` maps Markdown lines back to the file's.

    Problems a build survives (a broken conversation, skipped) are `warnings`; problems that must be fixed
    (a link to a missing file) are `errors`; both are collected for the whole page, never just the first."""
    lines = markdown.split("\n")
    result = PageScan()
    fences = scan_fences(lines)
    _, commented = uncommented(lines, fences)
    number = 0
    shown = [block for block in fences if block.info in FENCE_WORDS and block.start not in commented]
    read: set[int] = set()  # the lines of the markers above a conversation
    marks = {block.start: _marks(lines, block.start, page_path, line_offset, result.warnings, read) for block in shown}
    candidates = [block for block in shown if not marks[block.start].off]
    result.opted_out = len(shown) - len(candidates)
    for block in candidates:
        first_line = line_offset + block.start + 2  # 1-based line of the first content line
        conversation = _read(
            block.content,
            page_path,
            first_line,
            strict=block.info == "conversation",
            warnings=result.warnings,
            what="conversation block",
        )
        if conversation is None:
            continue
        number += 1  # a conversation skipped for a mistake keeps its number
        if isinstance(conversation, Skipped):
            if not block.closed:
                # a model's answer cut short: its fence was never closed, and the rest of the page is read as its
                # JSON (a heading below it was named "a comment"; bug bash h-llm)
                opening = lines[block.start].strip().split()[0] if lines[block.start].strip() else "```"
                result.warnings.append(
                    f"{page_path}:{line_offset + block.start + 1}: this block's fence {opening} is never closed, so "
                    "everything below it to the page's end is read as its JSON; add the closing fence line after "
                    "the conversation's ]"
                )
            continue
        if not conversation.speaks:
            result.warnings.append(
                f"{page_path}:{first_line}: this conversation has no lines to speak{wordless(conversation)}"
            )
            continue
        found = Found(conversation, block.start, block.end, replace=True, number=number)
        result.found.append(_in_language(found, marks[block.start], line_offset))
    in_quoted_fence = False
    for index, line in enumerate(lines):
        quoted = line.lstrip()
        fence = quoted.startswith(">") and quoted.lstrip("> ").startswith(("```", "~~~"))
        opens = fence and not in_quoted_fence  # a quoted block's closing fence is no second conversation
        in_quoted_fence ^= fence
        if opens and TURN_NAME.search("\n".join(lines[index : index + 4])):
            result.warnings.append(
                f"{page_path}:{line_offset + index + 1}: a conversation inside a blockquote {QUOTED}; move the "
                "block out of the quote"
            )
    link_marks: dict[int, Marks] = {}
    for link in scan_links(lines, fences):
        if _json_link(page_path, link.target) is None:
            continue  # no dialogue file: its markers are not looked at
        line_no = line_offset + link.line + 1
        mark = _link_marks(lines, link.line, page_path, line_offset, result.warnings, read, link_marks)
        if mark == Marks() and link.paragraph_start < link.line:
            # above the paragraph whose later line holds the link (`Voici la conversation :` and the link below)
            mark = _link_marks(lines, link.paragraph_start, page_path, line_offset, result.warnings, read, link_marks)
        if (candidate := link_candidate(page_path, link.target)) is not None and not mark.off:
            result.linked.append(candidate)
        try:
            # a marked link is localized as a page in the marker's language is: `lang=fr` above `ep.json` is
            # `ep.fr.json` when there is one (its English was read by the French voice), and `ep.json` stays
            # English under a French page's `lang=en` (it was swapped for `ep.fr.json`, read by the English voice)
            in_language = mark.language if mark.language is not None else localized
            rel = resolve_link(
                docs_dir,
                page_path,
                link.target,
                line_no,
                in_language,
                root_folders,
                marked=mark.language is not None,
                unopened=result.unopened,
            )
        except ConvaudioError as error:
            result.errors.append(error)
            continue
        if rel is None:
            continue
        if mark.off:
            result.opted_out += 1
            continue
        if rel not in result.linked:
            result.linked.append(rel)  # a translation's own file (`ep.fr.json`)
        try:
            conversation_or_none = read_dialogue_file(docs_dir, rel, result.warnings)
        except ConvaudioError as error:
            result.errors.append(error)
            continue
        if conversation_or_none is None:
            result.other_data.append(rel)
            continue
        if not conversation_or_none.speaks:
            result.warnings.append(f"{rel}:1: this dialogue file has no lines to speak{wordless(conversation_or_none)}")
            continue
        if link.alone_on_line:
            found = Found(conversation_or_none, link.line, link.line, replace=True, link_line=line_no)
        else:
            found = Found(conversation_or_none, link.paragraph_end, link.paragraph_end, False, link_line=line_no)
        result.found.append(_in_language(found, mark, line_offset))
    if not (result.found or result.warnings or result.errors or result.linked) and len(candidates) == 1:
        [block] = candidates
        if "".join(block.content.split()) == "[]":
            # a ```json block is data until it names a speaker, but an audio page's only one is its conversation:
            # said at the block, not as "no conversation was found" at the front matter (new-user bug bash)
            result.warnings.append(f"{page_path}:{line_offset + block.start + 2}: {EMPTY}; the page keeps it as text")
    if not (result.found or result.warnings or result.errors or result.linked):
        # `[{"role": "Host", "content": "…"}]`, as a model writes turns: said at the block (bug bash h-llm)
        for block in candidates:
            if (renamed := renamed_keys(block.content)) is not None:
                at, problem = renamed
                result.warnings.append(
                    f"{page_path}:{line_offset + block.start + 2 + at}: {problem}; this block is no conversation "
                    "until then, and the page keeps it as text"
                )
    result.warnings.extend(_stray_language_marks(lines, fences, read, page_path, line_offset))
    result.found.sort(key=lambda found: found.start)
    # in the page's order, whichever pass found them (a blockquote's warning came after a later line's)
    result.warnings.sort(key=lambda warning: _page_line(warning, page_path))
    return result


def _stray_language_marks(
    lines: list[str], fences: list[FencedBlock], read: set[int], page_path: str, line_offset: int
) -> list[str]:
    """A warning for each `<!-- convaudio: lang=fr -->` outside code that stands above no conversation: one above
    the sentence that introduces it (`Voici la conversation :`) marked nothing, and the conversation was spoken in
    the page's language without a word (review r-lang). Not `off`, which sites may have left above other blocks."""
    code = {index for block in fences for index in range(block.start, block.end + 1)}
    warnings = []
    for index, line in enumerate(lines):
        if "<!--" not in line or index in read or index in code or (mark := MARKER.match(line)) is None:
            continue
        if LANGUAGE_MARK.fullmatch(said := mark[1].strip()):
            warnings.append(
                f"{page_path}:{line_offset + index + 1}: `<!-- convaudio: {said} -->` is not on the line before a "
                "conversation (a fenced one or a dialogue-file link; blank lines between are fine), so it marks "
                "nothing; move it right above the conversation it is for"
            )
    return warnings


def _in_language(found: Found, marks: Marks, line_offset: int) -> Found:
    """`found` with the language its `lang=` marker gives it, if one does."""
    if marks.language is not None:
        found.language, found.language_line = marks.language, line_offset + marks.line + 1
    return found


def _page_line(warning: str, page_path: str) -> int:
    """The page line a warning starts with (`page.md:12: ...`); a warning about another file goes last."""
    head = warning[len(page_path) + 1 :].split(":", 1)[0] if warning.startswith(page_path + ":") else ""
    return int(head) if head.isdigit() else 1 << 30


def title_end(lines: list[str]) -> int | None:
    """The last line of a level-one heading that opens the page (`# Title`, or `Title` over `===`), if one does."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    if re.match(r" {0,3}#(?!#)", lines[first]):  # `# Title`, and `#Title` as Python-Markdown reads it
        return first
    if lines[first].lstrip().startswith(("```", "~~~")):
        return None  # a code block, whatever its next line holds
    if first + 1 < len(lines) and re.fullmatch(r" {0,3}=+\s*", lines[first + 1]):
        return first + 1
    return None


def rewrite(markdown: str, placements: list[tuple[Span, str]], *, top: bool) -> str:
    """Markdown with each conversation's HTML put in place (or all of it at the top of the page)."""
    lines = markdown.split("\n")
    if top:
        for found, _ in placements:
            if found.replace and not found.linked:
                lines[found.start : found.end + 1] = [""] * (found.end - found.start + 1)
        head = "\n\n".join(html for _, html in placements)
        title = title_end(lines)
        if title is None:
            return head + "\n\n" + "\n".join(lines)
        # below the page's title: MkDocs takes the title from a first `# heading` only when nothing comes before it
        return "\n".join([*lines[: title + 1], "", head, "", *lines[title + 1 :]])
    # last first, so earlier lines keep their numbers; players after one paragraph (its links' conversations)
    # share a line, and each goes in before the ones placed already there: the last link's first, or they came out
    # in reverse order
    order = sorted(range(len(placements)), key=lambda index: (placements[index][0].start, index), reverse=True)
    for found, html in (placements[index] for index in order):
        # inside a list item, admonition or tab the block keeps the container's indentation
        anchor = lines[found.start if found.replace else found.end]
        indent = anchor[: len(anchor) - len(anchor.lstrip(" \t"))]
        block = ["", indent + html, ""]
        if found.replace:
            lines[found.start : found.end + 1] = block
        else:
            lines[found.end + 1 : found.end + 1] = block
    return "\n".join(lines)
