"""The `mkdocs-convaudio` command: render conversations without MkDocs, list voices, estimate a build's cost,
show what a line is spoken as, and look after the audio cache."""

from __future__ import annotations

if __name__ == "__main__":  # `python -m mkdocs_convaudio.cli`: Ctrl-C or SIGTERM during the imports below printed
    # a traceback, or nothing (see `entry`); run as the console script is, which imports this module afterwards
    from mkdocs_convaudio.entry import main as _entry_main

    raise SystemExit(_entry_main())

import argparse
import codecs
import contextlib
import hashlib
import io
import json
import logging
import math
import os
import re
import shlex
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .store.outputs import Outputs

from .build import AudioSession, BuildProblems, Placed, SessionOptions, build_problems, front_matter_line, site_lexicon
from .engines import ENGINE_MADE, EngineContext, create_engine, engine_class, engine_names, require_packages
from .entry import INTERRUPTED, new_run, say_stopped
from .errors import ConvaudioError, MissingCredentialsError, OptionError, each_problem
from .html.player import format_duration
from .render import Estimate, Job, terminate_as_interrupt
from .showplan import video_key
from .standalone import (
    Batch,
    blog_generator,
    option_line,
    plan_dialogue_files,
    plan_posts,
    served_prefix,
    stale_outputs,
    toml_option_lines,
    toml_problem,
    unwritten_outputs,
    url_prefix,
    write_snippets,
)
from .store import inventory, renders, uses
from .store.cache import AudioCache
from .store.shared import SharedStore
from .text.discover import LEFT_OUT, SKIPPED
from .text.spoken import spoken_text
from .utf8 import typed, utf8
from .voices.languages import normalize_language


class PluginNotEnabled(ConvaudioError):
    """The mkdocs.yml found is a site without this plugin (a project's own docs, say): not ours to read."""


def read_config(config_file: str, warnings: list[str] | None = None, **overrides: Any) -> MkDocsConfig:
    """MkDocs' `load_config` (the command reads MkDocs sites; the core does not need MkDocs), with a file that
    cannot be opened (a folder given for it) as a clear error. With `warnings`, the config's warnings (an
    unknown option) go there instead of the log, for the command to report and count."""
    from mkdocs.config import load_config

    if config_file and not Path(config_file).exists():
        if config_file != "mkdocs.yml":  # given with -f: "give the site's config (-f ...)" told them what they did
            raise ConvaudioError(f"{config_file} (given with -f) does not exist; check its name and folder")
        raise ConvaudioError(
            "no mkdocs.yml in this folder: run this in the site's folder, or give the site's config "
            "(-f path/to/mkdocs.yml)"
        )
    logger = logging.getLogger("mkdocs.config")
    collector = _Collected(warnings) if warnings is not None else None
    if collector is not None:
        logger.addHandler(collector)
        logger.propagate = False
    from mkdocs.config.config_options import Plugins
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import MkDocsException

    option = MkDocsConfig.plugins
    cached = {id(plugin) for plugin in option.plugin_cache.values()} if isinstance(option, Plugins) else set()
    try:
        config = load_config(config_file=config_file, **overrides)
        _made.update((id(plugin), plugin) for plugin in config.plugins.values() if id(plugin) not in cached)
        return config
    except MkDocsException:
        # MkDocs logged why ("Config value 'plugins' ...") and raised "Aborted": the reason is the message
        if collector is not None and collector.errors:
            raise ConvaudioError(
                f"cannot read this MkDocs configuration: {'; '.join(collector.errors)}", config_file
            ) from None
        raise
    except OSError as error:
        raise ConvaudioError(
            f"cannot read this MkDocs configuration ({error.strerror or error}); give the path of the site's "
            "mkdocs.yml file",
            config_file,
        ) from None
    finally:
        if collector is not None:
            logger.removeHandler(collector)
            logger.propagate = True


