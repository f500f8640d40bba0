"""The offline default: eSpeak NG from the espeakng-loader wheel, called through ctypes."""

from __future__ import annotations

import _ctypes
import ctypes
import functools
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import espeakng_loader

from ..audio.types import Audio
from ..errors import ConvaudioError, EngineError, LanguageError, OptionError
from ..text.speech_length import interior_pauses, speech_characters
from ..voices.given_names import Kind
from .base import Engine, EngineContext, EngineOptions, VoiceInfo, slot_kinds

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_PARAM_PITCH = 3
_EE_OK = 0
#: Seed of eSpeak NG's noise generator (breathy voices): any constant makes the noise, and the line, repeatable.
RANDOM_SEED = 1

#: Variants that sound clearly apart, alternating male and female so two speakers never sound alike.
VOICE_POOL = ["m3", "f2", "m1", "f4", "m7", "f3", "m2", "f1", "m5", "f5", "m4", "m6"]
VOICE_KINDS = slot_kinds(VOICE_POOL)

#: BCP 47 tag (lower case) → eSpeak NG language voice where the tag is not itself an eSpeak voice; the longest
#: matching prefix wins (`zh-Hant-TW` → `zh-hant` → cmn).
DEFAULT_LANGUAGES = {
    "en": "en-US",
    "pt": "pt-BR",
    "zh": "cmn",
    "zh-hans": "cmn",
    "zh-hant": "cmn",  # Traditional characters are read in Mandarin unless the tag says Hong Kong or Macau
    "zh-hk": "yue",
    "zh-hant-hk": "yue",
    "zh-mo": "yue",
    "zh-hant-mo": "yue",
    "nb": "nb",
    "no": "nb",
    "nn": "nb",  # eSpeak NG has no Nynorsk voice: the other written Norwegian
    # English of the Americas and the Philippines is closer to eSpeak NG's American voice than to its British `en`
    "en-ca": "en-US",
    "en-ph": "en-US",
    "en-pr": "en-US",
    "en-um": "en-US",
    "en-vi": "en-US",
    "en-as": "en-US",
    "en-gu": "en-US",
    # Spanish of the Americas: eSpeak NG's Latin American voice, not Castilian `es`
    **{
        f"es-{region}": "es-419"
        for region in (
            "mx",
            "us",
            "ar",
            "co",
            "cl",
            "pe",
            "ve",
            "ec",
            "gt",
            "cu",
            "bo",
            "do",
            "hn",
            "py",
            "sv",
            "ni",
            "cr",
            "pa",
            "uy",
            "pr",
        )
    },
}

#: eSpeak NG voices that cannot read every script of their language: its Japanese reads kana, not kanji.
UNREADABLE_SCRIPTS = {"ja": frozenset({"Hani"})}

