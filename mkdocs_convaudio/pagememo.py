"""A page's planned conversations remembered between builds: a warm build neither parses nor plans them again."""

from __future__ import annotations

import os
from typing import Any

from .render import Job, LinePart
from .text.conversation import Conversation, Turn
from .text.discover import Found


def engine_fingerprint(engine: type) -> list[Any]:
    """The size and modification time of the module an engine class comes from (an engine installed by another
    package is not among this package's files)."""
    import inspect

    try:
        source = inspect.getsourcefile(engine)
        info = os.stat(source) if source else None
    except (OSError, TypeError):
        return [engine.__module__, engine.__qualname__]
    return [engine.__module__, engine.__qualname__, info.st_size, info.st_mtime_ns] if info else [engine.__module__]


def conversation_record(found: Found) -> dict[str, Any]:
    """A fenced conversation and where the page holds it, as JSON."""
    conversation = found.conversation
    return {
        "start": found.start,
        "end": found.end,
        "replace": found.replace,
        "path": conversation.source_path,
        "line": conversation.source_line,
        "turns": [[turn.speaker, turn.line, turn.source_line, turn.say, turn.section] for turn in conversation.turns],
    }


def found_from(record: dict[str, Any]) -> Found:
    turns = [
        Turn(speaker, line, source_line, say, section) for speaker, line, source_line, say, section in record["turns"]
    ]
    conversation = Conversation(turns=turns, source_path=record["path"], source_line=record["line"])
    return Found(conversation, record["start"], record["end"], record["replace"])


def job_record(job: Job) -> dict[str, Any]:
    """What `Renderer.prepare` worked out for a conversation (its key and each line's parts), as JSON."""
    return {
        "key": job.key,
        # a part's legacy key too, when it has one: a plan recalled after a failed build still finds the line
        # an earlier version cached under it (review 115: it was paid for again)
        "parts": [[[part.key, part.text, *part.legacy_keys] for part in parts] for parts in job.parts],
        "warnings": job.warnings,
    }


def job_from(record: dict[str, Any], found: Found, language: str, voices: dict[str, str], production: Any) -> Job:
    conversation = found.conversation
    parts = [
        [
            LinePart(
                key=key,
                text=text,
                voice=voices[turn.speaker],
                language=language,
                turn=turn,
                source_path=conversation.source_path,
                legacy_keys=tuple(legacy),
            )
            for key, text, *legacy in turn_parts
        ]
        for turn, turn_parts in zip(conversation.turns, record["parts"], strict=True)
    ]
    return Job(
        key=record["key"],
        conversation=conversation,
        language=language,
        voices=voices,
        parts=parts,
        production=production,
        warnings=list(record["warnings"]),
    )