class _Collected(logging.Handler):
    """Keeps the warnings of a config being read (see `read_config`)."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.into if record.levelno < logging.ERROR else self.errors).append(where_first(record.getMessage()))


#: MkDocs' words for a warning of the plugin's option at its line (`ConvAudioConfig.validate` names the line; the
#: file's path may have a space, `my blog/mkdocs.yml:4: `, never a colon and a space)
_PLUGIN_OPTION = re.compile(
    r"Config value 'plugins': Plugin 'convaudio' option '(?P<option>[^']+)': (?P<at>\S(?:[^:]|:(?! ))*?:\d+): "
)


def where_first(message: str) -> str:
    """MkDocs' `Config value 'plugins': Plugin 'convaudio' option 'engin': mkdocs.yml:4: Unrecognised …` said as
    convaudio.toml's warnings (and the command's others) are: `mkdocs.yml:4: option 'engin': Unrecognised …`."""
    found = _PLUGIN_OPTION.match(message)
    return f"{found['at']}: option {found['option']!r}: {message[found.end() :]}" if found else message


def _refuse_a_group(config: MkDocsConfig, config_file: str) -> None:
    """A clear error where convaudio is one of the plugins of Material's group plugin (`group: {plugins:
    [convaudio]}`): the group loads them once a build has begun, so a command finds no plugin to read or run,
    and said the plugin was not enabled (bug bash h-plugins)."""
    for plugin in config.plugins.values():
        if not type(plugin).__module__.startswith("material.plugins.group"):
            continue
        entries = getattr(plugin.config, "plugins", None) or []
        names = {entry if isinstance(entry, str) else next(iter(entry), "") for entry in entries}
        if names & {"convaudio", "convaudio/convaudio"}:
            raise ConvaudioError(
                "the convaudio plugin is listed under Material's group plugin (`group:`), which loads it only once "
                "a build has begun, so this command cannot read it; list it under `plugins:` itself, and turn it "
                "on and off with its own option instead (`- convaudio: {enabled: !ENV [CI, false]}`)",
                config_file,
            )


def load_site(config_file: str, warnings: list[str] | None = None) -> tuple[SessionOptions, str]:
    """Session options from mkdocs.yml exactly as the plugin would build them, and the theme language; the
    config's warnings (an unknown option) go to `warnings` when given, else are printed once as warnings."""
    from mkdocs.exceptions import MkDocsException

    from .plugin import ConvAudioPlugin, session_options, theme_language

    found: list[str] = []
    try:
        config = read_config(config_file, found)
    except MkDocsException as error:
        raise ConvaudioError(f"cannot read this MkDocs configuration: {error}", config_file) from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, ConvAudioPlugin)), None)
    if plugin is None:
        _refuse_a_group(config, config_file)
        raise PluginNotEnabled("the convaudio plugin is not enabled in this site's plugins", config_file)
    language = theme_language(config.theme) or "en"
    for message in found:
        if warnings is not None:
            warnings.append(message)
        else:
            _print_warning(message)
    return session_options(plugin.config, config), str(language)


class _ErrorLog(logging.Handler):
    """Keeps the messages of MkDocs' errors, so the command can print the cause instead of 'Aborted'."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


#: The loggers whose warnings a command's build says as its own (`warning: …`): this plugin's, and MkDocs' reading of
#: the config (a misspelled option), as `say` and `render` say them
_OWN_LOGGERS = ("mkdocs.plugins.convaudio", "mkdocs.plugins.mkdocs_convaudio", "mkdocs.config")


class _WarningPrinter(logging.Handler):
    """Shows the site's warnings (the ones `mkdocs build --strict` would fail on) on standard error: this plugin's
    as the command's `warning: …`; another's as they are, named by their logger (`WARNING (mkdocs.material.privacy):
    External file: …`), as `say` and `render` leave them: they were printed as `warning:` lines of the command's own
    (review f-small2)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        #: conversations left out of the plan (broken JSON...): their entries are in use, yet no plan names them
        self.skipped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            return
        message = record.getMessage()
        if any(record.name == name or record.name.startswith(f"{name}.") for name in _OWN_LOGGERS):
            self.skipped += SKIPPED in message
            _print_warning(message)
        else:
            print(f"{record.levelname} ({record.name}): {message}", file=sys.stderr)


@contextlib.contextmanager
def _site_warnings_printed() -> Iterator[_WarningPrinter]:
    """The site's warnings shown as `_WarningPrinter` shows them while the block runs: after the dry build, the
    cache its sessions look lines up in warns of a shared cache that cannot be used, and the warning fell to
    Python's last-resort handler, without the `warning: ` the docs promise (docs bug bash h-docs2)."""
    printer = _WarningPrinter()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(printer)
    try:
        yield printer
    finally:
        mkdocs_log.removeHandler(printer)


def plan_site(config_file: str) -> tuple[Estimate, int | None, str, bool, bool]:
    """What the next build of a MkDocs site would synthesize, its `max_characters`, what the build would do
    instead without the engine's credentials ('' when it has them, or sends nothing), whether it would stop
    for want of them, and whether its languages are built one after the other (mkdocs-static-i18n)."""
    sessions = plan_site_sessions(config_file)
    languages_apart = len(sessions) > 1
    jobs = [job for session in sessions for job in session.jobs]
    # a budget of what is paid for: a free engine is never stopped by it (as the build does)
    limit = sessions[-1].options.max_characters if sessions[-1].engine.is_cloud else None
    with _site_warnings_printed():  # the cache looked up: a shared cache that cannot be used is said here
        estimate = sessions[-1].renderer.estimate(jobs)
    if estimate.lines and not sessions[-1].generate:
        return estimate, None, cache_only(sessions[-1], estimate.lines), True, languages_apart
    note, free = without_credentials(sessions[-1], estimate)
    stops = bool(note) and not sessions[-1].options.fallback_engine
    return estimate, None if free else limit, note, stops, languages_apart


def cache_only(session: AudioSession, lines: int) -> str:
    """What a cache-only build does with `lines` missing from the cache: it sends nothing, and stops (bug bash
    h-cloud: `estimate` priced them as what the next build would send, and exited 0)."""
    value = session.environ.get("CONVAUDIO_GENERATE", "").strip()
    why = f"CONVAUDIO_GENERATE={value}" if value else "`generate: false`"
    remote = session.renderer.cache.remote
    # a shared cache that did not answer is the likelier cause than a lost cache directory (review r-cloud)
    fix = (
        f"the shared cache {remote.display} could not be reached: check it and run again, restore the cache directory"
        if remote is not None and not remote.available
        else "restore the cache directory"
    )
    return (
        f"generate is off ({why}): the build sends nothing, and stops: {lines:,} line{'s' * (lines != 1)} above "
        f"{'has' if lines == 1 else 'have'} no audio in the cache; {fix}, or build once with generate on"
    )


def without_credentials(session: AudioSession, estimate: Estimate) -> tuple[str, bool]:
    """What a build would do with lines to send and no credentials for its cloud engine, and whether it would be
    free: render with the fallback engine (free), or stop. `estimate` priced the configured engine's requests and
    warned of a budget the build would never meet (bug bash 112)."""
    if not estimate.lines or not session.engine.is_cloud or not session.generate:
        return "", False
    try:
        session.engine.check_credentials()
    except MissingCredentialsError:
        fallback = session.options.fallback_engine
        name = session.engine.name
        if fallback and not engine_class(fallback).is_cloud:
            return (
                f"no credentials for the {name} engine here: the build would render every conversation with the "
                f"fallback engine {fallback} instead, for free (the prices above are {name}'s)"
            ), True
        if fallback:  # a paid one: its budget holds (review 117: it was said to be free)
            return (
                f"no credentials for the {name} engine here: the build would render every conversation with the "
                f"fallback engine {fallback} instead, which is paid for too (the prices above are {name}'s)"
            ), False
        return f"no credentials for the {name} engine here: the build would stop and say how to provide them", False
    return "", False


#: the MkDocs plugins a command started (`plan_site_sessions`), by identity: the ones `shut_down_plugins` ends
_started: dict[int, Any] = {}
#: the MkDocs plugins a command's `read_config` made, by identity: a blog plugin's empty folder is removed at its end
_made: dict[int, Any] = {}


def plan_site_sessions(
    config_file: str, *, previews: bool = False, skipped: list[int] | None = None
) -> list[AudioSession]:
    """What the next build would synthesize, found by running that build with the plugin in dry-run mode:
    the same pages, drafts, exclusions, meta plugins and translations as `mkdocs build`, nothing written. With
    `previews`, as `mkdocs serve` builds it: with the drafts it previews (MkDocs' `draft_docs`, the blog's
    `draft: true`). `skipped` gets the number of conversations the plan left out (their warnings)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    from .plugin import ConvAudioPlugin

    errors = _ErrorLog()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(errors)
    try:
        with (
            _site_warnings_printed() as warnings,
            tempfile.TemporaryDirectory(prefix="convaudio-estimate-") as site_dir,
        ):
            config = read_config(config_file, site_dir=site_dir)
            plugin = next((p for p in config.plugins.values() if isinstance(p, ConvAudioPlugin)), None)
            if plugin is None:
                _refuse_a_group(config, config_file)
                raise ConvaudioError("the convaudio plugin is not enabled in this site's plugins", config_file)
            plugin.dry_run = True
            # as `mkdocs build` and `mkdocs serve` start them (`shut_down_plugins` ends them)
            config.plugins.on_startup(command="serve" if previews else "build", dirty=False)
            _started.update((id(started), started) for started in config.plugins.values())
            build(config, serve_url="http://127.0.0.1:8000/" if previews else None)
    except MkDocsException as error:
        raise ConvaudioError(errors.messages[-1] if errors.messages else str(error)) from None
    except UnicodeEncodeError as error:
        # MkDocs itself cannot make a URL of a page named `café.md` under the C locale with PYTHONUTF8=0 (review 148)
        raise ConvaudioError(
            f"MkDocs could not encode a file name under this locale ({sys.getfilesystemencoding()}: "
            f"{error.object[error.start : error.end]!r}); run with PYTHONUTF8=1 or LANG=C.UTF-8 (docs/ci.md)",
            config_file,
        ) from None
    finally:
        mkdocs_log.removeHandler(errors)
    if skipped is not None:
        skipped.append(warnings.skipped)
    sessions = plugin.dry_run_sessions
    if not sessions:
        raise ConvaudioError("the site built without running the convaudio plugin (is it enabled?)", config_file)
    return sessions


def record_run(args: argparse.Namespace, session: AudioSession, batch: Batch, *, done: bool) -> None:
    """Record what this `render` run uses in its cache folder (`store.renders`), for `cache prune`: the same
    command line (paths as seen from the cache folder, so a checkout moved with its cache is the same run)
    replaces its last record once `done`. Its drafts have an entry of their own, which a run with `--drafts`
    replaces and one without keeps: what they used is kept while they are left out, and what the posts use is
    replaced by every complete run (see `renders.keep_drafts`). Best effort: a run that cannot be recorded
    renders all the same, with a warning."""
    cache = session.cache
    if cache.root.is_dir() and not os.access(cache.root, os.W_OK):  # read-only (restored in CI): nor can prune
        return

    def where(path: str) -> str:
        try:
            return Path(os.path.relpath(Path(path).resolve(), cache.root.resolve())).as_posix()
        except ValueError:  # another drive (Windows): no relative path
            return Path(path).resolve().as_posix()

    line = [*map(where, args.inputs), *(["--posts", where(args.posts)] if args.posts else [])]
    line += ["--root", where(args.root), "--lang", str(args.lang), "--engine", str(args.engine)]
    line += ["--voice-map", str(args.voice_map), "--config", where(args.config_file), "--toml", where(args.toml)]
    # `--drafts` is left out of the digest: with or without it, the same run
    run = hashlib.sha256(utf8("\0".join(line))).hexdigest()
    drafts_run = hashlib.sha256(utf8("\0".join([*line, "drafts"]))).hexdigest()
    command = "render " + " ".join([*args.inputs, *(["--posts", args.posts] if args.posts else [])])

    def used(placed: Sequence[Placed]) -> tuple[set[str], set[str]]:
        conversations = {item.job.key for item in placed}
        keys = conversations | {key for item in placed for part in item.job.all_parts for key in part.keys}
        keys |= {
            video_key(item.job.key, plan, session.options.show.video_settings)
            for item in placed
            if (plan := item.video_plan) is not None and item.video_uri is not None
        }
        return conversations, keys

    drafts_command = f"{command} --drafts (its drafts)"
    try:
        if done and args.posts and not args.drafts:
            renders.keep_drafts(cache, drafts_command, run, drafts_run, batch.drafts)
        renders.record(cache, command, run, *used(batch.placed), done=done)
        if done and args.posts and args.drafts:
            renders.record_drafts(cache, drafts_command, drafts_run, batch.drafted_posts, *used(batch.drafted))
    except ConvaudioError as error:
        if not any(str(error) in warning for warning in batch.warnings):
            batch.warnings.append(f"{error}; `cache prune` will not keep what this run uses")
            _print_warning(batch.warnings[-1])


def print_estimate(estimate: Estimate, limit: int | None, note: str = "", languages_apart: bool = False) -> None:
    """Print what the next build would send, how long each conversation's audio is, and whether it is over the
    budget `limit`. A row per conversation (one MP3 each, what `max_duration` limits), named by its post, and by its
    post and line where the post holds several; `languages_apart`: the build makes one language after another
    (mkdocs-static-i18n), so it sends the first ones before it reaches the budget."""
    over = limit is not None and estimate.characters > limit
    rows = estimate.conversations
    in_file = Counter(row.source_path for row in rows)
    names = [
        row.source_path if in_file[row.source_path] == 1 else f"{row.source_path}:{row.source_line}" for row in rows
    ]
    width = max([len("total"), *map(len, names)])
    made = all(row.made for row in rows)
    # the legend in the first line: scripts read the total from the last (or the one before a note)
    legend = "" if made else "; length: ~ estimated (within about 10 %) until the MP3 is made"
    print(f"engine: {estimate.engine} (cache misses only: what the next build would send{legend})")
    print(f"{'post':<{width}}  {'lines':>5}  {'characters':>10}  {'price':>9}  {'length':>8}")
    for name, row in zip(names, rows, strict=True):
        print(
            f"{name:<{width}}  {row.lines:>5}  {row.characters:>10}  ${row.price:>8.4f}  "
            f"{_length(row.seconds, row.made):>8}"
        )
    print(
        f"{'total':<{width}}  {estimate.lines:>5}  {estimate.characters:>10}  ${estimate.price:>8.4f}  "
        f"{_length(estimate.seconds, made):>8}"
    )
    if note:
        print(note)
    if over:
        # the languages' clause only where they are built apart: a site without mkdocs-static-i18n read it as a
        # condition it could not check (bug bash h-ci)
        apart = (
            " (with mkdocs-static-i18n, once it reaches the language that passes it: the languages built before are "
            "sent)"
            if languages_apart
            else ""
        )
        print(f"over max_characters ({limit:,}): the build would stop before sending anything{apart}")


def _length(seconds: float, made: bool) -> str:
    """`3:07` (an MP3 made, as its player shows it), `~3:07` (estimated)."""
    return format_duration(seconds) if made else f"~{format_duration(seconds)}"


def command_estimate(args: argparse.Namespace) -> int:
    if args.config_file == "mkdocs.yml" and not Path("mkdocs.yml").exists():
        # a blog without MkDocs was told to run this "in the site's folder", which it was in (bug bash h-render):
        # with a convaudio.toml, or in a Hugo or Jekyll blog rendered with options given as flags
        generator = blog_generator(Path("."))
        found = (
            "a convaudio.toml"
            if Path("convaudio.toml").exists()
            else generator and f"the config of a {generator.title()} blog"
        )
        if found:
            raise ConvaudioError(
                f"no mkdocs.yml in this folder, only {found}: a blog without MkDocs estimates with "
                "`mkdocs-convaudio render --posts FOLDER --out FOLDER --dry-run` (the same command line as its "
                "render, with --dry-run), and lists every line's spoken text with --show-text"
            )
    if args.show_text:
        stand_by(0)  # it lists the lines, and says nothing of whether the build would stop
        return show_text(args.config_file)
    # a pipeline can stop before its build (bug bash 130: it exited 0 for a build that would stop)
    estimate, limit, note, stops, languages_apart = plan_site(args.config_file)
    status = 1 if stops or (limit is not None and estimate.characters > limit) else 0
    stand_by(status)  # settled before the first line: a reader that stops reading cannot turn it into a 1
    print_estimate(estimate, limit, note, languages_apart)
    return status


def show_text(config_file: str) -> int:
    """Every line of the next build, written and spoken, marked `new` when it would be synthesized."""
    sessions = plan_site_sessions(config_file)
    with _site_warnings_printed():
        return print_text(sessions)


def print_text(sessions: Sequence[AudioSession]) -> int:
    """Every line the planned `sessions` would speak, written and spoken, marked `new` when it would be
    synthesized (`estimate --show-text` for a site, `render --show-text` for a blog without MkDocs)."""
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
            print(f"    spoken:  {spoken}" + ('  (from "say")' if turn.say else ""))
    return 0


def require_given(args: argparse.Namespace, *, folder: str | None = None) -> None:
    """A `--toml` file (and a `--posts` folder) named on the command line must be there: a typo would otherwise
    run with the default settings, or with nothing to do. `--toml` left out means convaudio.toml, if present."""
    if args.toml is not None and not Path(args.toml).is_file():
        raise ConvaudioError(f"{args.toml} (given with --toml) is not a file; give the file that holds the options")
    if folder is not None and not Path(folder).is_dir():
        raise ConvaudioError(f"{folder} (given with --posts) is not a folder; give the folder of your posts")
    args.toml = args.toml or "convaudio.toml"


def command_say(args: argparse.Namespace) -> int:
    """Print the words the engine would be given for a line, with the site's lexicon when there is a site."""
    require_given(args)
    if args.text:  # decoded as file names are (see `typed`)
        text = " ".join(typed(word, sys.getfilesystemencoding()) for word in args.text)
    else:
        text = typed(sys.stdin.read(), sys.stdin.encoding or "utf-8")
    aliases: dict[str, str] = {}
    lexicon = None
    site_language = "en"
    site: tuple[SessionOptions, str] | None = None
    if Path(args.config_file).is_file():
        try:
            site = load_site(args.config_file)
        except PluginNotEnabled:
            site = None  # another site's mkdocs.yml (the project's own docs): say needs no site
    if site is not None:
        options, site_language = site
        aliases = dict(options.language_aliases)
        lexicon = site_lexicon(options)
    elif Path(args.toml).is_file():  # a blog rendered with `render`: its convaudio.toml names the lexicon
        flags = argparse.Namespace(**vars(args), root=".", engine=None, voice_map=None, cache_dir=None)
        options, _ = standalone_options(flags, None)
        aliases = dict(options.language_aliases)
        lexicon = site_lexicon(options)
    language = normalize_language(args.lang or site_language, aliases)
    from .text.spoken.tables import LANGUAGES, read_with_english_words

    if language.split("-")[0].lower() not in LANGUAGES:  # as a build does, without a word: say it here
        print(
            f"note: there is no spelling table for {language!r} (only {', '.join(sorted(LANGUAGES))}): "
            f"{read_with_english_words(language)}; digits outside formulas are left to the voice (docs/spoken.md, "
            "Other languages)",
            file=sys.stderr,
        )
    for line in text.splitlines() or [""]:
        if line.strip():
            print(spoken_text(line, language, lexicon))
    return 0


def print_pairings(sessions: Sequence[AudioSession]) -> None:
    """Every voice-map entry and who uses it: translations that share voices are listed together."""
    users: dict[str, set[tuple[str, str]]] = {}
    for session in sessions:
        for key, pairs in session.pairings.items():
            users.setdefault(key, set()).update(pairs)
    for key, pairs in sorted(users.items()):
        sources = sorted({source for source, _ in pairs})
        shared = "shared by translations" if len(sources) > 1 else "own voices"
        print(f"{key}\t{shared}: " + ", ".join(f"{source} ({lang})" for source, lang in sorted(pairs)))


def command_voices(args: argparse.Namespace) -> int:
    if args.map:
        if args.posts:
            require_given(args, folder=args.posts)
            session, _ = standalone_session(args, out=Path(args.root))  # plans only: nothing is published
            # drafts too: their voice-map entries are the blog's, published or not
            plan_posts(session, Path(args.posts), Path(args.root), args.lang, drafts=True)
            print_pairings([session])
        else:
            print_pairings(plan_site_sessions(args.config_file))
        return 0
    require_given(args)
    engine_name = args.engine
    options: dict[str, object] = {}
    context = EngineContext()
    site = None
    if Path(args.config_file).is_file():
        try:
            site = load_site(args.config_file)
        except PluginNotEnabled:
            site = None  # another site's mkdocs.yml (the project's own docs): the engine's voices need no site
    if site is None and Path(args.toml).is_file():
        # a blog rendered with `render`: its engine and engine options, as `say` and `cache` read them (its
        # `engine = "piper"` and `voices_dirs` went unread: eSpeak NG's voices were listed; bug bash h-render)
        flags = argparse.Namespace(**{**vars(args), "engine": None, "voice_map": None, "cache_dir": None})
        site = standalone_options(flags, None)
    if site is not None:
        site_options, _ = site
        engine_name = engine_name or site_options.engine
        options = dict(site_options.engine_options.get(engine_name, {}))
        context = EngineContext(site_options.base_dir, Path(site_options.cache_dir), generate=False)
    name = engine_name or SessionOptions.engine
    try:
        engine = create_engine(name, options, os.environ, context)
    except ConvaudioError as error:
        if not options:
            raise
        # the site's options for the engine are wrong: its voices are what they need (a `languages` value that
        # is no eSpeak NG language says to look here; review 125). Each problem at its line, not "1 problem stops
        # this build", which convaudio.toml's said while the voices were listed (review r-render)
        located = _located_option_problems(error, args)
        problems = "; ".join(map(str, located.problems if isinstance(located, BuildProblems) else [located]))
        print(f"warning: {problems}; the engine's voices without the site's options:", file=sys.stderr)
        engine = create_engine(name, {}, os.environ, context)
    require_packages(engine)
    if engine.is_cloud:
        engine.check_credentials()
    listed = 0
    try:
        for voice in engine.list_voices(args.lang):
            parts = (",".join(voice.languages), voice.gender, voice.description, voice.licence)
            print(f"{voice.name}\t{' '.join(part for part in parts if part)}")
            listed += 1
    finally:
        engine.close()
    if args.lang and not listed:  # nothing printed and exit 0 read as "fine" (bug bash 102)
        name = engine_name or SessionOptions.engine
        print(
            f"mkdocs-convaudio: {name} has no voice for the language {args.lang!r}; "
            f"`mkdocs-convaudio voices --engine {name}` lists them all",
            file=sys.stderr,
        )
        return 2
    if engine.voice_pool():
        print(f"# identities handed out automatically, in order: {', '.join(engine.voice_pool())}", file=sys.stderr)
    return 0


def standalone_options(
    args: argparse.Namespace, out: Path | None, warnings: list[str] | None = None
) -> tuple[SessionOptions, str]:
    """Options for a run without MkDocs: mkdocs.yml's plugin section if there is one, else convaudio.toml,
    else defaults; then the flags. Returns them with the player title; an unknown option (a typo) goes to
    `warnings` when given, else is printed as a warning."""
    found: list[str] = []
    from .config import ConvAudioConfig  # validates convaudio.toml exactly as mkdocs.yml would be
    from .plugin import options_from

    root = Path(args.root).resolve()
    toml_file = Path(args.toml)
    if Path(args.config_file).is_file():
        options, _ = load_site(args.config_file, found)
        title = _site_player_title(args.config_file)
    else:
        data: dict[str, object] = {}
        if toml_file.is_file():
            try:
                data = tomllib.loads(toml_file.read_text(encoding="utf-8-sig"))
            except UnicodeDecodeError:
                raise ConvaudioError("this file is not UTF-8; save it as UTF-8", str(toml_file)) from None
            except tomllib.TOMLDecodeError as error:
                raise toml_problem(error, toml_file, "this file") from None
        section = data.get("convaudio", data)
        if not isinstance(section, dict):  # `convaudio = 1`: a traceback
            raise ConvaudioError(
                "`convaudio` is not a table; write the options at the top or under `[convaudio]`",
                str(toml_file),
                front_matter_line(toml_file, "convaudio"),
            )
        lines = toml_option_lines(toml_file.read_text(encoding="utf-8-sig")) if toml_file.is_file() else {}
        config = ConvAudioConfig()
        config.load_dict(dict(section))
        errors, unknown = config.validate()
        if errors:  # each at its line, as a post's problems are (they were one line naming the file alone)
            raise build_problems(
                [
                    _at_option(ConvaudioError(f"option {name!r}: {error}"), toml_file, lines, name)
                    for name, error in errors
                ]
            )
        # an engine table's unknown option at its own line, not its table's (`Sub-option 'x'`, as for errors); the
        # option it is near said by the config (`; did you mean 'max_characters'?`), as for a mkdocs.yml
        found += [
            f"{toml_file}:{option_line(lines, message, name) or 1}: option {name!r}: {message}"
            for name, message in unknown
        ]
        base = toml_file.resolve().parent if toml_file.is_file() else root
        try:
            options = options_from(config, root, base)
        except ConvaudioError as error:  # `bitrate must be one of …` named no file at all
            raise build_problems([_at_option(problem, toml_file, lines) for problem in each_problem(error)]) from None
        title = config.player_title
        # the same options as the plugin's: this one was left out of a render without a word (bug bash h-render)
        if config.podcast.enabled and getattr(args, "command", None) == "render":
            where = f"{toml_file}:{lines.get('podcast.enabled') or lines.get('podcast') or 1}"
            print(
                f"{where}: podcast.enabled: render writes no podcast feed (the MkDocs plugin's build does); your "
                "blog's own feed can link the MP3s, and their chapters files (`<podcast:chapters>`)",
                file=sys.stderr,
            )
    options.docs_dir = options.memo_docs_dir = root
    options.memo_kind = "render"  # its memo files and published folder are not the site's, even for `--root docs`
    options.root_folders = ("static",)  # Hugo publishes static/ at the root: `/dialogues/ep.json` may be there
    if args.engine:
        options.engine = args.engine
    if args.voice_map:
        options.voice_map = _flag_path(args.voice_map, options.base_dir, "--voice-map", found)
    if args.cache_dir:
        options.cache_dir = _flag_path(args.cache_dir, options.base_dir, "--cache-dir", found)
    if out is not None:
        options.audio_dir = ""
        options.publish_dir = out.resolve()
    for message in found:
        if warnings is not None:
            warnings.append(message)
        else:
            _print_warning(message)
    return options, title


def _flag_path(value: str, base_dir: Path, flag: str, warnings: list[str]) -> str:
    """A path given with a flag, from the current folder as every other path of the command line (`--out`,
    `--posts`, `--root`) is: read from `--root` (or the options file's folder), `--cache-dir` given from another
    folder made a second cache there, and every line was synthesized again (bug bash h-render). Where that
    folder's copy exists and the current folder's does not, the command line an earlier version ran: that copy is
    used, with a warning naming the flag to give (review r-render: a CI that worked must neither stop nor pay again,
    nor start a voice map of new voices)."""
    given = Path(value).absolute()
    before = base_dir / value
    if not before.exists() or before.resolve() == given.resolve():
        return str(given)
    try:
        keep = os.path.relpath(before)
    except ValueError:  # another drive (Windows): no relative path
        keep = str(before)
    if given.exists():  # both: the current folder's wins, said, or voices chosen in the other are lost unseen
        warnings.append(
            f"{flag} {value}: this run used {given} (a path on the command line is read from the current folder); "
            f"{before}, where earlier versions read it from (--root, or the options file's folder), is there too "
            f"and was not used: give {flag} {keep} to use it instead, {flag} {given} (an absolute path) to keep "
            "both without this warning, or delete the one you no longer want"
        )
        return str(given)
    warnings.append(
        f"{flag} {value}: a path on the command line is read from the current folder, where there is none "
        f"({given}); this run used {before}, where earlier versions read it from (--root, or the options file's "
        f"folder): give {flag} {keep} to keep it, or move it to {given}"
    )
    return str(before)


def _at_option(
    problem: ConvaudioError, toml_file: Path, lines: dict[str, int], name: str | None = None
) -> ConvaudioError:
    """A problem of the options read from convaudio.toml, at the line that sets `name` or the option it names
    (when it says nothing of where it is itself: a show file's problem names its own file). An option a problem
    knows the place of (`espeak.rate`) is at its own line, else its table's."""
    if problem.path is not None or not toml_file.is_file():
        return problem
    if name is None and isinstance(problem, OptionError):
        written = (".".join(problem.keys[:end]) for end in range(len(problem.keys), 0, -1))
        name = next((dotted for dotted in written if dotted in lines), None)
    return ConvaudioError(problem.message, str(toml_file), option_line(lines, problem.message, name))


def _site_player_title(config_file: str) -> str:
    from .plugin import ConvAudioPlugin

    config = read_config(config_file, [])  # its warnings were reported by `load_site`
    plugin = next(p for p in config.plugins.values() if isinstance(p, ConvAudioPlugin))
    return str(plugin.config.player_title)


def standalone_session(
    args: argparse.Namespace, out: Path | None, warned: list[str] | None = None
) -> tuple[AudioSession, str]:
    """The session of a run without MkDocs; the warnings it prints are added to `warned` too."""

    def warn(message: str) -> None:
        if warned is not None:
            warned.append(message)
        _print_warning(message)

    typos: list[str] = []
    options, title = standalone_options(args, out, typos)
    for message in typos:  # counted with the run's warnings: `--strict` fails on a misspelled option
        warn(message)
    try:
        # its info lines on stderr, not warned (`--strict` passes): a translation's speaker paired with the
        # original's, the new voices in the voice map, a retry, progress in CI were never said (bug bash h-render)
        return AudioSession(options, warn=warn, info=_print_info), title
    except ConvaudioError as error:
        if (located := _located_option_problems(error, args)) is error:
            raise
        raise located from None


def _located_option_problems(error: ConvaudioError, args: argparse.Namespace) -> ConvaudioError:
    """`error` at the line of the options it is about, of the `-f` mkdocs.yml or else convaudio.toml, as a build
    says it, when each of its problems is an `OptionError`: a bed or jingle of the options that cannot be decoded, as
    a missing one is (show bug bash: it named no file), an engine's option out of range (serve bug bash; `render`
    and `voices` named no file: review r-piper). Else, or with neither file, `error` as it is."""
    problems = each_problem(error)
    if not all(isinstance(problem, OptionError) for problem in problems):
        return error
    if args.config_file and Path(args.config_file).is_file():
        from .config import ConvAudioConfig
        from .plugin import located_options

        return located_options(problems, args.config_file, list(ConvAudioConfig()))
    toml_file = Path(args.toml or "convaudio.toml")
    if not toml_file.is_file():
        return error
    lines = toml_option_lines(toml_file.read_text(encoding="utf-8-sig"))
    return build_problems([_at_option(problem, toml_file, lines) for problem in problems])


#: Warnings said in this command: a site's config is read more than once (its options, then its build), and an
#: unknown option is said once.
_said: set[str] = set()


def _print_info(message: str) -> None:
    print(message, file=sys.stderr)


def _print_warning(message: str) -> None:
    message = where_first(message)
    if message not in _said:
        _said.add(message)
        print(f"warning: {message}", file=sys.stderr)


#: the files of one conversation in `--out`, beside its MP3 (`talk-1.mp3`), that a run writes
CONVERSATION_FILES = (".mp3", ".json", ".vtt", ".chapters.json", ".html", ".mp4")


def render_owner(args: argparse.Namespace, options: SessionOptions | None = None) -> str:
    """The run whose files in `--out` the outputs record names (`store.outputs`): a `--posts` run by its posts
    folder (and its `trigger_key` and `trigger_value` when not the default ones), a dialogue-file run by the files
    and folders it was given. A run removes only the files its own kind of run wrote there: another run writing
    into the same `--out` (dialogue files beside posts, as render.md suggests, another posts folder, or a config
    rendering the posts of another trigger key, `podcast: true`) keeps its files."""
    if args.posts:
        owner = f"posts:{Path(args.posts).resolve().as_posix()}"
        if options is not None and (options.trigger_key, options.trigger_value) != ("audio", True):
            # not for the default: the records of earlier runs name it without, and stay theirs
            value = json.dumps(options.trigger_value, sort_keys=True, default=str)
            owner += f"\ntrigger:{options.trigger_key}={value}"
        return owner
    return "files:" + "\n".join(sorted(Path(item).resolve().as_posix() for item in args.inputs))


def orphans_of(args: argparse.Namespace) -> Callable[[str], bool]:
    """Which earlier dialogue-file runs (their owners, `render_owner`) a dialogue-file run takes over the files of:
    a run given files by name is its own owner, so once a file was renamed (`render old.json`, then `render
    new.json`) the old one's files were only named, and stayed published. Taken over: a run whose every file is
    gone, each from a folder this run was given a file of, or below a folder it was given."""
    if args.posts:
        return lambda other: False
    given = [Path(item).resolve() for item in args.inputs]
    folders = [path for path in given if path.is_dir()]
    parents = {path.parent for path in given if not path.is_dir()}

    def adopts(other: str) -> bool:
        if not other.startswith("files:"):
            return False
        paths = [Path(name) for name in other[len("files:") :].split("\n") if name]
        return bool(paths) and all(
            not path.exists() and (path.parent in parents or any(path.is_relative_to(f) for f in folders))
            for path in paths
        )

    return adopts


def remove_unwritten(
    session: AudioSession,
    out: Path,
    batch: Batch,
    unwritten: Sequence[str],
    *,
    owner: str,
    snippets: Sequence[Path] = (),
    complete: bool = False,
    adopts: Callable[[str], bool] = lambda other: False,
) -> tuple[list[str], list[str]]:
    """Remove from `out` the `unwritten` files (a video or captions turned off: `unwritten_outputs`) that an
    earlier run recorded writing and that are still as it wrote them (`store.outputs`), and, for a `complete` run
    (every file and conversation it was given made), the files of the conversations an earlier run of the same
    `owner` wrote and this one no longer makes (a post renamed or deleted, a conversation removed, a draft left
    out after a `--drafts` run), each still as written, or none of that conversation's. Records every file of its
    conversations this run wrote. Returns the files removed that it no longer writes, and the conversations whose
    files it removed (`talk-1` for `talk-1.mp3`, `talk-1.json`, …); the others (the user's
    own files, ones replaced since, or written by a version that kept no record) stay, to be named. A complete run
    also removes so the files of the earlier runs it `adopts` (`orphans_of`: dialogue files renamed). The record's
    lock is held from its reading to its writing: another run into the same `--out` waits."""
    from .store.outputs import Outputs

    record = Outputs(session.cache, out)
    with record.held():
        return _remove_unwritten(session, out, batch, unwritten, record, owner, snippets, complete, adopts)


def _remove_unwritten(
    session: AudioSession,
    out: Path,
    batch: Batch,
    unwritten: Sequence[str],
    record: Outputs,
    owner: str,
    snippets: Sequence[Path],
    complete: bool,
    adopts: Callable[[str], bool],
) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    stale: list[str] = []
    by_conversation: dict[str, list[str]] = {}

    def unlink(name: str) -> bool:
        try:
            (out / name).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:  # named with the others, then
            _print_warning(f"cannot remove {out / name}, which this run no longer writes: {error}")
            return False
        return True

    for name in unwritten:
        if record.written_before(name) and unlink(name):
            removed.append(name)
    written: dict[str, Path | None] = {}
    made: set[str] = set()  # the conversations this run makes, by path below `out` without suffix
    for item in {item.audio_uri: item for item in batch.placed}.values():
        base = _below(session.published_path(item.audio_uri), out)[: -len(".mp3")]
        made.add(base)
        # the MP3 (without tags) and timings are hard links of the conversation's cache entry (`publish`)
        entries = {
            ".mp3": session.cache.conversation_mp3(item.job.key),
            ".json": session.cache.conversation_timings(item.job.key),
        }
        for kind in CONVERSATION_FILES:
            if kind != ".html" and (out / (base + kind)).is_file() and base + kind not in unwritten:
                written[base + kind] = entries.get(kind)
        if item.video_uri and (video := session.video_keys.get(item.audio_uri)) is not None:
            written[_below(session.published_path(item.video_uri), out)] = session.cache.video_path(video)
    for path in snippets:  # `out / name`: below `out` as given (`_below` named them from a symlink's target)
        if path.name != "convaudio-head.html":
            written[path.relative_to(out).as_posix()] = None
    if complete:
        owners = [owner, *sorted(other for other in record.owners() if other != owner and adopts(other))]
        for name in sorted({name for each in owners for name in record.owned(each)}):
            if name not in written and name not in removed:
                kind = next((kind for kind in CONVERSATION_FILES[::-1] if name.endswith(kind)), "")
                if (base := name[: len(name) - len(kind)]) not in made:  # its files are `unwritten`'s to remove
                    by_conversation.setdefault(base, []).append(name)
        for names in by_conversation.values():
            present = [name for name in names if (out / name).is_file()]
            if present and all(record.written_before(name) for name in present):
                stale += [name for name in present if unlink(name)]
    record.update(written, [*removed, *stale], owner)
    return removed, sorted(by for by, names in by_conversation.items() if set(names) & set(stale))


def _below(path: Path, out: Path) -> str:
    """`path`, a file published into `out`, as a path below it. Published paths are below `out` resolved (see
    `standalone_session`): a symbolic link given as `--out` named them `../real/ep1.mp4`, never matched again."""
    return Path(os.path.relpath(path, out.resolve())).as_posix()


def command_render(args: argparse.Namespace) -> int:
    """Render dialogue files, or the conversations of Markdown posts, into an output folder."""
    if not args.inputs and not args.posts:
        raise ConvaudioError("give dialogue .json files or folders to render, or --posts FOLDER")
    if args.inputs and args.posts:  # the files were left out without a word, and the run said it succeeded
        raise ConvaudioError(
            f"give dialogue files ({' '.join(args.inputs)}) or --posts {args.posts}, not both: run render once for "
            "each (with the same --out, if they belong together)"
        )
    if args.drafts and not args.posts:  # it was dropped without a word, as if every draft had been rendered
        raise ConvaudioError("--drafts renders the drafts among --posts; dialogue files have none: leave out --drafts")
    if args.url_prefix is not None and not args.posts:  # dropped without a word: only posts' snippets hold URLs
        raise ConvaudioError(
            "--url-prefix is the URL of --out in the HTML snippets written for --posts; dialogue files get no "
            "snippets: leave out --url-prefix"
        )
    # an explicit --toml wins over a mkdocs.yml that happens to be here (-f names one on purpose)
    explicit_toml = args.toml is not None and args.config_file is None
    require_given(args, folder=args.posts)
    if args.config_file is not None and not Path(args.config_file).is_file():
        raise ConvaudioError(f"{args.config_file} (given with -f) is not a file; give the file that holds the options")
    args.config_file = args.config_file or (os.devnull if explicit_toml else "mkdocs.yml")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ConvaudioError(f"{out} (given with --out) is a file; give a folder to write the audio into")
    # a file on the way (`--out blocker/sub`) was taken for a timings file in the way, or a traceback with --posts
    if blocker := next((folder for folder in out.parents if folder.exists() and not folder.is_dir()), None):
        raise ConvaudioError(f"{blocker} (in --out {out}) is a file, not a folder; choose another --out")
    root = Path(args.root)
    if not root.is_dir():  # it said every post was "outside the root folder nowhere" (bug bash h-render)
        raise ConvaudioError(f"{root} (given with --root) is not a folder; give the blog's root folder")
    warned: list[str] = []
    session, title = standalone_session(args, out, warned)
    if args.posts:
        batch = plan_posts(session, Path(args.posts), root, args.lang, drafts=args.drafts)
    else:
        batch = plan_dialogue_files(session, [Path(item) for item in args.inputs], root, args.lang, out)
    for warning in batch.warnings:
        _print_warning(warning)
    if batch.drafts:
        # said, not warned: leaving drafts out is what Hugo and Jekyll do (`--strict` passes)
        count = len(batch.drafts)
        print(
            f"{count} draft{'s' * (count != 1)} with audio left out ({', '.join(batch.drafts[:3])}"
            f"{f' and {count - 3} more' if count > 3 else ''}), as the blog's own build leaves drafts out; "
            "render them with --drafts",
            file=sys.stderr,
        )
    session.check()
    if args.dry_run or args.show_text:
        limit = session.options.max_characters if session.engine.is_cloud else None
        # `--strict` fails on the warnings a run would give, as the run itself does
        status = 1 if batch.skipped or (args.strict and batch.warnings + warned) else 0
        stand_by(status)
        if args.show_text:  # a blog without MkDocs had no way to see its lines' spoken text (bug bash h-render)
            print_text([session])
        else:
            print_estimate(session.renderer.estimate(session.jobs), limit)
        return status
    # recorded while the run holds the cache, before its first line, and again once it made every file it was
    # given: `cache prune` keeps what it uses
    session.before_render = lambda: record_run(args, session, batch, done=False)
    if args.strict:  # a run that fails at its end pays nothing and makes no fallback audio first, as a build does
        session.failing_warnings = lambda: len(batch.warnings) + len(warned)
    stats = session.render()
    # complete: every file and conversation it was given made, with the configured engine
    # drafts left out are not: what they used is kept in an entry of their own (`record_run`)
    left_out = batch.skipped or batch.nearly or any(mark in warning for mark in LEFT_OUT for warning in batch.warnings)
    if not left_out and not session.fell_back:
        with session.cache.locks.building():  # prune deletes key-lock files only while no run holds the cache
            record_run(args, session, batch, done=True)
    session.finish_build()
    prefix = args.url_prefix or url_prefix(out, root)
    if prefix and not prefix.endswith("/"):  # `--url-prefix https://cdn.example.com/talks` names a folder
        prefix += "/"
    if args.posts and not prefix:
        # relative to --out, the snippets' URLs break once included in a page at another address
        message = (
            f"--out {out} is outside --root {root}, so the snippets name the files relative to it, which breaks "
            "them in any page at another address; give --url-prefix (the URL of --out in the site)"
        )
        warned.append(message)
        _print_warning(message)
    elif args.posts and not args.url_prefix and (served := served_prefix(out, root)) is not None:
        # Hugo serves `static/conversations` at `/conversations/`, and a blog with a base path below it: the
        # snippets' URLs were 404s (bug bash h-render)
        message = (
            f"{(blog_generator(root) or 'the blog').title()} serves --out {out} at {served}, not at {prefix} (its "
            f"path below --root), so the snippets' URLs would not be found; give --url-prefix {served}"
        )
        warned.append(message)
        _print_warning(message)
    snippets = write_snippets(session, batch, out, prefix, title) if args.posts else []
    unwritten = unwritten_outputs(out, batch.placed, captions=session.options.captions)
    removed, gone = remove_unwritten(
        session,
        out,
        batch,
        unwritten,
        owner=render_owner(args, session.options),
        snippets=snippets,
        complete=not left_out,
        adopts=orphans_of(args),
    )
    if gone:
        # said, not warned: the run's own files of a conversation it no longer makes (`--strict` passes)
        count = len(gone)
        print(
            f"removed from {out} the files of {count} conversation{'s' * (count != 1)} an earlier run like this one "
            f"wrote and this one no longer makes ({', '.join(gone[:3])}{f' and {count - 3} more' if count > 3 else ''}"
            ": a post or dialogue file renamed or deleted, a conversation removed, or a draft left out)",
            file=sys.stderr,
        )
    if stale := stale_outputs(out, batch.placed, snippets=bool(args.posts), drafts=batch.draft_stems):
        # said, not warned, and nothing deleted: another run may write into the same --out (`--strict` passes)
        count = len(stale)
        print(
            f"{count} conversation{'s' * (count != 1)} in {out} {'is' if count == 1 else 'are'} no longer made by "
            f"this run ({', '.join(stale[:3])}{f' and {count - 3} more' if count > 3 else ''}: a post or dialogue "
            f"file renamed or deleted, or a conversation removed); {'its' if count == 1 else 'their'} files (.mp3, "
            ".json, .vtt, .chapters.json, .html, .mp4) stay until you delete them, unless another render run writes "
            "them (cache prune never touches --out)",
            file=sys.stderr,
        )
    if removed:
        # said, not warned: what a video or captions turned off leaves is the run's own file (`--strict` passes)
        count = len(removed)
        print(
            f"removed {count} file{'s' * (count != 1)} from {out} that an earlier run wrote and this one no longer "
            f"writes ({', '.join(removed[:3])}{f' and {count - 3} more' if count > 3 else ''}: a video or captions "
            "turned off)",
            file=sys.stderr,
        )
    if unwritten := [name for name in unwritten if name not in removed]:
        # said, not warned, and nothing deleted, as for the conversations above: not a file this command is known
        # to have written as it is (the user's own, one replaced since, or one written by an older version)
        count = len(unwritten)
        print(
            f"{count} file{'s' * (count != 1)} in {out} {'is' if count == 1 else 'are'} no longer written by this "
            f"run ({', '.join(unwritten[:3])}{f' and {count - 3} more' if count > 3 else ''}: a video or captions "
            f"turned off), and {'was' if count == 1 else 'were'} not written as {'it is' if count == 1 else 'they are'}"
            f" by an earlier run: {'it stays' if count == 1 else 'they stay'} until you delete "
            f"{'it' if count == 1 else 'them'} (cache prune never touches --out)",
            file=sys.stderr,
        )
    # as printed: a dialogue file linked from two posts says its warnings once (they were counted twice)
    problems = len(set(batch.warnings + warned))
    # a dialogue file linked from two posts is one set of files (it was counted once per post)
    made = {item.audio_uri: item for item in batch.placed}.values()
    videos = sum(1 for item in made if item.video_uri)
    chapters = sum(1 for item in made if item.has_chapters)
    # MP3, timings, captions; chapters; videos; snippets
    files = (3 if session.options.captions else 2) * len(made) + chapters + videos + len(set(snippets))
    skipped = f"; {len(batch.skipped)} dialogue file(s) skipped" if batch.skipped else ""
    written = f"{files} file{'s' * (files != 1)} in {out}"
    print(f"{stats.summary()}{session.fallback_note()}; {written}; {problems} warning{'s' * (problems != 1)}{skipped}")
    # a dialogue file named on the command line that made no MP3 is a failure even without --strict
    return 1 if batch.skipped or (args.strict and problems) else 0


