"""The engine registry: engines are found through the `mkdocs_convaudio.engines` entry point group and imported
only when used, so cloud SDKs stay optional extras and other packages can add engines."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from ..audio.types import Audio
from ..errors import ConvaudioError
from .base import Engine, EngineContext, EngineOptions, VoiceInfo

__all__ = [
    "ENTRY_POINT_GROUP",
    "Audio",
    "Engine",
    "EngineContext",
    "EngineOptions",
    "VoiceInfo",
    "create_engine",
    "engine_names",
]

ENTRY_POINT_GROUP = "mkdocs_convaudio.engines"

#: The pip extra that installs a built-in engine's SDK, for the message when it is missing.
EXTRAS: dict[str, str] = {"google": "google", "openai": "openai", "elevenlabs": "elevenlabs", "piper": "piper"}


def available() -> dict[str, EntryPoint]:
    """Every registered engine by name (this package's own and any installed package's)."""
    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def engine_names() -> tuple[str, ...]:
    """The names `engine:` accepts, built-in ones first."""
    found = available()
    builtin = [name for name in ("espeak", "piper", "google", "openai", "elevenlabs") if name in found]
    return (*builtin, *sorted(set(found) - set(builtin)))


def engine_class(name: str) -> type[Engine]:
    """The class registered as `name`, with a clear message when it or the package it needs is missing."""
    found = available()
    if name not in found:
        raise ConvaudioError(f"unknown engine {name!r}; choose one of: {', '.join(engine_names())}")
    point = found[name]
    try:
        loaded = point.load()
    except ImportError as error:
        if name in EXTRAS:
            hint = f"pip install 'mkdocs-convaudio[{EXTRAS[name]}]'"
        else:
            hint = f"reinstall {point.dist.name if point.dist else 'the package that provides it'}"
        raise ConvaudioError(
            f"the {name} engine needs a package that is not installed ({error}); run: {hint}"
        ) from None
    if not (isinstance(loaded, type) and issubclass(loaded, Engine)):
        raise ConvaudioError(f"the entry point for engine {name!r} ({point.value}) is not an Engine subclass")
    return loaded


def create_engine(
    name: str, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
) -> Engine:
    """An engine by its configured name, with its options checked."""
    return engine_class(name)(options, environ, context)
