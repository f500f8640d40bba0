"""`mkdocs-convaudio cache stats|prune|verify|push|pull` on real sites built offline with eSpeak NG."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_convaudio.cli import main, plan_site_sessions
from mkdocs_convaudio.errors import ConvaudioError
from mkdocs_convaudio.store.cache import AudioCache
from mkdocs_convaudio.store.uses import record_name
from tests.sites import Site, conversation, post

TALK = [("A", "We keep this post."), ("B", "And every line of it stays cached.")]
# "We keep this post." is said by A in both posts: a line two posts share stays when one of them goes
OTHER = [("A", "We keep this post."), ("B", "This post will be deleted."), ("A", "Its lines go with it.")]


def cache_root(site: Site) -> Path:
    return site.root / ".cache" / "plugin" / "convaudio"


def entry_files(site: Site) -> set[str]:
    root = cache_root(site)
    return {
        path.relative_to(root).as_posix()
        for kind in ("lines", "conversations")
        for path in (root / kind).rglob("*")
        if path.is_file()
    }


def keys_of(names: set[str]) -> set[str]:
    return {name.rsplit("/", 1)[1].split(".", 1)[0] for name in names}


def keys_by_page(config: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for session in plan_site_sessions(config):
        for item in session.placed.values():
            keys = out.setdefault(item.found.conversation.source_path, set())
            keys.add(item.job.key)
            keys.update(part.key for part in item.job.all_parts)
    return out


def test_prune_shared_without_a_shared_cache_is_refused(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """`prune --shared` on a site without `shared_cache` pruned the local cache alone, as if asked to."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    other = site.write("blog/other.md", post(conversation(*OTHER)))
    site.build()
    before = entry_files(site)
    other.unlink()
    assert main(["cache", "prune", "--shared", "-f", str(site.root / "mkdocs.yml")]) == 2
    assert "sets no shared_cache to prune" in capsys.readouterr().err
    assert entry_files(site) == before
    assert main(["cache", "verify", "--shared", "-f", str(site.root / "mkdocs.yml")]) == 2
    assert "sets no shared_cache to verify" in capsys.readouterr().err


