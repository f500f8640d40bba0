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
