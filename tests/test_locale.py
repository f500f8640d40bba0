"""Builds and commands under a legacy C locale with PYTHONUTF8=0 (some CI images), from a folder whose name is
not ASCII: Python then reads "été" in paths as the surrogates "\\udcc3\\udca9t\\udcc3\\udca9"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_convaudio.store.cache import content_key
from tests.sites import SUMMARY, conversation, post

#: The environment of such a CI image: the C locale, UTF-8 mode off, no PYTHONIOENCODING to rescue the output.
C_LOCALE = {
    **{
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LANGUAGE") and not name.startswith("LC_")
    },
    "LC_ALL": "C",
    "LANG": "C",
    "PYTHONUTF8": "0",
}


def run(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """`python -m ...command` in `folder` under the C locale; its output read as UTF-8 (what it writes for a path
    is the path's bytes, and `\\xeb` for other text)."""
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=folder,
        env=C_LOCALE,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


@pytest.fixture
def c_locale() -> None:
    """Skips a test where Python under the C locale does not decode names and arguments as ASCII."""
    encoding = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"],
        env=C_LOCALE,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if encoding != "ascii":
        pytest.skip(f"this platform does not give Python the C locale's ASCII file names ({encoding})")


@pytest.fixture
def c_locale_checkout(tmp_path: Path, c_locale: None) -> Path:
    """A site checked out in /…/été/site, with a speaker whose name is not ASCII and a podcast feed."""
    root = tmp_path / "été" / "site"
    (root / "docs" / "blog").mkdir(parents=True)
    config = {
        "site_name": "Blog",
        "site_url": "https://example.org/",
        "use_directory_urls": False,
        "plugins": [{"convaudio": {"podcast": {"enabled": True, "image": "https://example.org/c.jpg"}}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    talk = conversation(("Zoë", "Bonjour, ça va ?"), ("Bob", "Very well."))
    text = post("# Café\n\n" + talk, date="2026-05-01", title="Café")
    (root / "docs" / "blog" / "cafe.md").write_text(text, encoding="utf-8")
    return root


def test_a_build_from_a_folder_named_in_utf8_works_under_the_c_locale(c_locale_checkout: Path) -> None:
    """It crashed in content_key ("surrogates not allowed"), then in libsndfile's open of the MP3 it measures; the
    voice map, the feed and the pages are written, a second build takes everything from the cache, and the
    commands that print the site's paths and speakers finish."""
    root = c_locale_checkout
    cold = run(root, "mkdocs", "build")
    assert cold.returncode == 0 and "Traceback" not in cold.stderr, cold.stderr
    summary = SUMMARY.search(cold.stderr)
    assert summary and summary.group(3) == "2", cold.stderr
    assert "Zoë" in (root / "convaudio-voices.yml").read_text(encoding="utf-8")
    assert "<item>" in (root / "site" / "podcast-en.xml").read_text(encoding="utf-8")
    assert "cafe-1.mp3" in (root / "site" / "blog" / "cafe.html").read_text(encoding="utf-8")
    warm = run(root, "mkdocs", "build")
    assert warm.returncode == 0 and "2 lines: 0 synthesized" in warm.stderr, warm.stderr
    for command in (["estimate", "--show-text"], ["estimate"], ["cache", "stats"], ["cache", "verify"]):
        done = run(root, "mkdocs_convaudio.cli", *command)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (command, done.stderr)
    shown = run(root, "mkdocs_convaudio.cli", "estimate", "--show-text").stdout
    assert "Zo\\xeb [cached]" in shown  # written as Python writes it to stderr there
    assert str(root / ".cache") in run(root, "mkdocs_convaudio.cli", "cache", "stats").stdout  # the path's bytes


def test_a_video_whose_title_is_not_ascii_is_made_under_the_c_locale(c_locale_checkout: Path) -> None:
    """ffmpeg was started with the title "Café" in its arguments, which the C locale cannot encode."""
    pytest.importorskip("imageio_ffmpeg")
    pytest.importorskip("PIL")
    page = c_locale_checkout / "docs" / "blog" / "cafe.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "video: true\ntitle:"), encoding="utf-8")
    done = run(c_locale_checkout, "mkdocs", "build")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert (c_locale_checkout / "site" / "assets" / "convaudio" / "blog" / "cafe-1.mp4").stat().st_size > 0


def test_cache_keys_of_paths_read_under_the_c_locale() -> None:
    """Keys of ordinary text are those the previous versions made (a cache stays valid), and a path Python read
    as surrogates gets the key of the same path read under a UTF-8 locale (one cache serves both)."""
    ascii_path = {"text": "Hello there.", "lexicon": "/home/ci/blog/site/lexicon.pls"}
    utf8_path = {"text": "Ça va, Zoë?", "lexicon": "/tmp/blogs/été/site/lexicon.pls"}
    # made by content_key before surrogates were allowed
    assert content_key(ascii_path) == "f13a1fe1c962c658b6a19b49d148b7a5c5a0e7c9570702d8ad3e38d5ff9410cd"
    assert content_key(utf8_path) == "ccd9c5a083b15a9a50ca347c539419a609a65659d9dfe8c4e9b4ab5fd2267e0c"
    as_c_locale_reads_it = b"/tmp/blogs/\xc3\xa9t\xc3\xa9/site/lexicon.pls".decode("ascii", "surrogateescape")
    assert as_c_locale_reads_it != utf8_path["lexicon"]
    assert content_key({**utf8_path, "lexicon": as_c_locale_reads_it}) == content_key(utf8_path)
    assert len(content_key({"text": "\ud800"})) == 64  # a lone surrogate of JSON's own: a key, not a crash


def test_estimate_names_a_page_file_name_the_locale_cannot_encode(c_locale_checkout: Path) -> None:
    """MkDocs itself cannot build a page named `crème.md` under the C locale with PYTHONUTF8=0 (its URL); `estimate`
    showed the traceback. It says what to set instead, in one line (review 148)."""
    root = c_locale_checkout
    (root / "docs" / "blog" / "cafe.md").rename(root / "docs" / "blog" / "crème.md")
    done = run(root, "mkdocs_convaudio.cli", "estimate")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "could not encode a file name" in done.stderr and "PYTHONUTF8=1" in done.stderr, done.stderr


def test_say_reads_the_words_typed_under_the_c_locale(tmp_path: Path, c_locale: None) -> None:
    """Python decodes the arguments and standard input of the C locale as ASCII, each other byte a lone surrogate,
    which the spoken text dropped: `mkdocs-convaudio say "Zoë à 5 km"` printed "Zo 5 kilometers". The words
    are those a UTF-8 locale reads, printed as the command line prints what the terminal cannot encode."""
    typed = "Zoë à 5 km"
    utf8_locale = {**C_LOCALE, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONUTF8": "1"}
    command = [sys.executable, "-m", "mkdocs_convaudio.cli", "say"]
    expected = subprocess.run(
        [*command, typed], cwd=tmp_path, env=utf8_locale, capture_output=True, text=True, check=True
    ).stdout
    assert expected == "Zoë à 5 kilometers\n"
    escaped = expected.encode("ascii", "backslashreplace").decode("ascii")
    argument = run(tmp_path, "mkdocs_convaudio.cli", "say", typed)
    assert argument.returncode == 0 and argument.stdout == escaped, argument.stdout + argument.stderr
    piped = subprocess.run(command, cwd=tmp_path, env=C_LOCALE, input=typed.encode("utf-8"), capture_output=True)
    assert piped.returncode == 0 and piped.stdout.decode("ascii") == escaped, piped.stdout + piped.stderr


def test_words_typed_with_a_stray_byte_keep_their_other_letters() -> None:
    """Standard input under the C locale with one byte that is no UTF-8 (a Latin-1 `ÿ` pasted among UTF-8 text)
    was left undecoded whole: `say` dropped every accent ("Zo 5 kilometers" for "Zoë \\xff 5 km"). What is UTF-8
    is read; the stray byte stays a surrogate, as before; text without surrogates is untouched."""
    from mkdocs_convaudio.utf8 import typed

    assert typed("Zo\udcc3\udcab \udcff 5 km", "ascii") == "Zoë \udcff 5 km"
    assert typed("Zo\udceb", "ascii") == "Zo\udceb"  # Latin-1 bytes alone: as given
    assert typed("Zoë", "ascii") == "Zoë" and typed("Zo\udcc3\udcab", "utf-16") == "Zo\udcc3\udcab"
