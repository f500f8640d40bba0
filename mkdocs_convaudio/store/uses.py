"""Use records in the shared cache: which conversations and videos builds used lately, for `cache prune --shared`.

The shared store keeps no use times of its own (an object's date is its upload), so a build that uses it writes a
small record, `uses/<digest>.json`, listing the keys of the conversations and videos it used; the record's date
is that use. `cache prune --shared --older-than 30d` keeps what any record written in the last 30 days lists (and
the lines and segments of those conversations), whichever machine or branch wrote it, and removes older records.

The name is a digest of the keys: builds of the same posts (CI runs of one commit, authors on one branch) write
the same record, and a different set of posts writes its own. Its content is the sorted keys alone, so two
machines writing one record at once write the same bytes.

A build that needed nothing from the store (every line in a local cache that CI restored) still writes its
record, in the background while its pages build; the end of the build waits for it at most END_WAIT seconds
(`finish_pending`). A cache folder whose background write failed, or was not over by then, writes none in the
background for an hour, whatever the posts."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Collection

from ..errors import ConvaudioError
from ..pools import map_in_pool
from .memo import Memo
from .shared import TRANSFERS, USES, SharedStore, sha256

VERSION = 1
#: A machine writes the record of one set of keys at most once a day (prune counts in days)...
SAME_EVERY = 86_400.0
#: ...and one process (`mkdocs serve`, which makes a new set of keys at every edit) one record an hour for one
#: set of posts. Another process (a build after switching branches) is not held back by it.
POSTS_EVERY = 3_600.0
#: When this process last tried to write a record, by store, cache folder and set of posts.
_tried_in_process: dict[str, float] = {}
#: The most the end of a build waits for a use record written in the background (`finish_pending`): enough for
#: a store that answers. An offline laptop pays it at most once an hour: a background write that failed stops
#: the next ones of that store and cache folder for POSTS_EVERY (in this process, and in the memo for the next
#: ones), whatever their posts (each language of a translated site has its own).
END_WAIT = 2.0
#: When a background write of this process failed, by store and cache folder (see END_WAIT).
_unanswered_in_process: dict[str, float] = {}


def record_name(keys: Collection[str]) -> str:
    """Where the record of this set of keys goes in the store."""
    payload = "\n".join([f"v{VERSION}", *sorted(keys)])
    return f"{USES}/{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:40]}.json"


def record(
    store: SharedStore, memo: Memo, keys: Collection[str], now: float, info: Callable[[str], None], *, pages: str
) -> bool:
    """Write the record of `keys` (a build's conversations and videos; `pages` names the posts they come from)
    unless this cache wrote it within SAME_EVERY, or this process wrote (or tried) one for the same posts within
    POSTS_EVERY. Returns whether it was written.

    When the store has answered this build already (`SharedStore.answered`: it fetched or uploaded something),
    at once. Otherwise in a background thread while the pages build: a warm build that needed nothing from the
    store (a CI runner that restored the local cache, a laptop offline) has not waited for it so far, and
    `finish_pending` waits for the record at most END_WAIT seconds at the end of the build. A write that failed
    or was not over by then is not tried again by this cache within POSTS_EVERY. A store that refuses the record
    (read-only credentials) costs one INFO line: it only spares this audio from `cache prune --older-than`."""
    if not keys or not store.available or not store.writable:
        return False
    name, where = record_name(keys), _cache_of(store)
    same, posts = f"{store.display}|{name}", f"{where}|{pages}"
    if _within(memo.get(same), now, SAME_EVERY) or _within(_tried_in_process.get(posts), now, POSTS_EVERY):
        return False
    if not store.answered and (
        _within(memo.get(f"unanswered|{where}"), now, POSTS_EVERY)
        or _within(_unanswered_in_process.get(where), now, POSTS_EVERY)
    ):
        return False
    _tried_in_process[posts] = now  # not again within the hour in this process, whatever the store answers
    data = json.dumps({"version": VERSION, "keys": sorted(keys)}, separators=(",", ":")).encode("utf-8")
    write = Pending(store, memo, name, same, now, info, data)
    if not store.answered:
        write.thread.start()
        _pending.append(write)
        return False
    write.run()
    return write.finish()


class Pending:
    """One use record being written (in a daemon thread, or at once by `record`)."""

    def __init__(
        self, store: SharedStore, memo: Memo, name: str, same: str, now: float, info: Callable[[str], None], data: bytes
    ) -> None:
        self.store, self.memo, self.name, self.same, self.now, self.info = store, memo, name, same, now, info
        self.data = data
        self.written = False
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self.run, name="convaudio-use-record", daemon=True)

    def run(self) -> None:
        try:  # tiny: a store that does not answer is given up soon
            self.store.put_bytes(self.name, self.data, self.store.check_timeout)
            self.written = True
        except Exception as error:  # no state change: the build's own uploads report the store's problems
            self.error = error

    def finish(self) -> bool:
        """In the build's own thread: count the record for SAME_EVERY if it was written (the memo is the build's,
        saved after this); else say why not, and (a background write) hold the next ones back for POSTS_EVERY.
        Returns whether it was written."""
        if self.written:
            self.memo.put(self.same, self.now)
            return True
        # still under way (left to itself: a daemon thread, it ends with the process), or failed
        why = self.store.detail(self.error) if self.error is not None else "no answer by the end of the build"
        if self.thread.ident is not None:  # written in the background
            where = _cache_of(self.store)
            _unanswered_in_process[where] = self.now
            self.memo.put(f"unanswered|{where}", self.now)
        self.info(
            f"the shared cache {self.store.display} did not take this build's use record ({why}); `cache prune "
            "--shared --older-than` may then count these posts' audio from its upload"
        )
        return False


#: Use records being written in the background, until `finish_pending`.
_pending: list[Pending] = []


def abandon_pending() -> None:
    """After a failed build: count the background writes that got through, and forget the others without a
    message or a hold on the next builds (the build failed for reasons of its own; a later build writes them, under
    `mkdocs serve` after POSTS_EVERY)."""
    for write in _pending:
        if write.written:
            write.finish()
    _pending.clear()


def finish_pending(wait: float | None = None) -> int:
    """At the end of a build: wait for the background writes at most `wait` seconds in all (END_WAIT), and count
    them (`Pending.finish`). Returns how many were written."""
    deadline = time.monotonic() + (END_WAIT if wait is None else wait)
    written = 0
    for write in list(_pending):
        _pending.remove(write)
        write.thread.join(max(0.0, deadline - time.monotonic()))
        written += write.finish()
    return written


def _cache_of(store: SharedStore) -> str:
    """The store and the local cache folder a record's gates are kept for."""
    return f"{store.display}|{store.local_root}"


