"""The engine registry: engines are found through the `mkdocs_convaudio.engines` entry point group and imported
only when used, so cloud SDKs stay optional extras and other packages can add engines."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping
from contextvars import ContextVar
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
    "MissingPackageError",
    "VoiceInfo",
    "create_engine",
    "engine_names",
    "require_packages",
]

#: The engine a command makes instead of the configured one (`render --engine espeak`, `voices --engine`), or ""
#: for a command that makes none (`say`); None: the configured one, as a build does. An unknown option of the
#: configured engine's table is left to that engine (an error, said once) only when it is made: under `--engine`
#: or `say` it was said nowhere, and `--strict` passed (reviews of f-interrupt).
ENGINE_MADE: ContextVar[str | None] = ContextVar("engine_made", default=None)

ENTRY_POINT_GROUP = "mkdocs_convaudio.engines"

#: The pip extra that installs a built-in engine's SDK, for the message when it is missing.
EXTRAS: dict[str, str] = {"google": "google", "openai": "openai", "elevenlabs": "elevenlabs", "piper": "piper"}


_found: tuple[tuple[str, ...], dict[str, EntryPoint]] | None = None


def available() -> dict[str, EntryPoint]:
    """Every registered engine by name (this package's own and any installed package's). Scanning the installed
    distributions costs tens of milliseconds and the plugin asks once per engine, so the answer is kept for as
    long as `sys.path` stays the same."""
    global _found
    path = tuple(sys.path)
    if _found is None or _found[0] != path:
        _found = (path, {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)})
    return _found[1]


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
        raise ConvaudioError(
            f"the {name} engine needs a package that is not installed ({error}); run: {_install_hint(name)}"
        ) from None
    if not (isinstance(loaded, type) and issubclass(loaded, Engine)):
        raise ConvaudioError(f"the entry point for engine {name!r} ({point.value}) is not an Engine subclass")
    return loaded


def _install_hint(name: str) -> str:
    if name in EXTRAS:
        return f"pip install 'mkdocs-convaudio[{EXTRAS[name]}]'"
    point = available().get(name)
    return f"reinstall {point.dist.name if point is not None and point.dist else 'the package that provides it'}"


def _missing(module: str) -> bool:
    """Whether `module` cannot be imported, found without importing it (a cloud SDK takes a second to import)."""
    try:
        return importlib.util.find_spec(module) is None
    except (ImportError, ValueError):  # a parent package missing, or a module without a spec
        return True


class MissingPackageError(ConvaudioError):
    """The engine's SDK is not installed (a build with a fallback engine renders with that one instead)."""


def require_packages(engine: Engine) -> None:
    """Raise MissingPackageError, naming the pip command, when a module the engine works with is not installed
    (bug bash 121: a site on `engine: google` without the `google` extra ended in a traceback at its first
    request). Asked where the SDK is needed, not when the engine is made: a warm build needs none (review 122)."""
    if missing := [module for module in engine.packages if _missing(module)]:
        raise MissingPackageError(
            f"the {engine.name} engine needs a package that is not installed (no module named {missing[0]!r}); "
            f"run: {_install_hint(engine.name)}"
        )


def create_engine(
    name: str, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
) -> Engine:
    """An engine by its configured name, with its options checked."""
    return engine_class(name)(options, environ, context)
