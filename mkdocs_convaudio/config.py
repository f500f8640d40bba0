"""The plugin's options, typed and validated by MkDocs; each engine's options become a `SubConfig` of its name."""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c

from .audio.assembly import AssemblySettings
from .build import SessionOptions
from .engines import ENGINE_MADE, engine_class, engine_names
from .engines.base import EngineOptions, option_types
from .errors import ConvaudioError
from .html.labels import DEFAULT_TITLE
from .retry import RetryPolicy
from .voices.translations import is_language_code, normal

ENGINE_NAMES = engine_names()

# Defaults are declared once, where the core declares them: MkDocs options read them from there.
_ASSEMBLY = AssemblySettings()
_RETRY = RetryPolicy()
_SESSION = SessionOptions(docs_dir=Path("docs"), base_dir=Path())


def _option(kind: Any, default: Any) -> base.BaseConfigOption[Any]:
    """An MkDocs config option for one typed field of an engine's options dataclass."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        return c.Optional(_option(inner, None))
    if origin is Literal:
        return c.Choice(args, default=default)
    if origin in (types.UnionType, typing.Union):
        bases = tuple(typing.get_origin(arg) or arg for arg in args)
        return c.Type(bases, default=default)
    plain = origin or kind
    item = args[-1] if args else Any
    if plain is list and item is not Any:  # each item is checked: `voices_dirs: [3]` names the option
        return c.ListOfItems(_option(item, None), default=default)
    if plain is dict and item is not Any:
        return c.DictOfItems(_option(item, None), default=default)
    if plain is float:
        return c.Type((int, float), default=default)
    if plain in (bool, int, str, list, dict):
        return c.Type(plain, default=default)
    return c.Type(object, default=default)


def engine_config(options_class: type[EngineOptions]) -> type[base.Config]:
    """A `Config` subclass with one option per field of `options_class` (defaults from the dataclass)."""
    attributes: dict[str, Any] = {"__doc__": options_class.__doc__}
    kinds = option_types(options_class)
    for field in dataclasses.fields(options_class):
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            default = None
        attributes[field.name] = _option(kinds[field.name], default)
    return type(f"{options_class.__name__}Config", (base.Config,), attributes)


class EngineName(c.Choice[str]):
    """An engine name: any engine registered under the entry point group, looked up when the config is read
    (so an engine package installed after this module was imported is accepted too)."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(ENGINE_NAMES, default=default)

    def run_validation(self, value: object) -> str:
        self.choices = engine_names()
        return super().run_validation(value)


def _engine_option(name: str) -> base.BaseConfigOption[Any]:
    try:
        return c.SubConfig(engine_config(engine_class(name).Options))
    except ConvaudioError:
        # its SDK or package is missing: the engine reports that when chosen; until then, any mapping
        return c.Type(dict, default={})


class LanguageText(base.BaseConfigOption[str | dict[str, str] | None]):
    """A podcast field (`podcast.description`) for every feed (`Talks about…`), or one per language
    (`{en: Talks about…, fr: Des conversations sur…}`): each value text. A bad one is a config error at its line in
    the config file; its keys are checked once `language_aliases` is known (`PodcastOption`)."""

    def __init__(self, parent: str) -> None:
        super().__init__()
        self.default = None
        self.parent = parent  # the option this one is under (`podcast`): messages name it, the file writes it
        # known once MkDocs validates the parent's options (as its `SubConfig` keeps the config file's path)
        self.name = ""
        self.config_file: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.name, self.config_file = key_name, config.config_file_path

    def run_validation(self, value: object) -> str | dict[str, str] | None:
        if value is None or isinstance(value, str):
            return value
        option = f"{self.parent}.{self.name}"
        if not isinstance(value, dict):
            example = f"`{self.name}: {{en: …, fr: …}}`"
            raise option_error(
                f"{option} must be text, or a mapping from language code to text ({example})",
                self.config_file,
                [self.parent, self.name],
            )
        texts: dict[str, str] = {}
        for code, text in value.items():
            if text is None:  # `fr: !ENV UNSET`: no entry, as `description: !ENV UNSET` is no description
                continue
            if isinstance(code, bool):  # Norwegian's `no:` (YAML 1.1 reads no/yes/on/off as false or true)
                message = (
                    f"{option}: a key is {code}, not a language code: YAML reads `no`, `yes`, `on` and `off` as "
                    f"false or true; quote a language code written so (`'no': …`)"
                )
                raise option_error(message, self.config_file, [self.parent, self.name])
            if not isinstance(text, str):
                message = f"{option}: {code}: must be text, not {type(text).__name__}"
                raise option_error(message, self.config_file, [self.parent, self.name, str(code)])
            texts[str(code)] = text  # `1:` is no language: `PodcastOption` says so, with the others
        return texts