class GivenOnce(argparse.Action):
    """An option a command takes once (the site's `-f`, `--toml`): a second one would otherwise replace the first
    without a word (only `cache prune` works on several sites)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        seen: set[str] = namespace.__dict__.setdefault("_given_once", set())
        if self.dest in seen:
            parser.error(f"{'/'.join(self.option_strings)} is given more than once; this command reads one")
        seen.add(self.dest)
        setattr(namespace, self.dest, values)


def _standalone_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=".", help="the site's root folder (links and voice-map keys start here)")
    parser.add_argument("--lang", help="language of files that name none (front matter `lang`, or a -xx suffix)")
    parser.add_argument(
        "-f",
        "--config-file",
        action=GivenOnce,
        help="read options from this MkDocs site (default: mkdocs.yml, if here)",
    )
    parser.add_argument(
        "--toml", action=GivenOnce, help="else read options from this file (default: convaudio.toml, if here)"
    )
    parser.add_argument("--engine", choices=list(engine_names()), help="override the configured engine")
    parser.add_argument("--voice-map", help="override the voice-map file")
    parser.add_argument("--cache-dir", help="override the cache folder")


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


AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _duration(text: str) -> float:
    """`30d`, `12h`, `90m`, `45s`, `2w` or a number of days → seconds; 0 is any age (as if not given)."""
    given = text.strip().lower()
    number, unit = (given[:-1], given[-1]) if given and given[-1] in AGE_UNITS else (given, "d")
    try:
        seconds = float(number) * AGE_UNITS[unit]
    except ValueError:
        raise ValueError("empty" if not given else "not an age") from None
    # a negative time would keep nothing (as if `--older-than` were not given): a typo must not cost that
    if seconds < 0:
        raise ValueError("an age cannot be negative")
    if not math.isfinite(seconds):
        raise ValueError("not a finite age")
    return seconds


def open_site_cache(config_file: str, *, shared: bool = True) -> tuple[AudioCache, SharedStore | None]:
    """The site's local cache and (when configured) its shared store; shared-store failures raise."""
    options, _ = load_site(config_file)
    return open_options_cache(options, shared=shared)


