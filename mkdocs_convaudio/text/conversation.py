"""The conversation model and the reader of JSON turns, with line numbers for every error."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConvaudioError, listed
from .lenient_json import Repair, loads
from .spoken.markup import strip_markup
from .spoken.stage import without_stage_directions

#: Control characters (NUL, escape...; tabs and newlines are kept) and lone surrogates, which JSON's `\u`
#: escapes can produce: never shown in the page, never spoken, never written to a file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


#: Lines longer than this are refused while reading, before any other work on them; the `max_line_characters`
#: option sets the (lower) limit a build enforces.
HARD_LINE_LIMIT = 100_000


#: Characters that show nothing and are no part of a name (zero-width space, word joiner, byte order mark)
_INVISIBLE = dict.fromkeys((0x200B, 0x2060, 0xFEFF))


def speaker_name(text: str) -> str:
    """A speaker's name as one speaker: composed accents (`José` typed as e + accent too), without control or
    invisible characters, trimmed. Conversations and the voice map's keys both go through it."""
    return unicodedata.normalize("NFC", without_controls(text).translate(_INVISIBLE)).strip()


def without_controls(text: str) -> str:
    """`text` without control characters and lone surrogates."""
    return _CONTROL.sub("", text)


def load_json(text: str) -> tuple[Any, list[Repair]]:
    """The lenient reader's `loads`, with the inputs Python's JSON cannot take (nesting deeper than the
    recursion limit, numbers longer than 4,300 digits) reported as `json.JSONDecodeError` like any other."""
    try:
        return loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError(
            "nested too deeply to read; a conversation is a flat list of turns", text, 0
        ) from None
    except ValueError as error:
        if "digits" in str(error):
            message = "a number has more than 4,300 digits; put long numbers in double quotes"
        else:
            message = str(error)
        raise json.JSONDecodeError(message, text, 0) from None


@dataclass(frozen=True)
class Turn:
    """One spoken line: who says it and what, with the source line it came from."""

    speaker: str
    line: str
    source_line: int
    #: What to say instead of `line` (the transcript keeps `line`): the author's own spoken text.
    say: str | None = None
    #: `"section": "..."` on a turn opens a chapter of the conversation (shown in the transcript, an MP3 chapter)
    section: str | None = None

    @property
    def spoken_line(self) -> str:
        """`line` as its spoken text is made from: without a leading `<its own speaker's name>:` (`Host: Welcome
        back!`, `**host:** …`), which a language model often repeats in the line ("Host: Welcome back!" was said);
        the transcript keeps the line as written."""
        return without_own_name(self.line, self.speaker)


def without_own_name(line: str, speaker: str) -> str:
    """`line` without a leading `speaker:` (exactly that name, in any case, optionally in `**bold**`) followed by
    words; another name (`Guest: …` said by Host) or the name later in the line stays."""
    if ":" not in line or not speaker:
        return line
    name = re.escape(speaker)
    found = re.match(
        rf"[ \t]*(?:\*\*{name}[ \t]*:\*\*|\*\*{name}\*\*[ \t]*:|{name}[ \t]*:)\s+(?=\S)", line, re.IGNORECASE
    )
    return line[found.end() :] if found else line


@dataclass
class Conversation:
    """The turns of one conversation and where they were written."""

    turns: list[Turn]
    source_path: str
    source_line: int
    dialogue_file: str | None = None
    speakers: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.speakers = list(dict.fromkeys(turn.speaker for turn in self.turns))

    @property
    def speaks(self) -> bool:
        """Whether a turn has words to say: a conversation of only emoji replies would be an MP3 of silence. Math
        and currency symbols are said (`👍 ≠ 👎` is "is not equal to"; review 152). Stage directions are not
        (`[Music fades in]`, `(laughs)`: review r-llm), but a code span is, whatever it holds."""
        return any(
            any(char.isalnum() or unicodedata.category(char) in ("Sm", "Sc") for char in words_said(turn))
            for turn in self.turns
        )