_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _Espeak:
    """The eSpeak NG library, loaded afresh for every line.

    Its state is global and outlives an utterance, even `espeak_Terminate` and a new `espeak_Initialize`: the
    pitch flutter position is a static variable that keeps advancing, so the same text came out a few to a few
    hundred samples longer or shorter depending on what was said before (measured: 67,031 to 67,583 samples for
    one sentence), and a cold build never reproduced a warm one. Unloading the library (`dlclose`) and loading
    it again resets every static, and the breath noise of voices such as f2 is seeded from the clock at
    initialization, so it is seeded with a constant: the same text and voice give the same samples whatever the
    order and in any process, for 5 to 20 ms more per line (loading the voice dominates). Every call holds
    `lock` (one synthesis at a time)."""

    lock = threading.Lock()
    _instance: ClassVar[_Espeak | None] = None

    def __init__(self) -> None:
        self.data_path = Path(espeakng_loader.get_data_path())
        self.library_path = espeakng_loader.get_library_path()
        self.rate = 0
        self.chunks: list[Any] = []
        self.callback = _SynthCallback(self._collect)  # kept on self: ctypes must not free it
        # load once up front, so a broken installation is reported before the first line
        self._unload(self._load())

    def _load(self) -> ctypes.CDLL:
        lib = ctypes.CDLL(self.library_path, mode=ctypes.RTLD_LOCAL)
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, os.fsencode(self.data_path), 0)
        if self.rate <= 0:
            self._unload(lib)
            raise ConvaudioError(f"eSpeak NG failed to start (data at {self.data_path})")
        lib.espeak_SetSynthCallback(self.callback)
        # Initialize seeds the breath noise of voices such as f2 from the clock: seed it with a constant
        lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        lib.espeak_ng_SetRandSeed(RANDOM_SEED)
        return lib

    @staticmethod
    def _unload(lib: ctypes.CDLL) -> None:
        lib.espeak_Terminate()
        _ctypes.dlclose(lib._handle)

    def _collect(self, wav: Any, count: int, events: Any) -> int:
        import numpy as np

        if count > 0:
            self.chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        return 0

    @classmethod
    def get(cls) -> _Espeak:
        with cls.lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def speak(self, text: str, voice: str, rate: int, pitch: int) -> Audio:
        data = text.encode("utf-8")
        with self.lock:
            lib = self._load()
            try:
                if lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
                    raise EngineError(
                        f"eSpeak NG has no voice {voice!r}; run `mkdocs-convaudio voices --engine espeak`"
                    )
                lib.espeak_SetParameter(_PARAM_RATE, rate, 0)
                lib.espeak_SetParameter(_PARAM_PITCH, pitch, 0)
                self.chunks = []
                status = lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
                lib.espeak_Synchronize()
                chunks, self.chunks = self.chunks, []
            finally:
                self._unload(lib)
        if status != _EE_OK or not chunks:
            raise EngineError(f"eSpeak NG produced no audio for {text[:40]!r}")
        import numpy as np

        pcm = np.concatenate(chunks).astype(np.float32) / 32768.0
        return Audio(pcm, self.rate)


@functools.cache
def _variant_names(data_path: Path) -> tuple[str, ...]:
    """Voice variants in the data folder, read once per process (not once per page)."""
    with os.scandir(os.path.join(data_path, "voices", "!v")) as entries:  # no `Path` nor `stat` per file
        return tuple(sorted(entry.name for entry in entries if entry.is_file()))


