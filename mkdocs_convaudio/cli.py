"""The `mkdocs-convaudio` command: voices, estimate of the next build's cost, and the cache (stats, prune, ...)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .engines import ENGINES, create_engine
from .errors import ConvaudioError
from .render import Estimate
from .session import AudioSession, SessionOptions
from .store import inventory
from .store.cache import AudioCache
from .store.shared import SharedStore


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
    """The audio sessions of the site's build run with the plugin in dry-run mode (one per language build)."""
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


# -- mkdocs-convaudio cache ... ----------------------------------------------------------------------------


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{count} B"


def _when(timestamp: float | None) -> str:
    return "-" if timestamp is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def _duration(text: str) -> float:
    """`30d`, `12h`, `90m`, `45s` or a number of days → seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    text = text.strip().lower()
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text) * units["d"]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30d, 12h or 90m") from None


def open_site_cache(config_file: str, *, shared: bool = True) -> tuple[AudioCache, SharedStore | None]:
    """The site's local cache and (when configured) its shared store; shared-store failures raise."""
    from .session import open_cache

    options, _ = load_site(config_file)
    root = Path(options.cache_dir)
    root = root if root.is_absolute() else options.base_dir / root
    if shared and options.shared_cache:
        options.shared_cache_required = True  # a cache command reports a store it cannot reach
    else:
        options.shared_cache = None
    cache = open_cache(options, root, os.environ, lambda message: print(f"warning: {message}", file=sys.stderr))
    store = cache.remote if isinstance(cache.remote, SharedStore) else None
    return cache, store


def _print_stats(where: str, entries: dict[tuple[str, str], inventory.Entry]) -> None:
    by_kind = inventory.stats(entries)
    print(f"{where}: {len(entries)} entries, {_size(sum(e.size for e in entries.values()))}")
    for kind, numbers in by_kind.items():
        print(
            f"  {kind:<14} {numbers.entries:>6} entries  {_size(numbers.bytes):>9}  "
            f"oldest use {_when(numbers.oldest)}  newest use {_when(numbers.newest)}"
        )


def command_cache_stats(args: argparse.Namespace) -> int:
    cache, store = open_site_cache(args.config_file)
    local = inventory.local_entries(cache)
    _print_stats(f"local {cache.root}", local)
    if store is not None:
        remote = inventory.shared_entries(store)
        _print_stats(f"shared {store.display}", remote)
        print(
            f"  only local: {len(local.keys() - remote.keys())}, only shared: {len(remote.keys() - local.keys())}, "
            f"both: {len(local.keys() & remote.keys())}"
        )
    return 0


def command_cache_prune(args: argparse.Namespace) -> int:
    sessions = dry_run_sessions(args.config_file)
    cache, store = open_site_cache(args.config_file, shared=args.shared)
    used: set[str] = set()
    uris: set[str] = set()
    for session in sessions:
        for item in session.placed.values():
            used.add(item.job.key)
            used.update(part.key for part in item.job.all_parts)
            uris.update((item.audio_uri, item.timings_uri))
    action = "would remove" if args.dry_run else "removed"
    with contextlib.nullcontext() if args.dry_run else cache.locks.maintenance(args.wait):
        doomed = inventory.unused(inventory.local_entries(cache), used, args.older_than)
        for entry in doomed:
            print(f"{action} {entry.kind}/{entry.key} ({_size(entry.size)})")
            if not args.dry_run:
                inventory.remove_local(cache, entry)
        stale = inventory.stale_published(cache, uris)
        for path in stale:
            print(f"{action} {path.relative_to(cache.root).as_posix()}")
            if not args.dry_run:
                path.unlink(missing_ok=True)
        total = sum(entry.size for entry in doomed)
        print(f"local: {action} {len(doomed)} entries ({_size(total)}) that no page uses")
        if store is not None:
            remote = inventory.unused(inventory.shared_entries(store), used, args.older_than)
            for entry in remote:
                print(f"{action} {store.display}/{entry.kind}/{entry.key} ({_size(entry.size)})")
                if not args.dry_run:
                    for relative in entry.files:
                        store.remove(relative)
            print(f"shared: {action} {len(remote)} entries ({_size(sum(e.size for e in remote))})")
    return 0


def command_cache_verify(args: argparse.Namespace) -> int:
    cache, store = open_site_cache(args.config_file, shared=args.shared)
    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(message)
        print(message)

    with cache.locks.maintenance(args.wait):
        checked = len(inventory.local_entries(cache))
        dropped = inventory.verify_local(cache, report)
        print(f"local: {checked} entries checked, {dropped} corrupt (removed)")
        if store is not None:
            checked, dropped = inventory.verify_shared(store, report)
            print(f"shared: {checked} objects checked, {dropped} corrupt (removed)")
    return 1 if problems else 0


def command_cache_push(args: argparse.Namespace) -> int:
    cache, store = open_site_cache(args.config_file)
    if store is None:
        raise ConvaudioError("this site sets no shared_cache to push to", args.config_file)
    uploaded = inventory.push(cache, store)
    print(f"pushed {len(uploaded)} files to {store.display}")
    return 0


def command_cache_pull(args: argparse.Namespace) -> int:
    cache, store = open_site_cache(args.config_file)
    if store is None:
        raise ConvaudioError("this site sets no shared_cache to pull from", args.config_file)
    downloaded = inventory.pull(cache, store)
    print(f"pulled {len(downloaded)} files from {store.display}")
    return 0


def add_cache_parser(commands: Any) -> None:
    cache = commands.add_parser("cache", help="inspect, prune, verify and sync the audio cache")
    actions = cache.add_subparsers(dest="action", required=True)
    runs = {
        "stats": (command_cache_stats, "entries, bytes and use by kind, local and shared"),
        "prune": (command_cache_prune, "remove entries that no page of the site uses"),
        "verify": (command_cache_verify, "re-check entries; remove and report corrupt ones"),
        "push": (command_cache_push, "upload local entries the shared cache lacks"),
        "pull": (command_cache_pull, "download shared entries the local cache lacks"),
    }
    for name, (run, help_text) in runs.items():
        action = actions.add_parser(name, help=help_text)
        action.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
        action.set_defaults(run=run)
        if name in ("prune", "verify"):
            action.add_argument("--shared", action="store_true", help="also the shared cache (off by default)")
            action.add_argument(
                "--wait", type=float, default=600.0, help="seconds to wait for running builds (default 600)"
            )
        if name == "prune":
            action.add_argument(
                "--older-than",
                type=_duration,
                default=0.0,
                help="only entries no build used for this long (30d, 12h, 90m; default: any)",
            )
            action.add_argument("--dry-run", action="store_true", help="list what would be removed, remove nothing")


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
    add_cache_parser(commands)
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