def _within(when: object, now: float, period: float) -> bool:
    return isinstance(when, int | float) and 0 <= now - when < period


def recent(store: SharedStore, cutoff: float) -> tuple[set[str], list[str]]:
    """The keys every record written after `cutoff` lists (a record without a date counts as recent), and the
    names of the older records. A record that cannot be read, or does not match its checksum, stops prune
    (raises ConvaudioError): without it, audio a branch still uses would go."""
    records = store.list_uses()
    fresh = [item.relative for item in records if item.modified is None or item.modified > cutoff]
    stale = [item.relative for item in records if item.modified is not None and item.modified <= cutoff]

    def read(relative: str) -> list[str]:
        try:
            expected = store.read(store.checksum_path(relative), store.check_timeout).decode("ascii", "replace")
            data = store.read(store.remote_path(relative))
        except FileNotFoundError:  # removed meanwhile (another prune)
            return []
        except Exception as error:
            raise store.failure(f"reading {relative}", error, writing=False) from None
        where = f"the use record {store.display}/{relative}"
        if sha256(data) != expected.strip():
            raise ConvaudioError(
                f"{where} does not match its checksum (damaged), so prune cannot tell what the builds that wrote "
                "it use; `mkdocs-convaudio cache verify --shared` removes it, then build each branch once"
            )
        try:
            loaded = json.loads(data)
        except ValueError:
            loaded = None
        keys = loaded.get("keys") if isinstance(loaded, dict) and loaded.get("version") == VERSION else None
        if isinstance(keys, list) and all(isinstance(key, str) for key in keys):
            return keys
        raise ConvaudioError(
            f"{where} is no version {VERSION} use record (written by another version of mkdocs-convaudio?), so "
            f"prune cannot tell what the builds that wrote it use; prune with that version, or delete it and "
            f"sha256/{relative}, then build each branch once"
        )

    keys: set[str] = set()
    if fresh:
        for found in map_in_pool(read, fresh, workers=min(TRANSFERS, len(fresh)), name="convaudio-uses"):
            keys.update(found)
    return keys, stale


def still_stale(store: SharedStore, cutoff: float, names: Collection[str]) -> list[str]:
    """Those of the records `names` that nothing wrote since `cutoff` (listed again just before prune removes
    them: a build may have written one again while prune ran)."""
    if not names:
        return []
    wanted = set(names)
    return [
        item.relative
        for item in store.list_uses()
        if item.relative in wanted and item.modified is not None and item.modified <= cutoff
    ]
