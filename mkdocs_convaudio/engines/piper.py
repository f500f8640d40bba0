"""Piper: local neural voices (ONNX models run by `piper-tts`), from your folders or downloaded once and checked."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..audio.types import Audio
from ..errors import ConvaudioError, EngineError, LanguageError
from ..store.files import atomic_path
from ..text.speech_length import interior_pauses, speech_characters
from ..voices.given_names import Kind
from ..voices.languages import speaks_other_language
from .base import Engine, EngineContext, EngineOptions, VoiceInfo, is_transient_status, slot_kinds
from .piper_models import KEPT

if TYPE_CHECKING:
    from piper import PiperVoice

#: The official voice repository, pinned to the revision the catalogue's checksums describe.
DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0"
#: Slots handed out to speakers, alternating male and female; each language's pool maps slots to models.
SLOTS = ["m1", "f1", "m2", "f2", "m3", "f3"]
MODEL_FILES = (".onnx", ".onnx.json")
_CATALOGUE = Path(__file__).with_name("piper_voices.json")
_CHUNK = 1 << 20
_SLOT = re.compile(r"^[mf][0-9]+$")
#: The language a model's name starts with, as Piper names them: `en_US-joe-medium`, `fr_FR-siwis-medium`.
_MODEL_LANGUAGE = re.compile(r"^([a-z]{2,3}_[A-Z]{2})-")
#: A model's name is a file name in a voices folder: no folder separators, so no way out of the folder.
_MODEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")
#: What piper-tts uses for a setting neither the options nor the model's `.onnx.json` give (`piper.config`'s
#: `DEFAULT_*_SCALE`): written here, as importing `piper` loads onnxruntime and numpy, which a warm build needs not
#: (review r-piper). `.onnx.json` names `noise_w_scale` `noise_w`.
#: The piper-tts extra a model's `phoneme_type` needs besides eSpeak NG (piper-tts's own `zh`, `ja`, `th`).
PHONEMIZER_EXTRAS = {"pinyin": "zh", "japanese": "ja", "thai": "th"}
PIPER_DEFAULTS = {
    "length_scale": ("length_scale", 1.0),
    "noise_scale": ("noise_scale", 0.667),
    "noise_w_scale": ("noise_w", 0.8),
}
#: Piper's speech at `length_scale` 1, in letters of plain words per second of speech (each line's speech bounds,
#: `PAUSES` apart; a digit or a spelled letter counts as the letters it takes to say, see `text.speech_length`):
#: `en_US-joe-medium`'s, fitted on 26 English lines of chit-chat, prose and technical text with numbers and acronyms
#: (13 more held out: -3 to +3 % off for each kind). The default 15 a second, without pauses, estimated prose 20 %
#: long, technical text 16 % long and chit-chat 5 % short (review f-piper; bug bash 43: a 40-turn conversation 17 %
#: long). Joe is the only Piper voice this project could measure: every language gets its figure.
#: `python -m benchmarks.piper_rate` measures these figures again (or another voice's).
CHARACTERS_PER_SECOND = 18.9
#: Joe's pause at a mark inside a line, in seconds at `length_scale` 1: "A<mark> B" said less "A B" said, the median
#: of 4 pairs of phrases. An ellipsis takes none. Counted by `text.speech_length.interior_pauses`.
PAUSES = {".": 0.21, "?": 0.21, "!": 0.26, ",": 0.25, ";": 0.24, ":": 0.3}
#: What of a model's `.onnx.json` changes its audio, as piper-tts's `PiperConfig.from_dict` reads it (its speakers'
#: map apart: a voice is keyed by its own speaker's number); `dataset`, `language`, `piper_version` and the training
#: settings do not. An edit of these re-renders the model's lines (review f-piper: it rendered nothing again).
SOUND_CONFIG = (
    "audio",
    "espeak",
    "phoneme_type",
    "phoneme_id_map",
    "num_symbols",
    "num_speakers",
    "inference",
    "hop_length",
    "vowel_clusters",
    "default_speaker_id",
)
#: Where piper-tts's Chinese phonemizer (`phoneme_type: pinyin`) downloads its g2pW model from when the folder it
#: is given lacks `g2pw.onnx` (`piper.phonemize_chinese.G2PW_URL`, copied: importing it needs piper-tts's `zh` extra).
G2PW_URL = (
    "https://huggingface.co/datasets/rhasspy/piper-checkpoints/resolve/main/zh/zh_CN/_resources/g2pw.tar.gz"
    "?download=true"
)
#: What piper-tts's `zh` extra installs for its Chinese phonemizer, as imported.
ZH_EXTRA_MODULES = ("g2pw", "transformers", "sentence_stream", "unicode_rbnf")
#: The folder, in a voices folder, that holds the g2pW model (`piper.PiperVoice.load(download_dir=...)` + `g2pW`).
G2PW_FOLDER = "g2pW"


def check_model_name(model: str, where: str) -> None:
    """Raise `ConvaudioError` unless `model` is a plain model name (`en_US-joe-medium`), not a path."""
    if not _MODEL.match(model):
        raise ConvaudioError(
            f"{model!r} ({where}) is not a Piper model name: use the name of a model file without `.onnx` and "
            "without folders, such as en_US-joe-medium (put your own models in a `voices_dirs` folder)"
        )


@cache
def catalogue() -> dict[str, Any]:
    """The voice catalogue shipped with the plugin: downloadable voices, their checksums and licences."""
    data: dict[str, Any] = json.loads(_CATALOGUE.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class PiperOptions(EngineOptions):
    """`piper:` in the plugin options."""

    #: Folders holding `NAME.onnx` + `NAME.onnx.json` pairs (relative to mkdocs.yml), searched before the cache.
    voices_dirs: list[str] = field(default_factory=list)
    #: Download catalogue voices that are missing (into the cache, checked against the catalogue's SHA-256).
    download: bool = True
    #: Where downloads come from: `<base_url>/<path in the catalogue>/<NAME>.onnx`.
    base_url: str = DEFAULT_BASE_URL
    #: Per language, slot → model (`{fr: {m1: fr_FR-upmc-medium#pierre}}`), over the default pools.
    pools: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Extra or corrected checksums for downloads: file name → SHA-256.
    sha256: dict[str, str] = field(default_factory=dict)
    #: Piper's synthesis settings (None: each model's own).
    length_scale: float | None = None
    noise_scale: float | None = None
    noise_w_scale: float | None = None
    #: Seconds before a stalled download gives up.
    timeout: float = 120.0

    def check(self, engine: str) -> None:
        for language, pool in self.pools.items():
            if not isinstance(pool, dict) or not all(isinstance(v, str) for v in pool.values()):
                raise ConvaudioError(
                    f"the piper engine's `pools` option maps each language to slots and models, like "
                    f"{{{language}: {{m1: NAME, f1: NAME}}}}, not {pool!r}"
                )
            for slot, model in pool.items():
                where = f"in the piper engine's `pools: {{{language}: {{{slot}: ...}}}}`"
                check_model_name(model.partition("#")[0], where)
        if self.length_scale is not None and not 0 < self.length_scale <= 10:
            raise ConvaudioError(
                f"the piper engine's `length_scale` option must be above 0 (at most 10), not {self.length_scale}"
            )
        for value, name in ((self.noise_scale, "noise_scale"), (self.noise_w_scale, "noise_w_scale")):
            if value is not None and not 0 <= value <= 10:  # 0: no variation
                raise ConvaudioError(f"the piper engine's `{name}` option must be 0 to 10, not {value}")
        if not 0 < self.timeout <= 3600:
            raise ConvaudioError(
                f"the piper engine's `timeout` option must be a number of seconds above 0 (at most 3600), "
                f"not {self.timeout!r}"
            )
        if not self.base_url.startswith(("http://", "https://")):
            raise ConvaudioError(f"the piper engine's `base_url` must be an http(s) URL, not {self.base_url!r}")


@dataclass(frozen=True)
class _Model:
    """A voice model on disk and its checksum."""

    name: str
    onnx: Path
    sha256: str


class PiperEngine(Engine):
    """Piper neural voices, offline: voices are models (`en_US-joe-medium`, `NAME#SPEAKER` for one speaker of a
    multi-speaker model) or slots (`m1`, `f1`) that each language's pool maps to models."""

    name = "piper"
    packages = ("piper", "onnxruntime")
    Options = PiperOptions
    options: PiperOptions
    input_limit = 5000
    input_unit = "characters"
    # onnxruntime already uses every core for one synthesis; espeak-ng's phonemizer inside Piper is global.
    default_concurrency = 1
    #: Piper's phonemizer (espeak-ng) keeps global state, so phonemizing and synthesis take turns.
    lock = threading.Lock()

    def __init__(
        self, options: Mapping[str, Any], environ: Mapping[str, str], context: EngineContext | None = None
    ) -> None:
        super().__init__(options, environ, context)
        base = self.context.base_dir
        self.folders = [
            path if (path := Path(folder)).is_absolute() else base / path for folder in self.options.voices_dirs
        ]
        cache_dir = self.context.cache_dir
        self.download_dir = (cache_dir if cache_dir.is_absolute() else base / cache_dir) / "piper-voices"
        self.pools: dict[str, dict[str, str]] = {k: dict(v) for k, v in catalogue()["pools"].items()}
        for language, pool in self.options.pools.items():
            self.pools.setdefault(self._language_key(str(language)), {}).update(pool)
        # the slots every language's pool has: French has no `m2`, which speaks with `m1`'s model there, so two men
        # given `m1` and `m2` for their names spoke in one voice in French (`m1` and `f1`, in the pool's order, did not)
        everywhere = set.intersection(*(set(pool) for pool in self.pools.values())) if self.pools else set()
        self._kinds = slot_kinds([slot for slot in self.voice_pool() if slot in everywhere])
        self._loaded: dict[str, PiperVoice] = {}
        self._models: dict[str, _Model] = {}
        #: each present model's `.onnx.json`, read once per build: every conversation's keys and voice check ask
        self._configs: dict[str, dict[str, Any]] = {}
        self._config_digests: dict[str, str] = {}  # their files' SHA-256: the catalogue's is the official one
        self._state = threading.Lock()
        self._fetching = threading.Lock()  # one download at a time, so two threads never fetch the same voice

    # -- voices ----------------------------------------------------------------------------------------
    @staticmethod
    def _language_key(language: str) -> str:
        return language.strip().replace("_", "-").lower()

    def voice_pool(self) -> list[str]:
        used = {slot for pool in self.pools.values() for slot in pool}
        return [slot for slot in SLOTS if slot in used] + sorted(used - set(SLOTS))

    def voice_kinds(self) -> dict[str, Kind]:
        return dict(self._kinds)

    def _pool(self, language: str) -> dict[str, str]:
        key = self._language_key(language)
        pool = self.pools.get(key) or self.pools.get(key.split("-")[0])
        if not pool:
            raise LanguageError(
                f"the piper engine has no voices for language {language!r}; give it some with the plugin's "
                f"`piper: {{pools: {{{key.split('-')[0]}: {{m1: MODEL, f1: MODEL}}}}}}` option (models from "
                "`mkdocs-convaudio voices --engine piper` or your own `voices_dirs`)"
            )
        return pool

    def _slot_model(self, slot: str, language: str) -> str:
        """The model `slot` stands for in `language`; a slot the language lacks falls back to one of the same
        gender (so a translation keeps each speaker's kind of voice), else to any."""
        pool = self._pool(language)
        if slot in pool:
            return pool[slot]
        same = [name for name in pool if name[:1] == slot[:1]] or list(pool)
        number = int(slot[1:]) if slot[1:].isdigit() else 1
        return pool[same[(number - 1) % len(same)]]

    def resolve_voice(self, identity: str, language: str) -> str:
        identity = identity.strip()
        if _SLOT.match(identity) or any(identity in pool for pool in self.pools.values()):
            identity = self._slot_model(identity, language)
        model, _, speaker = identity.partition("#")
        check_model_name(model, "a piper voice")
        self._model_checksum(model)  # the model must be here, or in the catalogue
        if speaker:
            self._speaker_id(model, speaker)
        return identity

    def _local(self, model: str) -> Path | None:
        for folder in [*self.folders, self.download_dir]:
            onnx = folder / f"{model}.onnx"
            if onnx.is_file() and onnx.with_name(f"{model}.onnx.json").is_file():
                return onnx
        return None

    def _without_config(self, model: str) -> str:
        """What to say of a `model.onnx` found without its `model.onnx.json` (Piper cannot load one without the
        other): the folder, and the file to put beside it; else nothing."""
        for folder in [*self.folders, self.download_dir]:
            if (folder / f"{model}.onnx").is_file():
                return (
                    f" ({folder} has {model}.onnx but not {model}.onnx.json, the model's configuration published "
                    "with it: put that file beside it)"
                )
        return ""

    def _expected(self, model: str, suffix: str) -> str | None:
        override = self.options.sha256.get(f"{model}{suffix}")
        if override:
            return override.lower()
        entry = catalogue()["voices"].get(model)
        value = entry["files"].get(suffix, {}).get("sha256") if entry else None
        return str(value).lower() if value else None

    def _model_checksum(self, model: str) -> str:
        """The SHA-256 of `model`'s weights: of the local file (computed once per build), else the catalogue's."""
        with self._state:
            if model in self._models:
                return self._models[model].sha256
        local = self._local(model)
        if local is not None:
            found = _Model(model, local, KEPT.checksum(local))  # hashed again only when the file changed
            with self._state:
                self._models[model] = found
            return found.sha256
        expected = self._expected(model, ".onnx")
        if model in catalogue()["voices"] and expected:
            return expected
        folders = ", ".join(str(folder) for folder in self.folders) or "none configured"
        raise ConvaudioError(
            f"the piper engine has no voice model {model!r}{self._without_config(model)}: put {model}.onnx and "
            f"{model}.onnx.json in one of the `voices_dirs` ({folders}), or choose a voice from "
            "`mkdocs-convaudio voices --engine piper`"
        )

    def voice_sound_settings(self, voice: str) -> dict[str, Any]:
        model, _, speaker = voice.partition("#")
        settings: dict[str, Any] = {"model_sha256": self._model_checksum(model)}
        if (sound := self._config_sound(model, speaker)) is not None:
            settings["config"] = sound
        return settings

    def _config_sound(self, model: str, speaker: str) -> str | None:
        """A digest of what of `model`'s `.onnx.json` changes its audio (`SOUND_CONFIG`, and the number of the
        voice's speaker), so that editing it re-renders the model's lines: none for the configuration the
        catalogue pins (the official file, verified when downloaded, whose lines keep the keys they had before
        configurations were keyed) or the `sha256` option does (a model of your own whose lines an upgrade must not
        synthesize again: a line cached before cannot say which configuration made it; review r-piper2), nor for a
        model not here yet (it comes as the catalogue pins it)."""
        config = self._config(model)
        if config is None:
            return None
        with self._state:
            digest = self._config_digests.get(model)
        if digest is not None and digest == self._expected(model, ".onnx.json"):
            return None
        sound = {name: config.get(name) for name in SOUND_CONFIG}
        sound["speaker"] = self._speaker_id(model, speaker) if speaker else None
        return hashlib.sha256(json.dumps(sound, sort_keys=True).encode()).hexdigest()

    def characters_per_second(self, language: str) -> float:
        """Joe's measured rate (`CHARACTERS_PER_SECOND`); `length_scale` stretches every sound by its factor
        (Piper's voices are made at 1): `estimate` and `max_duration` said a site at `length_scale: 1.5` would last
        what it lasts at 1 (bug bash 43)."""
        return CHARACTERS_PER_SECOND / (self.options.length_scale or 1.0)

    def speech_seconds(self, text: str, language: str) -> float:
        # Piper pauses at a mark inside a line too, as long as its phonemes stretch
        pauses = interior_pauses(text, PAUSES) * (self.options.length_scale or 1.0)
        return speech_characters(text) / self.characters_per_second(language) + pauses

    def sound_settings(self) -> dict[str, Any]:
        return {
            "length_scale": self.options.length_scale,
            "noise_scale": self.options.noise_scale,
            "noise_w_scale": self.options.noise_w_scale,
        }

    def key_settings(self, voice: str) -> dict[str, Any]:
        """An option set to what the model's `.onnx.json` gives anyway (`length_scale: 1`) is keyed as unset: it
        changes nothing Piper does, so writing it must not synthesize every line again (bug bash 43)."""
        settings = self.sound_settings()
        config = self._config(voice.partition("#")[0])
        if config is None:  # not downloaded yet: the full key, which the unset one links to once it is here
            return settings
        inference = config.get("inference")
        given = inference if isinstance(inference, dict) else {}
        # as piper's `PiperConfig.from_dict` reads them
        defaults = {name: given.get(key, default) for name, (key, default) in PIPER_DEFAULTS.items()}
        return {name: None if value == defaults[name] else value for name, value in settings.items()}

    def _config(self, model: str) -> dict[str, Any] | None:
        with self._state:
            if model in self._configs:
                return self._configs[model]
        local = self._local(model)
        if local is None:
            return None
        path = local.with_name(f"{model}.onnx.json")
        try:
            raw = path.read_bytes()
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, OSError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise ConvaudioError(
                f"the piper voice {model}'s {path} cannot be read ({error}): a file cut short or not the model's "
                "configuration; copy it again from where you got the model"
            ) from None
        if not isinstance(data, dict):
            raise ConvaudioError(f"the piper voice {model}'s {path} is not a model's configuration (a JSON object)")
        with self._state:
            self._configs[model] = data
            self._config_digests[model] = hashlib.sha256(raw).hexdigest()
        return data

    def voice_language(self, voice: str) -> str | None:
        """The language of the model's recordings: its `.onnx.json` says it, else the catalogue, else its name
        (`en_US-joe-medium`)."""
        model = voice.partition("#")[0]
        language = (self._config(model) or {}).get("language")
        if isinstance(language, dict) and isinstance(language.get("code"), str):
            return str(language["code"])
        entry = catalogue()["voices"].get(model)
        if entry and entry.get("language"):
            return str(entry["language"])
        named = _MODEL_LANGUAGE.match(model)
        return named[1] if named else None

    def _speaker_id(self, model: str, speaker: str) -> int:
        config = self._config(model)
        if config is None:  # not downloaded yet: trust a number, check it once the model is here
            if speaker.isdigit():
                return int(speaker)
            raise ConvaudioError(
                f"speaker {speaker!r} of {model} can only be checked once the model is present; use a speaker "
                "number, or download the model first"
            )
        speakers: dict[str, int] = dict(config.get("speaker_id_map") or {})
        count = int(config.get("num_speakers", 1))
        if speaker in speakers:
            return speakers[speaker]
        if speaker.isdigit() and int(speaker) < count and count > 1:
            return int(speaker)
        shown = ", ".join(list(speakers)[:12]) or "(one speaker: drop the #)"
        raise ConvaudioError(f"{model} has no speaker {speaker!r}; its speakers: {shown}")

    def list_voices(self, language: str | None = None) -> list[VoiceInfo]:
        wanted = self._language_key(language).split("-")[0] if language else None
        voices: dict[str, VoiceInfo] = {}
        for name, entry in catalogue()["voices"].items():
            code = str(entry["language"])
            if wanted and code.replace("_", "-").lower().split("-")[0] != wanted:
                continue
            speakers = f", {entry['speakers']} speakers (NAME#SPEAKER)" if entry.get("speakers") else ""
            where = (
                "present"
                if self._local(name)
                else ("downloaded on first use" if self.options.download else "not present (download: false)")
            )
            use = "" if entry.get("publishable") else "; NOT for published content"
            voices[name] = VoiceInfo(
                name,
                (code,),
                str(entry.get("gender", "")),
                f"{entry['dataset']}{speakers}, {where}",
                licence=f"licence {entry['licence']}{use}",
            )
        for folder in self.folders:
            for onnx in sorted(folder.glob("*.onnx")) if folder.is_dir() else []:
                name = onnx.name.removesuffix(".onnx")
                if name in voices or not onnx.with_name(f"{name}.onnx.json").is_file():
                    continue
                code = str((self._config(name) or {}).get("language", {}).get("code", name.split("-")[0]))
                if wanted and code.replace("_", "-").lower().split("-")[0] != wanted:
                    continue
                voices[name] = VoiceInfo(
                    name, (code,), "", f"your folder {folder}", licence="licence: see its MODEL_CARD"
                )
        return sorted(voices.values(), key=lambda voice: voice.name)

    def unavailable_voices(self, voices: Sequence[str]) -> dict[str, str]:
        downloads = self.context.generate and self.options.download
        out: dict[str, str] = {}
        for voice in voices:
            model = voice.partition("#")[0]
            if self._local(model) is None:
                # with downloads on, a catalogue voice is downloaded when first used (an unknown one fails to resolve)
                if not downloads:
                    out[voice] = self._absent(model, self._installed())
            elif missing := self._phonemizer_missing(model):
                out[voice] = missing
        return out

    def _installed(self) -> list[str]:
        folders = [*self.folders, self.download_dir]  # as `_local` looks: a voice downloaded before is installed
        return sorted(
            {path.name[: -len(".onnx")] for folder in folders if folder.is_dir() for path in folder.glob("*.onnx")}
        )

    def _g2pw_home(self) -> Path:
        """The folder piper-tts's Chinese phonemizer is given (it reads `<folder>/g2pW/g2pw.onnx`): the first
        voices folder that holds the g2pW model, else the cache's voices folder. Piper's own default, the current
        folder, made the data depend on where the build was started from."""
        for folder in self.folders:
            if (folder / G2PW_FOLDER / "g2pw.onnx").is_file():
                return folder
        return self.download_dir

    def _phonemizer_missing(self, model: str) -> str | None:
        """What a Chinese model (`phoneme_type: pinyin`) lacks before it can speak offline: piper-tts downloaded the
        g2pW model (from `G2PW_URL`, unchecked, into the folder the build was started from) at its first line."""
        if str((self._config(model) or {}).get("phoneme_type")) != "pinyin":
            return None
        if (self._g2pw_home() / G2PW_FOLDER / "g2pw.onnx").is_file():
            return None
        import importlib.util

        folders = ", ".join(str(folder / G2PW_FOLDER) for folder in [*self.folders, self.download_dir])
        extra = any(importlib.util.find_spec(name) is None for name in ZH_EXTRA_MODULES)
        return (
            f"the piper voice {model} reads Chinese (`phoneme_type: pinyin`) with piper-tts's g2pW model, which is "
            f"not installed, and piper-tts would download it unchecked at the first line; download {G2PW_URL} "
            f"and unpack it into one of {folders} (it holds g2pw.onnx)"
            + (", and install piper-tts's `zh` extra: pip install 'piper-tts[zh]'" if extra else "")
        )

    def _absent(self, model: str, installed: list[str]) -> str:
        """Why `model` cannot be used (downloads off), the folders looked in, and what to do."""
        looked = [f"{folder}{'' if folder.is_dir() else ' (no such folder)'}" for folder in self.folders]
        where = f"looked in voices_dirs {', '.join(looked)} and" if looked else "no voices_dirs given; looked in"
        # an installed voice of the missing one's language: another language's reads the words with its own sounds
        # (joe was offered to a French page's speaker: bug bash 43)
        wanted = self.voice_language(model)
        fitting = [name for name in installed if not self._other_language(name, wanted)]
        choices = (
            f"; or give the speaker an installed voice ({', '.join(fitting[:5])}) in the voice map"
            if fitting
            else f"; no installed voice is made for {wanted} (installed: {', '.join(installed[:5])})"
            if installed
            else ""
        )
        why = "this build may not synthesize (generate: false)" if not self.context.generate else "download: false"
        return (
            f"the piper voice {model} is not present{self._without_config(model)} and {why} ({where} "
            f"{self.download_dir}); put {model}.onnx and "
            f"{model}.onnx.json in a `voices_dirs` folder, or build once with downloads on{choices}"
        )

    def _other_language(self, model: str, language: str | None) -> bool:
        """Whether `model` is made for another language than `language` (`en_US` and `en_GB` are one)."""
        try:
            spoken = self.voice_language(model)
        except ConvaudioError:  # a damaged `.onnx.json`: said when the model is used
            return True
        return language is not None and spoken is not None and speaks_other_language(spoken, language)

    # -- models ----------------------------------------------------------------------------------------
    def _download(self, model: str) -> Path:
        """Fetch a catalogue voice into the cache; each file is checked before it takes its final name."""
        entry = catalogue()["voices"].get(model)
        if entry is None:
            raise EngineError(f"the piper engine cannot download {model!r}: it is not in the voice catalogue")
        if not self.context.generate or not self.options.download:
            raise EngineError(self._absent(model, []))
        for suffix in (".onnx.json", ".onnx"):  # the model last: its presence marks a complete voice
            target = self.download_dir / f"{model}{suffix}"
            if target.is_file():
                continue
            expected = self._expected(model, suffix)
            if not expected:
                raise EngineError(
                    f"the voice catalogue has no SHA-256 for {model}{suffix}, so it is not downloaded unchecked; "
                    f"add it with `piper: {{sha256: {{{model}{suffix}: <hex>}}}}` or put the files in `voices_dirs`"
                )
            url = f"{self.options.base_url.rstrip('/')}/{entry['path']}/{model}{suffix}"
            self._fetch(url, target, expected)
        return self.download_dir / f"{model}.onnx"

    def _fetch(self, url: str, target: Path, expected: str) -> None:
        # imported for a download only: `ssl` and `http.client` cost every build ~6 ms otherwise
        import http.client
        import urllib.error
        import urllib.request

        digest = hashlib.sha256()
        received = 0
        try:
            with atomic_path(target) as temp:
                with urllib.request.urlopen(url, timeout=self.options.timeout) as response, temp.open("wb") as out:
                    announced = response.headers.get("Content-Length")
                    for block in iter(lambda: response.read(_CHUNK), b""):
                        digest.update(block)
                        out.write(block)
                        received += len(block)
                if announced and announced.isdigit() and received < int(announced):
                    # http.client returns a short body without complaint when the connection drops
                    raise EngineError(
                        f"could not download {url}: the connection closed after {received} of {announced} bytes "
                        "(nothing was kept)",
                        transient=True,
                    )
                if digest.hexdigest() != expected:
                    raise EngineError(
                        f"{url} does not have the expected SHA-256 ({digest.hexdigest()} instead of {expected}); "
                        "nothing was kept. Check `base_url`, or the file's checksum in the `sha256` option"
                    )
        except urllib.error.HTTPError as error:
            status = error.code
            raise EngineError(
                f"could not download {url} ({status} {error.reason})",
                transient=is_transient_status(status),  # the one policy every engine follows
                status=status,
            ) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            import socket

            # a name that does not resolve is no passing failure: an offline machine waited through every retry
            # (about 16 s) before the error (bug bash 95)
            unresolved = isinstance(getattr(error, "reason", error), socket.gaierror)
            raise EngineError(
                f"could not download {url} ({error}); on a machine without internet, put the voice's .onnx and "
                ".onnx.json files in a folder named by the `voices_dirs` option, or give every speaker an installed "
                "voice in the voice map",
                transient=not unresolved,
            ) from None

    def _voice(self, model: str) -> PiperVoice:
        """The loaded model (kept for the whole build, and by the process after it: `piper_models`), downloading
        and checking it first when needed."""
        with self._state:
            if model in self._loaded:
                return self._loaded[model]
        from piper import PiperVoice

        with self._fetching:
            onnx = self._local(model) or self._download(model)
        expected = self._expected(model, ".onnx")
        checksum = self._model_checksum(model)
        if onnx.parent == self.download_dir and expected and checksum != expected:
            raise EngineError(
                f"the cached voice {onnx} does not have the catalogue's SHA-256; delete it and build again"
            )
        with self.lock:  # one load per model, even when several threads ask for it first
            with self._state:
                if model in self._loaded:
                    return self._loaded[model]
            config = onnx.with_name(f"{model}.onnx.json")
            # kept by the process: the next build (a `mkdocs serve` rebuild) does not load it again
            try:
                home = self._g2pw_home()  # a Chinese model's phonemizer data: checked before the build
                voice = KEPT.voice(onnx, config, lambda: PiperVoice.load(onnx, config_path=config, download_dir=home))
            except Exception as error:  # onnxruntime's own errors (a cut file is `InvalidProtobuf`), json, KeyError
                said = (str(error).strip().splitlines() or [""])[0][:200]
                raise EngineError(
                    f"the piper voice {model} could not be loaded from {onnx} and {config.name} "
                    f"({type(error).__name__}: {said}): a file cut short or not a Piper model; copy both files "
                    "again (from where you got them, or delete them from the cache folder to download them again)"
                ) from None
            with self._state:
                self._loaded[model] = voice
        return voice

    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        from piper import SynthesisConfig

        model, _, speaker = voice.partition("#")
        if missing := self._phonemizer_missing(model):  # the build says it first; never let piper-tts download it
            raise EngineError(missing)
        loaded = self._voice(model)
        settings = SynthesisConfig(
            speaker_id=self._speaker_id(model, speaker) if speaker else None,
            length_scale=self.options.length_scale,
            noise_scale=self.options.noise_scale,
            noise_w_scale=self.options.noise_w_scale,
            normalize_audio=False,
        )
        try:
            with self.lock:
                chunks = [chunk.audio_float_array for chunk in loaded.synthesize(text, syn_config=settings)]
        except Exception as error:  # piper's own (`Failed to set voice: en-gb`), onnxruntime's: not a traceback
            said = (str(error).strip().splitlines() or [""])[0][:200]
            fix = self._speaking_fix(model, error, said)
            raise EngineError(f"Piper could not speak with {model} ({type(error).__name__}: {said}); {fix}") from None
        if not chunks:
            raise EngineError(f"Piper produced no audio for {text[:40]!r} with {voice}")
        import numpy as np  # here, not at the top: the plugin loads this module to read its options

        samples = np.concatenate(chunks).astype(np.float32)
        return Audio(samples, int(loaded.config.sample_rate))

    def _speaking_fix(self, model: str, error: Exception, said: str) -> str:
        """What to do when Piper fails to speak with `model` (its files loaded): a package its language needs, an
        eSpeak NG voice its `.onnx.json` names that piper-tts lacks, or the files again."""
        config = self._config(model) or {}
        if isinstance(error, ImportError):  # Chinese, Japanese and Thai models read with packages of their own
            kind = str(config.get("phoneme_type", ""))
            extra = PHONEMIZER_EXTRAS.get(kind)
            return (
                f"its `phoneme_type: {kind}` needs piper-tts's `{extra}` extra: pip install 'piper-tts[{extra}]'"
                if extra
                else f"it needs the package {error.name or said}: install it"
            )
        if said.startswith("Failed to set voice"):
            espeak = config.get("espeak", {}).get("voice") if isinstance(config.get("espeak"), dict) else None
            return (
                f"its {model}.onnx.json names the eSpeak NG voice {espeak!r} (`espeak: {{voice: ...}}`), which "
                "piper-tts's eSpeak NG does not have: get the model's configuration again, or write there one it "
                "has (`en`, `en-us`, `en-gb-x-rp`, `pt-br`, `fr`)"
            )
        return "a model piper-tts cannot run: copy both files again, or choose another voice"

    def close(self) -> None:
        with self._state:
            KEPT.settle(len(self._loaded))  # the process keeps what this build used (`piper_models`)
            self._loaded.clear()
            self._models.clear()
            self._configs.clear()
            self._config_digests.clear()