def option_error(message: str, config_file: str | None, keys: list[str]) -> base.ValidationError:
    """`message` at the line of the option `keys` names in the config file; for convaudio.toml (no file: `render`)
    alone, as the command line places it at its own line."""
    if not config_file:
        return base.ValidationError(message)
    from .plugin import located_option  # where the config file's lines are read; loaded by then

    return base.ValidationError(str(located_option(message, config_file, keys)))


#: MkDocs' warning of an option its schema lacks, a sub-option's (an engine's) named first
_UNKNOWN = re.compile(r"(?:Sub-option '(?P<sub>[^']+)': )?Unrecognised configuration name: ")
#: How MkDocs' `SubConfig` names the sub-option whose mistake it reports
_SUB_OPTION = re.compile(r"Sub-option '(?P<name>[^']+)': ")
#: A message that names its line of a file already (`mkdocs.yml:7: …`)
_LOCATED = re.compile(r"[^\s:]+:\d+: ")


class AtItsLine(base.BaseConfigOption[Any]):
    """One of MkDocs' own option types (`c.Choice`, `c.Type`, `c.SubConfig`) whose mistake is said at its line of
    the config file (`mkdocs.yml:31: video_fit: Expected one of: ('crop', 'pad') but received: 'stretch'`; a
    sub-option's at its own: `mkdocs.yml:9: podcast.enabled: Expected type …`): MkDocs names only the option, and
    checks it before any plugin's hook could say more. Wraps the option as `c.Optional` does; a config read from
    no file (`render` from convaudio.toml, which places its errors itself) keeps its message."""

    def __init__(self, option: base.BaseConfigOption[Any]) -> None:
        super().__init__()
        self.option = option
        self.default = option.default
        self.required = getattr(option, "required", False)
        self.warnings = option.warnings
        self.key_name: str = ""
        self.config_file: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.key_name, self.config_file = key_name, config.config_file_path
        self.option.pre_validation(config, key_name)

    def validate(self, value: object, /) -> Any:
        try:
            return self.option.validate(value)
        except base.ValidationError as error:
            if not self.config_file:
                raise
            message, keys = str(error), [self.key_name]
            # a `SubConfig`'s (`podcast:`, `espeak:`): `Sub-option 'enabled': Expected type …`, at the sub-option's
            # line; the sub-option's own type may have said its line already (`LanguageText`)
            if (sub := _SUB_OPTION.match(message)) is not None:
                if _LOCATED.match(message, sub.end()):
                    raise base.ValidationError(message[sub.end() :]) from None
                message, keys = message[sub.end() :], [self.key_name, sub["name"]]
            raise option_error(f"{'.'.join(keys)}: {message}", self.config_file, keys) from None

    def post_validation(self, config: base.Config, key_name: str) -> None:
        self.option.post_validation(config, key_name)
        self.warnings = self.option.warnings

    def reset_warnings(self) -> None:
        self.option.reset_warnings()
        self.warnings = self.option.warnings


def feed_language_code(code: str) -> bool:
    """Whether a key of a per-language podcast field is a language code: a common one (`fr`, `pt_BR`, `hant`), or
    any BCP 47 tag langcodes knows (`zh-Hant-TW`; only these import it)."""
    if is_language_code(code):
        return True
    import langcodes

    return bool(langcodes.tag_is_valid(code.strip().replace("_", "-")))


