"""The voice-map file: which voice speaks for whom, chosen once, committed by authors, and theirs to edit."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock
import yaml

from ..errors import ConvaudioError
from ..store.files import WriteError, atomic_path, write_failure
from ..store.locks import folder_lock
from ..text.conversation import speaker_name
from .given_names import Kind, likely_kind

if TYPE_CHECKING:
    from ..store.memo import Memo

HEADER = """\
# mkdocs-convaudio voice map: which voice speaks for each speaker of each post, per engine.
# Commit this file. New speakers get a voice automatically; change any voice here and your choice wins.
# Keys are language-free post paths, so a translation (talk-fr.md, talk.fr.md) shares its original's voices.
"""

VoiceTable = dict[str, dict[str, dict[str, str]]]

#: How long a build waits for another build to finish writing the same voice map.
LOCK_TIMEOUT = 60.0
#: The memo's record of the file as the last save left it, and when it was last changed otherwise (see `edited`).
SAVED = "\0saved"


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (a blog's voice map is read on every build), reading `yes`, `no`,
    `on` and `off` as the words they are: a speaker named No, unquoted in a hand edit, was read as false, and the
    file rewritten with a `'False'` speaker and the edit lost (bug bash 77). Nothing in a voice map is a boolean."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def chosen_voices(
    entry: Mapping[str, str], speakers: list[str], pool: list[str], kinds: Mapping[str, Kind] | None
) -> dict[str, str]:
    """The voices `VoiceMap.voices_for` gives the speakers `entry` lacks, in order of appearance: the first pool
    voice not yet used in the entry, of a woman's voice for `Maya`, a man's for `Tom` where `kinds` says which of
    the pool's voices are which (without `kinds`, the pool's order alone, as before voices followed names)."""
    voices = dict(entry)
    new: dict[str, str] = {}
    for speaker in speakers:
        if speaker in voices:
            continue
        taken = set(voices.values())
        free = [voice for voice in pool if voice not in taken]
        if kinds and (kind := likely_kind(speaker)) is not None:
            # the pool's order otherwise: a role (`Host`) or an unknown name keeps the voice it always had
            free = [voice for voice in free if kinds.get(voice) == kind] or free
        # more speakers than voices: reuse in pool order rather than fail
        voices[speaker] = new[speaker] = free[0] if free else pool[len(voices) % len(pool)]
    return new


def _node_lines(node: yaml.Node, path: tuple[str, ...], out: dict[tuple[str, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _node_lines(value, (*path, str(key.value)), out)


class VoiceMap:
    """Loaded from and saved to one YAML file: `{engine: {post key: {speaker: voice identity}}}`."""

    def __init__(self, path: Path, memo: Memo | None = None) -> None:
        self.path = path
        #: What earlier builds read from the file, by its text's digest: a warm build parses no YAML.
        self.memo = memo
        #: Times the YAML was parsed (tests count them).
        self.parsed = 0
        self.table: VoiceTable = {}
        self.lines: dict[tuple[str, ...], int] = {}
        self.dirty = False
        #: What this build chose (speakers given a voice, entries renamed), merged into the file on save.
        self.added: dict[tuple[str, str, str], str] = {}
        #: Speakers this build gave a voice for itself only (see `hold`): never written to the file.
        self.held: set[tuple[str, str, str]] = set()
        self.moved: list[tuple[str, str, str]] = []
        #: entries this build copied to a new key (engine, from, to, the voices copied): the original renamed before
        #: its translation
        self.copied: list[tuple[str, str, str, dict[str, str]]] = []
        #: Around each write of the file: under `mkdocs serve`, the file is not watched while the build writes it
        #: (set by the plugin), so the build's own save triggers no rebuild; unless the file changed since the build
        #: read it, a change the rebuild that save starts builds
        self.writing: Callable[[], contextlib.AbstractContextManager[object]] = contextlib.nullcontext
        if path.exists() and not path.is_file():
            raise ConvaudioError(
                "the voice map path is a folder, not a file; set the plugin's `voice_map` option to a YAML file "
                "such as convaudio-voices.yml (or remove the folder)",
                str(path),
            )
        #: the file's stamp when this build read it (taken before reading): a save finding another one is not
        #: the only change since, and stays seen by `mkdocs serve` (see `writing`)
        self._read_stamp = self._stamp()
        #: no file when this build read it: a checkout of a site that does not commit it (an entry deleted from the
        #: file is the author's wish to have voices chosen again, see `AudioSession._unchosen`)
        self.absent = self._read_stamp is None
        if path.is_file():
            self.table, self.lines = self._load()
        if memo is not None:
            memo.touch(SAVED)

    def _stamp(self) -> list[int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return [status.st_mtime_ns, status.st_size, status.st_ino]

    def edited(self) -> float | None:
        """When the file last changed other than by a build's save (by hand, by git), in seconds; None without
        the file. A page built after it needs no rebuild for it: with mkdocs-static-i18n, the French build saves
        the French speakers' voices after the English pages were written, and every English audio page was
        rebuilt by the next `--dirty` build (bug bash 119)."""
        stamp = self._stamp()
        if stamp is None:
            return None
        saved = self.memo.peek(SAVED) if self.memo is not None else None
        if isinstance(saved, list) and len(saved) == 2 and saved[0] == stamp and isinstance(saved[1], int | float):
            return float(saved[1])
        return stamp[0] / 1e9  # changed since a save (or none recorded): now is when

    def _load(self) -> tuple[VoiceTable, dict[tuple[str, ...], int]]:
        """The table in the file and the line of each of its entries."""
        table: VoiceTable = {}
        lines: dict[tuple[str, ...], int] = {}
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return table, lines
        except UnicodeDecodeError as error:
            raise ConvaudioError(
                f"the voice map is not UTF-8 (byte {error.start}); save it as UTF-8", str(self.path)
            ) from None
        except OSError as error:
            raise ConvaudioError(
                f"the voice map cannot be read ({error.strerror}); make it readable for this user", str(self.path)
            ) from None
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        remembered = self.memo.get(digest) if self.memo is not None else None
        if isinstance(remembered, list) and len(remembered) == 2:
            table = {
                engine: {key: dict(voices) for key, voices in posts.items()} for engine, posts in remembered[0].items()
            }
            return table, {tuple(where): line for where, line in remembered[1]}
        self.parsed += 1
        table, lines = self._parse(text)
        if self.memo is not None:
            # a copy: the table returned is this build's, and gets this build's new speakers (the memo must keep
            # what the file says)
            snapshot = {engine: {key: dict(voices) for key, voices in posts.items()} for engine, posts in table.items()}
            self.memo.put(digest, [snapshot, [[list(where), line] for where, line in lines.items()]])
        return table, lines

    def _parse(self, text: str) -> tuple[VoiceTable, dict[tuple[str, ...], int]]:
        table: VoiceTable = {}
        lines: dict[tuple[str, ...], int] = {}
        try:
            data: Any = yaml.load(text, Loader=_TextLoader)
            node = yaml.compose(text, Loader=_TextLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConvaudioError(
                f"the voice map is not valid YAML ({getattr(error, 'problem', error)}); fix it or delete it to "
                "let voices be chosen again",
                str(self.path),
                mark.line + 1 if mark is not None else None,
            ) from None
        if data is None:
            return table, lines
        if node is not None:
            _node_lines(node, (), lines)
        shape_error = ConvaudioError(
            "the voice map must look like `engine: {post path: {speaker: voice}}` (e.g. `espeak: "
            "{blog/talk.md: {A: m3}}`)",
            str(self.path),
        )
        if not isinstance(data, dict):
            raise shape_error
        for engine, posts in data.items():
            if not isinstance(posts, dict):
                raise ConvaudioError(shape_error.message, str(self.path), lines.get((str(engine),)))
            for key, speakers in posts.items():
                if not isinstance(speakers, dict):
                    raise ConvaudioError(shape_error.message, str(self.path), lines.get((str(engine), str(key))))
                for speaker, voice in speakers.items():
                    if not isinstance(voice, str | int):  # at the speaker's line, not the entry's
                        line = lines.get((str(engine), str(key), str(speaker)), lines.get((str(engine), str(key))))
                        raise ConvaudioError(shape_error.message, str(self.path), line)
                # a key typed `Jose\u0301` is the speaker `José` of the conversations (review 78)
                table.setdefault(str(engine), {})[str(key)] = {
                    speaker_name(str(s)): str(v) for s, v in speakers.items()
                }
        return table, lines

    def line_of(self, engine: str, key: str, speaker: str) -> int | None:
        found = self.lines.get((engine, key, speaker))
        if found is None:  # the file may spell the name otherwise (`Jose\u0301`): its line, for messages
            found = next(
                (
                    line
                    for (*entry, name), line in self.lines.items()
                    if entry == [engine, key] and speaker_name(name) == speaker
                ),
                None,
            )
        return found

    def voices_for(
        self,
        engine: str,
        key: str,
        speakers: list[str],
        pool: list[str],
        legacy_keys: Collection[str] = (),
        kinds: Mapping[str, Kind] | None = None,
    ) -> dict[str, str]:
        """The voice of each speaker: recorded ones as written, new ones the first pool voice not yet used
        in this post, in order of appearance; of a woman's voice for `Maya`, a man's for `Tom` (`likely_kind`), where
        `kinds` says which of the pool's voices are which. Deterministic: same file, same speakers, same voices.

        `legacy_keys` are names the entry may have had before: a post that gains a translation moves from
        `talk-en.md` to `talk.md`, and the voices its author chose move with it."""
        section = self.table.setdefault(engine, {})
        if key not in section:
            # never from an entry that moved in this build: two pages naming each other's key as a former name
            # moved it back and forth at every build, and `mkdocs serve` rebuilt without end (bug bash 74)
            arrived = {new for moved_engine, _, new in self.moved if moved_engine == engine}
            for old in legacy_keys:
                if old != key and old in section and old not in arrived:
                    section[key] = section.pop(old)
                    self.moved.append((engine, old, key))
                    self.dirty = True
                    break
        entry = section.setdefault(key, {})
        for speaker, voice in chosen_voices(entry, speakers, pool, kinds).items():
            entry[speaker] = voice
            self.added[(engine, key, speaker)] = voice
            self.dirty = True
        return {speaker: entry[speaker] for speaker in speakers}

    def share(self, engine: str, key: str, speaker: str, voice: str) -> None:
        """Record for a new `speaker` of the entry `key` the voice another of its speakers has (a translation's
        name for the original's speaker), merged into the file on save as a voice this build chose."""
        entry = self.table.setdefault(engine, {}).setdefault(key, {})
        if speaker not in entry:
            entry[speaker] = voice
            self.added[(engine, key, speaker)] = voice
            self.dirty = True

    def hold(self, engine: str, key: str, speaker: str) -> None:
        """Keep the voice this build gave `speaker` (new to the file) out of the file: a speaker the build warns
        of (a likely typo, a translation's speaker its original lacks) is warned of on every build until its
        author records it by hand or mends the name; written by the build, the next build was silent, and a
        `--strict` build failed once, then passed with the typo still there (review 212). It keeps its voice
        in this build, and the speakers after it keep theirs: the voices are handed out as before."""
        if (engine, key, speaker) in self.added:
            self.held.add((engine, key, speaker))

    def recorded(self) -> dict[tuple[str, str, str], str]:
        """The voices this build chose that go into the file: `added` but the ones held out of it."""
        return {where: voice for where, voice in self.added.items() if where not in self.held}

    def moved_in(self, engine: str) -> dict[str, str]:
        """The entries of `engine` this build moved: their former key, and the key they have now."""
        return {old: new for moved_engine, old, new in self.moved if moved_engine == engine}

    def copy(self, engine: str, old: str, new: str) -> None:
        """Give the new key `new` the voices of `old`, which keeps them (see `AudioSession._copy_claimed`), or
        those of the key this build moved `old` to."""
        section = self.table.setdefault(engine, {})
        holder = old if old in section else self.moved_in(engine).get(old, old)
        if holder in section and new not in section:
            section[new] = dict(section[holder])
            self.copied.append((engine, old, new, dict(section[new])))
            self.dirty = True

    def chosen_here(self, engine: str, key: str) -> bool:
        """Whether this build chose every voice of the entry `key` (an entry it made): it holds no choice of an
        author's, or of an earlier build's, to keep."""
        entry = self.table.get(engine, {}).get(key, {})
        return all((engine, key, speaker) in self.added for speaker in entry)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """A lock for this voice map shared by every build on the machine, sites with cache folders of their own
        included (so not in a cache folder): a `flock` on the voice map's folder, which leaves no file (a lock
        file in the temporary folder, one per voice map and never removed, piled up there: removing one another
        build may hold is unsafe). Where folders cannot be locked, that lock file all the same (Windows' filelock
        removes it on release)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise write_failure(self.path, error, "voice map") from None
        with folder_lock(folder, LOCK_TIMEOUT) as held:
            if held:
                yield
                return
        name = hashlib.sha256(os.fsencode(self.path.resolve())).hexdigest()[:16]
        with filelock.FileLock(Path(tempfile.gettempdir()) / f"convaudio-voices-{name}.lock", timeout=LOCK_TIMEOUT):
            yield

    def _merge(self, disk: VoiceTable) -> VoiceTable:
        """The file's table plus what this build chose: the file wins wherever both set a speaker (a hand edit
        or another build's choice made while this build ran is never overwritten)."""
        merged = {engine: {key: dict(entry) for key, entry in posts.items()} for engine, posts in disk.items()}
        for engine, old, new, voices in self.copied:  # before the moves: an entry copied, then moved, in one build
            section = merged.setdefault(engine, {})
            if new in section:
                continue  # named meanwhile, by another build or by hand
            holder = old if old in section else self.moved_in(engine).get(old, old)  # moved by another build too
            # the file's voices where it has them (a hand edit made meanwhile wins), else the ones copied: an entry
            # this build made, or gave a speaker, is not in the file yet, and its copy was dropped although the
            # build said it was made
            section[new] = {**voices, **section.get(holder, {})}
        for engine, old, new in self.moved:
            section = merged.setdefault(engine, {})
            if old in section and new not in section:
                section[new] = section.pop(old)
        for (engine, key, speaker), voice in self.recorded().items():
            merged.setdefault(engine, {}).setdefault(key, {}).setdefault(speaker, voice)
        return merged

    def save(self) -> bool:
        """Merge this build's new voices into the file, under a lock (re-read, merge, atomic replace), keeping
        every entry already there. Returns True when the file disagreed with a voice this build used, so the
        caller plans again with the file's voices."""
        if not self.dirty:
            return False
        if not self.recorded() and not self.moved and not self.copied:
            return False  # only speakers held out of the file: it stays as it is (`mkdocs serve` watches it)
        try:
            with self._lock():
                edited = self.edited()  # before this save: a change by hand not built yet stays one
                # changed since this build read it (by hand, or by another process's build): the save is seen, so
                # `mkdocs serve` builds that change, which its watch may not have seen yet (it polls)
                alone = self._stamp() == self._read_stamp
                disk, _lines = self._load()
                merged = self._merge(disk)
                body = yaml.safe_dump(merged, sort_keys=True, allow_unicode=True, default_flow_style=False)
                with self.writing() if alone else contextlib.nullcontext(), atomic_path(self.path, "voice map") as temp:
                    temp.write_text(HEADER + body, encoding="utf-8")
                self._read_stamp = self._stamp()
                if self.memo is not None:
                    self.memo.put(SAVED, [self._stamp(), edited or 0.0])
        except filelock.Timeout:
            raise ConvaudioError(
                f"another build has held the voice map's lock for {LOCK_TIMEOUT:g} s; wait for it to finish "
                "and build again",
                str(self.path),
            ) from None
        except WriteError as error:
            wanted: VoiceTable = {}
            for (engine, key, speaker), voice in self.recorded().items():
                wanted.setdefault(engine, {}).setdefault(key, {})[speaker] = voice
            entries = yaml.safe_dump(wanted, sort_keys=True, allow_unicode=True, default_flow_style=False)
            raise ConvaudioError(
                f"{error.message}. New speakers need voices recorded there; add these entries to it by hand, "
                f"or build once where it is writable:\n{entries.rstrip()}"
            ) from None
        for engine, key, speaker in self.held:  # still this build's voices, unless the file has one meanwhile
            merged.setdefault(engine, {}).setdefault(key, {}).setdefault(speaker, self.added[(engine, key, speaker)])
        changed = any(
            merged.get(engine, {}).get(key, {}).get(speaker) != voice
            for engine, posts in self.table.items()
            for key, entry in posts.items()
            for speaker, voice in entry.items()
        )
        self.table = merged
        self.added, self.moved, self.copied, self.held = {}, [], [], set()
        self.dirty = False
        self.lines = self._load()[1]
        return changed