def options_file(args: argparse.Namespace) -> str:
    """The file a `cache` subcommand reads its options from (see `open_command_cache`)."""
    return str(args.config_file or ("mkdocs.yml" if Path("mkdocs.yml").is_file() else args.toml))


def command_caches(
    configs: list[str], toml: str, *, shared: bool = True
) -> tuple[list[str], list[tuple[AudioCache, SharedStore | None]]]:
    """The sites a `cache` subcommand works for and their caches: the configs given, else mkdocs.yml here; else
    (no mkdocs.yml, or one that does not use the plugin) no site, and the cache the blog's convaudio.toml names,
    as `render` finds it."""
    sites = configs or (["mkdocs.yml"] if Path("mkdocs.yml").is_file() else [])
    try:
        if sites:
            return sites, [open_site_cache(config, shared=shared) for config in sites]
    except PluginNotEnabled:
        if configs or not Path(toml).is_file():
            raise
    if Path(toml).is_file():  # no site here, or one that does not use the plugin
        flags = argparse.Namespace(root=".", toml=toml, config_file="", engine=None, voice_map=None, cache_dir=None)
        return [], [open_options_cache(standalone_options(flags, None)[0], shared=shared)]
    raise ConvaudioError(
        f"no mkdocs.yml (nor {toml}) in this folder: give the site's config (-f path/to/mkdocs.yml), or, for a blog "
        "rendered with `mkdocs-convaudio render`, run this where its convaudio.toml is (or give --toml "
        "path/to/convaudio.toml); render runs given their options on the command line only: write those options "
        "(the `cache_dir` you gave render, if any) in a convaudio.toml here, or create an empty one"
    )