def words_said(turn: Turn) -> str:
    """What of `turn` may be said: its `say`, or its line without markup nor stage directions."""
    if turn.say is not None:
        return turn.say
    line = turn.spoken_line
    return strip_markup(line if "`" in line else without_stage_directions(line))


class NotAConversation(Exception):
    """The JSON is valid but not a list of turns: it is some other data, to be left alone."""


#: The names a model gives the list of turns when it wraps it in an object (`{"conversation": [...]}`); other
#: objects (`{"results": [{"speaker": "Ada", "votes": 3}]}`) are data, left alone (review 78)
WRAPPER_KEYS = frozenset({"conversation", "dialogue", "dialog", "turns", "script", "transcript"})
#: What a list without turns is told (it was "a list of other records", of which it has none; new-user bug bash)
EMPTY = 'the conversation is empty: add turns like {"speaker": "A", "line": "…"}'

#: The names of a turn the plugin reads
TURN_KEYS = ("speaker", "line", "say", "section")


def is_conversation_shaped(data: Any) -> bool:
    """A list of objects, at least one with a `speaker`: what a conversation looks like at a glance."""
    if not isinstance(data, list) or not data:
        return False
    # most of it turns: a `null` or a `"B: text"` among them is a broken turn, named, not other data left alone
    # without a word (bug bash 77)
    turns = sum(isinstance(item, dict) and "speaker" in item for item in data)
    if turns == 0:
        return False
    if all(isinstance(item, dict) for item in data):
        return True
    # mixed with other values: only turns with lines make it a conversation (`[{"speaker": "Ada", "votes": 3},
    # null]` is other data; review 78)
    return turns * 2 >= len(data) and _has_lines(data)


def _key_in_another_case(item: Any, key: str) -> str | None:
    """The name a turn gives `key` in another case or with spaces (`"Speaker"`, `"LINE "`), if it does so."""
    if not isinstance(item, dict) or key in item:
        return None
    return next((name for name in item if isinstance(name, str) and name.strip().lower() == key), None)


def miscased_turn(data: Any) -> int | None:
    """The index of the first turn of a list that writes both its names in another case (`{"Speaker": "A", "Line":
    "Hi."}`): a conversation whose keys JSON reads as other names, not data to leave alone (new-user bug bash)."""
    if not isinstance(data, list):
        return None
    return next(
        (
            index
            for index, item in enumerate(data)
            if _key_in_another_case(item, "speaker") is not None
            and ("line" in item or _key_in_another_case(item, "line") is not None)
        ),
        None,
    )


#: What a language model calls a turn's speaker and its words when not asked precisely (`{"role": "Host",
#: "content": "…"}`, `{"Speaker": "A", "text": "…"}`; bug bash h-llm)
SPEAKER_NAMES = ("speaker", "role", "name", "character", "person", "who", "author")
LINE_NAMES = ("line", "text", "content", "dialogue", "dialog", "utterance", "message", "says", "speech", "words")


def _named(item: dict[Any, Any], names: tuple[str, ...]) -> str | None:
    """The first key of `item` that is one of `names` in any case (`"Speaker"`, `"TEXT "`)."""
    return next((key for key in item if isinstance(key, str) and key.strip().lower() in names), None)


def renamed_keys(text: str) -> tuple[int, str] | None:
    """Where JSON `text` (a list of objects that is no conversation) writes a turn's keys under other names, and what
    to do: its first object with a name for the speaker and one for the words, at least one of them not `speaker`
    or `line` as written. For a page that has no conversation: said at its block, not as "no conversation was
    found" at the front matter."""
    try:
        data, _ = load_json(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, list):
        return None
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            continue
        who, words = _named(item, SPEAKER_NAMES), _named(item, LINE_NAMES)
        if who is None or words is None or (who, words) == ("speaker", "line"):
            return None
        starts = object_start_lines(text)
        written = [json.dumps(key, ensure_ascii=False) for key in (who, words)]
        renames = [
            f'"{key}" for {name}'
            for key, name, was in zip(("speaker", "line"), written, (who, words), strict=True)
            if key != was
        ]
        return starts[index] if index < len(starts) else 0, (
            f'turn {index + 1} writes {written[0]} and {written[1]}: a turn\'s keys are "speaker" (who speaks) and '
            f'"line" (the words); write {listed(renames)} in every turn'
        )
    return None


