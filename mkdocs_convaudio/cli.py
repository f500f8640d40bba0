"""The `mkdocs-convaudio` command: list an engine's voices, and estimate what the next build would cost."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .discover import front_matter_lines
from .engines import ENGINES, create_engine
from .errors import ConvaudioError
from .session import AudioSession, SessionOptions


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


def audio_pages(docs_dir: Path) -> list[tuple[str, str, dict[str, object], int]]:
    """(docs-relative path, Markdown, front matter, front-matter line count) of each page with `audio: true`."""
    from mkdocs.utils.meta import get_data

    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8-sig")
        markdown, meta = get_data(source)
        if meta.get("audio") is True:
            pages.append((path.relative_to(docs_dir).as_posix(), markdown, meta, front_matter_lines(source)))
    return pages


def plan_site(config_file: str) -> AudioSession:
    """Every audio page of the site handed to a session, as a build would, without building."""
    options, theme_language = load_site(config_file)
    session = AudioSession(options, warn=lambda message: print(f"warning: {message}", file=sys.stderr))
    siblings = {path.relative_to(options.docs_dir).as_posix() for path in options.docs_dir.rglob("*.md")}
    for src_path, markdown, meta, offset in audio_pages(options.docs_dir):
        language = str(meta.get("lang") or theme_language)
        _placed, warnings = session.page(
            src_path, markdown, meta, line_offset=offset, siblings=siblings, language=language
        )
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return session


def command_estimate(args: argparse.Namespace) -> int:
    session = plan_site(args.config_file)
    estimate = session.estimate()
    width = max([len("total"), *(len(post.source_path) for post in estimate.posts)])
    print(f"engine: {estimate.engine} (cache misses only: what the next build would send)")
    print(f"{'post':<{width}}  {'lines':>5}  {'characters':>10}  {'price':>9}")
    for post in estimate.posts:
        print(f"{post.source_path:<{width}}  {post.lines:>5}  {post.characters:>10}  ${post.price:>8.4f}")
    print(f"{'total':<{width}}  {estimate.lines:>5}  {estimate.characters:>10}  ${estimate.price:>8.4f}")
    limit = session.options.max_characters
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-convaudio", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    estimate = commands.add_parser("estimate", help="lines, characters and price the next build would synthesize")
    estimate.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    estimate.set_defaults(run=command_estimate)
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