def open_command_cache(args: argparse.Namespace, *, shared: bool = True) -> tuple[AudioCache, SharedStore | None]:
    """The one cache of `cache stats|verify|push|pull` (see `command_caches`), its shared store checked to be
    there."""
    cache, store = command_caches([args.config_file] if args.config_file else [], args.toml, shared=shared)[1][0]
    if store is not None:
        store.check_reachable()
    return cache, store


def open_options_cache(options: SessionOptions, *, shared: bool = True) -> tuple[AudioCache, SharedStore | None]:
    """The local cache these options name and (when configured) their shared store; shared-store failures raise."""
    from .build import open_cache

    root = Path(options.cache_dir)
    root = root if root.is_absolute() else options.base_dir / root
    if shared and options.shared_cache:
        options.shared_cache_required = True  # a cache command reports a store it cannot reach
    else:
        options.shared_cache = None
    # a command stops on a store that fails half-way too (a pull that half-failed must not look done)
    cache = open_cache(
        options, root, os.environ, lambda message: print(f"warning: {message}", file=sys.stderr), stop_when_lost=True
    )
    store = cache.remote if isinstance(cache.remote, SharedStore) else None
    return cache, store


def _shown(path: Path) -> str:
    """A folder as a message names it: relative to the working folder when inside it, else whole."""
    resolved = path.resolve()
    here = Path.cwd().resolve()
    return resolved.relative_to(here).as_posix() if resolved.is_relative_to(here) else resolved.as_posix()


