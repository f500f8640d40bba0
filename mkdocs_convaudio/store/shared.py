"""The shared cache: the local cache's files mirrored on object storage (S3, GCS, Azure, a folder) via fsspec."""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ..errors import ConvaudioError, listed
from ..pools import map_in_pool
from .files import atomic_path

#: Remote folder holding each object's SHA-256 (`sha256/lines/ab/<key>.flac` for `lines/ab/<key>.flac`).
CHECKSUMS = "sha256"
#: Folder for uploads in flight on stores without atomic object writes (a plain folder, NFS, ...).
UPLOADS = "uploads"
#: Folder of the records of which conversations and videos builds used, and when (`store/uses.py`).
USES = "uses"
#: Folder of the claims of lines a build is making now (`SharedStore.claim`): another build leaves those for last.
CLAIMS = "claims"
#: A claim older than this is a stopped build's: no request for one line takes that long, retries included.
CLAIM_FRESH = 60.0
#: Stores where one PUT (or a completed multipart upload) is atomic: an object appears whole or not at all.
ATOMIC_PUT = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl"})
#: Which extra brings the fsspec backend of a protocol.
EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "az": "azure", "abfs": "azure", "abfss": "azure"}
#: Provider variables whose values must never appear in a message (the SDKs read them; we only scrub them).
SECRET_ENV = (
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_ACCESS_KEY_ID",
    "AZURE_STORAGE_KEY",
    "AZURE_STORAGE_ACCOUNT_KEY",
    "AZURE_STORAGE_CONNECTION_STRING",
    "AZURE_STORAGE_SAS_TOKEN",
    "AZURE_CLIENT_SECRET",
)
_SECRET_OPTION = re.compile(r"key|secret|token|password|credential|sas|connection|signature", re.IGNORECASE)
_USERINFO = re.compile(r"(\b[a-zA-Z][\w+.-]*://)[^/@\s]+@")
_QUERY = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^\s?\"']*)\?[^\s\"']*")
#: The errors of the backends' SDKs for no credentials found on this machine (botocore, google-auth, azure-identity):
#: the store was never asked anything.
NO_CREDENTIALS = frozenset(
    {"NoCredentialsError", "PartialCredentialsError", "DefaultCredentialsError", "CredentialUnavailableError"}
)
#: Parallel transfers: a warm CI build fetches hundreds of small objects.
TRANSFERS = 16
#: Seconds for one whole request, retries included, on stores reached over the network (fsspec's async
#: backends): a checksum is tiny, so a store that answers no request (a firewall dropping packets, a stalled
#: proxy) is given up after CHECK_TIMEOUT, not after the backend's retries of its 15-60 s timeouts (minutes).
CHECK_TIMEOUT = 20.0
TRANSFER_TIMEOUT = 600.0
#: An upload left in `uploads/` for this long was killed (no upload of a cache entry takes an hour).
STALE_UPLOAD = 3600.0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _secret_values(options: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    for name, value in options.items():
        if isinstance(value, Mapping):
            found.extend(_secret_values(value))
        elif isinstance(value, str) and _SECRET_OPTION.search(str(name)) and len(value) >= 4:
            found.append(value)
    return found


def _url_secrets(url: str) -> list[str]:
    """User info and query values of the store's URL: a backend may quote them back in its errors (as part of
    a bucket name, say), where the URL patterns of `scrub` no longer recognize them."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found: list[str] = []
    if "@" in parts.netloc:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        found += [userinfo, *userinfo.split(":", 1)]
    if parts.query:
        found += [parts.query, *(value for _name, value in parse_qsl(parts.query))]
    return found


#: Where a store's web address goes in `shared_cache_options`: s3fs (and gcsfs) take `endpoint_url`, s3fs also
#: botocore's `client_kwargs: {endpoint_url: ...}`.
ENDPOINT_OPTIONS = (("endpoint_url",), ("client_kwargs", "endpoint_url"))
#: The options in `shared_cache_options` that choose which store the address names, besides its endpoint: an
#: AWS profile (its own endpoint and region), botocore's region, Azure's account and host, a Google project. None
#: is a secret (those are never part of a store's identity, see `store_identity`).
SELECTING_OPTIONS = (
    *ENDPOINT_OPTIONS,
    ("profile",),
    ("client_kwargs", "region_name"),
    ("account_name",),
    ("account_host",),
    ("project",),
)


def _option(options: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at `path` (`("client_kwargs", "endpoint_url")`) in nested options, or None."""
    value: Any = options
    for name in path:
        value = value.get(name) if isinstance(value, Mapping) else None
    return value


def endpoint_problems(options: Mapping[str, Any]) -> list[str]:
    """What is wrong with the store's web address in `shared_cache_options`, checked as the options are read: a
    warm build, which finds everything in the local cache, never contacts the store, so `endpoint_url:
    localhost:9000` (no scheme) went unnoticed until a cold build. Each problem names the option and an example."""
    problems = []
    for path in ENDPOINT_OPTIONS:
        value = _option(options, path)
        if value is None:  # not given (or `endpoint_url:` left empty in YAML): the backend's default address
            continue
        shown = (
            _shown_endpoint(value)
            if isinstance(value, str)
            else _QUERY.sub(r"\1?***", _USERINFO.sub(r"\1***@", str(value)))
        )
        example = endpoint_example(value) if isinstance(value, str) else "https://s3.example.com"
        if isinstance(value, str) and (secret := endpoint_credentials(value)) is not None:
            problems.append(
                f"shared_cache_options: {': '.join(path)}: {shown!r} has {secret} in it; remove "
                f"{'them' if ' and ' in secret else 'it'}: credentials come from the provider's usual environment "
                f"variables, profile or role, never from the store's address, e.g. `{path[-1]}: {example}`"
            )
            continue
        why = endpoint_fault(value) if isinstance(value, str) else "it is not text"
        if why is not None:
            problems.append(
                f"shared_cache_options: {': '.join(path)}: {shown!r} is not the store's web address ({why}); "
                f"give its scheme and host, e.g. `{path[-1]}: {example}`"
            )
    return problems


def endpoint_credentials(address: str) -> str | None:
    """What of a credential the store's address holds (user info before the host, a query such as a signed URL's
    `X-Amz-Signature`), or None: the backends take neither (botocore fails at the first request with
    EndpointResolutionError, which read like an outage), and a message must not show them."""
    before_query, query, _ = address.partition("?")
    found = ["a user name or password"] if _has_userinfo(before_query) else []
    return listed([*found, *(["a query"] if query else [])]) or None


def _has_userinfo(address: str) -> bool:
    """Whether `address` (without its query) has user info before its host: an `@` in its host part, or after a
    password with a `/` in it (`http://alice:pa/ss@host`, where the host part, `alice:pa`, has a port that is no
    number). An `@` in the path of an address whose host part is a host (`http://host:9000/bucket@v1`) is none."""
    if "@" not in address:
        return False
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises on a port that is no number (a password cut at its `/`)
    except ValueError:
        return True
    # anything but a well-formed web address with a host before its path is taken as holding user info: a message
    # never shows what may be a password
    return "@" in parts.netloc or not parts.hostname or parts.scheme.lower() not in ("http", "https")


def _shown_endpoint(address: str) -> str:
    """An address as a message may show it: everything before its last `@` (user info, even with a `/` in a
    password) and everything after `?` is `***`."""
    scheme, separator, rest = address.partition("://")
    if not separator:
        scheme, rest = "", address
    if "?" in rest:
        rest = rest.split("?", 1)[0] + "?***"
    if "@" in rest and _has_userinfo(address.split("?", 1)[0]):
        rest = "***@" + rest.rsplit("@", 1)[1]
    return f"{scheme}{separator}{rest}"


def endpoint_fault(address: str) -> str | None:
    """Why `address` is no http(s) URL with a host (a path after it is fine), or None when it is one."""
    if not address.strip():
        return "it is empty"
    if address != address.strip() or any(char.isspace() for char in address):
        return "it has spaces in it"
    try:
        parts = urlsplit(address)
        port = parts.port  # raises on a port that is no number, or out of range
    except ValueError:
        return "its port is not a number from 1 to 65535"
    if "://" not in address:
        return "no http:// or https:// before the host"
    if parts.scheme.lower() not in ("http", "https"):
        return f"its scheme is {parts.scheme or 'missing'}, not http or https"
    if not parts.hostname:
        return "no host after the scheme"
    if port == 0:
        return "its port is not a number from 1 to 65535"
    return None


def endpoint_example(address: str) -> str:
    """A well-formed address close to a malformed one (`localhost:9000` → `http://localhost:9000`, `http//x` →
    `http://x`, `http://user:pw@x?sig` → `http://x`), else a generic one. https, but for a host with a port (a
    local MinIO, say) when none was given."""
    given = address.strip().split("?", 1)[0]  # no query, nor user info (`endpoint_credentials`)
    rest = re.sub(r"^(https?)?:?/+", "", given.split("://", 1)[-1], flags=re.IGNORECASE)
    if _has_userinfo(given):
        rest = rest.rsplit("@", 1)[-1]
    scheme = re.match(r"https?(?=:|/)", given, flags=re.IGNORECASE)
    local = re.search(r":[0-9]+(/|$)", rest) is not None
    candidate = f"{scheme.group().lower() if scheme else 'http' if local else 'https'}://{rest}"
    return candidate if endpoint_fault(candidate) is None else "https://s3.example.com"


def store_identity(display: str, options: Mapping[str, Any]) -> str:
    """Which store `display` (the scrubbed address) names with these options, as the stores that answered are
    remembered: the same bucket and prefix at another endpoint (top-level or botocore's `client_kwargs`), in
    another account, profile or region is another store. Only `SELECTING_OPTIONS`, which hold no secret (an
    endpoint with user info or a query is refused as the options are read); others (retries, timeouts) do not
    make another store."""
    given = [(path, _option(options, path)) for path in SELECTING_OPTIONS]
    chosen = [f"{'.'.join(path)}={value}" for path, value in given if value is not None]
    return f"{display} ({', '.join(chosen)})" if chosen else display


@dataclass(frozen=True)
class RemoteObject:
    """One object of the shared cache, named like its local file (`lines/ab/<key>.flac`)."""

    relative: str
    size: int
    modified: float | None


class SharedStore:
    """Reads go local first, then here (and are kept locally); new entries are written to both.

    Each object's SHA-256 lives in a separate small object under `sha256/`, written after the object itself:
    an object without a checksum is not an entry yet, and one whose bytes do not match is corrupt (ignored,
    re-rendered and overwritten). Credentials come from each backend's usual provider chain."""

    def __init__(
        self,
        url: str,
        local_root: Path,
        *,
        options: Mapping[str, Any] | None = None,
        required: bool = False,
        stop_when_lost: bool = False,
        warn: Callable[[str], None] = lambda message: None,
        info: Callable[[str], None] = lambda message: None,
        environ: Mapping[str, str] | None = None,
        answers: builtins.set[str] | None = None,
        synthesizes: bool = True,
    ) -> None:
        self.local_root = local_root
        self.required = required
        #: False for a cache-only build (generate off): it makes no line, so its warnings offer no `cache push`.
        self.synthesizes = synthesizes
        self.stop_when_lost = stop_when_lost
        self.warn = warn
        self.info = info
        self.options = dict(options or {})
        env = environ or {}
        found = [*_secret_values(self.options), *_url_secrets(url), *(env.get(k, "") for k in SECRET_ENV)]
        # longest first: a secret that contains another is replaced whole
        self._secrets = sorted({value for value in found if len(value) >= 4}, key=len, reverse=True)
        self.display = self.scrub(url.rstrip("/"))
        self.available = True
        #: False once the store refused an upload: no use record, and no other optional file, is tried then
        self.writable = True
        #: Whether it refused a line this build paid for (`_write_failed`): nothing more is tried then
        self._paid_refused = False
        #: Whether the store answered a request of this build (a read, even "no such object", or a write): a
        #: use record is written at once then, else in the background (`store/uses.py`), so a build that needed
        #: nothing from an unreachable store does not wait on it in its pages.
        self.answered = False
        #: The stores that answered an earlier build of this session (`answers`: the plugin's, kept for the whole
        #: process, so each language of mkdocs-static-i18n and each `mkdocs serve` rebuild), shared with the builds
        #: after this one: one of them that fails before answering this build is an outage, not settings to check.
        self._answers: builtins.set[str] = set() if answers is None else answers
        self._identity = self.scrub(store_identity(self.display, self.options))
        self.answered_before = self._identity in self._answers
        self._absent: set[str] = set()
        #: Those of `_absent` the store said it did not hold (not corrupt ones): another machine may upload them
        #: while this build runs, so they are looked for again before this build pays for them (`look_again`).
        self._not_found: set[str] = set()
        #: What a build's objects are for, by relative path ("blog/talk.md:12, B's line", `AudioCache.for_remote`):
        #: a warning about one (a corrupt object) names the post and line, not only a hashed path (bug bash h-team)
        self.labels: dict[str, str] = {}
        self._state = threading.Lock()
        #: This build's name in the claims it writes (`claim`), and the lines it claimed and not yet released.
        self.build_id = uuid.uuid4().hex
        self._claimed: set[str] = set()
        #: False once the store refused a claim other than by holding one (read-only credentials, a backend
        #: without exclusive writes): not tried again in this build
        self._claims = True
        #: Why the file system could not even be made (see below), else None.
        self._unreachable: OSError | None = None
        import fsspec  # imported here: builds without a shared cache never pay for it

        protocol = url.split("://", 1)[0] if "://" in url else "file"
        try:
            self.fs, root = fsspec.core.url_to_fs(url, **self.options)
        except ImportError:
            extra = EXTRAS.get(protocol)
            hint = f"pip install 'mkdocs-convaudio[{extra}]'" if extra else f"install fsspec's {protocol}:// backend"
            raise ConvaudioError(
                f"shared_cache {self.display} needs a storage backend that is not installed: {hint}"
            ) from None
        except TypeError as error:  # an option the backend does not take
            raise ConvaudioError(
                f"shared_cache_options for {self.display}: {self.scrub(str(error))}; see the options of the "
                f"fsspec backend for {protocol}://"
            ) from None
        except ValueError as error:
            raise ConvaudioError(
                f"shared_cache {self.display}: {self.scrub(str(error))}; use s3://bucket/prefix, gs://bucket/prefix, "
                "az://container/prefix or file:///path"
            ) from None
        except Exception as error:
            # ftp:// (and sftp://, smb://) connect as their file system is made: a host that does not resolve or
            # answer is an unreachable store, reported like one that fails its first read (`missing_root`)
            host = urlsplit(url).hostname or url
            self._unreachable = OSError(f"cannot connect to {host}: {self.scrub(str(error))}")
            self.fs, root = None, urlsplit(url).path
        self.root = str(root).rstrip("/")
        self.protocol = protocol
        self._root_checked: BaseException | bool | None = False  # not yet; then None (there) or why not
        self._bucket_checked: BaseException | bool | None = False  # the same for an object store's bucket
        self._bucket_lock = threading.Lock()
        self._root_lock = threading.Lock()  # one check, and one error, whichever download thread asks first
        self.atomic_put = protocol in ATOMIC_PUT
        self.check_timeout = CHECK_TIMEOUT
        self.transfer_timeout = TRANSFER_TIMEOUT
        self._timeouts = bool(getattr(self.fs, "async_impl", False))  # fsspec's sync wrapper takes `timeout`
        # s3fs asks for an object's size before reading it (a HEAD per read, a HEAD and a LIST per miss) unless
        # reads are not split: our objects are small, so one GET each
        self._read_options: dict[str, Any] = {"max_concurrency": 1} if protocol in ("s3", "s3a") else {}

    # -- messages -----------------------------------------------------------------------------------
    def scrub(self, message: str) -> str:
        """No credentials in what we print: user info and query strings of URLs, secret option values."""
        message = _USERINFO.sub(r"\1***@", message)
        message = _QUERY.sub(r"\1?***", message)
        for secret in self._secrets:
            message = message.replace(secret, "***")
        return message

    def failure(self, doing: str, error: BaseException, *, writing: bool = True) -> ConvaudioError:
        """A maintenance command's error: what failed and why, without credentials."""
        access = "write to" if writing else "read"
        hint = f" (these credentials may not {access} it)" if isinstance(error, PermissionError) else ""
        return ConvaudioError(f"the shared cache {self.display}: {doing}: {self.detail(error)}{hint}")

    def detail(self, error: BaseException) -> str:
        """An error as a message may show it: its type and text, without credentials; a TypeError from the backend
        comes from an option of the wrong type (`endpoint_url: [a, b]` gave "unhashable type: 'list'")."""
        hint = "; check the types of the values in shared_cache_options" if isinstance(error, TypeError) else ""
        return self.scrub(f"{type(error).__name__}: {error}{hint}")

    def _failed(self, error: BaseException) -> None:
        """The first failure to reach the store: warn once and go on with the local cache, or stop.

        `required` (shared_cache_required) is about the start of the build: a store that never answered stops it,
        and since every line is looked up in the store before it is synthesized, that is before any request to the
        engine. A store that answered earlier in this build and then fails is an outage (the address and the
        credentials just worked): stopping then would throw away a build that has paid for lines, so it is the
        warning, with advice for an outage, unless `stop_when_lost` (a cache command, which reports every failure).
        A store that answered an earlier build of this session (`answered_before`) and does not answer this one
        (refused connections, timeouts, a host that no longer resolves) is an outage too: `required` stops the
        build then, before paying, with the advice for an outage. One that answers no (access denied: temporary
        credentials expired under a long `mkdocs serve`; no such bucket: deleted since) is not down: the advice
        is to check the bucket and the credentials, as for a store never reached.
        """
        detail = self.detail(error)
        with self._state:
            if not self.available:
                return
            self.available = False
            lost = self.answered  # it worked earlier in this build
        if lost and self.stop_when_lost:
            raise ConvaudioError(
                f"the shared cache {self.display} answered at first, then stopped answering ({detail}); run the "
                "command again once it is back"
            )
        if lost or (self.answered_before and not self._refused(error)):
            when = "earlier in this build" if lost else "in an earlier build of this session"
            if self.required and not lost:  # nothing paid yet in this build: it stops, as an outage
                raise ConvaudioError(
                    f"the shared cache {self.display} answered {when}, then stopped answering ({detail}); "
                    "shared_cache_required is on, so the build stops before synthesizing anything. The address and "
                    "the credentials worked then: the store (or the network to it) is down. Build again once it is "
                    "back (under `mkdocs serve`, save a file), or turn shared_cache_required off to build from the "
                    "local cache alone"
                )
            unshared = (
                "what this build makes from now on is not shared, nor by later builds: run `mkdocs-convaudio cache "
                "push` once the store is back"
                if self.synthesizes
                else "this cache-only build makes nothing to share: build again once the store is back"
            )
            self.warn(
                f"the shared cache {self.display} answered {when}, then stopped answering ({detail}); "
                f"going on with the local cache only ({unshared})"
            )
            return
        if self.required:
            raise ConvaudioError(
                f"the shared cache {self.display} cannot be used ({detail}); shared_cache_required is on, so the "
                "build stops. Check the address and the credentials (the provider's usual environment variables, "
                "profile or role), or turn shared_cache_required off to build from the local cache alone"
            )
        unshared = (
            f"new lines are not shared in this build, nor by later builds: {self._never_reached_fix(error)}, then run "
            "`mkdocs-convaudio cache push`"
            if self.synthesizes
            else f"this cache-only build makes nothing to share: {self._never_reached_fix(error)}"
        )
        self.warn(
            f"the shared cache {self.display} cannot be used ({detail}); going on with the local cache only "
            f"({unshared})"
        )

    def _refused(self, error: BaseException) -> bool:
        """Whether the store answered no (s3fs, gcsfs and adlfs give access denied, expired credentials and a
        missing bucket as PermissionError and FileNotFoundError), rather than not answering at all. Not a share's
        folder found missing on this machine (`missing_root`): no store answered that, the share is unmounted."""
        return isinstance(error, FileNotFoundError | PermissionError) and error is not self._root_checked

    @staticmethod
    def _never_reached_fix(error: BaseException) -> str:
        """What to check about a store that has not answered in this build: its settings (a push follows them)."""
        if {kind.__name__ for kind in type(error).__mro__} & NO_CREDENTIALS:
            # nothing was asked of the store: the backend found no credentials here (a fork's pull request in CI
            # gets no secrets); "check the address and that the store is up" sent users after the wrong thing
            return (
                "no credentials for the store were found on this machine: give them in the provider's usual "
                "environment variables (or profile, or role); a pull request from a fork gets no secrets in CI, so "
                "let such builds read a public bucket (`anon: true` in shared_cache_options for S3) or build them "
                "without `shared_cache` (`shared_cache: !ENV [CONVAUDIO_SHARED_CACHE, null]`)"
            )
        if isinstance(error, FileNotFoundError | PermissionError):  # it answered no: the settings are wrong
            return (
                "check `shared_cache` (the bucket and prefix) and the credentials (the provider's usual environment "
                "variables, profile or role)"
            )
        # no answer at all: a wrong address, or a store (or network) that is down
        return (
            "check the address (`shared_cache`, and any `endpoint_url` in shared_cache_options) and that the store is "
            "up"
        )

    def _write_failed(self, error: BaseException) -> None:
        """An upload of a line this build paid for was refused (read-only credentials): go on reading from the
        store, share nothing new. A warning: the next machine that needs the line pays for it again."""
        with self._state:
            if self._paid_refused:
                return
            self._paid_refused = True
            self.writable = False
        self.warn(
            f"the shared cache {self.display} can be read but not written with these credentials "
            f"({self.detail(error)}); this build still reads from it, but the lines it synthesizes are kept in the "
            "local cache only, and the next machine that needs them synthesizes (and, with a paid engine, pays for) "
            "them again. Give the build write access, or build previews with CONVAUDIO_GENERATE=0 (a cache-only "
            "build synthesizes nothing)"
        )

    def _optional_refused(self, relative: str, error: BaseException) -> None:
        """An upload of a file made from shared entries was refused: said once, as INFO (see `upload`)."""
        with self._state:
            first, self.writable = self.writable, False
        if first:
            self.info(
                f"the shared cache {self.display} did not take {relative} ({self.detail(error)}); nothing paid is "
                "lost: any machine makes it again from the shared entries without a request to the engine"
            )

    def _answer(self) -> None:
        """The store answered a request of this build: said for this build and the later ones of its session."""
        self.answered = True
        self._answers.add(self._identity)

    # -- paths --------------------------------------------------------------------------------------
    def remote_path(self, relative: str) -> str:
        return f"{self.root}/{relative}"

    def checksum_path(self, relative: str) -> str:
        return f"{self.root}/{CHECKSUMS}/{relative}"

    # -- reading ------------------------------------------------------------------------------------
    def fetch(self, relative: str) -> bool:
        return relative in self.fetch_many([relative])

    def fetch_many(self, relatives: Iterable[str]) -> set[str]:
        """Download these objects (in parallel) into the local cache when they exist and verify;
        returns those now present locally. Absent or corrupt objects are remembered for this build."""
        candidates = list(dict.fromkeys(relatives))  # before locking: the iterable may itself fetch
        with self._state:
            wanted = [relative for relative in candidates if relative not in self._absent]
        if not wanted or not self.available:
            return set()
        results = map_in_pool(self._download, wanted, workers=min(TRANSFERS, len(wanted)), name="convaudio-fetch")
        fetched: set[str] = set()
        for relative, outcome in zip(wanted, results, strict=True):
            if outcome is True:
                fetched.add(relative)
                continue
            with self._state:
                self._absent.add(relative)
            if isinstance(outcome, BaseException):
                self._failed(outcome)
        return fetched

    def look_again(self, relatives: Iterable[str]) -> set[str]:
        """`fetch_many` of objects the store did not hold when this build first asked (at its start): a build
        running at the same time on another machine may have uploaded them since. Called right before this build
        would pay for a line, so a line another machine made meanwhile costs one small request, not two syntheses.
        A corrupt object is not asked for again (it is rendered again and overwritten, warned once)."""
        candidates = list(dict.fromkeys(relatives))
        with self._state:
            again = [relative for relative in candidates if relative in self._not_found]
            self._absent.difference_update(again)
            self._not_found.difference_update(again)
        return self.fetch_many(again) if again else set()

    # -- claims: lines a build on another machine is making now ---------------------------------------
    def claim_path(self, relative: str) -> str:
        return f"{self.root}/{CLAIMS}/{relative}"

    def claimed_elsewhere(self, relative: str) -> bool:
        """Whether a build on another machine claimed this line less than CLAIM_FRESH seconds ago (it is making it
        now: it uploads it soon). A store that cannot say (unreachable, no such feature) says no."""
        if not self.available or self.fs is None:
            return False
        check = {"timeout": self.check_timeout} if self._timeouts else {}
        try:
            info = self.fs.info(self.claim_path(relative), **check)
            owner = self.read(self.claim_path(relative), self.check_timeout).decode("ascii", "replace").strip()
        except Exception:  # no claim (FileNotFoundError), or a store that does not answer: not waited for
            return False
        modified = _timestamp(info)
        fresh = modified is None or time.time() - modified < CLAIM_FRESH
        return fresh and owner != self.build_id

    def claim(self, relative: str, *, take_over: bool = False) -> bool:
        """Claim a line this build is about to pay for, so that a build on another machine that needs it too leaves
        it for last and downloads it, instead of paying for it at the same time (bug bash h-ci: two CI runs with the
        default concurrency paid 5 to 7 of 20 new lines twice). True when this build may make it: the claim was
        written first (an exclusive write, on stores that have one: S3's `If-None-Match`, a folder), or the one
        there is this build's or a stopped build's (or any, with `take_over`: this build waited long enough for it),
        or the store cannot take claims (then as before: make it)."""
        if not self.available or not self.writable or not self._claims or self.fs is None:
            return True
        if self.missing_root() is not None:  # an unmounted share: never its folders on the local disk
            return True
        path = self.claim_path(relative)
        limit = {"timeout": self.check_timeout} if self._timeouts else {}
        data = self.build_id.encode("ascii")
        try:
            if not self.atomic_put:
                self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
            if self.protocol == "file":
                _create_local(path, data)
            else:
                self.fs.pipe_file(path, data, mode="create", **limit)
        except FileExistsError:
            if not take_over and self.claimed_elsewhere(relative):
                return False
            try:  # a stopped build's claim (or this build's own): taken over
                if self.protocol == "file":
                    _replace_local(path, data)
                else:
                    self.fs.pipe_file(path, data, **limit)
            except Exception:
                return True
        except Exception as error:
            if _write_conflict(error):
                # S3 answers 409 ConditionalRequestConflict to an exclusive write while another one of the same
                # object is in flight: another build is claiming the line at this very instant. Taken as claims
                # that do not work, this build paid for it too, and for every line after (review of f-claims2).
                # Left for later; with `take_over` (this build waited its minute) made, but claims stay on for the
                # lines after: two builds taking over one stale claim at once met it too (review r-claims2)
                return take_over
            # refused, or a backend without exclusive writes: lines are made as before
            self._claims = False
            return True
        with self._state:
            self._claimed.add(relative)
        return True

    def release(self, relative: str) -> None:
        """Remove this build's claim of a line (made, or given up): a build waiting for it stops waiting."""
        with self._state:
            if relative not in self._claimed:
                return
            self._claimed.discard(relative)
        with contextlib.suppress(Exception):  # a claim left behind is ignored once CLAIM_FRESH old
            self.fs.rm_file(self.claim_path(relative))

    def missing_root(self) -> BaseException | None:
        """Why a folder store cannot be used although nothing failed yet: the folder holding it is missing (a
        network share that is not mounted); writing would make the share's folders on the local disk, where no
        other machine sees them. Checked once per build, on the local file system only. Also why a store whose
        file system connects when made could not be reached then."""
        if self._unreachable is not None:
            return self._unreachable
        with self._root_lock:
            if self._root_checked is False:
                root = Path(self.root)
                missing = self.protocol == "file" and not root.exists() and not root.parent.is_dir()
                self._root_checked = (
                    FileNotFoundError(
                        f"{root.parent} does not exist: is the share mounted? Create the folder for a new share"
                    )
                    if missing
                    else None
                )
            return self._root_checked if isinstance(self._root_checked, BaseException) else None

    def missing_bucket(self) -> BaseException | None:
        """Why an object store cannot be used although its reads answered "no such object": its bucket does not
        exist (a typo). A missing bucket reads like a missing object, so a cold build paid for every line and only
        its first upload said so, even with shared_cache_required (bug bash 71). Asked once per build, at the
        first miss; credentials kept to a prefix, or a network error, do not count."""
        with self._bucket_lock:  # one request, whichever download thread misses first
            return self._check_bucket()

    def _check_bucket(self) -> BaseException | None:
        if self._bucket_checked is not False:
            return self._bucket_checked if isinstance(self._bucket_checked, BaseException) else None
        missing: BaseException | None = None
        if self.protocol != "file":
            web = self.protocol in ("http", "https")  # an address on a web server: no bucket, the address itself
            bucket = self.root if web else self.root.split("/", 1)[0]
            try:
                self.fs.info(bucket, **({"timeout": self.check_timeout} if self._timeouts else {}))
            except FileNotFoundError:
                missing = FileNotFoundError(
                    f"{bucket} does not exist or cannot be reached"
                    if web
                    else f"the bucket or container {bucket} does not exist"
                )
            except Exception:  # pass: the reads and uploads that follow say what is wrong, if anything
                pass
        self._bucket_checked = missing
        return missing

    def _download(self, relative: str) -> bool | BaseException:
        if not self.available:
            return False
        if (missing := self.missing_root()) is not None:
            return missing
        try:
            expected = self.read(self.checksum_path(relative), self.check_timeout).decode("ascii", "replace")
            self._answer()  # before the object: a store that fails on it now worked earlier (`_failed`)
            data = self.read(self.remote_path(relative))
        except FileNotFoundError:
            if (gone := self.missing_bucket()) is not None:
                return gone
            self._answer()
            with self._state:
                self._not_found.add(relative)
            return False
        except Exception as error:  # anything else means the store is not usable (network, permissions)
            return error
        self._answer()
        if sha256(data) != expected.strip():
            label = self.labels.get(relative)
            self.warn(
                f"{label + ': ' if label else ''}the shared cache object {self.display}/{relative} does not match its "
                "checksum (corrupt or half-written by an old client); it is ignored and will be rendered again and "
                "overwritten"
            )
            return False
        with atomic_path(self.local_root / relative) as temp:
            temp.write_bytes(data)
        return True

    def read(self, path: str, timeout: float | None = None) -> bytes:
        """One object's bytes; on network stores within `timeout` seconds (retries included)."""
        limit = {"timeout": timeout or self.transfer_timeout} if self._timeouts else {}
        return bytes(self.fs.cat_file(path, **self._read_options, **limit))

    # -- writing ------------------------------------------------------------------------------------
    def upload(self, relative: str, *, optional: bool = False) -> bool:
        """Publish one local file: the object first, then its checksum (which makes it an entry); returns whether
        it was. An `optional` file is one any machine makes again from shared entries without a request to the
        engine (a conversation assembled from its lines, a video, a line linked to another): read-only
        credentials refusing it are an INFO line, so a read-only preview build that only assembles stays clean
        under `--strict`, and no other optional file is tried in this build. A line this build paid for is still
        tried after that; its refusal is a warning, once (`_write_failed`), and nothing more is uploaded."""
        if not self.available or self._paid_refused or (optional and not self.writable):
            return False
        if (missing := self.missing_root()) is not None:
            self._failed(missing)
            return False
        data = (self.local_root / relative).read_bytes()
        try:
            self.put_bytes(relative, data)
        except PermissionError as error:
            if optional:
                self._optional_refused(relative, error)
            else:
                self._write_failed(error)
            return False
        except Exception as error:
            self._failed(error)
            return False
        self._answer()
        with self._state:
            self._absent.discard(relative)
        return True

    def put_bytes(self, relative: str, data: bytes, timeout: float | None = None) -> None:
        """Atomic: on object stores one PUT shows the whole object or none; elsewhere a rename of an upload.
        On network stores each request within `timeout` seconds (default TRANSFER_TIMEOUT), retries included."""
        if (missing := self.missing_root()) is not None:
            raise missing  # never the share's folders on the local disk (a use record included)
        target = self.remote_path(relative)
        limit = {"timeout": timeout or self.transfer_timeout} if self._timeouts else {}
        checksum = (self.checksum_path(relative), sha256(data).encode("ascii"))
        for path, content in ((target, data), checksum):
            if self.atomic_put:
                self.fs.pipe_file(path, content, **limit)
            else:
                # the checksum too: written in place, a build on another machine reading it meanwhile (looking for
                # a line right before paying for it) found it empty or cut, and warned of a corrupt object
                self._put_by_rename(path, content)

    def _put_by_rename(self, target: str, data: bytes) -> None:
        """Write `target` whole or not at all on a store without atomic writes: an upload renamed into place."""
        temporary = f"{self.root}/{UPLOADS}/{uuid.uuid4().hex}.tmp"
        self.fs.makedirs(f"{self.root}/{UPLOADS}", exist_ok=True)
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        self.fs.pipe_file(temporary, data)
        self.fs.mv(temporary, target)

    # -- maintenance (the cache command) ------------------------------------------------------------
    def check_reachable(self) -> None:
        """Raise a ConvaudioError when the store itself is not there (an unmounted share, a bucket that does not
        exist), so a command does not report an empty store as a success ("pulled 0 files")."""
        missing = self.missing_root() or self.missing_bucket()
        if missing is not None:
            raise ConvaudioError(
                f"the shared cache {self.display} cannot be used ({self.detail(missing)}); check shared_cache"
            )

    def list(self) -> list[RemoteObject]:
        """Every entry object (not checksums, uploads in flight or use records), or raises ConvaudioError."""
        return [item for item in self._objects([self.root]) if item.relative.split("/", 1)[0] != USES]

    def list_uses(self) -> builtins.list[RemoteObject]:
        """Every use record (`store/uses.py`), with the time it was last written; or raises ConvaudioError."""
        return self._objects([f"{self.root}/{USES}", f"{self.root}/{CHECKSUMS}/{USES}"])

    def _objects(self, folders: builtins.list[str]) -> builtins.list[RemoteObject]:
        """The objects under `folders` that have their checksum (listed among them too)."""
        self.fs.invalidate_cache()
        check = {"timeout": self.check_timeout} if self._timeouts else {}
        listing = {"timeout": self.transfer_timeout} if self._timeouts else {}
        found: dict[str, Any] = {}
        try:
            for folder in folders:
                if self.fs.exists(folder, **check):
                    found.update(self.fs.find(folder, detail=True, **listing))
        except Exception as error:
            raise ConvaudioError(f"cannot list the shared cache {self.display}: {self.detail(error)}") from None
        objects: builtins.list[RemoteObject] = []
        prefix = self.root + "/"
        relatives = {
            (str(path)[len(prefix) :] if str(path).startswith(prefix) else str(path)): info
            for path, info in found.items()
            if info.get("type") != "directory"
        }
        for relative, info in relatives.items():
            # an object without its checksum is no entry (an upload that never finished): invisible
            if relative.split("/", 1)[0] in (CHECKSUMS, UPLOADS) or f"{CHECKSUMS}/{relative}" not in relatives:
                continue
            objects.append(RemoteObject(relative, int(info.get("size") or 0), _timestamp(info)))
        return sorted(objects, key=lambda item: item.relative)

    def sweep_uploads(self, older_than: float = STALE_UPLOAD, now: float | None = None) -> int:
        """Delete what killed uploads left in `uploads/` (stores without atomic writes); never a recent upload,
        which may be another machine's in flight. Returns how many were deleted."""
        if self.atomic_put or self._unreachable is not None:
            return 0
        cutoff = (time.time() if now is None else now) - older_than
        try:
            found = self.fs.ls(f"{self.root}/{UPLOADS}", detail=True)
        except FileNotFoundError:
            return 0
        except Exception as error:
            raise ConvaudioError(f"cannot list the uploads of {self.display}: {self.scrub(str(error))}") from None
        swept = 0
        for info in found:
            modified = _timestamp(info)
            if info.get("type") == "directory" or modified is None or modified > cutoff:
                continue
            try:
                self.fs.rm_file(str(info["name"]))
                swept += 1
            except FileNotFoundError:
                pass
            except Exception as error:
                raise ConvaudioError(
                    f"cannot delete a stale upload in {self.display}: {self.scrub(str(error))}"
                ) from None
        return swept

    def sweep_claims(self, *, dry_run: bool = False, older_than: float = CLAIM_FRESH) -> int:
        """Delete the claims (`claim`) older than `older_than` seconds: a build killed while making lines left
        them, and builds that need those lines waited up to a minute for them. Their age is judged by the store's
        own clock (the date it gives a probe object written now), so this machine's clock, if it is off, removes
        no claim of a build running now; by this machine's only when the probe cannot be written (read-only
        credentials), and with `dry_run`, which writes nothing to the store (not even the probe). A claim the
        store gives no date is kept. Returns how many were (or, with `dry_run`, would be) deleted; on a folder, its
        emptied folders go too."""
        if self._unreachable is not None or self.fs is None:
            return 0
        folder = f"{self.root}/{CLAIMS}"
        check = {"timeout": self.check_timeout} if self._timeouts else {}
        listing = {"timeout": self.transfer_timeout} if self._timeouts else {}
        try:
            self.fs.invalidate_cache()
            found = self.fs.find(folder, detail=True, **listing) if self.fs.exists(folder, **check) else {}
        except Exception as error:
            raise ConvaudioError(f"cannot list the claims in {self.display}: {self.detail(error)}") from None
        claims = {str(path): _timestamp(info) for path, info in found.items() if info.get("type") != "directory"}
        if not claims:
            return 0
        now = (None if dry_run else self._store_now(folder)) or time.time()
        stale = sorted(
            path for path, modified in claims.items() if modified is not None and modified < now - older_than
        )
        for path in [] if dry_run else stale:
            try:
                self.fs.rm_file(path)
            except FileNotFoundError:  # released (or taken over and released) meanwhile
                pass
            except Exception as error:
                raise ConvaudioError(f"cannot delete a stale claim in {self.display}: {self.detail(error)}") from None
        if self.protocol == "file" and not dry_run:
            for directory in sorted(Path(folder).rglob("*"), key=lambda item: len(item.parts), reverse=True):
                if directory.is_dir():
                    with contextlib.suppress(OSError):  # not empty: a claim made meanwhile
                        directory.rmdir()
        return len(stale)

    def _store_now(self, folder: str) -> float | None:
        """The store's own time: the date it gives an object written now (deleted at once), or None."""
        probe = f"{folder}/now-{uuid.uuid4().hex}"
        check = {"timeout": self.check_timeout} if self._timeouts else {}
        try:
            self.fs.pipe_file(probe, b"", **check)
            return _timestamp(self.fs.info(probe, **check))
        except Exception:  # read-only credentials: this machine's clock
            return None
        finally:
            with contextlib.suppress(Exception):
                self.fs.rm_file(probe)

    def remove(self, relative: str) -> None:
        """Delete an object and its checksum (checksum first: the entry disappears before its bytes)."""
        for path in (self.checksum_path(relative), self.remote_path(relative)):
            try:
                self.fs.rm_file(path)
            except FileNotFoundError:
                pass
            except PermissionError as error:
                raise ConvaudioError(
                    f"cannot delete {self.display}/{relative}: {self.scrub(str(error))}; these credentials may read "
                    "and write but not delete: prune with credentials allowed to delete objects (on S3: "
                    "s3:DeleteObject)"
                ) from None
            except Exception as error:
                raise ConvaudioError(f"cannot delete {self.display}/{relative}: {self.scrub(str(error))}") from None


def _create_local(path: str, data: bytes) -> None:
    """Write `path` on this machine's file system only if it does not exist (FileExistsError if it does), in one
    step: `open(O_CREAT | O_EXCL)`, atomic on a local disk and on NFS v3 and later. fsspec's `mode="create"` looks,
    then writes: two builds that looked at the same time both claimed the line, and both paid for it."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        os.write(handle, data)  # a claim read before this is empty: someone else's still (`claimed_elsewhere`)
    finally:
        os.close(handle)


def _replace_local(path: str, data: bytes) -> None:
    """Write `path` whole on this machine's file system, over what is there: never read half-written."""
    temporary = f"{path}.{uuid.uuid4().hex}.tmp"
    try:
        Path(temporary).write_bytes(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _write_conflict(error: BaseException) -> bool:
    """Whether an exclusive write failed because another one of the same object was in flight (S3's 409
    ConditionalRequestConflict, which s3fs passes on as a plain OSError with botocore's error as its cause)."""
    for cause in (error, error.__cause__):
        response = getattr(cause, "response", None)
        if isinstance(response, Mapping):
            details = response.get("Error")
            if isinstance(details, Mapping) and details.get("Code") == "ConditionalRequestConflict":
                return True
    return "ConditionalRequestConflict" in str(error)


def _timestamp(info: Mapping[str, Any]) -> float | None:
    for name in ("LastModified", "mtime", "updated", "last_modified", "created"):
        value = info.get(name)
        if value is None:
            continue
        if hasattr(value, "timestamp"):
            return float(value.timestamp())
        if isinstance(value, int | float):
            return float(value)
    return None