class PodcastConfig(base.Config):  # type: ignore[no-untyped-call]
    """`podcast: {...}`: an RSS podcast feed per language of the site's conversations (needs `site_url`)."""

    enabled = c.Type(bool, default=False)
    path = c.Type(str, default="podcast-{lang}.xml")
    # each text, or a mapping from language to text (one per language's feed)
    title = LanguageText("podcast")
    description = LanguageText("podcast")
    author = LanguageText("podcast")
    email = c.Optional(c.Type(str))
    image = c.Optional(c.Type(str))
    category = c.Optional(c.Type(str))
    explicit = c.Type(bool, default=False)


class PodcastOption(c.SubConfig[PodcastConfig]):
    """`podcast: {...}`. The keys of its per-language fields are language codes, or the codes `language_aliases`
    (the option beside it) gives its pages (`klingon: tlh`), known once every option is."""

    def post_validation(self, config: base.Config, key_name: str) -> None:
        aliases = {normal(str(alias)) for alias in config["language_aliases"]}
        podcast = config[key_name]
        for name in ("title", "description", "author"):
            texts = podcast[name]
            for code in texts if isinstance(texts, dict) else ():
                if normal(code) not in aliases and not feed_language_code(code):
                    message = (
                        f"{key_name}.{name}: {code!r} is not a language code; use the code of a feed's language (en, "
                        f"fr, pt-BR…) as each key (`{name}: {{en: …, fr: …}}`), or add it to `language_aliases`"
                    )
                    if not config.config_file_path:  # as MkDocs names a sub-option's own errors: convaudio.toml's
                        message = f"Sub-option '{name}': {message}"  # line is the sub-option's (`render`)
                    raise option_error(message, config.config_file_path, [key_name, name, code])