def _noun(number: int, thing: str) -> str:
    """`thing` for one, else its plural (`entry`, `entries`; `file`, `files`)."""
    if number == 1:
        return thing
    return f"{thing[:-1]}ies" if thing.endswith("y") else f"{thing}s"


def _count(number: int, thing: str) -> str:
    """`1 entry`, `2 entries`, `0 files`."""
    return f"{number} {_noun(number, thing)}"


def _print_stats(where: str, entries: dict[tuple[str, str], inventory.Entry]) -> None:
    """The entries by kind; a line's figures (which builds keep local, see `inventory.is_figures`) on a row of
    their own, so that a kind's size is the same in the local cache and in the shared one, and the rows add up to
    the total."""
    by_kind = inventory.stats(entries)
    print(f"{where}: {_count(len(entries), 'entry')}, {_size(sum(e.size for e in entries.values()))}")
    for kind, numbers in by_kind.items():
        print(
            f"  {kind:<14} {numbers.entries:>6} {_noun(numbers.entries, 'entry'):<7}  {_size(numbers.bytes):>9}  "
            f"oldest use {_when(numbers.oldest)}  newest use {_when(numbers.newest)}"
        )
    figures = sum(numbers.figures for numbers in by_kind.values())
    if figures:
        size = sum(numbers.figures_bytes for numbers in by_kind.values())
        print(
            f"  {'line figures':<14} {figures:>6} {_noun(figures, 'file'):<7}  {_size(size):>9}  "
            "measured from the lines; builds do not share them"
        )


def command_cache_stats(args: argparse.Namespace) -> int:
    cache, store = open_command_cache(args)
    local = inventory.local_entries(cache)
    _print_stats(f"local {cache.root}", local)
    if store is not None:
        remote = inventory.shared_entries(store)
        _print_stats(f"shared {store.display}", remote)
        # segments stay local by design (`push` never uploads them): not "only local" for the comparison
        shareable = {key for key in local if key[0] not in inventory.LOCAL_ONLY}
        # named, so that the three counts and this one add up to the local total above
        kept_local = (
            f", local by design (segments): {len(local) - len(shareable)}" if len(shareable) < len(local) else ""
        )
        print(
            f"  only local: {len(shareable - remote.keys())}, only shared: {len(remote.keys() - local.keys())}, "
            f"both: {len(shareable & remote.keys())}{kept_local}"
        )
    return 0


def other_sites_message(
    root: Path, others: dict[str, tuple[list[str], float]], configs: list[str], shared: bool
) -> str:
    """Why prune will not run for some of the sites that share a cache folder, and what to do."""
    listed = "; ".join(
        f"{', '.join(names)} (last changed {time.strftime('%Y-%m-%d %H:%M', time.localtime(newest))})"
        for names, newest in others.values()
    )
    given = " ".join(["--shared"] * shared + [f"-f {shlex.quote(config)}" for config in configs] + ["-f OTHER.yml"])
    pruned = ", ".join(configs) or "the render runs recorded there"
    # mkdocs-convaudio 0.1.0 named every site's files without a tag: a site with another docs folder leaves them
    upgraded = (
        " Files without a digest in their names may also be left by mkdocs-convaudio 0.1.0, whose builds named "
        "them so for every site."
        if "" in others
        else ""
    )
    several = len(others) > 1
    return (
        f"{root} is also the cache folder of {'other sites' if several else 'another site'} (or of a "
        f"`mkdocs-convaudio render` run): {listed}. Pruning for {pruned} alone would remove the audio "
        f"{'they use' if several else 'it uses'}, and the next build would synthesize (and pay for) it again. "
        f"Give every site's config (`mkdocs-convaudio cache prune {given}`); render runs whose "
        "record is gone (or made by an earlier version) are recorded once made again: make every run from that "
        "root first (prune keeps only what recorded runs use); "
        "for a site or render run that is gone (a renamed docs folder leaves its files too), delete the files "
        f"named here first (they only save work).{upgraded}"
    )


def _main_file(entry: inventory.Entry) -> str:
    """An entry's file as it lies in the cache (`lines/2d/2d21….flac`), not its record: a path one can paste into
    `ls` or `aws s3 ls` (bug bash 112: `lines/2d21…` named no file)."""
    files = sorted(entry.files, key=lambda name: (name.endswith(".json") or ".check" in name, name))
    return files[0] if files else f"{entry.kind}/{entry.key}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mkdocs-convaudio")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


#: How far the store's clock may be from this machine's, plus its dates' whole second: S3 refuses requests whose
#: clock is 15 minutes off. Shared entries dated that close to prune's start are kept.
STORE_CLOCK_MARGIN = 15 * 60 + 1.0


