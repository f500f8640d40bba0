"""Review 3 of the warm rebuild: what a warm build must never get wrong."""

from __future__ import annotations

import shutil

from tests.sites import Site
from tests.test_warm_memos import cache_dir, settle, warm_site

ONE = "assets/convaudio/one-1.mp3"


def test_a_plan_memo_older_than_the_page_memo_never_gives_another_plan(site: Site) -> None:
    """The page memo and the plan memo are two files: a build stopped between saving one and the other (or two
    builds saving at once) can leave a plan made with other voices beside a page record that checks. A replayed
    conversation whose job is then needed gets the plan that matches its key, not the older one."""
    warm_site(site)
    plans = cache_dir(site) / "plans-memo.json"
    older = plans.read_bytes()  # one.md planned with speaker A in voice m3
    voices = site.root / "convaudio-voices.yml"
    voices.write_text(voices.read_text().replace("one.md:\n    A: m3", "one.md:\n    A: m7"))
    site.build()  # one.md planned again (A: m7); both memos saved
    settle(site)
    site.build()
    plans.write_bytes(older)  # the page memo of the last build, the plan memo of the first
    key = site.plugin.session.placed[ONE].key
    for path in site.plugin.session.cache.conversation_paths(key):
        path.unlink()  # its conversation must be assembled again: its job is read
    site.build()
    assert site.plugin.session.placed[ONE].job.key == key
    assert site.timings(site.site / ONE)["voices"]["A"].endswith("m7")
    warm = (site.site / ONE).read_bytes()
    shutil.rmtree(site.site)
    for memo in cache_dir(site).glob("*-memo.json"):
        memo.unlink()
    site.build()
    assert (site.site / ONE).read_bytes() == warm, "the warm build published audio of another plan"


def test_a_conversation_planned_again_for_voices_edited_during_the_build_keeps_its_production(site: Site) -> None:
    """When the voice map changed on disk during the build (the file wins), each conversation is planned again
    with its voices: with its page's production too (its intro), not as a plain talk."""
    from tests.media import tone
    from tests.sites import conversation, post
    from tests.test_warm_memos import VOICE_EDIT_HOOK

    (site.root / "media").mkdir()
    tone(site.root / "media" / "intro.wav", 2.0, 880.0)
    site.plugin_options.update(intro="media/intro.wav")
    warm_site(site)
    assert site.timings(site.site / ONE)["lines"][0]["start"] > 2.0  # after the 2-second intro
    site.write("three.md", post(conversation(("C", "A third talk, and a longer line than before."))))
    (site.root / "hooks.py").write_text(VOICE_EDIT_HOOK)
    site.config["hooks"] = ["hooks.py"]
    site.build()
    after = site.timings(site.site / ONE)
    assert after["voices"]["A"].endswith("m7")
    assert after["lines"][0]["start"] > 2.0, "the intro was dropped"


def test_a_pages_warning_is_said_once_when_its_conversation_is_planned_again(site: Site) -> None:
    """The conversations planned again for voices edited during the build (the file wins) gave their pages'
    warnings a second time (a Chinese line on an English page, said twice, counted twice by `--strict`: docs bug
    bash h-docs2)."""
    from tests.sites import conversation, post
    from tests.test_warm_memos import VOICE_EDIT_HOOK

    warm_site(site)
    site.write("three.md", post(conversation(("C", "Hello 你好世界, and goodbye."))))
    (site.root / "hooks.py").write_text(VOICE_EDIT_HOOK)
    site.config["hooks"] = ["hooks.py"]
    site.build()
    assert site.timings(site.site / ONE)["voices"]["A"].endswith("m7")  # planned again with the file's voice
    said = [warning for warning in site.warnings() if "three.md:" in warning and "written in Han" in warning]
    assert len(said) == 1, site.warnings()
