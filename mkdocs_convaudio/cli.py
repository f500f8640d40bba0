"""The `mkdocs-convaudio` command: list an engine's voices, and estimate what the next build would cost."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .engines import EngineContext, create_engine, engine_names
from .errors import ConvaudioError
from .render import Estimate
from .session import SessionOptions


def load_site(config_file: str) -> tuple[SessionOptions, str]:
    """Session options from mkdocs.yml exactly as the plugin would build them, and the theme language."""
    from mkdocs.config import load_config  # the command reads MkDocs sites; the core does not need MkDocs

    from .plugin import ConvAudioPlugin, session_options

    config = load_config(config_file=config_file)
    plugin = next((p for p in config.plugins.values() if isinstance(p, ConvAudioPlugin)), None)
    if plugin is None:
        raise ConvaudioError("the convaudio plugin is not enabled in this site's plugins", config_file)
    language = config.theme.get("language") or "en"
    return session_options(plugin.config, config), str(language)


class _ErrorLog(logging.Handler):
    """Keeps the messages of MkDocs' errors, so the command can print the cause instead of 'Aborted'."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _WarningPrinter(logging.Handler):
    """Shows the site's warnings (the ones `mkdocs build --strict` would fail on) on standard error."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.ERROR:
            print(f"warning: {record.getMessage()}", file=sys.stderr)


def plan_site(config_file: str) -> tuple[Estimate, int | None]:
    """What the next build would synthesize, found by running that build with the plugin in dry-run mode:
    the same pages, drafts, exclusions, meta plugins and translations as `mkdocs build`, nothing written."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .plugin import ConvAudioPlugin

    errors, warnings = _ErrorLog(), _WarningPrinter()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(errors)
    mkdocs_log.addHandler(warnings)
    try:
        with tempfile.TemporaryDirectory(prefix="convaudio-estimate-") as site_dir:
            config = load_config(config_file=config_file, site_dir=site_dir)
            plugin = next((p for p in config.plugins.values() if isinstance(p, ConvAudioPlugin)), None)
            if plugin is None:
                raise ConvaudioError("the convaudio plugin is not enabled in this site's plugins", config_file)
            plugin.dry_run = True
            build(config)
    except MkDocsException as error:
        raise ConvaudioError(errors.messages[-1] if errors.messages else str(error)) from None
    finally:
        mkdocs_log.removeHandler(errors)
        mkdocs_log.removeHandler(warnings)
    sessions = plugin.dry_run_sessions
    if not sessions:
        raise ConvaudioError("the site built without running the convaudio plugin (is it enabled?)", config_file)
    jobs = [job for session in sessions for job in session.jobs]
    return sessions[-1].renderer.estimate(jobs), sessions[-1].options.max_characters


def command_estimate(args: argparse.Namespace) -> int:
    estimate, limit = plan_site(args.config_file)
    width = max([len("total"), *(len(post.source_path) for post in estimate.posts)])
    print(f"engine: {estimate.engine} (cache misses only: what the next build would send)")
    print(f"{'post':<{width}}  {'lines':>5}  {'characters':>10}  {'price':>9}")
    for post in estimate.posts:
        print(f"{post.source_path:<{width}}  {post.lines:>5}  {post.characters:>10}  ${post.price:>8.4f}")
    print(f"{'total':<{width}}  {estimate.lines:>5}  {estimate.characters:>10}  ${estimate.price:>8.4f}")
    if limit is not None and estimate.characters > limit:
        print(f"over max_characters ({limit}): the build would stop before sending anything")
    return 0


def command_voices(args: argparse.Namespace) -> int:
    engine_name = args.engine
    options: dict[str, object] = {}
    context = EngineContext()
    if Path(args.config_file).is_file():
        site_options, _ = load_site(args.config_file)
        engine_name = engine_name or site_options.engine
        options = dict(site_options.engine_options.get(engine_name, {}))
        context = EngineContext(site_options.base_dir, Path(site_options.cache_dir), generate=False)
    engine = create_engine(engine_name or "espeak", options, os.environ, context)
    if engine.is_cloud:
        engine.check_credentials()
    try:
        for voice in engine.list_voices(args.lang):
            parts = (",".join(voice.languages), voice.gender, voice.description, voice.licence)
            print(f"{voice.name}\t{' '.join(part for part in parts if part)}")
    finally:
        engine.close()
    if engine.voice_pool():
        print(f"# identities handed out automatically, in order: {', '.join(engine.voice_pool())}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-convaudio", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    estimate = commands.add_parser("estimate", help="lines, characters and price the next build would synthesize")
    estimate.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    estimate.set_defaults(run=command_estimate)
    voices = commands.add_parser("voices", help="list the voices an engine offers")
    voices.add_argument("--engine", choices=list(engine_names()), help="default: the site's engine, else espeak")
    voices.add_argument("--lang", help="only voices for this language, e.g. fr")
    voices.add_argument("-f", "--config-file", default="mkdocs.yml", help="read engine options from this site")
    voices.set_defaults(run=command_voices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ConvaudioError as error:
        print(f"mkdocs-convaudio: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