class ConvAudioConfig(base.Config):  # type: ignore[no-untyped-call]
    """`plugins: [convaudio: {...}]` in mkdocs.yml; see docs/configuration.md for each option. Each engine's own
    options (`espeak:`, `piper:`, `google:`, ... and those of engines from other packages) are added below."""

    enabled = c.Type(bool, default=True)
    trigger_key = c.Type(str, default=_SESSION.trigger_key)
    trigger_value = c.Type((bool, str, int), default=_SESSION.trigger_value)
    engine = EngineName(default=_SESSION.engine)
    fallback_engine = c.Optional(EngineName())

    voice_map = c.Type(str, default=_SESSION.voice_map)
    pronunciations = c.Type(str, default=_SESSION.pronunciations)
    language_aliases = c.Type(dict, default={})
    cache_dir = c.Type(str, default=_SESSION.cache_dir)
    shared_cache = c.Optional(c.Type(str))
    shared_cache_required = c.Type(bool, default=_SESSION.shared_cache_required)
    shared_cache_options = c.Type(dict, default={})
    audio_dir = c.Type(str, default=_SESSION.audio_dir)
    player_position = c.Choice(("inline", "top"), default="inline")
    player_title = c.Type(str, default=DEFAULT_TITLE)  # at its default, in each page's language
    captions = c.Type(bool, default=True)
    tags = c.Type(bool, default=True)
    artist = c.Optional(c.Type(str))
    album = c.Optional(c.Type(str))
    podcast = PodcastOption(PodcastConfig)

    pause = c.Type((int, float), default=_ASSEMBLY.pause)
    pause_same_speaker = c.Type((int, float), default=_ASSEMBLY.pause_same_speaker)
    pause_variation = c.Type((bool, int, float), default=_ASSEMBLY.pause_variation)  # `true`/`false`: 1/0
    sentence_pause = c.Type((int, float), default=_ASSEMBLY.sentence_pause)
    loudness = c.Type((int, float), default=_ASSEMBLY.loudness)
    true_peak = c.Type((int, float), default=_ASSEMBLY.true_peak)
    balance_speakers = c.Type(bool, default=_ASSEMBLY.balance_speakers)
    bitrate = c.Type(int, default=_ASSEMBLY.bitrate)
    sample_rate = c.Type(int, default=_ASSEMBLY.sample_rate)

    concurrency = c.Optional(c.Type(int))
    retries = c.Type(int, default=_RETRY.attempts)
    retry_base_delay = c.Type((int, float), default=_RETRY.base_delay)
    retry_max_delay = c.Type((int, float), default=_RETRY.max_delay)

    generate = c.Type(bool, default=_SESSION.generate)
    max_characters = c.Optional(c.Type(int))
    max_line_characters = c.Type(int, default=10_000)
    max_duration = c.Type((int, float), default=7200)
    prices = c.Type(dict, default={})

    # produced like a show (docs/show.md): sound files relative to the folder of mkdocs.yml
    music = c.Optional(c.Type(str))
    music_level = c.Type((int, float), default=-12.0)
    music_depth = c.Type((int, float), default=10.0)
    music_attack = c.Type((int, float), default=0.3)
    music_release = c.Type((int, float), default=0.8)
    music_fade_in = c.Type((int, float), default=1.5)
    music_fade_out = c.Type((int, float), default=2.5)
    music_lead = c.Type((int, float), default=2.5)
    intro = c.Optional(c.Type(str))
    outro = c.Optional(c.Type(str))
    video = c.Type(bool, default=False)
    video_size = c.Type(str, default="1280x720")
    video_fit = c.Choice(("crop", "pad"), default="crop")
    video_font = c.Optional(c.Type(str))

    def __init__(self, config_file_path: str | bytes | None = None) -> None:
        _add_engine_options()  # engines installed since import get their options too
        super().__init__(config_file_path)

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """MkDocs' validation, with each unknown option said once, with the option it is near and at its line."""
        failed, warnings = super().validate()
        return failed, [(name, said) for name, message in warnings if (said := self._unknown(name, message))]

    def _unknown(self, name: str, message: str) -> str | None:
        """MkDocs' warning of an unknown option (`engin`: "Unrecognised configuration name: engin"; an engine's
        `raate`: "Sub-option 'raate': …") with the option it is near (`; did you mean 'engine'?`) and, read from
        mkdocs.yml, that file and line in front (MkDocs said neither: `plugins: [convaudio: {engin: piper}]` built
        with eSpeak NG and a warning naming no fix). None for an unknown option of the engine the site uses or falls
        back to: that engine stops the build on it, said once at its line (it was said twice, warned of first); the
        warning stays when the plugin is disabled (`enabled: false`), which makes no engine."""
        unknown = _UNKNOWN.match(message)
        if unknown is None:
            return message
        if unknown["sub"] is None:
            keys, known = [name], self._schema_keys
        else:
            # a plugin disabled in mkdocs.yml makes no engine: its warning stays (`--strict` failed on it, and still
            # does); `render` makes convaudio.toml's engine whatever its `enabled` says
            makes_engine = self.get("enabled", True) or not self.config_file_path
            made = ENGINE_MADE.get()
            in_use = () if made == "" else (made or self.get("engine"), self.get("fallback_engine"))
            if makes_engine and name in in_use:
                return None
            keys, known = [name, unknown["sub"]], set(getattr(self.get(name), "_schema_keys", ()))
        near = difflib.get_close_matches(keys[-1], sorted(known), 1, 0.75)
        said = f"{message}; did you mean {near[0]!r}?" if near else message
        if not self.config_file_path:  # convaudio.toml: `render` says its line in front
            return said
        from .plugin import located_option  # where the config file's lines are read; loaded by then

        located = located_option("", self.config_file_path, keys)
        return f"{located.path}:{located.line}: {said}" if located.line is not None else said


def _add_engine_options() -> None:
    """The engines' options added to the schema (each engine's a `SubConfig` of its name), and MkDocs' own option
    types there made to say their line (`AtItsLine`; a `SubConfig` says its sub-option, and ours say their line)."""
    schema = dict(ConvAudioConfig._schema)
    for name in engine_names():
        if name not in schema:
            option = _engine_option(name)
            option.required = True  # type: ignore[attr-defined]  # set on every class-based option
            schema[name] = option
    for name, option in schema.items():
        if isinstance(option, c.Choice | c.Type | c.Optional | c.SubConfig):
            schema[name] = AtItsLine(option)
    ConvAudioConfig._schema = tuple(schema.items())


_add_engine_options()