def test_prune_removes_exactly_the_entries_of_a_deleted_post(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    other = site.write("blog/other.md", post(conversation(*OTHER)))
    site.build()
    config = str(site.root / "mkdocs.yml")
    by_page = keys_by_page(config)
    before = entry_files(site)
    assert keys_of(before) == by_page["blog/talk.md"] | by_page["blog/other.md"]
    published = cache_root(site) / "site" / "assets" / "convaudio" / "blog" / "other-1.mp3"
    assert published.is_file()

    other.unlink()
    assert main(["cache", "prune", "--dry-run", "-f", config]) == 0
    listed = capsys.readouterr().out
    assert entry_files(site) == before and published.is_file(), "--dry-run removed something"
    assert main(["cache", "prune", "--older-than", "30d", "-f", config]) == 0
    assert entry_files(site) == before, "--older-than removed entries a build used a moment ago"
    capsys.readouterr()
    for typo in ("-30d", "nan", "1e400d", "abc"):  # -30d would keep nothing, as if --older-than were not given
        with pytest.raises(SystemExit) as stopped:
            main(["cache", "prune", f"--older-than={typo}", "-f", config])
        assert stopped.value.code == 2 and "e.g. --older-than 30d" in capsys.readouterr().err, typo
        assert entry_files(site) == before

    assert main(["cache", "prune", "-f", config]) == 0
    out = capsys.readouterr().out
    after = entry_files(site)
    assert keys_of(after) == by_page["blog/talk.md"]
    removed = keys_of(before - after)
    assert removed == by_page["blog/other.md"] - by_page["blog/talk.md"] and len(removed) == 3  # 2 lines, 1 talk
    assert all(key in out and key in listed for key in removed)
    assert "local: removed 3 entries" in out
    assert not published.exists() and (published.parent / "talk-1.mp3").is_file()
    assert not list((cache_root(site) / "locks").glob("*/*.lock")), "the per-line lock files were kept"
    assert site.build().synthesized == 0  # nothing the site uses was removed


def test_prune_keeps_the_chapters_file_of_a_post_with_sections_and_removes_a_deleted_post_s(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON chapters file published beside a sectioned conversation's MP3 is one of the site's files: `cache
    prune` keeps it while its post is there, as it keeps the captions, and removes it with the post."""
    turns = [{"speaker": "A", "line": "Hello.", "section": "Start"}, {"speaker": "B", "line": "Hi."}]
    site.write("blog/talk.md", post(f"```json\n{json.dumps(turns)}\n```\n"))
    other = site.write("blog/other.md", post(f"```json\n{json.dumps(turns[::-1])}\n```\n"))
    site.build()
    folder = cache_root(site) / "site" / "assets" / "convaudio" / "blog"
    kept, gone = folder / "talk-1.chapters.json", folder / "other-1.chapters.json"
    assert kept.is_file() and gone.is_file()
    other.unlink()
    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0
    capsys.readouterr()
    assert kept.is_file() and (folder / "talk-1.vtt").is_file() and not gone.exists()


def test_a_new_cache_folder_is_left_out_of_git_and_kept_by_the_cache_commands(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """A first build's `git add -A` in CI committed the cache (31 files: locks, memos; bug bash). The folder a build
    makes holds a `.gitignore` of `*`, as pytest's and mypy's caches do; `cache stats` counts it as no entry,
    `prune` keeps it, `push` does not upload it, and the site does not publish it."""
    site.config["site_dir"] = "out"  # outside the cache and inside the repository
    site.write("blog/talk.md", post(conversation(*TALK)))
    subprocess.run(["git", "init", "-q", str(site.root)], check=True)
    site.build()
    gitignore = cache_root(site) / ".gitignore"
    assert gitignore.read_text(encoding="utf-8").splitlines()[-1] == "*"
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=site.root, capture_output=True, text=True
    )
    assert status.returncode == 0 and "docs/blog/talk.md" in status.stdout, status.stderr
    assert ".cache" not in status.stdout, status.stdout
    assert not list((site.root / "out").rglob(".gitignore"))
    config = str(site.root / "mkdocs.yml")
    (site.docs / "blog/talk.md").unlink()  # every entry is unused now
    assert main(["cache", "prune", "-f", config]) == 0
    assert "local: removed 3 entries" in capsys.readouterr().out
    assert gitignore.is_file() and not entry_files(site)
    shared = site.root.parent / "team-share"
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.plugin_options["shared_cache"] = "../team-share"
    site.build()
    assert main(["cache", "stats", "-f", config]) == 0
    assert "local " in capsys.readouterr().out
    assert main(["cache", "push", "-f", config]) == 0
    assert "pushed 0 files" not in capsys.readouterr().out and list(shared.glob("conversations/*.mp3"))
    assert sorted(path.name for path in shared.rglob(".*")) == []


def test_a_cache_folder_that_is_there_already_gets_no_gitignore(site: Site) -> None:
    """A `cache_dir` the user made (or a cache of an earlier version) is left as it is: only a folder a build makes
    is marked (a `.gitignore` of `*` in a folder of the user's would hide it all from git)."""
    site.plugin_options["cache_dir"] = "audio-cache"
    (site.root / "audio-cache").mkdir()
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    assert (site.root / "audio-cache" / "conversations").is_dir()
    assert not (site.root / "audio-cache" / ".gitignore").exists()


def test_prune_names_what_it_removes_with_the_cache_folder(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`removed site/assets/convaudio/other-1.mp3` read like a deletion from the built site (bug bash): each path
    is named with the cache folder, as shared entries are with the store."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    other = site.write("blog/other.md", post(conversation(*OTHER)))
    site.build()
    other.unlink()
    monkeypatch.chdir(site.root)
    assert main(["cache", "prune"]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("removed ")]
    assert len(said) == 6, said  # 2 lines, 1 conversation, the cache's copies of its MP3, timings and captions
    assert all(line.startswith("removed .cache/plugin/convaudio/") for line in said), said
    assert (
        "removed .cache/plugin/convaudio/site/assets/convaudio/blog/other-1.mp3 (the cache's copy; the built site is "
        "left alone)"
    ) in said
    # each entry by a file of it that is there to list (`lines/2d/2d21….flac`), not by its kind and key alone
    # (`lines/2d21…`, bug bash 112)
    entries = [line.split()[1] for line in said if "(the cache's copy" not in line]
    assert len(entries) == 3 and all(
        re.search(r"/(lines/[0-9a-f]{2}|conversations)/[0-9a-f]{64}\.(flac|mp3)$", e) for e in entries
    )


def test_prune_keeps_what_serve_previews_and_what_a_skipped_conversation_uses(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """Prune planned the site as `mkdocs build` does: a draft previewed (and paid for) under `mkdocs serve` lost its
    audio, and so did a conversation skipped for a JSON typo; both were paid for again at the next preview or fix."""
    site.config["draft_docs"] = "drafts/\n"
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.write("drafts/wip.md", post(conversation(*OTHER)))
    site.write_config()
    config = str(site.root / "mkdocs.yml")
    build(load_config(config_file=config), serve_url="http://127.0.0.1:8000/")  # a preview: the draft is paid for
    before = entry_files(site)
    assert (
        keys_of(before) == keys_by_page(config)["blog/talk.md"] | set().union(*(keys_of({name}) for name in before))
        and len(keys_of(before)) == 6
    )  # 2 conversations, 4 lines
    assert main(["cache", "prune", "-f", config]) == 0
    assert entry_files(site) == before, capsys.readouterr().out

    talk = site.docs / "blog/talk.md"
    talk.write_text(talk.read_text(encoding="utf-8").replace('"line": "', '"line": ', 1), encoding="utf-8")  # a typo
    assert main(["cache", "prune", "-f", config]) == 2
    err = capsys.readouterr().err
    assert "1 conversation was skipped while planning" in err and "pass --force" in err, err
    assert entry_files(site) == before
    assert main(["cache", "prune", "--dry-run", "-f", config]) == 0  # lists, and says prune would stop
    assert "prune without --dry-run stops" in capsys.readouterr().err and entry_files(site) == before
    assert main(["cache", "prune", "--force", "-f", config]) == 0
    assert keys_of(entry_files(site)) < keys_of(before)


HOLD_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mkdocs_convaudio.store.locks import CacheLocks
    with CacheLocks(Path(sys.argv[1])).building():
        print("building", flush=True)
        time.sleep(120)
    """
)


def test_prune_waits_for_a_running_build(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    (site.docs / "blog" / "talk.md").unlink()
    site.write("index.md", "# Home\n")
    build = subprocess.Popen([sys.executable, "-c", HOLD_BUILD, str(cache_root(site))], stdout=subprocess.PIPE)
    try:
        assert build.stdout is not None and build.stdout.readline().strip() == b"building"
        assert main(["cache", "prune", "--wait", "0.3", "-f", str(site.root / "mkdocs.yml")]) == 2
        assert "a build is using the cache" in capsys.readouterr().err
        # two lines (audio, loudness figures), the MP3, its timings, and their 3 records
        assert len(entry_files(site)) == 9, "prune removed entries while a build was running"
    finally:
        build.kill()
        build.wait(30)
    assert main(["cache", "prune", "--wait", "5", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert entry_files(site) == set()


def test_verify_drops_and_reports_a_corrupt_entry(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    config = str(site.root / "mkdocs.yml")
    assert main(["cache", "verify", "-f", config]) == 0
    assert "3 entries checked, 0 corrupt" in capsys.readouterr().out
    line = sorted((cache_root(site) / "lines").rglob("*.flac"))[0]
    line.write_bytes(line.read_bytes()[:40])  # a truncated file: the header survives, the audio does not
    assert main(["cache", "verify", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"corrupt: lines/{line.parent.name}/{line.name}" in out and "1 corrupt (removed)" in out
    assert not line.exists()
    site.write("blog/talk.md", post(conversation(*TALK, ("A", "A new line makes the conversation render again."))))
    assert site.build().synthesized == 2  # the dropped line and the new one


def test_verify_and_push_compare_each_file_with_its_check_record(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A truncated MP3 and a byte flipped in the middle of another still decode: `verify` kept them and `push`
    uploaded the truncated one with a new checksum, to fail every machine's build. Both compare with the record."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.write("blog/other.md", post(conversation(*OTHER)))
    site.plugin_options["shared_cache"] = f"file://{tmp_path / 'share'}"
    site.build()
    config = str(site.root / "mkdocs.yml")
    truncated, flipped = sorted((cache_root(site) / "conversations").glob("*.mp3"))
    truncated.write_bytes(truncated.read_bytes()[:3000])
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 200] = bytes(
        value ^ 0x55 for value in data[len(data) // 2 : len(data) // 2 + 200]
    )
    flipped.write_bytes(bytes(data))
    for path in (tmp_path / "share" / "conversations").rglob("*"):
        path.unlink()  # the share lacks them: push would upload them
    capsys.readouterr()
    assert main(["cache", "push", "-f", config]) == 1
    pushed = capsys.readouterr()
    assert (pushed.out + pushed.err).count("its check record") >= 2, pushed
    assert not list((tmp_path / "share" / "conversations").rglob("*.mp3")), "a damaged MP3 was uploaded"
    assert main(["cache", "verify", "-f", config]) == 1
    verified = capsys.readouterr().out
    assert "2 corrupt (removed)" in verified and not truncated.exists() and not flipped.exists(), verified


def test_stats_push_and_pull_through_a_shared_folder(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    shared = site.root.parent / "team-share"
    site.plugin_options["shared_cache"] = "../team-share"  # a plain folder, relative to mkdocs.yml
    site.write_config()
    config = str(site.root / "mkdocs.yml")
    assert main(["cache", "stats", "-f", config]) == 0
    out = capsys.readouterr().out
    assert "local " in out and "3 entries" in out
    assert "lines               2 entries" in out and "conversations       1 entry    " in out
    assert "shared file://" in out and "only local: 3, only shared: 0, both: 0" in out

    # a damaged line is not spread: a checksum made from it would vouch for it on every machine
    line = sorted((cache_root(site) / "lines").rglob("*.flac"))[0]
    sound = line.read_bytes()
    line.write_bytes(sound[:100])
    assert main(["cache", "push", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"not pushed: {line.relative_to(cache_root(site)).as_posix()} (" in out, out
    assert "pushed 6 files" in out and "1 damaged entry left out" in out  # the other line, the conversation
    assert not list(shared.rglob(line.name))
    line.write_bytes(sound)
    record = line.with_name(line.name + ".check")  # a damaged record would be vouched for as well
    kept = record.read_bytes()
    record.write_text("{trunc", encoding="utf-8")
    assert main(["cache", "push", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"not pushed: {record.relative_to(cache_root(site)).as_posix()} (" in out and "pushed 0 files" in out
    record.write_bytes(kept)
    assert main(["cache", "push", "-f", config]) == 0
    assert "pushed 3 files" in capsys.readouterr().out  # 2 lines and their figures, MP3, timings, 3 records
    assert main(["cache", "push", "-f", config]) == 0
    assert "pushed 0 files" in capsys.readouterr().out

    laptop = Site(tmp_path / "laptop", site.caplog)
    shutil.rmtree(laptop.docs)
    shutil.copytree(site.docs, laptop.docs)
    shutil.copy(site.root / "convaudio-voices.yml", laptop.root)
    laptop.plugin_options = {"shared_cache": f"file://{shared}", "generate": False}
    laptop.write_config()
    assert main(["cache", "pull", "-f", str(laptop.root / "mkdocs.yml")]) == 0
    assert "pulled 9 files" in capsys.readouterr().out
    assert entry_files(laptop) == entry_files(site)
    laptop.plugin_options = {"generate": False}  # the pulled local cache alone is enough
    assert laptop.build().synthesized == 0

    # an entry with a file damaged in the shared folder is not pulled at all (a check record alone vouches for
    # nothing, an MP3 goes with its timings), and the command names it and fails
    line = sorted(shared.glob("lines/*/*.flac"))[0]
    timings = sorted(shared.glob("conversations/*.json"))[0]
    for damaged in (line, timings):
        damaged.write_bytes(damaged.read_bytes()[:10])
    keys = {line.name.split(".")[0], timings.name.split(".")[0]}
    shutil.rmtree(cache_root(laptop))
    laptop.plugin_options = {"shared_cache": f"file://{shared}", "generate": False}
    laptop.write_config()
    assert main(["cache", "pull", "-f", str(laptop.root / "mkdocs.yml")]) == 1
    captured = capsys.readouterr()
    left = {name for name in entry_files(site) if name.rsplit("/", 1)[-1].split(".")[0] not in keys}
    assert f"not pulled: lines/{line.name.split('.')[0]} ({line.relative_to(shared).as_posix()}:" in captured.out
    assert f"not pulled: conversations/{timings.stem} ({timings.relative_to(shared).as_posix()}:" in captured.out
    assert f"pulled {len(left)} files" in captured.out and "2 entries left out" in captured.out, captured.out
    assert "does not match its checksum" in captured.err
    assert entry_files(laptop) == left and len(left) < len(entry_files(site)) - 4


def test_a_pull_the_store_drops_half_way_keeps_no_part_of_an_entry(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection drops while `cache pull` downloads (every MP3 read fails): the command stops with the
    store's error, and no conversation stays without its MP3 (its timings and record came first)."""
    from mkdocs_convaudio.store import inventory
    from mkdocs_convaudio.store.shared import SharedStore

    bucket = tmp_path / "bucket"
    site.plugin_options["shared_cache"] = f"file://{bucket}"
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    store = SharedStore(f"file://{bucket}", tmp_path / "laptop", required=True, stop_when_lost=True)  # as `cache`
    original = store.fs.cat_file

    def dropping(path: str, *args: Any, **kwargs: Any) -> Any:  # the network, not our code, fails
        if path.endswith(".mp3"):
            raise ConnectionResetError("connection reset by peer")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(store.fs, "cat_file", dropping)  # fsspec shares the instance: undone after the test
    with pytest.raises(ConvaudioError, match="ConnectionResetError"):
        inventory.pull(AudioCache(tmp_path / "laptop", store), store)
    left = {path.name for path in (tmp_path / "laptop" / "conversations").glob("*")}
    assert not any(name.endswith((".json", ".check")) for name in left), left


def shared_names(bucket: Path) -> set[str]:
    return {path.relative_to(bucket).as_posix() for path in bucket.rglob("*") if path.is_file()}


def uploaded_a_while_ago(bucket: Path) -> None:
    """Date every object of a `file://` store 20 minutes back, past prune's margin for the store's clock."""
    for path in bucket.rglob("*"):
        if path.is_file():
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 20 * 60))


SHARED_ENTRY_HOOK = textwrap.dedent(
    """
    import math
    import os
    import time
    from pathlib import Path

    def on_post_build(config, **kwargs):
        # another machine uploads a line while prune plans the site, to a store that dates objects in whole
        # seconds by a clock a second behind this machine's (as S3 may): dated before prune started
        bucket = Path(config.plugins["convaudio"].config.shared_cache.removeprefix("file://"))
        dated = math.floor(time.time()) - 1
        for folder in (bucket, bucket / "sha256"):
            line = folder / "lines/ff" / ("f" * 64 + ".flac")
            line.parent.mkdir(parents=True, exist_ok=True)
            line.write_bytes(b"uploaded while prune ran")
            os.utime(line, (dated, dated))
    """
)


def test_prune_shared_keeps_what_another_machine_uploads_while_prune_runs(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Prune compared the store's dates (its own clock, whole seconds) with this machine's: a line uploaded in the
    second prune started was removed (bug bash 120: 17 lines of a build running meanwhile)."""
    shared = tmp_path / "bucket"
    other, config, _ = shared_site(site, shared)
    other.unlink()
    uploaded_a_while_ago(shared)
    (site.root / "hook.py").write_text(SHARED_ENTRY_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    site.write_config()
    assert main(["cache", "prune", "--shared", "-f", config]) == 0
    out = capsys.readouterr().out
    assert "shared: removed 3 entries" in out, out  # the deleted post's
    assert (shared / "lines/ff" / ("f" * 64 + ".flac")).is_file(), "prune removed a line uploaded meanwhile"


def test_a_shared_entry_its_checksum_vouches_for_but_not_its_record_is_found_and_never_pulled(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An object damaged with a checksum made for the damage (an older client, a bad disk before the upload):
    `verify --shared` said 0 corrupt, `pull` pulled it as sound, and a build made it again, paid, or not at all
    offline (bug bash 120). Both now compare it with its check record too."""
    shared = tmp_path / "bucket"
    _, config, _ = shared_site(site, shared)
    line = sorted(shared.glob("lines/*/*.flac"))[0]
    damaged = bytearray(line.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    line.write_bytes(bytes(damaged))
    (shared / "sha256" / line.relative_to(shared)).write_text(hashlib.sha256(damaged).hexdigest(), encoding="ascii")
    key = line.name.split(".")[0]

    laptop = Site(tmp_path / "laptop", site.caplog)
    shutil.rmtree(laptop.docs)
    shutil.copytree(site.docs, laptop.docs)
    laptop.plugin_options = {"shared_cache": f"file://{shared}", "generate": False}
    laptop.write_config()
    assert main(["cache", "pull", "-f", str(laptop.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert f"not pulled: lines/{key} ({line.relative_to(shared).as_posix()}: it does not match its check record" in out
    assert not list(cache_root(laptop).rglob(f"{key}*")), "a part of the damaged entry was kept"

    assert main(["cache", "verify", "--shared", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"corrupt: file://{shared}/{line.relative_to(shared).as_posix()} (it does not match its check record)" in out
    assert not line.exists() and not line.with_name(line.name + ".check").exists()


def test_prune_shared_that_cannot_delete_leaves_the_local_cache_whole(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Credentials that may not delete: prune emptied the local cache of the deleted post, then stopped on the
    store, half done (bug bash 120). The store's entries go first now."""
    shared = tmp_path / "bucket"
    other, config, by_page = shared_site(site, shared)
    other.unlink()
    uploaded_a_while_ago(shared)
    local = {path for path in cache_root(site).rglob("*") if path.is_file()}
    from fsspec.implementations.local import LocalFileSystem

    def refused(self: Any, path: str) -> None:  # what S3 answers a key without s3:DeleteObject
        raise PermissionError("Access Denied")

    monkeypatch.setattr(LocalFileSystem, "rm_file", refused)
    assert main(["cache", "prune", "--shared", "-f", config]) == 2
    err = capsys.readouterr().err
    assert f"cannot delete file://{shared}/" in err and "allowed to delete objects (on S3: s3:DeleteObject)" in err, err
    assert {path for path in cache_root(site).rglob("*") if path.is_file()} >= local
    assert keys_of(shared_names(shared)) >= by_page["blog/other.md"]


def shared_site(site: Site, bucket: Path) -> tuple[Path, str, dict[str, set[str]]]:
    """`site` with TALK and OTHER, built with a shared cache in the folder `bucket`: the other post, the
    config and each page's keys."""
    site.plugin_options["shared_cache"] = f"file://{bucket}"
    site.write("blog/talk.md", post(conversation(*TALK)))
    other = site.write("blog/other.md", post(conversation(*OTHER)))
    site.build()
    config = str(site.root / "mkdocs.yml")
    return other, config, keys_by_page(config)


def test_prune_and_verify_the_shared_cache(site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shared = tmp_path / "bucket"
    other, config, by_page = shared_site(site, shared)

    def shared_keys() -> set[str]:
        return keys_of({name for name in shared_names(shared) if "uses/" not in name})

    assert shared_keys() == by_page["blog/talk.md"] | by_page["blog/other.md"]
    # the build's use record, with its checksum: the conversations it used
    used = record_name({item.key for s in plan_site_sessions(config) for item in s.placed.values()})
    assert {name for name in shared_names(shared) if "uses/" in name} == {used, f"sha256/{used}"}
    other.unlink()
    assert main(["cache", "prune", "-f", config]) == 0
    assert shared_keys() == by_page["blog/talk.md"] | by_page["blog/other.md"], "prune touched the shared cache"
    assert main(["cache", "prune", "--shared", "-f", config]) == 0  # uploaded just now: the store's clock may differ
    assert "shared: removed 0 entries" in capsys.readouterr().out
    uploaded_a_while_ago(shared)
    assert main(["cache", "prune", "--shared", "-f", config]) == 0
    assert "shared: removed 3 entries" in capsys.readouterr().out
    assert shared_keys() == by_page["blog/talk.md"]  # objects and their checksums

    line = sorted((shared / "lines").rglob("*.flac"))[0]
    line.write_bytes(b"not the bytes that were uploaded")
    assert main(["cache", "verify", "--shared", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"corrupt: file://{shared}/lines/{line.parent.name}/{line.name}" in out
    # 2 lines, an MP3, its timings, 3 records and the build's use record
    assert "shared: 8 objects checked, 1 corrupt (removed)" in out
    assert not line.exists() and not (shared / "sha256" / line.relative_to(shared)).exists()
    # nor its check record, which alone `pull` downloaded and `stats` counted as a line
    record = line.with_name(line.name + ".check")
    assert not record.exists() and not (shared / "sha256" / record.relative_to(shared)).exists()
    assert main(["cache", "stats", "-f", config]) == 0
    assert "lines               1 entry    " in capsys.readouterr().out


def test_files_that_are_not_entries_are_never_pruned_counted_or_pushed(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The Piper engine downloads its models into `<cache>/piper-voices/`: they are no cache entries."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    models = cache_root(site) / "piper-voices"
    models.mkdir()
    (models / "en_US-lessac-medium.onnx").write_bytes(b"a model the engine downloaded" * 1000)
    (models / "en_US-lessac-medium.onnx.json").write_text("{}", encoding="utf-8")
    shared = tmp_path / "bucket"
    site.plugin_options["shared_cache"] = f"file://{shared}"
    site.write_config()
    config = str(site.root / "mkdocs.yml")
    assert main(["cache", "stats", "-f", config]) == 0
    out = capsys.readouterr().out
    assert ": 3 entries" in out and "piper" not in out
    assert main(["cache", "push", "-f", config]) == 0
    assert f"pushed {len(entry_files(site))} files" in capsys.readouterr().out
    assert not (shared / "piper-voices").exists()
    assert main(["cache", "verify", "-f", config]) == 0
    (site.docs / "blog" / "talk.md").unlink()
    site.write("index.md", "# Home\n")
    assert main(["cache", "prune", "--shared", "-f", config]) == 0
    assert "removed 3 entries" in capsys.readouterr().out
    assert entry_files(site) == set()
    assert sorted(path.name for path in models.iterdir()) == [
        "en_US-lessac-medium.onnx",
        "en_US-lessac-medium.onnx.json",
    ]


NEW_ENTRY_HOOK = textwrap.dedent(
    """
    from pathlib import Path

    def on_post_build(config, **kwargs):
        # another build finishes a line while prune is planning the site (or waiting for the cache)
        line = Path(config.config_file_path).parent / ".cache/plugin/convaudio/lines/ff" / ("f" * 64 + ".flac")
        line.parent.mkdir(parents=True, exist_ok=True)
        line.write_bytes(b"made by a build that started after prune")
    """
)


def test_prune_keeps_what_a_build_makes_while_prune_runs(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    (site.root / "hook.py").write_text(NEW_ENTRY_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    site.write_config()
    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0  # the hook runs in prune's plan
    assert "removed 0 entries" in capsys.readouterr().out
    assert (cache_root(site) / "lines" / "ff" / ("f" * 64 + ".flac")).is_file(), "prune removed a new entry"


def test_prune_keeps_the_segments_of_used_conversations_only(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """A long conversation's MP3 is made of segments kept in the cache: prune keeps those of the pages that stay
    and removes those of a deleted page; push leaves them out."""

    def long_talk(topic: str) -> str:
        said = [
            ("AB"[index % 2], f"About {topic}, point number {index}, said in a few seconds.") for index in range(16)
        ]
        return post(conversation(*said))

    site.write("blog/kept.md", long_talk("caching"))
    gone = site.write("blog/gone.md", long_talk("pruning"))
    site.build()
    segments = cache_root(site) / "segments"
    kept_keys = {
        key
        for session in plan_site_sessions(str(site.root / "mkdocs.yml"))
        for item in session.placed.values()
        if item.found.conversation.source_path == "blog/kept.md"
        for key in AudioCache(cache_root(site)).conversation_segments(item.job.key)
    }
    before = {path.name.split(".")[0] for path in segments.rglob("*.mp3")}
    assert len(kept_keys) >= 2 and kept_keys < before
    gone.unlink()
    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert {path.name.split(".")[0] for path in segments.rglob("*.mp3")} == kept_keys
    removed = sorted(before - kept_keys)[0]
    assert f"/segments/{removed[:2]}/{removed}" in capsys.readouterr().out
    assert site.build().synthesized == 0
    # segments stay local: cheap to encode again, not worth a round trip each
    shared = site.root.parent / "bucket"
    site.plugin_options["shared_cache"] = f"file://{shared}"
    site.write_config()
    assert main(["cache", "push", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert (shared / "lines").is_dir() and not (shared / "segments").exists()
    # so after a push nothing shareable is "only local" (the segments counted there, which no push changes)
    capsys.readouterr()
    assert main(["cache", "stats", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "only local: 0, only shared: 0" in out
    # and they are counted there, so that the comparison adds up to the local total
    local_total = int(out.split(" entries, ", 1)[0].rsplit(" ", 1)[1])
    both = int(out.split("both: ", 1)[1].split(",", 1)[0])
    assert f"local by design (segments): {len(kept_keys)}" in out and both + len(kept_keys) == local_total


def memo_tag(config: Path) -> str:
    from mkdocs_convaudio.cli import open_site_cache

    return open_site_cache(str(config), shared=False)[0].memo_tag


def test_sites_sharing_a_cache_folder_are_pruned_together(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """`mkdocs.yml` and `mkdocs.fr.yml` with docs folders of their own share one cache folder: pruning for one of
    them alone would remove the other's audio (paid for again by its next build), so prune stops and says how to
    prune both; given both, it removes exactly what neither uses."""
    site.config["docs_dir"] = "docs/en"
    site.write("en/talk.md", post(conversation(*TALK)))
    gone = site.write("en/other.md", post(conversation(*OTHER)))
    site.write(
        "fr/billet.md", post(conversation(("A", "Ce billet reste."), ("B", "Ses lignes restent aussi.")), lang="fr")
    )
    adieu = site.write("fr/adieu.md", post(conversation(("A", "Celui-ci s'en va."), ("B", "Adieu.")), lang="fr"))
    site.build()
    english = site.root / "mkdocs.yml"
    french = site.root / "mkdocs.fr.yml"
    french.write_text(english.read_text().replace("docs/en", "docs/fr") + "site_dir: site-fr\n")

    def synthesized(config: Path) -> int:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config)], cwd=site.root, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        [count] = re.findall(r"(\d+) synthesized", done.stderr)
        return int(count)

    assert synthesized(french) == 4
    by_page = {name: keys_by_page(str(config)) for name, config in (("en", english), ("fr", french))}
    before = entry_files(site)
    assert keys_of(before) == set().union(*by_page["en"].values(), *by_page["fr"].values())
    gone.unlink()
    adieu.unlink()
    capsys.readouterr()

    assert main(["cache", "prune", "-f", str(english)]) == 2
    error = capsys.readouterr().err
    assert "another site" in error and f"-f {english} -f OTHER.yml" in error, error
    [tag] = {path.name[len("site") :] for path in cache_root(site).glob("site-*")} - {memo_tag(english)}
    assert f"pages-memo{tag}.json" in error and f"spoken-memo{tag}.json" in error and f"site{tag}/" in error
    assert entry_files(site) == before, "prune removed entries of the other site"
    assert main(["cache", "prune", "--dry-run", "-f", str(english)]) == 0
    assert "another site" in capsys.readouterr().err and entry_files(site) == before
    # not even for entries used lately: the other site may not have been built for a while
    assert main(["cache", "prune", "--older-than", "1h", "-f", str(english)]) == 2
    assert entry_files(site) == before

    assert main(["cache", "prune", "-f", str(english), "-f", str(french)]) == 0
    after = entry_files(site)
    assert keys_of(before - after) == by_page["en"]["other.md"] - by_page["en"]["talk.md"] | by_page["fr"]["adieu.md"]
    assert keys_of(after) == by_page["en"]["talk.md"] | by_page["fr"]["billet.md"]
    published = sorted(
        path.relative_to(cache_root(site)).parts[0] for path in cache_root(site).glob("site-*/*/*/*.mp3")
    )
    assert len(set(published)) == len(published) == 2  # a talk per site; the English other-1.mp3 went
    assert not list(cache_root(site).glob("site-*/*/*/other-1.*"))
    assert not list(cache_root(site).glob("site-*/*/*/adieu-1.*")), "the second site's stale copies stayed"
    assert len(list(cache_root(site).glob("site-*/*/*/billet-1.*"))) == 3  # the French site's copies stay
    assert synthesized(french) == 0 and synthesized(english) == 0


def test_two_configs_of_one_docs_folder_are_pruned_together(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """`mkdocs.yml` (eSpeak at its usual rate, for previews) and `mkdocs.prod.yml` (another rate: other lines) build
    one docs folder: prune of `mkdocs.yml` alone (the default config) would remove every line only the other one
    uses, paid for again by its next build, so it stops; given both, it keeps what either uses."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    gone = site.write("blog/other.md", post(conversation(*OTHER)))
    site.build()
    preview = site.root / "mkdocs.yml"
    prod = site.root / "mkdocs.prod.yml"
    prod.write_text(preview.read_text().replace("convaudio: {", "convaudio: {espeak: {rate: 200}, ") + "site_dir: s2\n")
    assert "rate: 200" in prod.read_text()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(prod)], cwd=site.root, check=False)
    assert done.returncode == 0
    by_config = {config: keys_by_page(str(config)) for config in (preview, prod)}
    only_prod = set().union(*by_config[prod].values()) - set().union(*by_config[preview].values())
    assert only_prod, "the two configs made the same lines: the test would show nothing"
    before = entry_files(site)
    assert only_prod <= keys_of(before)
    gone.unlink()
    capsys.readouterr()

    assert main(["cache", "prune", "-f", str(preview)]) == 2
    error = capsys.readouterr().err
    assert "another site" in error and f"site{memo_tag(prod)}/" in error, error
    assert entry_files(site) == before, "prune of one config removed the other's lines"

    assert main(["cache", "prune", "-f", str(preview), "-f", str(prod)]) == 0
    after = entry_files(site)
    kept = by_config[preview]["blog/talk.md"] | by_config[prod]["blog/talk.md"]
    assert keys_of(after) == kept
    assert keys_of(before - after) == (by_config[preview]["blog/other.md"] | by_config[prod]["blog/other.md"]) - kept


def test_a_site_whose_build_stopped_before_saving_anything_keeps_prune_away(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """A build marks its site in the cache folder before it makes any line: a first build killed while
    synthesizing has saved no memo, and prune of another site must still not take its lines."""
    site.config["docs_dir"] = "docs/en"
    site.write("en/talk.md", post(conversation(*TALK)))
    site.build()
    site.write("fr/billet.md", post(conversation(("A", "Une ligne de plus."), ("B", "Et une autre.")), lang="fr"))
    english = site.root / "mkdocs.yml"
    french = site.root / "mkdocs.fr.yml"
    text = english.read_text().replace("docs/en", "docs/fr").replace("convaudio: {", "convaudio: {generate: false, ")
    french.write_text(text + "site_dir: site-fr\n")
    assert "generate: false" in french.read_text()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(french)], cwd=site.root, check=False)
    assert done.returncode != 0  # stopped in the audio step, before any line was made
    for memo in cache_root(site).glob(f"*-memo{memo_tag(french)}.json"):
        memo.unlink()  # as a build killed mid-way leaves the folder: it never saved them
    marked = cache_root(site) / f"site{memo_tag(french)}"
    assert marked.is_dir() and not list(marked.iterdir())
    capsys.readouterr()
    assert main(["cache", "prune", "-f", str(english)]) == 2
    error = capsys.readouterr().err
    assert "another site" in error and f"site{memo_tag(french)}/" in error, error


OTHER_SITE_HOOK = textwrap.dedent(
    """
    from pathlib import Path

    def on_post_build(config, **kwargs):
        # another site's first build starts while prune is planning this one: it marks its site at once
        cache = Path(config.config_file_path).parent / ".cache/plugin/convaudio"
        (cache / "site-0123456789").mkdir(parents=True, exist_ok=True)
    """
)


def test_a_site_that_starts_building_while_prune_plans_keeps_prune_away(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    (site.root / "hook.py").write_text(OTHER_SITE_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    site.write_config()
    before = entry_files(site)
    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 2  # the hook runs in prune's plan
    assert "site-0123456789/" in capsys.readouterr().err and entry_files(site) == before


def test_published_copies_of_any_site_are_no_cache_entries() -> None:
    from mkdocs_convaudio.store.inventory import entry_of

    key = "a" * 64  # a page may be named like a key: its published copy is still no entry
    assert entry_of(f"lines/aa/{key}.flac") == ("lines", key)
    assert entry_of(f"site/assets/convaudio/{key}.mp3") is None
    assert entry_of(f"site-0123456789/assets/convaudio/{key}.mp3") is None


def test_a_folder_given_for_the_config_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["cache", "prune"], ["cache", "stats"], ["estimate"], ["voices", "--map"]):
        assert main([*command, "-f", str(tmp_path)]) == 2, command
        error = capsys.readouterr().err
        assert "(Is a directory); give the path of the site's mkdocs.yml file" in error, command


def test_sites_with_cache_folders_of_their_own_are_pruned_apart(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.write_config()
    english = site.root / "mkdocs.yml"
    other = site.root / "mkdocs.other.yml"
    other.write_text(english.read_text().replace("convaudio: {}", "convaudio: {cache_dir: .cache/other}"))
    assert "cache_dir: .cache/other" in other.read_text()
    assert main(["cache", "prune", "-f", str(english), "-f", str(other)]) == 2
    assert "keep their audio in different cache folders" in capsys.readouterr().err


def age(paths: list[Path], days: float) -> None:
    """Files last used (or uploaded) `days` ago, as a warm build leaves a conversation's lines: it marks the
    conversation it uses, not its lines."""
    import os
    import time

    when = time.time() - days * 86_400
    for path in paths:
        os.utime(path, (when, when))


LONG_OTHER = [("AB"[index % 2], f"Only the other branch says point {index}, in a few seconds.") for index in range(16)]


def parts_of(root: Path, keys: set[str]) -> list[Path]:
    """The files of the line and segment entries named by `keys` under a cache or bucket folder."""
    return [
        path
        for kind in ("lines", "segments")
        for path in (root / kind).rglob("*")
        if path.is_file() and path.name.split(".", 1)[0] in keys
    ]


def test_older_than_keeps_the_lines_of_a_conversation_it_keeps(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """Branches share a cache: a post only another branch has keeps its conversation through
    `--older-than 30d` (a warm build of that branch used it an hour ago), and its lines and segments with it,
    however long ago they were made: that branch's next edit of the post would otherwise pay for every line
    again."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    other = site.write("blog/other.md", post(conversation(*LONG_OTHER)))
    text = other.read_text(encoding="utf-8")
    site.build()
    config = str(site.root / "mkdocs.yml")
    [job] = [
        item.job
        for s in plan_site_sessions(config)
        for item in s.placed.values()
        if item.audio_uri.endswith("other-1.mp3")
    ]
    segments = set(AudioCache(cache_root(site)).conversation_segments(job.key))
    only_other = {part.key for part in job.all_parts} | segments
    old = parts_of(cache_root(site), only_other)
    assert {path.parts[-3] for path in old} == {"lines", "segments"} and len(segments) >= 2
    age(old, 40)
    before = {path.relative_to(cache_root(site)) for path in old}

    other.unlink()  # on the branch without the post
    assert main(["cache", "prune", "--older-than", "30d", "-f", config]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out
    after = {path.relative_to(cache_root(site)) for path in parts_of(cache_root(site), only_other)}
    assert after == before, "the lines or segments of a conversation kept for its recent use were removed"
    other.write_text(text, encoding="utf-8")  # back on the branch with the post: nothing to pay for
    assert site.build().synthesized == 0

    other.unlink()
    assert main(["cache", "prune", "-f", config]) == 0  # without --older-than, unused is unused
    assert not parts_of(cache_root(site), only_other)


def test_shared_older_than_keeps_the_lines_of_a_conversation_it_keeps(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same in the shared cache, where ages are upload times: a conversation uploaded lately keeps lines
    uploaded long ago, whether its record that lists them is in the local cache or only in the shared one (a
    fresh CI runner, a damaged local record). A shared record that cannot be read stops prune before it removes
    anything, locally or shared."""
    shared = tmp_path / "bucket"
    other, config, by_page = shared_site(site, shared)
    only_other = by_page["blog/other.md"] - by_page["blog/talk.md"]

    def shared_files() -> set[str]:
        return {path.relative_to(shared).as_posix() for path in shared.rglob("*") if path.is_file()}

    assert len(parts_of(shared, only_other)) == 4  # two lines' audio, with their records
    age(parts_of(shared, only_other) + parts_of(cache_root(site), only_other), 40)
    before, local_before = shared_files(), entry_files(site)
    other.unlink()
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 0
    assert "shared: removed 0 entries" in capsys.readouterr().out
    assert shared_files() == before and entry_files(site) == local_before

    # the local record names no lines (an older version made it): the shared one is read, and it cannot be
    [key] = {path.name.split(".", 1)[0] for path in (shared / "conversations").glob("*.check")} & only_other
    local_record = cache_root(site) / "conversations" / f"{key}.mp3.check"
    older = json.loads(local_record.read_text(encoding="utf-8"))
    del older["lines"]
    local_record.write_text(json.dumps(older), encoding="utf-8")
    record = shared / "conversations" / f"{key}.mp3.check"
    saved = record.read_bytes()
    record.unlink()
    record.mkdir()  # read fails, and not as a missing file would
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 2
    error = capsys.readouterr().err
    assert f"the shared cache file://{shared}: reading conversations/{record.name}: IsADirectoryError" in error, error
    assert shared_files() == before - {f"conversations/{record.name}"}
    assert entry_files(site) == local_before, "prune removed local entries before it stopped"

    record.rmdir()
    record.write_bytes(saved)
    for local in ("older", "damaged"):
        if local == "damaged":
            local_record.write_text("{damaged", encoding="utf-8")
        assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 0
        assert "shared: removed 0 entries" in capsys.readouterr().out
        assert shared_files() == before, f"with an {local} local record, the shared lines it needs were removed"

    shutil.rmtree(cache_root(site) / "conversations")  # the record only the shared cache holds now
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 0
    assert "shared: removed 0 entries" in capsys.readouterr().out
    assert shared_files() == before


def test_shared_older_than_keeps_what_another_branch_used_lately_by_its_use_record(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The shared cache dates its objects by upload. A post only another branch has, uploaded 40 days ago but
    built there lately, stays through `prune --shared --older-than 30d` with all its lines, by that branch's use
    record; once the record is older than 30 days too, the post's audio goes, and the record with it. A record
    that cannot be read stops prune before it removes anything."""
    shared = tmp_path / "bucket"
    other, config, by_page = shared_site(site, shared)  # the other branch's build: its record lists both posts
    only_other = by_page["blog/other.md"] - by_page["blog/talk.md"]
    [record] = [name for name in shared_names(shared) if name.startswith("uses/")]
    age([shared / name for name in shared_names(shared) if "uses/" not in name], 40)  # uploaded long ago
    before = shared_names(shared)

    other.unlink()  # prune from the branch without the post
    broken = (shared / record).read_bytes()
    (shared / record).write_bytes(broken.replace(b'"keys"', b'"kays"'))
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 2
    error = capsys.readouterr().err
    assert f"the use record file://{shared}/{record} does not match its checksum (damaged)" in error, error
    assert shared_names(shared) == before, "prune removed audio before it stopped"
    checksum = (shared / "sha256" / record).read_bytes()
    assert main(["cache", "verify", "--shared", "-f", config]) == 1  # as the message says: verify removes it
    assert f"corrupt: file://{shared}/{record}" in capsys.readouterr().out
    assert shared_names(shared) == before - {record, f"sha256/{record}"}
    newer = json.dumps({"version": 2, "uses": {}}).encode()  # what a later version might write
    (shared / record).write_bytes(newer)
    (shared / "sha256" / record).write_bytes(hashlib.sha256(newer).hexdigest().encode())
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 2
    assert "is no version 1 use record (written by another version of mkdocs-convaudio?)" in capsys.readouterr().err
    assert shared_names(shared) == before
    (shared / record).write_bytes(broken)  # the branch builds again: its record is back
    (shared / "sha256" / record).write_bytes(checksum)

    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 0
    assert "shared: removed 0 entries" in capsys.readouterr().out
    assert shared_names(shared) == before, "the other branch's post, or its lines, were removed"

    age([shared / record, shared / "sha256" / record], 40)
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", config]) == 0
    out = capsys.readouterr().out
    assert f"removed file://{shared}/{record} (a use record older than --older-than)" in out
    left = shared_names(shared)
    assert not keys_of({name for name in left if "uses/" not in name}) & only_other
    assert keys_of({name for name in left if "uses/" not in name}) == by_page["blog/talk.md"]
    assert not any("uses/" in name for name in left)


def test_a_use_record_is_written_once_a_day_and_once_an_hour_for_the_same_posts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine writes the record of one set of keys once a day; one process (`mkdocs serve`, a new set of keys
    at every edit) one record an hour for the same posts; another process (after switching branches) writes its
    own at once. A build the store has not answered writes it in the background (see
    `test_a_warm_build_writes_its_use_record_and_never_waits_long_for_the_store`)."""
    from mkdocs_convaudio.store import uses
    from mkdocs_convaudio.store.memo import Memo
    from mkdocs_convaudio.store.shared import SharedStore

    store = SharedStore(f"file://{tmp_path / 'bucket'}", tmp_path / "cache")
    memo = Memo(tmp_path / "uses-memo.json", "1")
    said: list[str] = []
    one, two, fr = {"a" * 64, "b" * 64}, {"a" * 64, "c" * 64}, {"f" * 64}
    store.answered = True  # it fetched or uploaded something: written at once
    assert uses.record(store, memo, one, 1_000.0, said.append, pages="en")
    assert not uses.record(store, memo, two, 1_060.0, said.append, pages="en"), "an edit in serve, in the hour"
    assert uses.record(store, memo, fr, 1_060.0, said.append, pages="fr"), "another language's posts"
    assert uses.record(store, memo, two, 4_600.0, said.append, pages="en"), "an hour later"

    memo.save()  # another process: a build after switching branches
    monkeypatch.setattr(uses, "_tried_in_process", {})
    memo = Memo(tmp_path / "uses-memo.json", "1")
    assert not uses.record(store, memo, one, 4_660.0, said.append, pages="en"), "the same keys, within the day"
    assert uses.record(store, memo, {"d" * 64}, 4_660.0, said.append, pages="en"), "the other branch's keys"
    assert uses.record(store, memo, one, 1_000.0 + 86_400, said.append, pages="en"), "a day later"
    assert not uses.record(store, memo, set(), 200_000.0, said.append, pages="none"), "a build that used nothing"
    assert len(store.list_uses()) == 4 and not said and store.list() == []

    # a warm build that needed nothing from the store: written by a thread of its own while the pages build, and
    # counted for the day at the end of the build
    quiet = SharedStore(f"file://{tmp_path / 'bucket'}", tmp_path / "cache")
    three = {"e" * 64}
    assert not uses.record(quiet, memo, three, 200_000.0, said.append, pages="en"), "not written in the build's thread"
    [write] = uses._pending
    write.thread.join(60)
    assert uses.finish_pending() == 1 and len(store.list_uses()) == 5 and uses._pending == [] and not said
    monkeypatch.setattr(uses, "_tried_in_process", {})  # another process, the same day
    assert not uses.record(quiet, memo, three, 200_060.0, said.append, pages="en") and uses._pending == []

    # a build that failed after its audio step: a write that got through still counts for the day
    four = {"4" * 64}
    assert not uses.record(quiet, memo, four, 300_000.0, said.append, pages="other")
    [write] = uses._pending
    write.thread.join(60)
    uses.abandon_pending()
    assert uses._pending == [] and memo.get(f"{quiet.display}|{uses.record_name(four)}") == 300_000.0


def test_a_use_record_the_store_does_not_take_in_time_is_tried_again_an_hour_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An offline laptop (a store that never answers): the end of the build gives the record up after END_WAIT,
    says so at INFO, and this cache writes none in the background (nor waits again) within the hour, whatever the
    posts (each language of a translated site has its own)."""
    import socket

    from mkdocs_convaudio.store import uses
    from mkdocs_convaudio.store.memo import Memo
    from mkdocs_convaudio.store.shared import SharedStore

    silent = socket.create_server(("127.0.0.1", 0))  # accepts connections, never answers a request
    endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
    store = SharedStore(
        "s3://bucket/blog", tmp_path / "cache", options={"endpoint_url": endpoint, "key": "k", "secret": "s3cr3t-key"}
    )
    store.check_timeout = 600.0
    memo = Memo(tmp_path / "uses-memo.json", "1")
    said: list[str] = []
    keys = {"a" * 64}
    assert not uses.record(store, memo, keys, 1_000.0, said.append, pages="en")
    [write] = uses._pending
    assert uses.finish_pending(wait=0.0) == 0 and write.thread.is_alive()
    assert len(said) == 1 and "did not take this build's use record (no answer by the end of the build)" in said[0]
    assert "s3cr3t-key" not in said[0]
    assert not uses.record(store, memo, {"f" * 64}, 1_010.0, said.append, pages="fr"), "the next language"
    assert uses._pending == []
    memo.save()
    for name in ("_tried_in_process", "_unanswered_in_process"):
        monkeypatch.setattr(uses, name, {})  # another process
    memo = Memo(tmp_path / "uses-memo.json", "1")
    assert not uses.record(store, memo, keys, 1_000.0 + 3_000, said.append, pages="en") and uses._pending == []
    assert not uses.record(store, memo, {"b" * 64}, 4_000.0, said.append, pages="en") and uses._pending == []
    assert not uses.record(store, memo, keys, 1_000.0 + 3_700, said.append, pages="en"), "tried again after the hour"
    assert len(uses._pending) == 1
    silent.close()  # the requests fail now
    for pending in [write, *uses._pending]:
        pending.thread.join(60)
    assert uses.finish_pending() == 0 and "did not take" in said[-1]


def test_every_language_of_a_translated_site_records_its_use(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """mkdocs-static-i18n builds each language in turn, in one process and with one memo: each records its
    posts, so prune of another branch keeps the French posts' audio too."""
    from tests.sites import static_i18n

    bucket = tmp_path / "bucket"
    static_i18n(site)
    site.plugin_options["shared_cache"] = f"file://{bucket}"
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    other = site.write("blog/other.md", post(conversation(("A", "Another post."), ("B", "Only on a branch."))))
    other_fr = site.write("blog/other.fr.md", post(conversation(("A", "Un autre."), ("B", "Sur une branche."))))
    site.build(strict=True)
    conversations = {path.name.split(".", 1)[0] for path in (bucket / "conversations").glob("*.mp3")}
    recorded = {key for name in shared_names(bucket) if name.startswith("uses/") for key in record_keys(bucket, name)}
    assert len(conversations) == 4 and recorded == conversations

    age([bucket / name for name in shared_names(bucket) if "uses/" not in name], 40)
    before = shared_names(bucket)
    other.unlink()
    other_fr.unlink()
    assert main(["cache", "prune", "--shared", "--older-than", "30d", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert "shared: removed 0 entries" in capsys.readouterr().out
    assert shared_names(bucket) == before


def record_keys(bucket: Path, name: str) -> list[str]:
    keys: list[str] = json.loads((bucket / name).read_text(encoding="utf-8"))["keys"]
    return keys


def test_render_runs_in_a_sites_folder_keep_to_files_of_their_own_and_prune_keeps_their_audio(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs-convaudio render` run in a site's folder reads the site's config and cache, but is not the site:
    it uses the lines the site paid for and leaves the site's memo files alone (with `--root docs` too, the runs
    of two roots apart). Each run records in the cache what it uses, so prune of the site keeps its
    audio (which the next run would otherwise pay for), as each run was last made; a root whose runs are not
    recorded stops prune."""
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.build()
    runs = {".": "talks/extra.json", "docs": "docs/talks/extra.json"}
    for root, dialogue in runs.items():
        said = [{"speaker": "A", "line": f"Rendered apart, from {root}."}, {"speaker": "B", "line": "Not a page."}]
        (site.root / dialogue).parent.mkdir(parents=True)
        (site.root / dialogue).write_text(json.dumps(said), encoding="utf-8")
    monkeypatch.chdir(site.root)

    def site_memos() -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in cache_root(site).glob("*-memo.json")}

    memos = site_memos()
    assert main(["render", "--posts", "docs/blog", "--out", "out"]) == 0  # the site's own conversation
    assert "0 synthesized" in capsys.readouterr().out, "render paid again for lines the site has"
    for root, dialogue in runs.items():
        assert main(["render", dialogue, "--root", root, "--out", "out"]) == 0
    assert site_memos() == memos, "render changed the site's memo files"
    assert len(list(cache_root(site).glob("site-*"))) == 2, "render runs from two roots shared memo files"
    before = entry_files(site)
    capsys.readouterr()
    assert main(["cache", "prune", "-f", "mkdocs.yml"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entry_files(site) == before

    (site.root / runs["."]).unlink()  # gone: its run, as last made, still uses it
    assert main(["cache", "prune", "-f", "mkdocs.yml"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entry_files(site) == before
    assert site.build().synthesized == 0

    # forgetting runs no longer made: their root's record goes, then the runs still made are made again
    records = sorted(cache_root(site).glob("renders-memo-*.json"))
    assert len(records) == 2  # a record per root
    dot = next(path for path in records if '"render --posts docs/blog"' in path.read_text(encoding="utf-8"))
    dot.unlink()
    assert main(["cache", "prune", "-f", "mkdocs.yml"]) == 2  # that root's runs are not recorded now
    error = capsys.readouterr().err
    assert "`mkdocs-convaudio render` run" in error and dot.name.replace("renders-", "pages-") in error, error
    assert main(["render", "--posts", "docs/blog", "--out", "out"]) == 0  # the run still made, from that root
    assert main(["cache", "prune", "-f", "mkdocs.yml"]) == 0
    # the gone run's own line and its conversation; "Not a page." stays: the other root's run says it too
    assert "local: removed 2 entries" in capsys.readouterr().out
    assert main(["render", runs["docs"], "--root", "docs", "--out", "out"]) == 0
    assert "0 synthesized" in capsys.readouterr().out
    assert site.build().synthesized == 0


@pytest.mark.parametrize("required", [False, True])
def test_a_share_whose_folder_is_missing_is_not_made_on_the_local_disk(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path, required: bool
) -> None:
    """`file:///mnt/team-share/convaudio` with the share not mounted: the build made the whole tree on the local
    disk and said nothing, even with `shared_cache_required`; `pull` said "pulled 0 files"."""
    share = tmp_path / "mnt" / "team-share" / "convaudio"
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.plugin_options.update(shared_cache=share.as_uri(), shared_cache_required=required)
    if required:
        assert "is the share mounted?" in site.build_error()
    else:
        site.build()
        assert any("is the share mounted?" in warning for warning in site.warnings()), site.warnings()
    assert not (tmp_path / "mnt").exists(), "the share's folders were made on the local disk"
    capsys.readouterr()
    assert main(["cache", "pull", "-f", str(site.root / "mkdocs.yml")]) == 2
    assert "is the share mounted?" in capsys.readouterr().err
    if not required:  # a warm build writes its use record to the share: not on the local disk either
        site.build()
        assert not (tmp_path / "mnt").exists(), "a use record made the share's folders on the local disk"
    share.parent.mkdir(parents=True)  # mounted (or a new share's folder made by hand): used
    site.build()
    if not required:  # the lines made meanwhile are shared by the push the warning names
        assert main(["cache", "push", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert (share / "lines").is_dir()


@pytest.mark.parametrize("form", ["file://localhost{}", "file:{}", "file://{}"])
def test_every_form_of_a_file_url_names_the_same_share(site: Site, tmp_path: Path, form: str) -> None:
    """`file://localhost/x` and `file:/x` made a folder `localhost/x` or `file%3A/x` beside mkdocs.yml."""
    share = tmp_path / "share"
    share.mkdir()
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.plugin_options["shared_cache"] = form.format(share.as_posix())
    site.build()
    assert (share / "lines").is_dir() and not (site.root / "localhost").exists()
    assert not [path for path in site.root.iterdir() if path.name.startswith("file")]


def test_a_file_url_of_another_host_is_refused(site: Site) -> None:
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.plugin_options["shared_cache"] = "file://fileserver/team/convaudio"
    assert "a file URL names a folder of this machine" in site.build_error()


def test_a_share_whose_path_has_a_space_is_that_folder(site: Site, tmp_path: Path) -> None:
    """`file:///…/my share` became `my%20share` (a URL fsspec does not decode): refused, or another folder."""
    share = tmp_path / "my share"
    share.mkdir()
    site.write("blog/talk.md", post(conversation(*TALK)))
    for value in (f"file://{share.as_posix()}/cache", f"{share.as_posix()}/plain"):
        site.plugin_options["shared_cache"] = value
        site.build(strict=True)
        assert main(["cache", "push", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert (share / "cache" / "lines").is_dir() and (share / "plain" / "lines").is_dir()
    assert not list(tmp_path.glob("my%20share*"))


def test_verify_shared_removes_a_damaged_conversation_whole(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A damaged MP3 went with its record, but its timings stayed: `pull` fetched them alone, `stats` counted them."""
    shared = tmp_path / "share"
    site.write("blog/talk.md", post(conversation(*TALK)))
    site.plugin_options["shared_cache"] = f"file://{shared}"
    site.build()
    [mp3] = sorted((shared / "conversations").glob("*.mp3"))
    data = bytearray(mp3.read_bytes())
    data[len(data) // 2] ^= 0xFF
    mp3.write_bytes(bytes(data))
    assert main(["cache", "verify", "--shared", "-f", str(site.root / "mkdocs.yml")]) == 1
    assert not [path for path in (shared / "conversations").iterdir() if path.name.startswith(mp3.stem)]
    assert not list((shared / "sha256" / "conversations").glob(f"{mp3.stem}*"))


def test_prune_shared_removes_the_claims_stopped_builds_left_and_keeps_a_running_one_s(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A build killed while making lines leaves its claims in the store (`claims/…`): the next build that needs
    those lines waited a minute for them, and `cache prune --shared` never removed them (review of h-ci). Claims
    older than a minute by the store's own clock go now, said in prune's summary; a fresh one (a build running now)
    stays, and so does everything with --dry-run."""
    from mkdocs_convaudio.store.shared import SharedStore

    shared = tmp_path / "bucket"
    _other, config, _by_page = shared_site(site, shared)
    assert not (shared / "claims").exists() or not shared_names(shared / "claims"), "a build left a claim"
    store = SharedStore(f"file://{shared}", tmp_path / "killed")
    stale = [f"lines/{index:02x}/{index:064x}.flac" for index in (1, 2)]
    running = "lines/03/" + "03" * 32 + ".flac"
    assert all(store.claim(line) for line in [*stale, running])
    for line in stale:
        path = shared / "claims" / line
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 2 * 60))
    written = (shared / "claims").stat().st_mtime_ns
    assert main(["cache", "prune", "--shared", "--dry-run", "-f", config]) == 0
    assert "shared: would remove 2 claims of lines left by stopped builds" in capsys.readouterr().out
    assert shared_names(shared / "claims") == {*stale, running}
    # a dry run writes nothing to the store, not even the probe of its clock (written, then deleted, it changed
    # the folder: review r-claims2)
    assert (shared / "claims").stat().st_mtime_ns == written, "the dry run wrote to the store"
    assert main(["cache", "prune", "--shared", "-f", config]) == 0
    assert "shared: removed 2 claims of lines left by stopped builds" in capsys.readouterr().out
    assert shared_names(shared / "claims") == {running}
    # their folders with them (the running build's stays), and no probe of the store's clock is left
    assert sorted(path.name for path in (shared / "claims" / "lines").iterdir()) == ["03"]
    assert [path.name for path in (shared / "claims").iterdir()] == ["lines"]
    store.release(running)
    assert main(["cache", "prune", "--shared", "-f", config]) == 0
    assert "claim" not in capsys.readouterr().out
