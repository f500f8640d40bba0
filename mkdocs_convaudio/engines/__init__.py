"""The engine registry: engines are imported only when configured, so cloud SDKs stay optional extras."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from ..audio.types import Audio
from ..errors import ConvaudioError
from .base import Engine, VoiceInfo

__all__ = ["ENGINES", "Audio", "Engine", "VoiceInfo", "create_engine"]

#: engine name → (module, class, pip extra that installs its SDK)
ENGINES: dict[str, tuple[str, str, str | None]] = {
    "espeak": ("mkdocs_convaudio.engines.espeak", "EspeakEngine", None),
    "google": ("mkdocs_convaudio.engines.google", "GoogleEngine", "google"),
    "openai": ("mkdocs_convaudio.engines.openai", "OpenAIEngine", "openai"),
    "elevenlabs": ("mkdocs_convaudio.engines.elevenlabs", "ElevenLabsEngine", "elevenlabs"),
}


def create_engine(name: str, options: Mapping[str, Any], environ: Mapping[str, str]) -> Engine:
    """An engine by its configured name, with a clear message when it or its SDK is missing."""
    if name not in ENGINES:
        raise ConvaudioError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
    module_name, class_name, extra = ENGINES[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        hint = f"pip install 'mkdocs-convaudio[{extra}]'" if extra else "reinstall mkdocs-convaudio"
        raise ConvaudioError(
            f"the {name} engine needs a package that is not installed ({error}); run: {hint}"
        ) from None
    engine_class: type[Engine] = getattr(module, class_name)
    return engine_class(options, environ)