def _has_lines(items: list[Any]) -> bool:
    """Whether some of `items` are turns with a `line` (not data that merely names a speaker)."""
    return any(isinstance(item, dict) and "line" in item for item in items)


def json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words (not Python's `dict`, `NoneType`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    names = ((dict, "an object"), (list, "a list"), (str, "a string"), ((int, float), "a number"))
    return next((name for kind, name in names if isinstance(value, kind)), type(value).__name__)


def object_start_lines(text: str) -> list[int]:
    """0-based line of each element of the first JSON list in `text` (the turns, also under a wrapping object),
    so errors can point at a turn: a `null` or a string among the objects counts as one."""
    lines: list[int] = []
    depth = 0
    list_depth = 0  # the depth inside the list of turns, once it is open
    expecting = False  # an element starts at the next character that is not a space or a comma
    in_string = False
    escaped = False
    line = 0
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if expecting and depth == list_depth and not char.isspace() and char not in ",]":
            lines.append(line)
            expecting = False
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if char == "[" and not list_depth:
                list_depth, expecting = depth, True
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == list_depth:
            expecting = True
    return lines


#: A turn written as one string, `"A: hello"`: who speaks, and the words
_SPEAKER_AND_LINE = re.compile(r"\s*([^:\n]{1,40}?)\s*:\s*(\S.*)", re.S)


def _as_turn(item: Any) -> str:
    """How a turn that is not an object is written as one: `"A: hello"` is `{"speaker": "A", "line": "hello"}` (its
    fix named speaker B whoever spoke; new-user bug bash)."""
    said = _SPEAKER_AND_LINE.fullmatch(item) if isinstance(item, str) else None
    if said is None:
        return '{"speaker": "B", "line": "..."}'
    line = said[2] if len(said[2]) <= 40 else said[2][:40] + "…"
    return json.dumps({"speaker": said[1], "line": line}, ensure_ascii=False)


def _miscased_message(item: dict[str, Any], index: int) -> str:
    """What to say of turn `index`, whose names are written in another case."""
    written = [name for key in ("speaker", "line") if (name := _key_in_another_case(item, key)) is not None]
    return (
        f"turn {index + 1} writes {listed(json.dumps(name, ensure_ascii=False) for name in written)}: keys are "
        "`speaker` and `line` in lower case; write " + listed(json.dumps(name.strip().lower()) for name in written)
    )


#: How many of the lines of a repair made again are named after its first (the rest is "…")
_REPEATS_NAMED = 5


def _repair_notes(repairs: list[Repair], path: str, first_line: int) -> list[str]:
    """One warning for each kind of repair, at its first place, with how many more and where: a model's 100 turns,
    each with a trailing comma, gave 101 warnings (bug bash h-llm)."""
    kinds: dict[str, list[Repair]] = {}
    for repair in repairs:
        kinds.setdefault(repair.message, []).append(repair)
    notes = []
    for message, same in kinds.items():
        first, more = same[0], [first_line + repair.line - 1 for repair in same[1:]]
        again = ""
        if more:
            named = ", ".join(str(line) for line in more[:_REPEATS_NAMED]) + (
                ", …" if len(more) > _REPEATS_NAMED else ""
            )
            again = f", and {len(more)} more like it (line{'s' if len(more) > 1 else ''} {named})"
        notes.append(f"{path}:{first_line + first.line - 1}:{first.column}: {message}{again}; valid JSON silences this")
    return notes


def _wrapped(data: Any) -> list[tuple[str, list[Any]]] | None:
    """The one key of an object that holds the conversation under a name for one (`conversation`, `dialogue`...),
    with its list, when the object has exactly one such list of turns."""
    if not isinstance(data, dict):
        return None
    found = [
        (name, value)
        for name, value in data.items()
        if str(name).strip().lower() in WRAPPER_KEYS and is_conversation_shaped(value) and _has_lines(value)
    ]
    if len(found) != 1 or any(is_conversation_shaped(value) for name, value in data.items() if name != found[0][0]):
        return None
    return found


def parse_turns(
    text: str, path: str, first_line: int, *, strict_shape: bool, notes: list[str] | None = None
) -> Conversation:
    """Read a JSON list of `{"speaker", "line"}` objects whose first character is on `first_line` (1-based).

    With `strict_shape` (a block marked `conversation`, or a linked dialogue file already known to be one),
    any other shape is an error; otherwise it raises `NotAConversation` so the caller leaves the data alone.
    JSON as language models write it (LaTeX backslashes, trailing commas) is read, and what was assumed is
    appended to `notes` as located warnings. Other invalid JSON raises `json.JSONDecodeError`.
    """
    data, repairs = load_json(text)
    found = _wrapped(data)
    if found is not None:
        [(name, wrapped)] = found
        # `{"conversation": [...]}`, as a model asked for JSON often answers: the list is read, and said so; beside
        # a title or a list of speakers too (`{"title": "…", "dialogue": [...]}`, bug bash h-llm)
        others = [json.dumps(key, ensure_ascii=False) for key in data if key != name]
        if notes is not None:
            notes.append(
                f"{path}:{first_line}: read the list under {json.dumps(name, ensure_ascii=False)} as the "
                + ("conversation" if not others else f"conversation ({listed(others)} not used)")
                + "; write the list alone to silence this"
            )
        data = wrapped
        if others:  # the turns' lines are counted in the list under `name`, not in the first list (the speakers')
            opening = re.search(rf"{re.escape(json.dumps(name))}\s*:\s*\[", text)
            if opening is not None:
                text = re.sub(r"[^\n]", " ", text[: opening.end() - 1]) + text[opening.end() - 1 :]
    if notes is not None and repairs and is_conversation_shaped(data):
        notes.extend(_repair_notes(repairs, path, first_line))
    if not is_conversation_shaped(data) and (miscased := miscased_turn(data)) is not None:
        starts = object_start_lines(text)
        line_no = first_line + (starts[miscased] if miscased < len(starts) else 0)
        raise ConvaudioError(_miscased_message(data[miscased], miscased), path, line_no)
    if not is_conversation_shaped(data):
        if strict_shape and data == []:
            raise ConvaudioError(EMPTY, path, first_line)
        if strict_shape:
            raise ConvaudioError(
                'a conversation must be a JSON list of objects like {"speaker": "A", "line": "Hello"}; '
                f"found {json_kind(data) if not isinstance(data, list) else 'a list of other records'}",
                path,
                first_line,
            )
        raise NotAConversation
    starts = object_start_lines(text)
    turns: list[Turn] = []
    section: str | None = None
    for index, item in enumerate(data):
        line_no = first_line + (starts[index] if index < len(starts) else 0)
        if not isinstance(item, dict):
            raise ConvaudioError(
                f"turn {index + 1} is {json_kind(item)}"
                + (f" ({json.dumps(item, ensure_ascii=False)[:40]})" if item is not None else "")
                + f", not a turn; write it as {_as_turn(item)}, or remove it",
                path,
                line_no,
            )
        if notes is not None and (twice := [name for name in getattr(item, "twice", ()) if name in TURN_KEYS]):
            # `{"speaker": "A", "speaker": "B", ...}`: JSON keeps the last one, silently (bug bash 95)
            notes.append(
                f"{path}:{line_no}: turn {index + 1} gives "
                + listed(f'"{name}" twice' for name in twice)
                + f"; the last is used ({', '.join(json.dumps(item[name], ensure_ascii=False)[:40] for name in twice)})"
                + "; remove the other"
            )
        if any(_key_in_another_case(item, key) is not None for key in ("speaker", "line")):
            raise ConvaudioError(_miscased_message(item, index), path, line_no)
        for key in ("speaker", "line"):
            if key not in item:
                other = _named(item, LINE_NAMES if key == "line" else SPEAKER_NAMES)
                raise ConvaudioError(
                    f'turn {index + 1} has no "{key}"'
                    + (f' (it writes {json.dumps(other, ensure_ascii=False)}: write "{key}" instead)' if other else "")
                    + '; every turn needs both "speaker" and "line", e.g. {"speaker": "A", "line": "Hello"}',
                    path,
                    line_no,
                )
            if item[key] is None:  # "put it in double quotes" would have it say "null"
                raise ConvaudioError(
                    f'turn {index + 1}: "{key}" is null; give it {"a name" if key == "speaker" else "the words"} in '
                    "double quotes, or remove the turn",
                    path,
                    line_no,
                )
            if not isinstance(item[key], str):
                raise ConvaudioError(
                    f'turn {index + 1}: "{key}" must be a string, not {json_kind(item[key])} '
                    f"({json.dumps(item[key])[:40]}); put it in double quotes",
                    path,
                    line_no,
                )
        # one name however it is typed: `José` composed or as e + accent, or with a zero-width space pasted in, was
        # two speakers with two voices (bug bash 77)
        speaker = speaker_name(item["speaker"])
        if not speaker:
            raise ConvaudioError(
                f'turn {index + 1} has an empty "speaker"; name who speaks, e.g. "A" or "Host"', path, line_no
            )
        if item.get("section") is not None:  # `"section": null` is no section, as `"say": null` is no say
            if not isinstance(item["section"], str):
                raise ConvaudioError(
                    f'turn {index + 1}: "section" must be a string (the chapter title), not '
                    f"{json_kind(item['section'])}",
                    path,
                    line_no,
                )
            title = " ".join(without_controls(item["section"]).split())
            if not title.translate(_INVISIBLE):  # a zero-width space alone opened a chapter no one could see
                title = ""
            if not title and notes is not None:  # it was dropped without a word, the chapter the author meant lost
                notes.append(
                    f'{path}:{line_no}: turn {index + 1} gives an empty "section", so no chapter opens there; '
                    'give it a title, e.g. "section": "Introduction", or remove "section"'
                )
            section = title or section
        say = item.get("say")
        if say is not None and not isinstance(say, str):
            raise ConvaudioError(
                f'turn {index + 1}: "say" must be a string (the words to speak instead of "line"), not '
                f"{json_kind(say)}",
                path,
                line_no,
            )
        say = " ".join(without_controls(say).split()) if say is not None else None
        # nothing to say (blank, markup or punctuation only): no audio, no transcript line, no paid request
        if len(item["line"]) > HARD_LINE_LIMIT:
            raise ConvaudioError(
                f"this line has {len(item['line']):,} characters; lines longer than {HARD_LINE_LIMIT:,} characters "
                "are refused (the max_line_characters option sets a lower limit); split it into several turns",
                path,
                line_no,
            )
        line = without_controls(item["line"])
        shown = say if say else strip_markup(line)
        # a reply of only an emoji (`👍`) is a turn of the conversation: it keeps its place in the transcript, and
        # takes no time in the audio (it vanished from the transcript; bug bash 77). Math symbols alone stay no
        # turn: a model's separator (`===`) was said "equals equals equals" (review 78)
        if any(char.isalnum() or unicodedata.category(char) == "So" for char in shown):
            turns.append(
                Turn(speaker=speaker, line=line.strip(), source_line=line_no, say=say or None, section=section)
            )
            section = None
    return Conversation(turns=turns, source_path=path, source_line=first_line)
