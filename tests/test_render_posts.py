"""`mkdocs-convaudio render --posts`: which posts a blog's render makes audio of, and how it reads them."""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

import filelock
import pytest
import yaml
from mutagen.id3 import ID3

from mkdocs_convaudio.cli import main
from mkdocs_convaudio.store.locks import CacheLocks
from tests.sites import conversation, decode, post, url_versions


def _entries(cache: Path) -> set[str]:
    """The cache's line and conversation entries, by name."""
    return {path.name for kind in ("lines", "conversations") for path in (cache / kind).rglob("*.*")}


def test_render_leaves_drafts_out_unless_asked_and_they_keep_their_audio_and_voices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo's `draft: true` (YAML, TOML, JSON front matter) and Jekyll's `_drafts/` posts were rendered, each line
    paid for on a cloud engine, for posts the blog does not publish (bug bash): they are left out, as `hugo` and
    `jekyll` leave them out, with one line saying so; `--drafts` renders them. A run that leaves them out keeps
    what they used: `cache prune` removes none of their lines, and the voice map keeps their voices."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "convaudio.toml").write_text("", encoding="utf-8")  # where `cache prune` finds the cache
    posts = tmp_path / "content"
    (posts / "posts").mkdir(parents=True)
    (posts / "_drafts").mkdir()
    talk = conversation(("Host", "This one is published."), ("Guest", "It is."))
    (posts / "posts" / "published.md").write_text(post(talk, title="Out"), encoding="utf-8")
    (posts / "posts" / "yaml.md").write_text(
        post(conversation(("Host", "A YAML draft."), ("Guest", "Not yet.")), draft=True), encoding="utf-8"
    )
    toml = "+++\naudio = true\ndraft = true\n+++\n\n" + conversation(("Ann", "A TOML draft."), ("Bo", "Soon."))
    (posts / "posts" / "toml.md").write_text(toml, encoding="utf-8")
    front = '{\n  "audio": true,\n  "draft": true\n}\n\n'
    (posts / "posts" / "json.md").write_text(front + conversation(("Cy", "A JSON draft."), ("Di", "Later.")), "utf-8")
    jekyll = conversation(("Eve", "A Jekyll draft."), ("Fay", "Unpublished."))
    (posts / "_drafts" / "wip.md").write_text(post(jekyll), encoding="utf-8")
    drafts = ["posts/yaml-1.mp3", "posts/toml-1.mp3", "posts/json-1.mp3", "_drafts/wip-1.mp3"]
    render = ["render", "--posts", "content", "--out", "out", "--strict"]

    assert main([*render, "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "4 drafts with audio left out" in captured.err and "--drafts" in captured.err, captured.err
    assert "content/posts/published.md" in captured.out and "yaml" not in captured.out, captured.out
    assert main(render) == 0, capsys.readouterr().err  # an info line, not a warning: --strict passes
    captured = capsys.readouterr()
    assert captured.out.startswith("1 conversation, 2 lines: 2 synthesized"), captured.out
    assert "4 drafts with audio left out" in captured.err and "warning" not in captured.err, captured.err
    samples, rate = decode(tmp_path / "out" / "posts" / "published-1.mp3")
    assert len(samples) / rate > 1.0
    assert not any((tmp_path / "out" / name).exists() for name in drafts)

    assert main([*render, "--drafts"]) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert captured.out.startswith("5 conversations, 10 lines: 8 synthesized"), captured.out
    assert "drafts with audio left out" not in captured.err, captured.err
    for name in drafts:
        samples, rate = decode(tmp_path / "out" / name)
        assert len(samples) / rate > 1.0, name
    voice_map = (tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8")
    assert "content/_drafts/wip.md" in voice_map and "content/posts/toml.md" in voice_map, voice_map

    cache = tmp_path / ".cache" / "plugin" / "convaudio"
    made = _entries(cache)
    assert main(render) == 0  # the drafts left out again, then the cache pruned
    assert main(["cache", "prune"]) == 0
    assert "removed 0 entries" in capsys.readouterr().out and _entries(cache) == made
    assert (tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8") == voice_map
    assert main([*render, "--drafts"]) == 0
    assert "10 lines: 0 synthesized" in capsys.readouterr().out  # nothing paid twice
    assert (tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8") == voice_map
    timings = json.loads((tmp_path / "out" / "_drafts" / "wip-1.json").read_text(encoding="utf-8"))
    assert [line["text"] for line in timings["lines"]] == ["A Jekyll draft.", "Unpublished."]

    # the posts' record is still replaced by each complete run: an edited post's old audio goes, the drafts' stays
    edited = conversation(("Host", "This one is published, and edited."), ("Guest", "It is."))
    (posts / "posts" / "published.md").write_text(post(edited, title="Out"), encoding="utf-8")
    assert main(render) == 0 and "1 synthesized" in capsys.readouterr().out
    assert main(["cache", "prune"]) == 0
    assert "local: removed 2 entries" in capsys.readouterr().out  # its old line, and its old conversation
    assert main([*render, "--drafts"]) == 0 and "10 lines: 0 synthesized" in capsys.readouterr().out
    assert main(["cache", "prune"]) == 0 and "removed 0 entries" in capsys.readouterr().out

    # a record from before drafts were left out (drafts rendered, no entry of their own) keeps them too
    [record] = cache.glob("renders-memo*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data["runs"] = {run: entry for run, entry in data["runs"].items() if "--drafts" not in entry["command"]}
    record.write_text(json.dumps(data), encoding="utf-8")
    made = _entries(cache)
    assert main(render) == 0 and main(["cache", "prune"]) == 0
    assert "removed 0 entries" in capsys.readouterr().out and _entries(cache) == made

    # Jekyll keeps its drafts beside `_posts/`: given as the posts folder, they are drafts all the same
    assert main(["render", "--posts", "content/_drafts", "--out", "out"]) == 0
    captured = capsys.readouterr()
    assert "1 draft with audio left out (content/_drafts/wip.md)" in captured.err, captured.err
    assert captured.out.startswith("0 conversations"), captured.out


def test_render_reads_a_post_that_is_not_utf8_when_it_has_no_audio_and_names_each_one_that_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Latin-1 post without audio stopped the whole render (bug bash): such a post is read as far as its front
    matter, and is none of the run's business. A post with audio that is not UTF-8 is an error at its line, column
    and byte, saying to save it as UTF-8; every such post is named in one run, without a traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    talk = post(conversation(("Host", "Hello from a UTF-8 post."), ("Guest", "Héllo.")))
    (tmp_path / "content" / "talk.md").write_text(talk, encoding="utf-8")
    plain = "---\ntitle: Café crème\n---\n\nÀ bientôt, dit-il.\n"
    (tmp_path / "content" / "latin.md").write_bytes(plain.encode("latin-1"))
    (tmp_path / "content" / "windows.md").write_bytes("+++\ntitle = 'Les “guillemets”'\n+++\n".encode("cp1252"))
    # a draft left out is none of the run's business either, whatever its encoding (review r-render2)
    draft = post(conversation(("Host", "Brouillon."), ("Guest", "Déjà.")), draft=True)
    (tmp_path / "content" / "draft.md").write_bytes(draft.encode("latin-1"))
    render = ["render", "--posts", "content", "--out", "out", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert captured.out.startswith("1 conversation, 2 lines: 2 synthesized") and "0 warnings" in captured.out
    assert "1 draft with audio left out (content/draft.md)" in captured.err, captured.err
    assert main([*render, "--drafts"]) == 2  # rendered, it is told to be saved as UTF-8
    assert "content/draft.md:14: this post is not UTF-8 (byte 0xe9" in capsys.readouterr().err
    (tmp_path / "content" / "draft.md").unlink()
    samples, rate = decode(tmp_path / "out" / "talk-1.mp3")
    assert len(samples) / rate > 1.0

    first = post(conversation(("Host", "Bonjour."), ("Guest", "Ça va.")))
    (tmp_path / "content" / "first.md").write_bytes(first.encode("latin-1"))
    second = "---\naudio: true\ntitle: “Quoted”\n---\n\n" + conversation(("Host", "Hi."), ("Guest", "Bye."))
    (tmp_path / "content" / "second.md").write_bytes(second.encode("cp1252"))
    # saved with a byte order mark: its bytes counted from the file's first, the mark's three included
    (tmp_path / "content" / "marked.md").write_bytes(b"\xef\xbb\xbf---\naudio: true\ntitle: Caf\xe9\n---\n")
    assert main(render) == 2
    captured = capsys.readouterr()
    assert "content/marked.md:3: this post is not UTF-8 (byte 0xe9 at column 11, byte 30 of the file" in captured.err
    column = first.splitlines()[12].index("Ç") + 1
    assert f"content/first.md:13: this post is not UTF-8 (byte 0xc7 at column {column}, byte " in captured.err
    assert "content/second.md:3: this post is not UTF-8 (byte 0x93 at column 8, byte 24 of the file" in captured.err
    assert captured.err.count("save it as UTF-8") == 3 and "Traceback" not in captured.err, captured.err
    assert not (tmp_path / "out" / "first-1.mp3").exists() and not (tmp_path / "out" / "second-1.mp3").exists()


def test_render_names_a_translated_dialogue_file_s_audio_with_its_language_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Hugo bundle's French dialogue file `dialogue.fr.json` was published as `dialogue.fr-fr.mp3`, its language
    twice (bug bash); a page translated so is `talk.fr-1.mp3`. It is `dialogue.fr.mp3` (and `.json`, `.vtt`,
    `.html`), the snippet names it; `dialogue.json` spoken in English stays `dialogue-en.mp3`, and a file whose
    name names another language than it is spoken in keeps both (`notes.fr-en.mp3`)."""
    monkeypatch.chdir(tmp_path)
    bundle = tmp_path / "content" / "posts" / "talk"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(post("[The dialogue](dialogue.json)\n\n[Notes](notes.fr.json)\n"), "utf-8")
    (bundle / "index.fr.md").write_text(post("[Le dialogue](dialogue.json)\n"), encoding="utf-8")
    english = [{"speaker": "Host", "line": "Hello there."}, {"speaker": "Guest", "line": "Hi."}]
    french = [{"speaker": "Host", "line": "Bonjour à tous."}, {"speaker": "Guest", "line": "Salut."}]
    (bundle / "dialogue.json").write_text(json.dumps(english), encoding="utf-8")
    (bundle / "dialogue.fr.json").write_text(json.dumps(french), encoding="utf-8")
    (bundle / "notes.fr.json").write_text(json.dumps([{"speaker": "Host", "line": "Read in English."}]), "utf-8")
    render = ["render", "--posts", "content", "--out", "out", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("3 conversations, 5 lines: 5 synthesized")
    out = tmp_path / "out" / "content" / "posts" / "talk"
    assert sorted(path.name for path in out.glob("*.mp3")) == ["dialogue-en.mp3", "dialogue.fr.mp3", "notes.fr-en.mp3"]
    timings = json.loads((out / "dialogue.fr.json").read_text(encoding="utf-8"))
    assert timings["language"] == "fr" and [line["text"] for line in timings["lines"]] == ["Bonjour à tous.", "Salut."]
    samples, rate = decode(out / "dialogue.fr.mp3")
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.06)
    snippet = (out / "dialogue.fr.html").read_text(encoding="utf-8")
    assert url_versions(snippet, 'src="/out/content/posts/talk/dialogue.fr.mp3') and (out / "dialogue.fr.vtt").is_file()
    assert main(render) == 0 and "5 lines: 0 synthesized" in capsys.readouterr().out


def test_render_writes_the_fix_for_audio_written_as_text_in_the_post_s_own_front_matter_syntax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`audio = "true"` in a TOML post was told "`audio: 'true'` is text, so audio is off; write `audio: true`",
    YAML that breaks a TOML front matter (bug bash); a JSON post got the same. Each is told in its own syntax. TOML
    and JSON front matter are Hugo's, which reads its keys in any case: `Audio = true` turns audio on there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    body = "\n" + conversation(("Host", "Nearly on."), ("Guest", "Not quite."))
    posts = {
        "yaml.md": "---\naudio: 'true'\n---\n" + body,
        "toml.md": '+++\ntitle = "T"\naudio = "true"\n+++\n' + body,
        "number.md": "+++\naudio = 1\n+++\n" + body,
        "capital.md": "+++\nAudio = true\n+++\n" + body,
        "json.md": '{\n  "title": "J",\n  "audio": "yes"\n}\n' + body,
        "jsoncap.md": '{\n  "AUDIO": true\n}\n' + body,
    }
    for name, text in posts.items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0
    captured = capsys.readouterr()
    assert captured.out.endswith("; 4 warnings\n"), captured.out  # the capitals' one conversation is made
    for said in (
        "content/yaml.md:2: `audio: 'true'` is text, so audio is off; write `audio: true`",
        'content/toml.md:3: `audio = "true"` is text, so audio is off; write `audio = true`',
        "content/number.md:2: `audio = 1` is a number, not the boolean true, so audio is off; write `audio = true`",
        'content/json.md:3: `"audio": "yes"` is text, so audio is off; write `"audio": true`',
    ):
        assert said in captured.err, captured.err
    assert sorted(path.name for path in (tmp_path / "out").rglob("*.mp3")) == ["capital-1.mp3", "jsoncap-1.mp3"]


def test_render_names_the_line_of_an_option_set_by_a_dotted_key_or_in_an_array_of_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """convaudio.toml's problems are named at their line; an option set by a dotted key (`google.speaking_rate =`,
    `convaudio.bitrate =`) named no line, and one under an array of tables (`[[podcast]]`) the line of the table
    before it (bug bash). Each is at its own line, quoted keys too; the file still renders once it is right."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    toml = tmp_path / "convaudio.toml"
    for text, status, said in (
        ('engine = "espeak"\n\ngoogle.speaking_rate = "x"\n', 2, "convaudio.toml:3: option 'google': Sub-option"),
        ('# the blog\nconvaudio.engine = "espeak"\nconvaudio.bitrate = 7\n', 2, "convaudio.toml:3: bitrate must be"),
        ('[convaudio]\nengine = "espeak"\n"google" . "voice_family" = 3\n', 2, "convaudio.toml:3: option 'google'"),
        ("[google]\nspeaking_rate = 1.0\n\n[[podcast]]\ntitle = 'x'\n", 2, "convaudio.toml:4: option 'podcast'"),
        ("bitrate = 64\ngoogle.speaking_rat = 1\n", 0, "convaudio.toml:2: option 'google': Sub-option 'speaking_rat'"),
    ):
        toml.write_text(text, encoding="utf-8")
        assert main(["render", "scripts", "--out", "out"]) == status, text
        err = capsys.readouterr().err
        assert said in err, err
    samples, rate = decode(tmp_path / "out" / "talk.mp3")  # the last one warned, and rendered
    assert len(samples) / rate > 0.3


def test_render_into_the_posts_own_folder_keeps_a_translated_dialogue_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `--out .` a Hugo bundle gets its audio beside its page, where `dialogue.fr.json`'s timings file, named
    `dialogue.fr.json` once its language was said once, replaced the dialogue file itself (review r-render2): the
    next run read its timings as the dialogue. There the audio keeps its former name, `dialogue.fr-fr.mp3`."""
    monkeypatch.chdir(tmp_path)
    bundle = tmp_path / "content" / "posts" / "talk"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(post("[The dialogue](dialogue.json)\n"), encoding="utf-8")
    (bundle / "index.fr.md").write_text(post("[Le dialogue](dialogue.json)\n"), encoding="utf-8")
    english = [{"speaker": "Host", "line": "Hello there."}, {"speaker": "Guest", "line": "Hi."}]
    french = json.dumps([{"speaker": "Host", "line": "Bonjour à tous."}, {"speaker": "Guest", "line": "Salut."}])
    (bundle / "dialogue.json").write_text(json.dumps(english), encoding="utf-8")
    (bundle / "dialogue.fr.json").write_text(french, encoding="utf-8")
    render = ["render", "--posts", "content", "--out", ".", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("2 conversations, 4 lines: 4 synthesized")
    assert (bundle / "dialogue.fr.json").read_text(encoding="utf-8") == french
    assert sorted(path.name for path in bundle.glob("*.mp3")) == ["dialogue-en.mp3", "dialogue.fr-fr.mp3"]
    timings = json.loads((bundle / "dialogue.fr-fr.json").read_text(encoding="utf-8"))
    assert [line["text"] for line in timings["lines"]] == ["Bonjour à tous.", "Salut."]
    samples, rate = decode(bundle / "dialogue.fr-fr.mp3")
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.06)
    assert main(render) == 0 and "4 lines: 0 synthesized" in capsys.readouterr().out
    assert (bundle / "dialogue.fr.json").read_text(encoding="utf-8") == french


def test_a_post_turned_draft_keeps_its_audio_through_prune_and_drafts_gone_keep_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drafts' record was copied from the run's once and then kept as it was (review r-render2): a post turned
    draft after that lost its audio to `cache prune`, to be paid for again once published; and, the drafts
    published or deleted, every post's audio of that first copy was kept from prune for good."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "convaudio.toml").write_text("", encoding="utf-8")
    posts = tmp_path / "content"
    posts.mkdir()
    kept = conversation(("Host", "A post we keep."), ("Guest", "Published."))
    (posts / "kept.md").write_text(post(kept), encoding="utf-8")
    (posts / "later.md").write_text(post(conversation(("Host", "A post."), ("Guest", "For a while."))), "utf-8")
    (posts / "wip.md").write_text(post(conversation(("Ann", "Work in progress.")), draft=True), encoding="utf-8")
    render = ["render", "--posts", "content", "--out", "out"]
    assert main(render) == 0 and main(render) == 0  # the drafts' record made
    later = conversation(("Host", "A post to be taken back."), ("Guest", "For a while."))
    (posts / "later.md").write_text(post(later), encoding="utf-8")
    assert main(render) == 0
    (posts / "later.md").write_text(post(later, draft=True), encoding="utf-8")  # taken back
    assert main(render) == 0 and main(["cache", "prune"]) == 0
    capsys.readouterr()
    assert main([*render, "--drafts"]) == 0
    assert "5 lines: 1 synthesized" in capsys.readouterr().out  # the work in progress alone: never rendered

    # every draft published or deleted: what only they used before goes with the next prune
    (posts / "later.md").write_text(post(later), encoding="utf-8")
    (posts / "wip.md").unlink()
    edited = conversation(("Host", "A post we keep, edited."), ("Guest", "Published."))
    (posts / "kept.md").write_text(post(edited), encoding="utf-8")
    assert main(render) == 0 and main(["cache", "prune"]) == 0
    out = capsys.readouterr().out
    # the old lines and conversations of both posts (the one taken back's kept while it was a draft), the draft's
    assert "local: removed 6 entries" in out, out
    assert main(render) == 0 and "4 lines: 0 synthesized" in capsys.readouterr().out


def test_render_leaves_a_post_with_published_false_out_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jekyll leaves `published: false` posts out of the site (unless `jekyll --unpublished`), and Hugo reads
    `published = false` as `draft = true`: such posts were rendered, and billed (review r-render2). They are left out
    as drafts are, `--drafts` renders them; `published: true`, or a date as some themes write it, is published."""
    monkeypatch.chdir(tmp_path)
    posts = tmp_path / "_posts"
    posts.mkdir()
    for name, front in (
        ("hidden", {"published": False}),
        ("shown", {"published": True}),
        ("dated", {"published": "2024-01-11"}),
        ("text", {"published": "false"}),
    ):
        talk = conversation(("Host", f"The {name} post."), ("Guest", "Yes."))
        (posts / f"{name}.md").write_text(post(talk, **front), encoding="utf-8")
    toml = "+++\naudio = true\npublished = false\n+++\n\n" + conversation(("Ann", "Hugo's unpublished."), ("Bo", "So."))
    (posts / "hugo.md").write_text(toml, encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert captured.out.startswith("2 conversations, 4 lines"), captured.out
    assert "3 drafts with audio left out (_posts/hidden.md, _posts/hugo.md, _posts/text.md)" in captured.err
    assert sorted(path.name for path in (tmp_path / "out").rglob("*.mp3")) == ["dated-1.mp3", "shown-1.mp3"]
    assert main([*render, "--drafts"]) == 0
    assert capsys.readouterr().out.startswith("5 conversations, 10 lines")
    samples, rate = decode(tmp_path / "out" / "hidden-1.mp3")
    assert len(samples) / rate > 1.0


def test_render_reads_draft_as_hugo_does_whatever_its_case_and_not_under_params(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo's front matter keys are case-insensitive: `Draft: true` was rendered, and billed, for a post Hugo
    leaves out. A `draft = true` under `[params]` is a custom field Hugo publishes the post with: it was left out
    as a draft, its audio missing from the published page (review)."""
    monkeypatch.chdir(tmp_path)
    posts = tmp_path / "content"
    posts.mkdir()
    talk = conversation(("Host", "Capital draft."), ("Guest", "Left out."))
    (posts / "capital.md").write_text(post(talk, Draft=True), encoding="utf-8")
    toml = "+++\nPublished = false\n[params]\naudio = true\n+++\n\n" + conversation(("Ann", "Hidden."), ("Bo", "Yes."))
    (posts / "unpublished.md").write_text(toml, encoding="utf-8")
    params = "+++\ntitle = 'Out'\n[params]\naudio = true\ndraft = true\n+++\n\n"
    (posts / "params.md").write_text(params + conversation(("Cy", "Published by Hugo."), ("Di", "Yes.")), "utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--strict"]) == 0
    captured = capsys.readouterr()
    assert "2 drafts with audio left out (content/capital.md, content/unpublished.md)" in captured.err, captured.err
    assert sorted(path.name for path in (tmp_path / "out").rglob("*.mp3")) == ["params-1.mp3"]
    samples, rate = decode(tmp_path / "out" / "params-1.mp3")
    assert len(samples) / rate > 1.0


def test_render_reads_front_matter_keys_as_written_in_a_jekyll_blog_and_in_any_case_in_a_hugo_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jekyll's front matter keys are case-sensitive: a post with `Published: false`, which Jekyll publishes, was
    left out as a draft (Hugo's rule, applied to every blog), and `Audio: true` is no `audio: true` there. Hugo reads
    its keys in any case: its `Audio: true` was left without audio, its `Lang: fr` spoken in English (review)."""
    monkeypatch.chdir(tmp_path)
    jekyll = tmp_path / "jekyll"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text("title: A blog\n", encoding="utf-8")
    talk = conversation(("Host", "Jekyll publishes this post."), ("Guest", "Its key has a capital."))
    (jekyll / "_posts" / "2024-01-01-shown.md").write_text(post(talk, Published=False), encoding="utf-8")
    capital = "---\nAudio: true\n---\n\n" + conversation(("Host", "No audio here."), ("Guest", "No."))
    (jekyll / "_posts" / "2024-01-02-capital.md").write_text(capital, encoding="utf-8")
    assert main(["render", "--posts", "jekyll/_posts", "--root", "jekyll", "--out", "jekyll/out"]) == 0
    captured = capsys.readouterr()
    assert "left out" not in captured.err and "`Audio:` is not `audio:`" in captured.err, captured.err
    assert sorted(path.name for path in (jekyll / "out").rglob("*.mp3")) == ["2024-01-01-shown-1.mp3"]
    samples, rate = decode(jekyll / "out" / "2024-01-01-shown-1.mp3")
    assert len(samples) / rate > 1.0

    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text("title = 'A blog'\n", encoding="utf-8")
    french = "---\nAudio: true\nLang: fr\n---\n\n" + conversation(("Hôte", "Bonjour à tous."), ("Invitée", "Merci."))
    (hugo / "content" / "posts" / "bonjour.md").write_text(french, encoding="utf-8")
    (hugo / "content" / "posts" / "hidden.md").write_text(post(talk, Published=False), encoding="utf-8")
    assert main(["render", "--posts", "hugo/content", "--root", "hugo", "--out", "hugo/out", "--strict"]) == 0
    assert "1 draft with audio left out (content/posts/hidden.md)" in capsys.readouterr().err
    timings = json.loads((hugo / "out" / "posts" / "bonjour-1.json").read_text(encoding="utf-8"))
    assert timings["language"] == "fr" and [line["text"] for line in timings["lines"]] == ["Bonjour à tous.", "Merci."]
    samples, rate = decode(hugo / "out" / "posts" / "bonjour-1.mp3")
    assert len(samples) / rate > 1.0


def test_render_with_drafts_reads_jekylls_drafts_folder_beside_the_posts_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--posts _posts --drafts` read no post of `_drafts/` beside it, which `jekyll --drafts` shows (only
    `--posts .` read them): the drafts had no audio, without a word (review). Without `--drafts` they are left out,
    and said so, as the drafts below the posts folder are."""
    monkeypatch.chdir(tmp_path)
    for folder in ("_posts", "_drafts"):
        (tmp_path / folder).mkdir()
    talk = conversation(("Host", "A published post."), ("Guest", "Yes."))
    (tmp_path / "_posts" / "2024-01-01-out.md").write_text(post(talk), encoding="utf-8")
    draft = conversation(("Host", "A draft, not yet dated."), ("Guest", "Soon."))
    (tmp_path / "_drafts" / "soon.md").write_text(post(draft), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main(render) == 0
    captured = capsys.readouterr()
    assert "1 draft with audio left out (_drafts/soon.md)" in captured.err, captured.err
    assert sorted(path.name for path in (tmp_path / "out").rglob("*.mp3")) == ["2024-01-01-out-1.mp3"]
    assert main([*render, "--drafts"]) == 0
    assert capsys.readouterr().out.startswith("2 conversations, 4 lines"), "the draft was not rendered"
    timings = json.loads((tmp_path / "out" / "soon-1.json").read_text(encoding="utf-8"))
    assert [line["text"] for line in timings["lines"]] == ["A draft, not yet dated.", "Soon."]
    samples, rate = decode(tmp_path / "out" / "soon-1.mp3")
    assert len(samples) / rate > 1.0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_render_reads_a_post_saved_with_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """A post saved as UTF-16 (Windows' "Unicode"), with its byte order mark, read as having no front matter: no
    audio, without a word (review). Its mark says how to read it; so does UTF-8's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = post(conversation(("Host", "Saved by Notepad."), ("Guest", "Read all the same.")), title="Wide")
    mark = b"\xfe\xff" if encoding == "utf-16-be" else b""  # Python writes the other marks itself
    (tmp_path / "_posts" / "wide.md").write_bytes(mark + talk.encode(encoding))
    assert main(["render", "--posts", "_posts", "--out", "out", "--strict"]) == 0, capsys.readouterr().err
    timings = json.loads((tmp_path / "out" / "wide-1.json").read_text(encoding="utf-8"))
    assert [line["text"] for line in timings["lines"]] == ["Saved by Notepad.", "Read all the same."]
    samples, rate = decode(tmp_path / "out" / "wide-1.mp3")
    assert len(samples) / rate > 1.0


def test_render_removes_the_files_it_wrote_of_a_renamed_post_and_names_those_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A renamed or deleted post's MP3, timings, captions and snippet stayed in `--out` (named, not removed), and
    a blog deploying `--out` kept publishing them. The run removes those an earlier run of the same posts folder
    wrote, still as written (the outputs record), and says so; `--strict` passes. A dialogue-file run's files in
    the same `--out` stay, unnamed; a conversation one of whose files was changed since (the user's) is named, and
    stays whole."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = conversation(("Host", "A post renamed."), ("Guest", "Its files go."))
    (tmp_path / "_posts" / "2024-01-01-old.md").write_text(post(talk), encoding="utf-8")
    other = conversation(("Host", "A post deleted."), ("Guest", "Its snippet was edited."))
    (tmp_path / "_posts" / "2024-01-01-edited.md").write_text(post(other), encoding="utf-8")
    (tmp_path / "faq.json").write_text('[{"speaker": "A", "line": "A dialogue file."}]', encoding="utf-8")
    assert main(["render", "faq.json", "--out", "out"]) == 0
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main(render) == 0
    assert "no longer made" not in capsys.readouterr().err
    out = tmp_path / "out"
    old = {path.name for path in out.glob("2024-01-01-old-1.*")}
    assert old == {"2024-01-01-old-1.mp3", "2024-01-01-old-1.json", "2024-01-01-old-1.vtt", "2024-01-01-old-1.html"}
    (out / "2024-01-01-edited-1.html").write_text("<p>my own</p>\n", encoding="utf-8")
    # the cache's entries last used two hours ago: the next run marks them used, which moves the times of their
    # hard links in --out (the timings), as a rename an hour or more after the last run does
    for entry in (tmp_path / ".cache" / "plugin" / "convaudio" / "conversations").rglob("*"):
        if entry.is_file():
            when = entry.stat().st_mtime_ns - 7_200 * 10**9
            os.utime(entry, ns=(when, when))
    (tmp_path / "_posts" / "2024-01-01-old.md").rename(tmp_path / "_posts" / "2024-01-02-new.md")
    (tmp_path / "_posts" / "2024-01-01-edited.md").unlink()
    assert main(render) == 0
    captured = capsys.readouterr()
    assert (
        "removed from out the files of 1 conversation an earlier run like this one wrote and this one no longer "
        "makes (2024-01-01-old-1: " in captured.err
    ), captured.err
    assert "1 conversation in out is no longer made by this run (2024-01-01-edited-1: " in captured.err, captured.err
    assert "faq" not in captured.err and captured.out.endswith("0 warnings\n"), captured
    assert not list(out.glob("2024-01-01-old-1.*"))
    assert len(list(out.glob("2024-01-01-edited-1.*"))) == 4  # one changed: none removed
    assert {path.name for path in out.glob("faq.*")} == {"faq.mp3", "faq.json", "faq.vtt"}
    samples, rate = decode(out / "2024-01-02-new-1.mp3")
    assert len(samples) / rate > 1.0
    assert main(render) == 0  # nothing more to remove
    assert "removed from" not in capsys.readouterr().err


def test_render_runs_of_two_trigger_keys_into_one_out_keep_each_other_s_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two configs of one blog, one rendering `audio: true` posts and one `podcast: true` posts, into one `--out`:
    each run took the other's files for those of posts it no longer makes, and removed them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = conversation(("Host", "A post with audio."), ("Guest", "Yes."))
    (tmp_path / "_posts" / "2024-01-01-talk.md").write_text(post(talk), encoding="utf-8")
    show = conversation(("Host", "A podcast episode."), ("Guest", "Indeed."))
    (tmp_path / "_posts" / "2024-01-02-show.md").write_text(post(show, audio=False, podcast=True), encoding="utf-8")
    (tmp_path / "audio.toml").write_text('trigger_key = "audio"\n', encoding="utf-8")
    (tmp_path / "podcast.toml").write_text('trigger_key = "podcast"\n', encoding="utf-8")
    runs = {
        name: ["render", "--posts", "_posts", "--out", "out", "--strict", "--toml", f"{name}.toml"]
        for name in ("audio", "podcast")
    }
    assert main(runs["audio"]) == 0
    for name in ("podcast", "audio", "podcast"):
        assert main(runs[name]) == 0
        err = capsys.readouterr().err
        assert "removed from" not in err, err
        assert (tmp_path / "out" / "2024-01-01-talk-1.mp3").is_file(), name
        assert (tmp_path / "out" / "2024-01-02-show-1.mp3").is_file(), name
    (tmp_path / "_posts" / "2024-01-02-show.md").rename(tmp_path / "_posts" / "2024-01-03-show.md")
    assert main(runs["podcast"]) == 0  # its own renamed post's files still go
    assert "removed from out the files of 1 conversation" in capsys.readouterr().err
    assert not list((tmp_path / "out").glob("2024-01-02-show-1.*"))
    assert (tmp_path / "out" / "2024-01-01-talk-1.mp3").is_file()


def test_render_removes_the_files_of_a_dialogue_file_given_by_name_once_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render old.json`, then the file renamed and `render new.json`: the run was another "run like this one"
    (its owner was the files given), so old.json's files were only named, and stayed published. A dialogue-file
    run removes those an earlier one wrote of files given by name that are no longer there, in a folder it was
    given a file of; another file's, still there, stay."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.json").write_text('[{"speaker": "A", "line": "Renamed."}]', encoding="utf-8")
    (tmp_path / "other.json").write_text('[{"speaker": "A", "line": "Rendered alone."}]', encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "gone.json").write_text('[{"speaker": "A", "line": "Deleted."}]', encoding="utf-8")
    assert main(["render", "old.json", "--out", "out"]) == 0
    assert main(["render", "other.json", "--out", "out"]) == 0
    assert main(["render", "elsewhere/gone.json", "--out", "out"]) == 0
    (tmp_path / "old.json").rename(tmp_path / "new.json")
    (tmp_path / "elsewhere" / "gone.json").unlink()
    capsys.readouterr()
    assert main(["render", "new.json", "--out", "out", "--strict"]) == 0
    err = capsys.readouterr().err
    assert "removed from out the files of 1 conversation an earlier run like this one wrote" in err, err
    assert "(old: " in err, err
    out = tmp_path / "out"
    assert not list(out.glob("old.*"))
    assert {path.name for path in out.glob("other.*")} == {"other.mp3", "other.json", "other.vtt"}
    assert {path.name for path in out.glob("gone.*")} == {"gone.mp3", "gone.json", "gone.vtt"}  # another folder's
    assert (out / "new.mp3").is_file()


def test_render_waits_for_another_run_s_hold_on_the_outputs_record_before_removing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs into one `--out`: each read the outputs record and removed files without its lock, taking it only
    to write the record, so one could remove a file the other was recording. A run now holds the record's lock
    from its reading to its writing: while another run holds it, nothing is removed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = conversation(("Host", "A post renamed."), ("Guest", "Its files go."))
    (tmp_path / "_posts" / "2024-01-01-old.md").write_text(post(talk), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out"]
    assert main(render) == 0
    (tmp_path / "_posts" / "2024-01-01-old.md").rename(tmp_path / "_posts" / "2024-01-02-new.md")
    lock_path = CacheLocks(tmp_path / ".cache" / "plugin" / "convaudio").key_path("outputs")
    waiting = threading.Event()

    class Waiting(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "Attempting to acquire" in record.getMessage() and str(lock_path) in record.getMessage():
                waiting.set()

    handler = Waiting(logging.DEBUG)
    filelock_log = logging.getLogger("filelock")
    level = filelock_log.level
    filelock_log.setLevel(logging.DEBUG)
    statuses: list[int] = []
    try:
        with filelock.FileLock(lock_path, thread_local=False):  # the other run
            filelock_log.addHandler(handler)  # from here, an attempt is the run's
            run = threading.Thread(target=lambda: statuses.append(main(render)))
            run.start()
            assert waiting.wait(120), "the run never waited for the record's lock"
            assert (tmp_path / "out" / "2024-01-01-old-1.mp3").is_file()  # nothing removed while another holds it
        run.join(120)
    finally:
        filelock_log.removeHandler(handler)
        filelock_log.setLevel(level)
    assert statuses == [0]
    assert "removed from out the files of 1 conversation" in capsys.readouterr().err
    assert not list((tmp_path / "out").glob("2024-01-01-old-1.*"))


def test_render_without_drafts_removes_the_files_a_draft_rendered_with_drafts_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft rendered once with `--drafts` (to hear it) is left out of the next run without it: its MP3 stayed
    in `--out`, unsaid, for the blog to publish beside the posts, though Hugo and Jekyll leave the draft out. The
    run removes the files the `--drafts` run wrote, and those of a post deleted; `--drafts` makes them again."""
    monkeypatch.chdir(tmp_path)
    for folder in ("_posts", "_drafts"):
        (tmp_path / folder).mkdir()
    talk = conversation(("Host", "A published post."), ("Guest", "Yes."))
    (tmp_path / "_posts" / "2024-01-01-kept.md").write_text(post(talk), encoding="utf-8")
    (tmp_path / "_posts" / "2024-01-02-gone.md").write_text(post(talk), encoding="utf-8")
    (tmp_path / "_drafts" / "soon.md").write_text(post(conversation(("Host", "A draft."), ("Guest", "Soon."))))
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main([*render, "--drafts"]) == 0
    assert (tmp_path / "out" / "soon-1.mp3").is_file()
    (tmp_path / "_posts" / "2024-01-02-gone.md").unlink()
    capsys.readouterr()
    assert main(render) == 0
    err = capsys.readouterr().err
    assert "1 draft with audio left out (_drafts/soon.md)" in err, err
    assert "files of 2 conversations an earlier run like this one wrote and this one no longer makes (" in err, err
    assert "2024-01-02-gone-1, soon-1: " in err and "no longer made by" not in err, err
    assert not list((tmp_path / "out").glob("soon-1.*")) and not list((tmp_path / "out").glob("2024-01-02-*"))
    assert (tmp_path / "out" / "2024-01-01-kept-1.mp3").is_file()
    assert main([*render, "--drafts"]) == 0
    assert "lines: 0 synthesized" in capsys.readouterr().out  # its audio kept in the cache
    assert (tmp_path / "out" / "soon-1.mp3").is_file()


def test_render_of_the_posts_folder_without_drafts_passes_strict_whatever_the_drafts_beside_it_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--posts _posts --strict` read no post of the `_drafts/` beside it; now that it counts the drafts it leaves
    out, a draft's `audio: "true"` was a warning, and a CI run that passed failed for a post it does not render
    (review r-render3). With `--drafts` the warning is given, as for any post rendered."""
    monkeypatch.chdir(tmp_path)
    for folder in ("_posts", "_drafts"):
        (tmp_path / folder).mkdir()
    talk = conversation(("Host", "A published post."), ("Guest", "Yes."))
    (tmp_path / "_posts" / "2024-01-01-out.md").write_text(post(talk), encoding="utf-8")
    nearly = '---\naudio: "true"\n---\n\n' + conversation(("Host", "Nearly on."), ("Guest", "Not quite."))
    (tmp_path / "_drafts" / "nearly.md").write_text(nearly, encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    assert "nearly.md" not in capsys.readouterr().err
    assert main([*render, "--drafts"]) == 1
    assert "_drafts/nearly.md:2: `audio: 'true'` is text, so audio is off" in capsys.readouterr().err


def test_render_names_the_front_matter_line_of_a_utf16_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UTF-16 post is read by its byte order mark, but the line its warnings name was looked for in it read as
    UTF-8, which failed: `audio: "true"` on line 3 was named at line 1 (review r-render3)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    nearly = '---\ntitle: Wide\naudio: "true"\n---\n\n' + conversation(("Host", "Nearly on."), ("Guest", "No."))
    (tmp_path / "_posts" / "wide.md").write_bytes(nearly.encode("utf-16"))
    assert main(["render", "--posts", "_posts", "--out", "out"]) == 0
    assert "_posts/wide.md:3: `audio: 'true'` is text, so audio is off" in capsys.readouterr().err


def test_render_publishes_a_json_chapters_file_beside_the_mp3_of_a_conversation_with_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Jekyll or Hugo blog's feed links chapters as the plugin's does: `render` writes `<name>.chapters.json`
    (Podcasting 2.0) beside the MP3 and its captions, with the MP3's ID3 chapters; none without sections."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    turns = [
        {"speaker": "Host", "line": "Welcome.", "section": "Hello"},
        {"speaker": "Guest", "line": "Thanks."},
        {"speaker": "Host", "line": "On to the news.", "section": "News"},
    ]
    (tmp_path / "_posts" / "parts.md").write_text(post(f"```json\n{json.dumps(turns)}\n```\n"), encoding="utf-8")
    plain = conversation(("Host", "No sections here."), ("Guest", "None."))
    (tmp_path / "_posts" / "plain.md").write_text(post(plain), encoding="utf-8")
    assert main(["render", "--posts", "_posts", "--out", "out", "--strict"]) == 0
    # 2 × (MP3, timings, captions, snippet), the chapters file, the head snippet (the assets are not counted)
    assert "; 10 files in out;" in capsys.readouterr().out
    out = tmp_path / "out"
    frames = sorted(ID3(out / "parts-1.mp3").getall("CHAP"), key=lambda frame: frame.start_time)  # type: ignore[no-untyped-call]
    data = json.loads((out / "parts-1.chapters.json").read_text(encoding="utf-8"))
    assert [(round(chapter["startTime"] * 1000), chapter["title"]) for chapter in data["chapters"]] == [
        (frame.start_time, frame.sub_frames["TIT2"].text[0]) for frame in frames
    ]
    assert [chapter["title"] for chapter in data["chapters"]] == ["Hello", "News"]
    assert (out / "parts-1.vtt").is_file() and not (out / "plain-1.chapters.json").exists()


def test_terminate_while_render_writes_its_output_stops_it_as_ctrl_c_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGTERM (a CI job cancelled, `timeout`, `docker stop`) was taken as Ctrl-C only while lines were synthesized:
    while `render` wrote its output folder it killed the process, which left temporary files in Hugo's `static/`
    (2 of 14 runs stopped at random moments, bug bash h-render). It stops the run there as Ctrl-C does: one line,
    status 130, no temporary file, and the next run goes on with nothing paid again. SIGTERM comes once the first
    file is published; were it still fatal there, the test says so rather than kill pytest."""
    import signal

    from mkdocs_convaudio import build
    from mkdocs_convaudio.store.files import publish

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    for name in ("one", "two", "three"):
        text = conversation(("Maya", f"Post {name}, first line."), ("Leo", f"Post {name}, second line."))
        (tmp_path / "content" / "posts" / f"{name}.md").write_text(post(text), encoding="utf-8")
    argv = ["render", "--posts", "content", "--out", "static/conversations", "--url-prefix", "/conversations/"]
    published: list[Path] = []

    def publish_then_terminate(source: Path, target: Path) -> None:
        publish(source, target)
        published.append(target)
        if len(published) == 1:
            handler = signal.getsignal(signal.SIGTERM)
            assert handler not in (signal.SIG_DFL, None), "SIGTERM would kill the run while it writes --out"
            signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(build, "publish", publish_then_terminate)
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert "stopped; what was made so far is kept" in err and "Traceback" not in err, err
    assert published and not list(tmp_path.rglob("*.tmp"))
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the command leaves the process as it found it
    monkeypatch.setattr(build, "publish", publish)
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 conversations, 6 lines: 0 synthesized (0 characters), 6 from cache"), out


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("content/posts/talk.md", "content/posts/causerie.fr.md"),  # Hugo's filename translation, its own name
        ("content/posts/talk.md", "content/posts/causerie.md"),  # its own name, `lang: fr`
        ("content/en/posts/talk.md", "content/fr/posts/causerie.md"),  # Hugo's content folder per language
        ("content/posts/talk.md", "content/fr/posts/causerie.md"),  # a language's folder beside the blog's posts
    ],
)
def test_render_gives_posts_sharing_hugo_s_translation_key_the_same_voices(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    original: str,
    translation: str,
) -> None:
    """Hugo's `translationKey` makes two posts of other names translations of each other; only our
    `translation_of:` did: each post had its own voice-map entry, so a speaker the translation names otherwise
    (`Thomas` for `Tom`) got a voice of their own, a voice changed in the original's entry was not heard in the
    translation, and `causerie.fr.md` (French by Hugo's rules) was spoken in English. The translation uses its
    original's entry, speaks in its language, with the original speakers' voices."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    english = conversation(("Maya", "What does a cache do?"), ("Tom", "It keeps answers."))
    french = conversation(("Maya", "Que fait un cache ?"), ("Thomas", "Il garde les réponses."))
    lang = "" if translation.endswith(".fr.md") or "/fr/" in translation else 'lang = "fr"\n'
    for name, body, extra in ((original, english, ""), (translation, french, lang)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        key = "translationKey" if name == original else "TranslationKey"  # Hugo reads its keys in any case
        front = f'+++\ntitle = "Cache"\naudio = true\n{key} = "cache"\n{extra}+++\n\n'
        (tmp_path / name).write_text(front + body, encoding="utf-8")
    # a `translationKey` under `[params]` is a field of the author's own: Hugo pairs nothing by it
    other = Path(original).parent / "other.md"
    (tmp_path / other).write_text(
        '+++\naudio = true\n[params]\ntranslationKey = "cache"\n+++\n\n' + conversation(("Ann", "Hi there.")),
        encoding="utf-8",
    )
    render = ["render", "--posts", "content", "--out", "static/talks", "--url-prefix", "/talks/", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    voice_map = yaml.safe_load((tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert sorted(voice_map["espeak"]) == sorted([original, other.as_posix()]), voice_map
    voices = voice_map["espeak"][original]
    out = tmp_path / "static" / "talks"
    below = Path(translation).relative_to("content").with_suffix("").as_posix()
    timings = json.loads((out / f"{below}-1.json").read_text(encoding="utf-8"))
    assert timings["language"] == "fr", timings
    assert timings["voices"] == {"Maya": f"fr+{voices['Maya']}", "Thomas": f"fr+{voices['Tom']}"}, timings

    # a voice changed in the original's entry is heard in the translation too
    voice_map["espeak"][original]["Maya"] = "f4" if voices["Maya"] != "f4" else "f3"
    (tmp_path / "convaudio-voices.yml").write_text(yaml.safe_dump(voice_map), encoding="utf-8")
    assert main(render) == 0, capsys.readouterr().err
    timings = json.loads((out / f"{below}-1.json").read_text(encoding="utf-8"))
    assert timings["voices"]["Maya"] == f"fr+{voice_map['espeak'][original]['Maya']}", timings
    # so is a voice changed for the speaker the translation names otherwise: Thomas is Tom (he kept Tom's first
    # voice, written under his own name into the entry, review r-render4)
    voice_map["espeak"][original]["Tom"] = "m6" if voices["Tom"] != "m6" else "m5"
    (tmp_path / "convaudio-voices.yml").write_text(yaml.safe_dump(voice_map), encoding="utf-8")
    assert main(render) == 0, capsys.readouterr().err
    timings = json.loads((out / f"{below}-1.json").read_text(encoding="utf-8"))
    assert timings["voices"]["Thomas"] == f"fr+{voice_map['espeak'][original]['Tom']}", timings


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("content/posts/talk.md", "content/posts/causerie.fr.md"),  # Hugo's filename translation, its own name
        ("content/en/posts/talk.md", "content/fr/posts/causerie.md"),  # Hugo's content folder per language
    ],
)
def test_render_says_when_a_translation_key_s_translation_leaves_voices_chosen_in_its_own_entry(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    original: str,
    translation: str,
) -> None:
    """A blog rendered before `render` read Hugo's `translationKey` has a voice-map entry for each translation,
    named by its path, where its author may have chosen a voice (`Thomas: m7`). The translation now speaks in its
    original's entry: after upgrading Thomas spoke in Tom's voice without a word (review r-render4). The run says so
    at INFO (`--strict` passes), once, naming the file, both entries and what to do; not once the author did it,
    nor for an entry whose voices agree with the original's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    english = conversation(("Maya", "What does a cache do?"), ("Tom", "It keeps answers."))
    french = conversation(("Maya", "Que fait un cache ?"), ("Thomas", "Il garde les réponses."))
    for name, body in ((original, english), (translation, french)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        front = '+++\ntitle = "Cache"\naudio = true\ntranslationKey = "cache"\n+++\n\n'
        (tmp_path / name).write_text(front + body, encoding="utf-8")
    voices = tmp_path / "convaudio-voices.yml"
    # as the previous version wrote it (an entry per post, by its path), with the author's choice for Thomas
    old = {"espeak": {original: {"Maya": "f2", "Tom": "m3"}, translation: {"Maya": "f2", "Thomas": "m7"}}}
    voices.write_text(yaml.safe_dump(old), encoding="utf-8")
    render = ["render", "--posts", "content", "--out", "static/talks", "--url-prefix", "/talks/", "--strict"]
    said = (
        f"voice map: {translation} speaks in the voices of its original's entry {original} in "
        f"convaudio-voices.yml (Thomas: m3), no longer in those of its own entry {translation} (Thomas: m7), which "
        f"nothing uses now: to keep a voice you chose there, copy its line (such as `Thomas: m7`) into the entry "
        f"{original} (a speaker both posts name alike then changes in both), then delete the entry {translation}\n"
    )
    for _ in range(2):  # every run, until the author moves or deletes the entry
        assert main(render) == 0
        err = capsys.readouterr().err
        assert err.count(said) == 1, err
        assert "warning" not in err, err
    below = Path(translation).relative_to("content").with_suffix("").as_posix()
    timings = tmp_path / "static" / "talks" / f"{below}-1.json"
    assert json.loads(timings.read_text(encoding="utf-8"))["voices"]["Thomas"] == "fr+m3"

    # done as said: Thomas's voice copied into the original's entry, the old entry deleted
    table = yaml.safe_load(voices.read_text(encoding="utf-8"))
    table["espeak"][original]["Thomas"] = table["espeak"].pop(translation)["Thomas"]
    voices.write_text(yaml.safe_dump(table), encoding="utf-8")
    assert main(render) == 0
    assert "no longer in those of its own entry" not in capsys.readouterr().err
    assert json.loads(timings.read_text(encoding="utf-8"))["voices"]["Thomas"] == "fr+m7"
    # an entry of its own that agrees with the voices it now gets: nothing to say
    table["espeak"][translation] = {"Maya": "f2", "Thomas": "m7"}
    voices.write_text(yaml.safe_dump(table), encoding="utf-8")
    assert main(render) == 0
    assert "no longer in those of its own entry" not in capsys.readouterr().err


def test_render_warns_at_a_line_linking_a_markdown_source_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line's `[the other post](other.md)` is kept as written in the snippet (render does not know the
    generator's URLs), where a reader following it gets a 404 or the raw Markdown; it was said nowhere. The run
    warns at the line (in the post, or in the dialogue file it links), naming the target; `--strict` fails on it.
    Links to published URLs, and `.md` files named as words, are not warned of."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = conversation(
        ("Host", "See [the other post](2024-01-01-other.md#setup) first."),
        ("Guest", "Or [the published one](/2024/01/01/other/), and the README.md file."),
    )
    (tmp_path / "_posts" / "2024-02-01-talk.md").write_text(post(talk, title="Talk"), encoding="utf-8")
    dialogue = [{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Read [this](../_posts/x.markdown)."}]
    (tmp_path / "ep.json").write_text(json.dumps(dialogue, indent=1), encoding="utf-8")
    (tmp_path / "_posts" / "2024-02-02-ep.md").write_text(post("[Listen](/ep.json)\n"), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out"]
    assert main([*render, "--strict"]) == 1
    captured = capsys.readouterr()
    # the turn's line, as the post's file numbers it: 4 of front matter, a blank line, the fence, `[`, then `{`
    assert (
        "warning: _posts/2024-02-01-talk.md:8: this line links 2024-01-01-other.md#setup, a Markdown source "
        "file, which the snippet keeps as written and a reader cannot follow" in captured.err
    ), captured.err
    assert "warning: ep.json:6: this line links ../_posts/x.markdown, a Markdown source file" in captured.err
    assert captured.err.count("this line links") == 2 and "2 warnings" in captured.out, captured
    assert main(render) == 0  # rendered, the links kept as written
    html = (tmp_path / "out" / "2024-02-01-talk-1.html").read_text(encoding="utf-8")
    assert 'href="2024-01-01-other.md#setup"' in html


def test_render_into_a_symlinked_out_keeps_the_snippets_of_the_posts_it_still_makes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out static/talks`, a symbolic link to the folder another run names by its real path: the outputs record
    named the snippets `../talks/x.html` (a path from the link's target), so a run by the other name took them for
    a conversation it no longer makes and removed the snippet of a post it had just rendered (review r-render4).
    Each name is recorded below `--out`; a post renamed still has its files removed, the others' stay."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "real").mkdir()
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "talks").symlink_to(tmp_path / "real", target_is_directory=True)
    for name in ("2024-01-01-kept", "2024-01-02-old"):
        talk = conversation(("Host", f"The post {name}."), ("Guest", "Yes."))
        (tmp_path / "_posts" / f"{name}.md").write_text(post(talk), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--url-prefix", "/talks/", "--strict"]
    assert main([*render, "--out", "static/talks"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    (tmp_path / "_posts" / "2024-01-02-old.md").rename(tmp_path / "_posts" / "2024-01-03-new.md")
    assert main([*render, "--out", str(tmp_path / "real")]) == 0
    err = capsys.readouterr().err
    assert "of 1 conversation an earlier run like this one wrote and this one no longer makes (2024-01-02-old-1:" in (
        err
    ), err
    files = {path.name for path in (tmp_path / "real").iterdir()}
    assert {"2024-01-01-kept-1.html", "2024-01-01-kept-1.mp3", "2024-01-03-new-1.html"} <= files, files
    assert not {name for name in files if name.startswith("2024-01-02-old")}, files
    assert main([*render, "--out", "static/talks"]) == 0  # and back: nothing more to remove
    assert "removed from" not in capsys.readouterr().err
    assert {path.name for path in (tmp_path / "real").iterdir()} == files


def test_render_keeps_a_deleted_post_s_files_when_one_was_changed_in_place_keeping_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The timings in `--out` (and an MP3 without tags) are hard links of the cache's entry: a file changed in
    place through that name (an editor keeps a file's hard links, as vim does, or `cp` onto it) still shares the
    entry's inode, and when its size stayed the same the run took it for its own and removed it with its post's
    other files (review r-render4). Such a file counts as the run's only while the entry is as made (its checksum
    record), as a video already did: the conversation stays, and is named."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    for name in ("2024-01-01-kept", "2024-01-02-gone"):
        talk = conversation(("Host", f"Hello from {name}."), ("Guest", "Hi."))
        (tmp_path / "_posts" / f"{name}.md").write_text(post(talk), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    timings = tmp_path / "out" / "2024-01-02-gone-1.json"
    assert timings.stat().st_nlink == 2  # a hard link of the cache's entry
    text = timings.read_text(encoding="utf-8")
    edited = text.replace("Hello from", "Howdy from")
    assert len(edited) == len(text) and edited != text
    with timings.open("r+", encoding="utf-8") as handle:  # in place: the inode, and its size, kept
        handle.write(edited)
    (tmp_path / "_posts" / "2024-01-02-gone.md").unlink()
    capsys.readouterr()
    assert main(render) == 0
    err = capsys.readouterr().err
    assert "removed from" not in err and "no longer made by this run (2024-01-02-gone-1: " in err, err
    assert timings.read_text(encoding="utf-8") == edited
    assert len(list((tmp_path / "out").glob("2024-01-02-gone-1.*"))) == 4


def test_render_keeps_apart_posts_of_one_language_sharing_a_translation_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo pairs pages of a `translationKey` across languages only: two English posts of two sections with the
    same key (`translationKey = 1` in one, `"1"` in the other, which Hugo reads alike) are no translation of each
    other. One was made the other's translation (review r-render4): it used the other's voice-map entry, its
    speakers paired with the other's ("Bob speaks as Ben"). Each keeps an entry of its own."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    for name, key, speaker in (("content/posts/talk.md", "1", "Bob"), ("content/notes/memo.md", '"1"', "Ben")):
        (tmp_path / name).parent.mkdir(parents=True)
        talk = conversation(("Ann", f"This is {name}."), (speaker, "It is."))
        (tmp_path / name).write_text(f"+++\naudio = true\ntranslationKey = {key}\n+++\n\n{talk}", encoding="utf-8")
    render = ["render", "--posts", "content", "--out", "static/talks", "--url-prefix", "/talks/", "--strict"]
    assert main(render) == 0, capsys.readouterr().err
    assert "a translation of" not in capsys.readouterr().err
    voice_map = yaml.safe_load((tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert voice_map["espeak"] == {
        "content/notes/memo.md": {"Ann": "f2", "Ben": "m3"},
        "content/posts/talk.md": {"Ann": "f2", "Bob": "m3"},
    }, voice_map


def test_render_that_leaves_a_conversation_out_removes_no_file_from_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that leaves a conversation out (its JSON broken mid-edit) does not know what the blog still makes: it
    removes nothing, not even a renamed post's files, and names them; the next complete run removes them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    for name in ("2024-01-01-broken", "2024-01-02-old"):
        talk = conversation(("Host", f"The post {name}."), ("Guest", "Yes."))
        (tmp_path / "_posts" / f"{name}.md").write_text(post(talk), encoding="utf-8")
    render = ["render", "--posts", "_posts", "--out", "out"]
    assert main(render) == 0, capsys.readouterr().err
    broken = tmp_path / "_posts" / "2024-01-01-broken.md"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace('"Yes."', '"Yes." oops'), encoding="utf-8")
    (tmp_path / "_posts" / "2024-01-02-old.md").rename(tmp_path / "_posts" / "2024-01-03-new.md")
    capsys.readouterr()
    assert main(render) == 0
    err = capsys.readouterr().err
    assert "was skipped" in err and "removed from" not in err, err
    assert "2 conversations in out are no longer made by this run (2024-01-01-broken-1, 2024-01-02-old-1" in err, err
    assert len(list((tmp_path / "out").glob("2024-01-01-broken-1.*"))) == 4
    assert len(list((tmp_path / "out").glob("2024-01-02-old-1.*"))) == 4
    broken.write_text(text, encoding="utf-8")
    assert main(render) == 0
    assert "removed from out the files of 1 conversation" in capsys.readouterr().err
    assert not list((tmp_path / "out").glob("2024-01-02-old-1.*"))
    assert len(list((tmp_path / "out").glob("2024-01-01-broken-1.*"))) == 4