def command_cache_prune(args: argparse.Namespace) -> int:
    # what a build makes or uses after this moment (while the site is planned, or while prune waits for a running
    # build) belongs to a site newer than the plan: never removed
    started = time.time()
    # no site (a blog without MkDocs): the render runs recorded in its cache are its use
    configs, caches = command_caches(args.config_file or [], args.toml, shared=args.shared)
    cache, store = caches[0]
    if store is not None:
        store.check_reachable()
    if args.shared and store is None:  # it pruned the local cache alone, as if --shared were not given
        where = configs[0] if configs else args.toml
        raise ConvaudioError(
            "this site sets no shared_cache to prune; leave out --shared to prune the local cache", where
        )
    if len({other.root.resolve() for other, _ in caches}) > 1:
        folders = ", ".join(f"{config}: {other.root}" for config, (other, _) in zip(configs, caches, strict=True))
        raise ConvaudioError(f"these sites keep their audio in different cache folders ({folders}); prune each alone")
    if len({other.display if other else None for _, other in caches}) > 1:
        raise ConvaudioError("these sites share different caches on object storage; prune each alone")
    used: set[str] = set()
    uris: dict[str, set[str]] = {}
    sites: dict[str, AudioCache] = {}  # each site's cache as its build names it (`build.memo_tag`), by tag
    # what `mkdocs serve` previews (drafts) is used too: removed, its next preview would pay for it again
    skipped: list[int] = []
    planned = [session for config in configs for session in plan_site_sessions(config, previews=True, skipped=skipped)]
    count = sum(skipped)
    if count and args.dry_run and not args.force:
        print(
            f"warning: {count} conversation(s) skipped while planning: prune without --dry-run stops", file=sys.stderr
        )
    if count and not args.force and not args.dry_run:
        raise ConvaudioError(
            f"{count} conversation{'s were' if count != 1 else ' was'} skipped while planning (the warnings above), "
            "so prune cannot tell which entries they use and would remove them, to be paid for again once fixed; "
            "fix them first, or pass --force"
        )
    for session in planned:
        # the tag the plan's build found: a plugin may have moved the docs folder meanwhile
        sites.setdefault(session.cache.memo_tag, session.cache)
        site_uris = uris.setdefault(session.cache.memo_tag, set())
        for item in session.placed.values():
            used.add(item.job.key)
            used.update(key for part in item.job.all_parts for key in part.keys)
            used.update(cache.conversation_segments(item.job.key))
            site_uris.update((item.audio_uri, item.timings_uri))
            if session.options.captions:
                site_uris.add(item.captions_uri)
            if item.has_chapters:
                site_uris.add(item.chapters_uri)
            if (plan := item.video_plan) is not None and item.video_uri is not None:
                used.add(video_key(item.job.key, plan, session.options.show.video_settings))
                site_uris.add(item.video_uri)
    action = "would remove" if args.dry_run else "removed"
    with contextlib.nullcontext() if args.dry_run else cache.locks.maintenance(args.wait):
        # what the `render` runs recorded in the cache folder used the last time each was made (read once no
        # run is rendering: one may have recorded meanwhile); they publish into their own output folders
        recorded, damaged = renders.recorded(cache.root)
        if damaged:
            message = (
                f"{', '.join(damaged)} in {cache.root} cannot be read (damaged, or written by another version), so "
                "prune cannot tell what those render runs use; delete it, then make each render run from that root "
                "once (render never replaces a record it cannot read)"
            )
            if not args.dry_run:
                raise ConvaudioError(message)
            print(f"warning: {message}", file=sys.stderr)
        if not configs and not recorded and not damaged:
            raise ConvaudioError(
                f"no render run is recorded in {cache.root}, so prune cannot tell what this blog uses and would "
                "remove everything; make each of its `mkdocs-convaudio render` runs once with this cache folder"
            )
        for tag, (conversations, keys) in recorded.items():
            sites.setdefault(tag, cache)
            used.update(keys)
            used.update(part for key in conversations for part in cache.conversation_segments(key))
        # other sites sharing the cache folder (looked for once no build runs: one may have started meanwhile):
        # what only they use is theirs, not unused; not even with `--older-than` (such a site may not have been
        # built for a while)
        others = {tag: found for tag, found in inventory.sites_in(cache.root).items() if tag not in sites}
        if others:
            message = other_sites_message(cache.root, others, configs, args.shared)
            if not args.dry_run:
                raise ConvaudioError(message)
            print(f"warning: {message}", file=sys.stderr)
        # the lines of conversations kept for their recent use (another branch's) stay with them; the shared
        # cache's first: a record it cannot read stops prune before anything is removed
        remote: list[inventory.Entry] = []
        stale_uses: list[str] = []
        if store is not None:
            shared = inventory.shared_entries(store)
            recent: set[str] = set()
            if args.older_than > 0:
                # what builds on other machines and branches used lately, by their use records (the store's own
                # dates are uploads); older records protect nothing within this time, and go
                recent, stale_uses = uses.recent(store, started - args.older_than)
            # conversations kept for a recent upload or a recent use record, with their lines and segments; the
            # store dates objects by its own clock, in whole seconds: one uploaded just after prune started must
            # not count as older (bug bash 120 lost 17 lines of a build running meanwhile)
            store_started = started - STORE_CLOCK_MARGIN
            kept = inventory.kept_conversations(shared, used, args.older_than, store_started)
            kept += [key for kind, key in shared if kind == "conversations" and key in recent and key not in used]
            in_use = used | recent | inventory.shared_conversation_parts(store, cache, set(kept))
            remote = inventory.unused(shared, in_use, args.older_than, store_started)
            # the store's first: credentials that cannot delete stop prune before the local cache lost anything
            for entry in remote:
                if not args.dry_run:  # said once done: a refused delete stops prune with its reason
                    for relative in entry.files:
                        store.remove(relative)
                print(f"{action} {store.display}/{_main_file(entry)} ({_size(entry.size)})")
            print(f"shared: {action} {_count(len(remote), 'entry')} ({_size(sum(e.size for e in remote))})")
            # claims builds killed while making lines left (a build that needs one of those lines waits a minute)
            if claims := store.sweep_claims(dry_run=args.dry_run):
                print(f"shared: {action} {_count(claims, 'claim')} of lines left by stopped builds")
        local = inventory.local_entries(cache)
        kept = inventory.kept_conversations(local, used, args.older_than, started)
        in_use = used.union(*(cache.conversation_parts(key) for key in kept))
        doomed = inventory.unused(local, in_use, args.older_than, started)
        # named with the cache folder, as shared entries are with the store: `removed site/assets/convaudio/x.mp3`
        # read like a deletion from the built site
        where = _shown(cache.root)
        for entry in doomed:
            print(f"{action} {where}/{_main_file(entry)} ({_size(entry.size)})")
            if not args.dry_run:
                inventory.remove_local(cache, entry)
        stale = [path for tag, site_uris in uris.items() for path in inventory.stale_published(sites[tag], site_uris)]
        for path in stale:
            copy = path.relative_to(cache.root).as_posix()
            print(f"{action} {where}/{copy} (the cache's copy; the built site is left alone)")
            if not args.dry_run:
                path.unlink(missing_ok=True)
        if not args.dry_run:
            inventory.remove_key_locks(cache)
        total = sum(entry.size for entry in doomed)
        print(f"local: {action} {_count(len(doomed), 'entry')} ({_size(total)}) that no page uses")
        if store is not None:
            if not args.dry_run:
                stale_uses = uses.still_stale(store, started - args.older_than, stale_uses)
            for relative in stale_uses:
                print(f"{action} {store.display}/{relative} (a use record older than --older-than)")
                if not args.dry_run:
                    store.remove(relative)
    return 0


def command_cache_verify(args: argparse.Namespace) -> int:
    cache, store = open_command_cache(args, shared=args.shared)
    if args.shared and store is None:  # it checked the local cache alone, as if --shared were not given
        raise ConvaudioError("this site sets no shared_cache to verify; leave out --shared", options_file(args))
    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(message)
        print(message)

    with cache.locks.maintenance(args.wait):
        checked = len(inventory.local_entries(cache))
        dropped = inventory.verify_local(cache, report)
        print(f"local: {_count(checked, 'entry')} checked, {dropped} corrupt (removed)")
        if store is not None:
            checked, dropped = inventory.verify_shared(store, report)
            print(f"shared: {checked} objects checked, {dropped} corrupt (removed)")
    return 1 if problems else 0


def command_cache_push(args: argparse.Namespace) -> int:
    cache, store = open_command_cache(args)
    if store is None:
        raise ConvaudioError("this site sets no shared_cache to push to", options_file(args))
    uploaded, refused = inventory.push(cache, store)
    left_out = f"; {_count(refused, 'damaged entry')} left out" if refused else ""
    print(f"pushed {_count(len(uploaded), 'file')} to {store.display}{left_out}")
    return 1 if refused else 0


def command_cache_pull(args: argparse.Namespace) -> int:
    cache, store = open_command_cache(args)
    if store is None:
        raise ConvaudioError("this site sets no shared_cache to pull from", options_file(args))
    downloaded, refused = inventory.pull(cache, store)
    left_out = f"; {_count(refused, 'entry')} left out" if refused else ""
    print(f"pulled {_count(len(downloaded), 'file')} from {store.display}{left_out}")
    return 1 if refused else 0


def add_cache_parser(commands: Any) -> None:
    cache = commands.add_parser("cache", help="inspect, prune, verify and sync the audio cache")
    actions = cache.add_subparsers(dest="action", required=True)
    runs = {
        "stats": (command_cache_stats, "entries, bytes and use by kind, local and shared", ""),
        "prune": (command_cache_prune, "remove entries that no page of the site uses", ""),
        "verify": (
            command_cache_verify,
            "re-check entries; remove and report corrupt ones",
            "1 when it found (and removed) a corrupt entry, ",
        ),
        "push": (
            command_cache_push,
            "upload local entries the shared cache lacks",
            "1 when it left out a damaged entry, ",
        ),
        "pull": (
            command_cache_pull,
            "download shared entries the local cache lacks",
            "1 when it left out an entry damaged in the shared cache, ",
        ),
    }
    for name, (run, help_text, failure) in runs.items():
        action = actions.add_parser(
            name,
            help=help_text,
            description=f"{help_text[0].upper()}{help_text[1:]}. Exit status: 0, {failure}2 for "
            "the site's or the cache's errors.",
        )
        if name == "prune":  # every site that shares the cache folder, together
            site_help = "the site's mkdocs.yml; once per site when several share the cache folder"
            action.add_argument("-f", "--config-file", action="append", help=site_help)
        else:
            action.add_argument(
                "-f", "--config-file", action=GivenOnce, help="the site's mkdocs.yml (default: the one here)"
            )
        action.set_defaults(run=run)
        action.add_argument(
            "--toml",
            action=GivenOnce,
            default="convaudio.toml",
            help="a blog without MkDocs: the options `render` reads",
        )
        if name in ("prune", "verify"):
            action.add_argument("--shared", action="store_true", help="also the shared cache (off by default)")
            action.add_argument(
                "--wait",
                type=_seconds,
                default=600.0,
                help="seconds to wait for running builds (default 600)",
            )
        if name == "prune":
            action.add_argument(
                "--older-than",
                action=ParsedValue,
                parse=_duration,
                example="give how long ago a build last used an entry, e.g. --older-than 30d or 12h "
                "(a number and s, m, h, d or w; a bare number is days)",
                default=0.0,
                help="only entries no build used for this long (30d, 12h, 90m; default: any)",
            )
            action.add_argument("--dry-run", action="store_true", help="list what would be removed, remove nothing")
            action.add_argument(
                "--force", action="store_true", help="prune even when the plan skipped a conversation (broken JSON)"
            )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-convaudio", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    estimate = commands.add_parser(
        "estimate",
        help="lines, characters and price the next build would synthesize, and each conversation's length",
        description="Lines, characters and price the next build would synthesize, and how long each conversation's "
        "audio is (estimated, marked ~, until its MP3 is made). Exit status: 0, 1 when that "
        "build would stop before sending anything (over max_characters, or no credentials and no fallback engine), "
        "2 for the site's errors.",
    )
    estimate.add_argument("-f", "--config-file", action=GivenOnce, default="mkdocs.yml", help="the site's mkdocs.yml")
    estimate.add_argument(
        "--show-text", action="store_true", help="list every line's written and spoken text instead of prices"
    )
    estimate.set_defaults(run=command_estimate)
    say = commands.add_parser(
        "say",
        help="print the words a line would be spoken as",
        description="Print the words a line would be spoken as (what the engine is sent), one line each. Exit "
        "status: 0, 2 for an unknown --lang or the site's errors.",
    )
    say.add_argument("text", nargs="*", help="the written line (default: read lines from standard input)")
    say.add_argument("--lang", help="the page language (default: the site's theme language, else en)")
    say.add_argument(
        "-f", "--config-file", action=GivenOnce, default="mkdocs.yml", help="use this site's pronunciation lexicon"
    )
    say.add_argument(
        "--toml", action=GivenOnce, help="else the lexicon this file names, as `render` does (default: convaudio.toml)"
    )
    say.set_defaults(run=command_say)
    voices = commands.add_parser(
        "voices",
        help="list the voices an engine offers",
        description="List the voices an engine offers, or with --map each voice-map entry and the posts that use "
        "it. Exit status: 0, 2 when the engine has no voice for --lang, or for the site's errors.",
    )
    voices.add_argument(
        "--engine", choices=list(engine_names()), help="default: the site's engine, else convaudio.toml's, else espeak"
    )
    voices.add_argument("--lang", help="only voices for this language, e.g. fr")
    voices.add_argument(
        "-f", "--config-file", action=GivenOnce, default="mkdocs.yml", help="read engine options from this site"
    )
    voices.add_argument("--map", action="store_true", help="list each voice-map entry and the posts that use it")
    voices.add_argument("--posts", help="with --map: posts in this folder instead of a MkDocs site")
    voices.add_argument("--root", default=".", help="with --posts: the site's root folder")
    voices.add_argument(
        "--toml",
        action=GivenOnce,
        help="options from this file where there is no site (default: convaudio.toml, if here)",
    )
    voices.add_argument("--voice-map", help=argparse.SUPPRESS)
    voices.add_argument("--cache-dir", help=argparse.SUPPRESS)
    voices.set_defaults(run=command_voices)
    render = commands.add_parser(
        "render",
        help="render dialogue files or Markdown posts to MP3s, without MkDocs",
        description="Render dialogue files or Markdown posts to MP3s, timings and captions (and HTML snippets for "
        "posts), without MkDocs; drafts (`draft: true`, `published: false`, Jekyll's _drafts/) only with "
        "--drafts. Exit status: 0, 1 when a dialogue file was skipped (or, with --strict, there were warnings), 2 "
        "for errors in the files or options.",
    )
    render.add_argument("inputs", nargs="*", help="dialogue .json files, or folders of them")
    render.add_argument("--posts", help="a folder of Markdown posts (Jekyll _posts/, Hugo content/, ...)")
    render.add_argument("--out", required=True, help="where MP3s, timings (and with --posts, HTML snippets) go")
    render.add_argument("--url-prefix", help="URL of --out in the site, for snippets (default: from --root)")
    render.add_argument("--dry-run", action="store_true", help="print what would be synthesized and its price")
    render.add_argument("--strict", action="store_true", help="exit 1 when there were warnings")
    render.add_argument(
        "--show-text",
        action="store_true",
        help="list every line's written and spoken text instead of rendering (as estimate --show-text); writes nothing",
    )
    render.add_argument(
        "--drafts",
        action="store_true",
        help="with --posts: render drafts too (Hugo's `draft: true`, `published: false`, posts in Jekyll's "
        "_drafts/); left out by default, as Hugo and Jekyll leave them out of the site unless built with "
        "--buildDrafts or --drafts (--unpublished)",
    )
    _standalone_flags(render)
    render.set_defaults(run=command_render)
    add_cache_parser(commands)
    return parser


