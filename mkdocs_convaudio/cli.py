"""The `mkdocs-convaudio` command: list voices, estimate what the next build would cost, show what is said."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .engines import ENGINES, create_engine
from .errors import ConvaudioError
from .render import Estimate, Job
from .session import AudioSession, SessionOptions, site_lexicon
from .text.spoken import spoken_text
from .voices.languages import normalize_language


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
    sessions = dry_run_sessions(config_file)
    jobs = [job for session in sessions for job in session.jobs]
    return sessions[-1].renderer.estimate(jobs), sessions[-1].options.max_characters


def dry_run_sessions(config_file: str) -> list[AudioSession]:
    """The sessions of a dry-run build of the site (one per language with mkdocs-static-i18n)."""
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
    return sessions


def command_estimate(args: argparse.Namespace) -> int:
    if args.show_text:
        return show_text(args.config_file)
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
    if Path(args.config_file).is_file():
        site_options, _ = load_site(args.config_file)
        engine_name = engine_name or site_options.engine
        options = dict(site_options.engine_options.get(engine_name, {}))
    engine = create_engine(engine_name or "espeak", options, os.environ)
    if engine.is_cloud:
        engine.check_credentials()
    for voice in engine.list_voices(args.lang):
        details = " ".join(part for part in (",".join(voice.languages), voice.gender, voice.description) if part)
        print(f"{voice.name}\t{details}")
    if engine.voice_pool():
        print(f"# identities handed out automatically, in order: {', '.join(engine.voice_pool())}", file=sys.stderr)
    return 0


def show_text(config_file: str) -> int:
    """Every line of the next build, written and spoken, marked `new` when it would be synthesized."""
    sessions = dry_run_sessions(config_file)
    jobs: dict[str, tuple[AudioSession, Job]] = {}
    for session in sessions:
        for job in session.jobs:
            jobs.setdefault(job.key, (session, job))
    misses = {part.key for session in sessions for part in session.renderer.missing(session.jobs)}
    for session, job in jobs.values():
        conversation = job.conversation
        print(f"{conversation.source_path}:{conversation.source_line} ({job.language}, {session.engine.name})")
        for turn_parts in job.parts:
            turn = turn_parts[0].turn
            state = "new" if any(part.key in misses for part in turn_parts) else "cached"
            spoken = " ".join(part.text for part in turn_parts) or "(silent: nothing the voice can read)"
            print(f"  line {turn.source_line} {turn.speaker} [{state}]")
            print(f"    written: {turn.line}")
            print(f"    spoken:  {spoken}" + ("  (from \"say\")" if turn.say else ""))
    return 0


def command_say(args: argparse.Namespace) -> int:
    """Print the words the engine would be given for a line, with the site's lexicon when there is a site."""
    text = " ".join(args.text) if args.text else sys.stdin.read()
    aliases: dict[str, str] = {}
    lexicon = None
    site_language = "en"
    if Path(args.config_file).is_file():
        options, site_language = load_site(args.config_file)
        aliases = dict(options.language_aliases)
        lexicon = site_lexicon(options)
    language = normalize_language(args.lang or site_language, aliases)
    for line in text.splitlines() or [""]:
        if line.strip():
            print(spoken_text(line, language, lexicon))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-convaudio", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    estimate = commands.add_parser("estimate", help="lines, characters and price the next build would synthesize")
    estimate.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    estimate.add_argument(
        "--show-text", action="store_true", help="list every line's written and spoken text instead of prices"
    )
    estimate.set_defaults(run=command_estimate)
    say = commands.add_parser("say", help="print the words a line would be spoken as")
    say.add_argument("text", nargs="*", help="the written line (default: read lines from standard input)")
    say.add_argument("--lang", help="the page language (default: the site's theme language, else en)")
    say.add_argument("-f", "--config-file", default="mkdocs.yml", help="use this site's pronunciation lexicon")
    say.set_defaults(run=command_say)
    voices = commands.add_parser("voices", help="list the voices an engine offers")
    voices.add_argument("--engine", choices=list(ENGINES), help="default: the site's engine, else espeak")
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