@functools.cache
def _language_names(data_path: Path) -> tuple[str, ...]:
    """Language voices in the data folder (in the order of their paths), read once per process (not once per
    page) with `os.scandir`: `Path.rglob` and a `Path` per file cost a warm build of an eSpeak site 2 ms."""
    found: list[tuple[str, ...]] = []

    def scan(folder: str, parts: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    scan(entry.path, (*parts, entry.name))
                elif entry.is_file():
                    found.append((*parts, entry.name))

    scan(os.path.join(data_path, "lang"), ())
    return tuple(parts[-1] for parts in sorted(found))


#: eSpeak NG's speech at its default `rate` (165 words a minute), in letters of plain words per second of speech (each
#: line's speech bounds, `PAUSES` and `LINE_SECONDS` apart; a digit or a spelled letter counts as the letters it takes
#: to say, see `text.speech_length`): 19.3 in English, 23.8 in French, fitted on 90 lines of chit-chat made of short
#: sentences, long prose and technical text with numbers and acronyms in each language (a third of each kind held
#: out: -5.9 to +2.0 % off for chit-chat, -0.6 to +1.7 % for prose, -6.4 to -5.2 % for technical text). Fitted
#: without the pauses (17.0 and 20.7, on technical prose) chit-chat was estimated 30 to 40 % short and prose 8 to 10 %
#: long (review 212). Other languages: the English figure.
CHARACTERS_PER_SECOND = {"en": 19.3, "fr": 23.8}
#: eSpeak NG's pause at a mark inside a line, in seconds at the default `rate`: "A<mark> B" said less "A B" said, the
#: median of 12 pairs of phrases in English and French with two voices (full stop 0.41 to 0.46, comma 0.25 to 0.29;
#: French 0.04 s shorter). Counted by `text.speech_length.interior_pauses`.
PAUSES = {".": 0.43, "?": 0.43, "!": 0.47, "…": 0.35, ";": 0.35, ":": 0.35, ",": 0.27}
#: What each line takes beyond its letters and pauses (its first sound's onset), fitted with CHARACTERS_PER_SECOND.
LINE_SECONDS = 0.09
#: The `rate` option's default, at which CHARACTERS_PER_SECOND were measured.
DEFAULT_RATE = 165


@dataclass(frozen=True)
class EspeakOptions(EngineOptions):
    """`espeak:` in the plugin options."""

    #: page language → eSpeak NG language voice (`{pt: pt-PT}`)
    languages: dict[str, str] = field(default_factory=dict)
    #: words per minute
    rate: int = DEFAULT_RATE
    #: 0 to 100
    pitch: int = 50

    def check(self, engine: str) -> None:
        if not 80 <= self.rate <= 450:
            raise ConvaudioError(
                f"the espeak engine's `rate` option must be 80 to 450 words per minute, not {self.rate}"
            )
        if not 0 <= self.pitch <= 100:
            raise ConvaudioError(f"the espeak engine's `pitch` option must be 0 to 100, not {self.pitch}")


def _names_a_voice(value: str, names: Mapping[str, str]) -> bool:
    """Whether a `languages` value is an eSpeak NG language, or a language and region whose language it has
    (`en-GB` is its `en`, `pt-PT` its `pt`: review 125); not a private-use tag it lacks (`en-GB-x-rpp`)."""
    code = value.replace("_", "-").lower()
    subtags = code.split("-")
    return code in names or (len(subtags) == 2 and subtags[0] in names and len(subtags[1]) in (2, 3))


class EspeakEngine(Engine):
    """eSpeak NG: robotic but free, offline and instant; voices are variants (`m3`, `f2`) of a language."""

    name = "espeak"
    Options = EspeakOptions
    options: EspeakOptions
    input_limit = 100_000
    input_unit = "characters"
    default_concurrency = 1

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        self.languages: dict[str, str] = {str(k): str(v) for k, v in self.options.languages.items()}
        self.rate = self.options.rate
        self.pitch = self.options.pitch
        self.data_path = Path(espeakng_loader.get_data_path())
        self._resolved_languages: dict[str, str] = {}
        if self.languages:  # a mistyped value was blamed on the page, or became its base language unsaid
            names = {info.name.lower(): info.name for info in self.list_voices()}
            if wrong := {tag: value for tag, value in self.languages.items() if not _names_a_voice(value, names)}:
                import difflib

                shown = ", ".join(
                    f"{tag}: {value}"
                    + "".join(
                        f" (did you mean {names[close]}?)"
                        for close in difflib.get_close_matches(value.lower(), names, 1)
                    )
                    for tag, value in wrong.items()
                )
                raise OptionError(
                    f"the espeak option `languages` maps to what is no eSpeak NG language ({shown}); use a name "
                    "that `mkdocs-convaudio voices --engine espeak` lists (en-GB-x-rp, en-US, fr-BE...)",
                    keys=(self.name, "languages"),
                )

    def _variants(self) -> list[str]:
        return list(_variant_names(self.data_path))

    def voice_pool(self) -> list[str]:
        return list(VOICE_POOL)

    def voice_kinds(self) -> dict[str, Kind]:
        return dict(VOICE_KINDS)

    def _language_voice(self, language: str) -> str:
        if language not in self._resolved_languages:  # once per language, not once per page
            self._resolved_languages[language] = self._find_language_voice(language)
        return self._resolved_languages[language]

    def _find_language_voice(self, language: str) -> str:
        """The page's (or a voice map value's) language → an eSpeak NG language voice: the `languages` option's,
        else the voice of that name (`en-GB-x-rp`, `en-US`), else a default for the tag (`zh-Hant-HK` → yue), else
        the base language's voice for a region eSpeak NG lacks (`en-GB` → `en`, `pt-PT` → `pt`), else the base
        language's default (`en` → `en-US`)."""
        code = language.replace("_", "-").lower()
        subtags = code.split("-")
        languages = {info.name.lower(): info.name for info in self.list_voices()}
        # the longest tag with a default of its own, the base language's left out (`zh-hant-hk`, `zh-hant`)
        prefixes = ["-".join(subtags[:end]) for end in range(len(subtags), 1, -1)]
        regional = [DEFAULT_LANGUAGES[prefix] for prefix in prefixes if prefix in DEFAULT_LANGUAGES]
        if language in self.languages:  # checked when the engine was made
            wanted = self.languages[language].lower()
        elif code in languages and code not in DEFAULT_LANGUAGES:
            wanted = code
        elif exact := next((p for p in prefixes if p in languages and p not in DEFAULT_LANGUAGES), None):
            wanted = exact  # en-US-x-foo → en-US
        elif regional:
            wanted = regional[0].lower()
        elif len(subtags) > 1 and subtags[0] in languages:
            wanted = subtags[0]  # `en-GB` → eSpeak NG's `en`, which is British; `pt-PT` → `pt`, European
        else:
            wanted = DEFAULT_LANGUAGES.get(subtags[0], code).lower()
        if wanted not in languages and wanted.split("-")[0] in languages:
            wanted = wanted.split("-")[0]
        if wanted in languages:
            return languages[wanted]
        raise LanguageError(
            f"eSpeak NG has no voice for language {language!r}; map it to one in the plugin's "
            "`espeak: {languages: {...}}` option (see `mkdocs-convaudio voices --engine espeak`)"
        )

    def resolve_voice(self, identity: str, language: str) -> str:
        if "+" in identity:
            base, variant = identity.split("+", 1)
            language_voice = self._language_voice(base)
        else:
            language_voice, variant = self._language_voice(language), identity
        if variant not in self._variants():
            raise ConvaudioError(
                f"eSpeak NG has no voice variant {variant!r}; use one of: {', '.join(VOICE_POOL)}, or another "
                "variant from `mkdocs-convaudio voices --engine espeak --lang en`"
            )
        return f"{language_voice}+{variant}"

    def readable_scripts(self, language: str) -> frozenset[str]:
        try:
            voice_language = self._language_voice(language).lower()
        except LanguageError:
            voice_language = language.lower()
        return super().readable_scripts(language) - UNREADABLE_SCRIPTS.get(voice_language.split("-")[0], frozenset())

    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        return _Espeak.get().speak(text, voice, self.rate, self.pitch)

    def characters_per_second(self, language: str) -> float:
        measured = CHARACTERS_PER_SECOND.get(language.split("-")[0].lower(), CHARACTERS_PER_SECOND["en"])
        return measured * self.rate / DEFAULT_RATE

    def speech_seconds(self, text: str, language: str) -> float:
        # the pauses are eSpeak NG's lengths of silence at the default rate, which it shortens as it speaks faster
        pauses = (LINE_SECONDS + interior_pauses(text, PAUSES)) * DEFAULT_RATE / self.rate
        return speech_characters(text) / self.characters_per_second(language) + pauses

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        languages: list[VoiceInfo] = []
        for name in _language_names(self.data_path):
            if language is None or name == language or name.startswith(language + "-"):
                languages.append(VoiceInfo(name=name, languages=(name,), description="language"))
        if language is None:
            return languages
        # the language voice a page in `language` gets, or the LanguageError such a page gets (`zz`): every
        # variant listed as a `zz variant` said the language could be spoken
        resolved = self._language_voice(language)
        if not languages:  # a tag eSpeak NG names otherwise (`zh-Hant-HK` → yue)
            languages = [VoiceInfo(name=resolved, languages=(resolved,), description="language")]
        return languages + [VoiceInfo(name=v, languages=(language,), description="variant") for v in self._variants()]

    def sound_settings(self) -> dict[str, Any]:
        # "reset": lines made with the library loaded afresh (reproducible) are keyed apart from older ones
        return {"rate": self.rate, "pitch": self.pitch, "reset": "per-line"}