def _seconds(text: str) -> float:
    """A number of seconds, 0 or more (argparse's type for --wait)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text} is not 0 or more seconds")
    return value


class ParsedValue(argparse.Action):
    """An option whose value `parse` checks: a bad one is refused in one line, with an example of a good one,
    rather than argparse's usage screen above it (`cache prune --older-than -5d`)."""

    def __init__(self, *args: Any, parse: Callable[[str], float], example: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parse = parse
        self.example = example

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        try:
            setattr(namespace, self.dest, self.parse(str(values)))
        except ValueError as error:
            parser.exit(2, f"{parser.prog}: {option_string} {shlex.quote(str(values))}: {error}; {self.example}\n")


# options whose value may begin with a minus (`--older-than -5d`): argparse takes `-5d` for an option and says
# only "expected one argument"; glued to its option, the value reaches ParsedValue, which says what is wrong
SIGNED_OPTIONS = ("--older-than",)


def glue_signed_values(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """`--older-than -5d` → `--older-than=-5d` (argparse reads the latter as the option's value), and the same for
    a prefix argparse would take for it in that subcommand (`--older -5d`)."""
    options = _option_strings(_subcommand_parser(parser, argv))
    glued: list[str] = []
    for word in argv:
        if glued and _names_signed_option(glued[-1], options) and word[:1] == "-" and word[1:2] in set("0123456789."):
            glued[-1] = f"{glued[-1]}={word}"
        else:
            glued.append(word)
    return glued


def _subcommand_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of the subcommand `argv` names (`cache prune`'s), or `parser` when it names none."""
    for word in argv:
        if word.startswith("-"):
            continue
        chosen = next(
            (
                action.choices[word]
                for action in parser._actions  # argparse keeps its subcommands there, and offers no other way
                if isinstance(action, argparse._SubParsersAction) and word in action.choices
            ),
            None,
        )
        if chosen is None:
            break
        parser = chosen
    return parser


def _option_strings(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions for name in action.option_strings]


def _names_signed_option(word: str, options: list[str]) -> bool:
    """Whether `word` is a signed option, or a prefix argparse resolves to one and no other (`--older`)."""
    if word in SIGNED_OPTIONS:
        return True
    if not word.startswith("--") or "=" in word or word in options:
        return False
    matches = [option for option in options if option.startswith(word)]
    return len(matches) == 1 and matches[0] in SIGNED_OPTIONS


def _escape_unwritable(error: UnicodeError) -> tuple[str | bytes, int]:
    """The error handler of an output whose encoding cannot write every character (ASCII under the C locale with
    PYTHONUTF8=0): the bytes of a file name as they are on disk, as Python writes them there by default
    ("surrogateescape"), and `\\xeb` for other text (a speaker "Zoë"), as Python writes to stderr, where
    "surrogateescape" alone would stop the command in a UnicodeEncodeError."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        return codecs.lookup_error("surrogateescape")(error)
    except UnicodeEncodeError:
        return codecs.backslashreplace_errors(error)


codecs.register_error("convaudio-escape", _escape_unwritable)


def tolerant_stdout() -> None:
    """Make printing never fail on a character the terminal's encoding lacks (see `_escape_unwritable`)."""
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and codecs.lookup(stdout.encoding).name != "utf-8":
        stdout.reconfigure(errors="convaudio-escape")


#: The status of a command whose answer was settled before its output, if it was: see `stand_by`.
_settled_status: list[int] = []


def stand_by(status: int) -> None:
    """Settle the command's exit status before it prints: a reader that goes away (`estimate | head -1`) then ends
    the command quietly with this status. Without it, a broken pipe ends a command with status 1, as Python's
    docs advise (a `cache prune` cut off there may not have finished); but `estimate`'s 1 says "the build would
    stop", which a CI step acts on, and a reader's leaving must not say that of a build that would go on."""
    _settled_status[:] = [status]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = glue_signed_values(sys.argv[1:] if argv is None else argv, parser)
    args, unknown = parser.parse_known_args(words)
    if unknown:  # argparse says it with the top level's usage: the subcommand's says what it takes
        _subcommand_parser(parser, words).error(f"unrecognized arguments: {' '.join(unknown)}")
    tolerant_stdout()
    _said.clear()
    _settled_status.clear()
    new_run()
    # the engine the command makes, when not the configured one: a typo in that one's table is warned of then
    made = ENGINE_MADE.set("" if getattr(args, "command", None) == "say" else getattr(args, "engine", None))
    try:
        # SIGTERM (a CI job cancelled, `timeout`) stops any command as Ctrl-C does, not only its synthesis: while
        # `render` wrote its output folder it killed the process, leaving temporary files there (bug bash h-render)
        with terminate_as_interrupt():
            status = int(args.run(args))
        sys.stdout.flush()  # here, not at exit: a reader gone by then is a BrokenPipeError caught below
        return status
    except ConvaudioError as error:
        print(f"mkdocs-convaudio: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`... | head`): no traceback, and the status the command settled on (`stand_by`),
        # else 1 as Python's docs advise. Python would report the pipe again when it flushes stdout at exit, so
        # stdout is pointed at nothing first (the docs' recipe)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _settled_status[0] if _settled_status else 1
    except KeyboardInterrupt:
        # Ctrl-C (or SIGTERM, taken as one): what was made is cached, nothing is half-written;
        # a word, as `mkdocs build` says, not a traceback (bug bash 111). 130: the shell's status for SIGINT
        say_stopped()
        return INTERRUPTED
    finally:
        ENGINE_MADE.reset(made)
        shut_down_plugins()


def shut_down_plugins() -> None:
    """The MkDocs plugins the command started (its site built in dry-run mode) shut down, as `mkdocs build` does at
    its end, and every plugin it loaded forgotten: MkDocs keeps a plugin that has `on_startup` or `on_shutdown` for
    the process's next config (as `mkdocs serve` rebuilds with it), so a later command of the process makes it anew.
    Material's blog plugin makes a temporary folder when it is made and removes it only at shutdown: each `estimate`
    of a blog left one in /tmp. A plugin only loaded (`say`, `voices` and `cache stats` read a site's options) is not
    shut down, as MkDocs never does either: Material's social plugin's shutdown needs what its startup and its
    `on_config` made, and failed with a traceback; the blog plugin's folder is removed while empty."""
    started = list(_started.values())
    made = [plugin for key, plugin in _made.items() if key not in _started]
    _started.clear()
    _made.clear()
    if "mkdocs.config.defaults" not in sys.modules:  # no site was read: MkDocs is not even imported
        return
    from mkdocs.config.config_options import Plugins
    from mkdocs.config.defaults import MkDocsConfig

    option = MkDocsConfig.plugins
    if isinstance(option, Plugins):
        option.plugin_cache.clear()
    for plugin in started:
        if (shut_down := getattr(plugin, "on_shutdown", None)) is not None:
            shut_down()
    for plugin in made:
        # not shut down (see above), Material's blog plugin left the empty folder it makes when it is made in /tmp,
        # one per `say`, `voices`, `render` and `cache stats` of a blog: removed while empty, as only the build it
        # was never started for would fill it (a folder holding anything is left alone). That plugin's only, its
        # own `mkdtemp()`: another plugin's `temp_dir` may be a folder of the user's, there before the command
        if type(plugin).__module__ == _BLOG_PLUGIN and isinstance(folder := getattr(plugin, "temp_dir", None), str):
            with contextlib.suppress(OSError):
                os.rmdir(folder)


#: the module of Material's blog plugin, which makes a temporary folder when it is made (`shut_down_plugins`)
_BLOG_PLUGIN = "material.plugins.blog.plugin"
