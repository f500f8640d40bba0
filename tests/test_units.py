"""The core's pieces on their own: fences, translations, splitting, retries, markup, limiter, MP3 bitrate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from mkdocs_convaudio.audio.assembly import write_mp3
from mkdocs_convaudio.audio.limiter import Limiter, moving_mean, moving_min
from mkdocs_convaudio.audio.loudness import oversampled_peak, oversampled_peaks
from mkdocs_convaudio.errors import EngineError
from mkdocs_convaudio.retry import RetryPolicy, call_with_retries
from mkdocs_convaudio.text.chunking import split_text
from mkdocs_convaudio.text.discover import scan_page
from mkdocs_convaudio.text.lenient_json import loads
from mkdocs_convaudio.text.markdown_scan import scan_fences, scan_links, uncommented
from mkdocs_convaudio.text.spoken.markup import strip_markup
from mkdocs_convaudio.voices.speakers import likely_typo, paired_speakers
from mkdocs_convaudio.voices.translations import Translations, voice_map_key
from tests.reference import integrated_loudness, true_peak_db


def test_fences_nest_and_close_only_on_same_char_and_length() -> None:
    lines = [
        "````md",
        "```json",
        "[]",
        "```",
        "````",
        "~~~ conversation",
        "```",
        "~~~~",
        "``` {.json}",
        "x",
    ]
    blocks = scan_fences(lines)
    assert [(b.start, b.end, b.info) for b in blocks] == [(0, 4, "md"), (5, 7, "conversation"), (8, 9, "json")]
    assert blocks[1].content == "```"


def test_a_comment_opener_in_code_opens_no_comment() -> None:
    """`<!--` in a fenced block or a code span is code: what follows is still read (only real comments hide)."""
    lines = ["```html", "<!-- unclosed", "```", "Use `<!--` to [a](a.json)", "<!-- [b](b.json)", "-->", "[c](c.json)"]
    fences = scan_fences(lines)
    assert [link.target for link in scan_links(lines, fences)] == ["a.json", "c.json"]
    assert uncommented(lines, fences)[1] == set()
    lines = ["<!--", "```json", "[]", "```", "-->", "```json", "[]", "```"]
    assert uncommented(lines, scan_fences(lines))[1] == {1}
    # a `<!--` never closed is text, and so is one in an indented code block: what follows is read (review 67)
    lines = ["You open a comment with <!-- in HTML.", "", "```json", "[]", "```", "[a](a.json)"]
    fences = scan_fences(lines)
    assert uncommented(lines, fences)[1] == set() and [link.target for link in scan_links(lines, fences)] == ["a.json"]
    lines = ["Code:", "", "    <!-- example", "", "```json", "[]", "```", "[a](a.json)", "", "An arrow --> here."]
    fences = scan_fences(lines)
    assert uncommented(lines, fences)[1] == set() and [link.target for link in scan_links(lines, fences)] == ["a.json"]


def test_links_outside_code_only() -> None:
    lines = ["[a](x.json) and `[b](y.json)`", "```", "[c](z.json)", "```", "![img](w.json)", "text [d](v.json)", "more"]
    links = scan_links(lines, scan_fences(lines))
    assert [(link.target, link.alone_on_line, link.paragraph_end) for link in links] == [
        ("x.json", False, 0),
        ("v.json", False, 6),
    ]


def test_a_link_s_paragraph_starts_below_a_heading_a_comment_or_a_blank_line() -> None:
    """Where the markers of a link on a paragraph's later line are looked for: above the paragraph's first line; a
    setext heading's underline or a thematic break ends the block above (review r-site4: a marker above `Title` /
    `=====` marked the link below the heading)."""
    lines = ["# Title", "Intro,", "[a](x.json)", "", "<!-- c -->", "Text", "more [b](y.json)", "## Part", "[c](z.json)"]
    lines += ["Title", "=====", "[d](d.json)", "Part", "---", "[e](e.json)", "***", "[f](f.json)"]
    lines += ["Text", "- - -", "[g](g.json)"]  # a thematic break of spaced dashes (review r2-site4)
    assert [(link.target, link.paragraph_start) for link in scan_links(lines, scan_fences(lines))] == [
        ("x.json", 1),
        ("y.json", 5),
        ("z.json", 8),
        ("d.json", 11),
        ("e.json", 14),
        ("f.json", 16),
        ("g.json", 19),
    ]


@pytest.mark.parametrize(
    ("path", "lang", "siblings", "translation_of", "key"),
    [
        ("blog/talk-fr.md", "fr", {"blog/talk-en.md", "blog/talk-fr.md"}, None, "blog/talk.md"),
        ("blog/talk-en.md", "en", {"blog/talk-en.md", "blog/talk-fr.md"}, None, "blog/talk.md"),
        ("blog/talk-fr.md", "fr", {"blog/talk-fr.md"}, None, "blog/talk-fr.md"),  # no sibling: not a translation
        ("blog/well-known.md", "en", {"blog/well-known.md", "blog/well-fr.md"}, None, "blog/well-known.md"),
        ("post.fr.md", "fr", {"post.md", "post.fr.md"}, None, "post.md"),
        ("other.md", "fr", {"talk-en.md", "talk-fr.md"}, "talk-en.md", "talk.md"),
        # one folder per language, anywhere in the path, with or without a name suffix
        ("posts/fr/talk-fr.md", "fr", {"posts/en/talk-en.md", "posts/fr/talk-fr.md"}, None, "posts/talk.md"),
        ("posts/en/talk-en.md", "en", {"posts/en/talk-en.md", "posts/fr/talk-fr.md"}, None, "posts/talk.md"),
        ("fr/talk.md", "fr", {"en/talk.md", "fr/talk.md"}, None, "talk.md"),
        ("_posts/hant/a-hant.md", "zh-Hant", {"_posts/en/a-en.md", "_posts/hant/a-hant.md"}, None, "_posts/a.md"),
        ("blog/pt-BR/a.md", "pt-br", {"blog/en/a.md", "blog/pt-BR/a.md"}, None, "blog/a.md"),
        ("posts/en/talk-en.md", "en", {"posts/en/talk-en.md"}, None, "posts/en/talk-en.md"),  # alone
        ("en/guide.md", "en", {"en/guide.md", "api/guide.md"}, None, "en/guide.md"),  # `api` is no language
        ("api/guide.md", "en", {"fr/guide.md", "api/guide.md"}, None, "api/guide.md"),
        ("x.md", "fr", {"posts/en/t-en.md", "posts/fr/t-fr.md", "x.md"}, "posts/fr/t-fr.md", "posts/t.md"),
        # a name that ends like its folder's language is the post's own name in every language (bug bash h-i18n)
        ("it/posts/ship-it.md", "it", {"en/posts/ship-it.md", "it/posts/ship-it.md"}, None, "posts/ship-it.md"),
        ("en/posts/ship-it.md", "en", {"en/posts/ship-it.md", "it/posts/ship-it.md"}, None, "posts/ship-it.md"),
    ],
)
def test_voice_map_keys(path: str, lang: str, siblings: set[str], translation_of: str | None, key: str) -> None:
    assert voice_map_key(path, lang, siblings, translation_of) == key


def test_language_from_path_only_when_translations_pair() -> None:
    pages = Translations(["_posts/en/a-en.md", "_posts/fr/a-fr.md", "_posts/de/solo-de.md", "en/b.md", "es/b.md"])
    assert [pages.path_language(p) for p in ("_posts/fr/a-fr.md", "_posts/de/solo-de.md", "es/b.md")] == [
        "fr",
        None,
        "es",
    ]
    # `ja/trip-ja.md`: the folder names the language, and the name ends with it in every language (bug bash h-i18n)
    slugs = Translations(["en/trip-ja.md", "ja/trip-ja.md", "fr/trip-ja.md", "_posts/fr/b-fr.md", "_posts/b.md"])
    assert [slugs.path_language(p) for p in ("ja/trip-ja.md", "en/trip-ja.md", "_posts/fr/b-fr.md")] == [
        "ja",
        "en",
        "fr",
    ]
    assert slugs.key("ja/trip-ja.md", None) == "trip-ja.md" and slugs.key("_posts/fr/b-fr.md", None) == "_posts/b.md"


def test_a_sections_index_page_takes_no_language_from_its_folder_alone() -> None:
    """Every folder has an index page, so the one at the top is no sign that `ml/index.md`, in a section with pages
    of its own, translates it."""
    pages = Translations(
        [
            "index.md",
            "ml/index.md",
            "ml/regression.md",
            "guide/README.md",
            "guide/it/README.md",
            "guide/it/setup/index.md",
            "docs/cs/index.md",
            "docs/cs/sorting.md",
            "docs/index.md",
            "fr/index.md",
            "fr/news.md",
        ]
    )
    assert [
        pages.path_language(p) for p in ("ml/index.md", "guide/it/README.md", "docs/cs/index.md", "fr/index.md")
    ] == [
        None,
        None,
        None,
        None,
    ]
    # unless the page names its original (`translation_of:`): a translation by its author's word
    assert pages.path_language("fr/index.md", names_original=True) == "fr"
    # a folder holding its index page alone is a translated home page, as it always was (its voices stay)
    assert Translations(["index.md", "fr/index.md", "ml/index.md"]).path_language("fr/index.md") == "fr"
    # a folder whose pages say in their front matter that they are translations (French names, `lang: fr`)
    declared = {"fr/news.md": {"lang": "fr"}, "ml/regression.md": {"lang": "en"}}
    named = Translations(pages.pages, lambda page: declared.get(page, {}))
    assert [named.path_language(p) for p in ("fr/index.md", "ml/index.md")] == ["fr", None]
    # a folder with a page of its own that translates one at the top is a language's folder, its index too
    translated = Translations(
        ["index.md", "guide.md", "fr/index.md", "fr/guide.md", "de/setup/index.md", "setup/index.md"]
    )
    assert [translated.path_language(p) for p in ("fr/index.md", "fr/guide.md", "de/setup/index.md")] == [
        "fr",
        "fr",
        "de",
    ]


def test_a_long_japanese_or_chinese_line_is_split_at_its_sentence_ends() -> None:
    """「…です。これ」|「は…」: Japanese and Chinese put no space after 。, so a long line was cut mid-word (bug bash
    68). It is cut after a 。 now, and nothing is added between the parts."""
    for text in ("これは長い文です。" * 400, "我们用它来学习。" * 500):
        parts = split_text(text, 5000, lambda s: len(s.encode()))
        assert len(parts) > 1 and all(len(part.encode()) <= 5000 and part.endswith("。") for part in parts)
        assert "".join(parts) == text
    # not inside a quote or a run of marks, and the spaces after them are kept (review 69)
    quoted = "彼は「そうです。」と言った。" * 200
    parts = split_text(quoted, 5000, lambda s: len(s.encode()))
    assert all(part.endswith("言った。") for part in parts) and "".join(parts) == quoted
    mixed = "Second one！ Third？ fourth. " * 300
    parts = split_text(mixed.strip(), 5000, lambda s: len(s.encode()))
    assert " ".join(parts) == mixed.strip()


def test_split_text_respects_limits_in_bytes() -> None:
    sentence = "Ça été très étonnant, vraiment. "
    text = sentence * 250  # ~8,500 bytes
    parts = split_text(text.strip(), 5000, lambda s: len(s.encode()))
    assert len(parts) == 2
    assert all(len(part.encode()) <= 5000 for part in parts)
    assert " ".join(parts) == text.strip()
    assert all(part.endswith(".") for part in parts)
    long_word = split_text("a" * 25, 10)
    assert long_word == ["a" * 10, "a" * 10, "a" * 5]


def test_retries_transient_then_gives_up_and_honours_retry_after() -> None:
    waits: list[float] = []
    calls: list[EngineError | str] = [EngineError("busy", transient=True, retry_after=3)]
    calls += [EngineError("busy", transient=True), "ok"]
    pending = iter(calls)

    def call() -> str:
        item = next(pending)
        if isinstance(item, Exception):
            raise item
        return item

    assert call_with_retries(call, RetryPolicy(base_delay=0.5, jitter=0), sleep=waits.append) == "ok"
    assert waits == [3, 1.0]
    with pytest.raises(EngineError, match="bad voice"):
        call_with_retries(lambda: (_ for _ in ()).throw(EngineError("bad voice")), RetryPolicy(), sleep=waits.append)
    assert len(waits) == 2  # permanent errors are never retried


def test_a_wait_the_provider_asks_longer_than_the_build_allows_stops_at_once() -> None:
    """`Retry-After: 3600` was cut to 60 s four times over: four requests and four minutes for nothing, and the
    hour it asked for never said (bug bash 136)."""
    waits: list[float] = []
    sent: list[int] = []

    def call() -> str:
        sent.append(1)
        raise EngineError("OpenAI is rate limiting requests (429)", transient=True, retry_after=3600, status=429)

    with pytest.raises(EngineError) as caught:
        call_with_retries(call, RetryPolicy(max_delay=60), sleep=waits.append)
    assert len(sent) == 1 and waits == [] and not caught.value.transient
    assert "asks to wait 1 h before the next request, longer than a build waits" in str(caught.value)
    assert "raise retry_max_delay" in str(caught.value)
    # a few minutes (a Retry-After date read with a clock a minute off the provider's): waited out, cut to max_delay
    tries: list[int] = []

    def skewed() -> str:
        tries.append(1)
        if len(tries) == 1:
            raise EngineError("busy", transient=True, retry_after=75)
        return "ok"

    assert call_with_retries(skewed, RetryPolicy(max_delay=60), sleep=waits.append) == "ok" and waits == [60]


def test_strip_markup_keeps_words_and_intraword_underscores() -> None:
    assert strip_markup("**Really** _nice_ [docs](https://x.y) `code` <b>bold</b> &amp; more") == (
        "Really nice docs code bold & more"
    )
    assert strip_markup("A = [a_ij] with a_11 = 2, a_12 = 2 and _emphasis_") == (
        "A = [a_ij] with a_11 = 2, a_12 = 2 and emphasis"
    )


def limit(samples: np.ndarray[Any, np.dtype[np.float32]], rate: int, ceiling: float, block: int) -> Any:
    limiter = Limiter(rate, ceiling)
    pieces = [limiter.process(samples[i : i + block]) for i in range(0, len(samples), block)]
    return np.concatenate([*pieces, limiter.flush()])


def test_streaming_limiter_meets_ceiling_whatever_the_blocks() -> None:
    rate = 24000
    t = np.arange(rate * 5) / rate
    speechy = (0.1 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 2 * t))).astype(np.float32)
    speechy[rate : rate + 50] = 0.99  # a spike such as eSpeak makes
    outs = [limit(speechy * 4, rate, -1.5, block) for block in (len(speechy), 24000, 1000, 333)]
    for out in outs:
        assert len(out) == len(speechy)
        assert true_peak_db(out, rate) <= -1.5 + 0.05
        np.testing.assert_allclose(out, outs[0], atol=1e-6)  # the same output, whatever the block sizes
    quiet = speechy * 0.5  # nothing to limit: passed through untouched
    np.testing.assert_array_equal(limit(quiet, rate, -1.5, 1000), quiet)
    assert integrated_loudness(outs[0], rate) > integrated_loudness(speechy * 4, rate) - 3


def test_streaming_limiter_gain_is_the_held_average_of_what_each_sample_needs() -> None:
    rate = 24000
    t = np.arange(rate * 4) / rate
    samples = (0.2 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
    for second, width in ((0.5, 40), (0.56, 3), (1.5, 200), (3.2, 1)):  # peaks near and far from each other
        at = int(second * rate)
        samples[at : at + width] = 0.99
    limiter = Limiter(rate, -3.0)
    needed = np.minimum(1.0, limiter.ceiling / np.maximum(oversampled_peaks(samples, rate), 1e-12))
    padded = np.concatenate([np.ones(limiter.lookahead), needed, np.ones(limiter.lookahead)]).astype(np.float32)
    held = moving_min(padded, 2 * limiter.hold + 1)
    expected = samples * np.minimum(moving_mean(held, 2 * limiter.attack + 1), needed)
    for block in (len(samples), 24000, 1000):
        out = limit(samples, rate, -3.0, block)
        np.testing.assert_allclose(out, expected, atol=1e-6)
        assert true_peak_db(out, rate) <= -3.0 + 0.05


def test_a_ranges_true_peak_is_the_envelopes_largest_value_there() -> None:
    rate = 24000
    rng = np.random.default_rng(7)
    samples = (rng.standard_normal(rate) * 0.2).astype(np.float32)
    samples[9000:9003] = [0.9, -0.9, 0.9]  # an intersample peak well over the samples, inside one range
    envelope = oversampled_peaks(samples, rate)
    assert 20 * np.log10(envelope.max()) == pytest.approx(true_peak_db(samples, rate), abs=0.1)
    for start, stop in ((0, None), (8990, 9010), (100, 8990), (23990, 24100), (500, 500), (-5, 3)):
        expected = float(envelope[max(0, start) : stop].max(initial=0.0))
        assert oversampled_peak(samples, rate, start, stop) == expected, (start, stop)
    assert oversampled_peak(samples, rate, 8990, 9010) > 0.9 > oversampled_peak(samples, rate, 100, 8990)


@pytest.mark.parametrize(("rate", "kbps", "version"), [(24000, 64, 2), (24000, 32, 2), (44100, 128, 3)])
def test_mp3_is_constant_bitrate(tmp_path: Path, rate: int, kbps: int, version: int) -> None:
    path = tmp_path / "x.mp3"
    write_mp3(np.random.default_rng(1).normal(0, 0.1, rate * 2).astype(np.float32), rate, kbps, path)
    data = path.read_bytes()
    offset = 0
    if data[:3] == b"ID3":
        offset = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
    while not (data[offset] == 0xFF and data[offset + 1] & 0xE0 == 0xE0):
        offset += 1
    table_mpeg1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    table_mpeg2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
    bitrates: list[int] = []
    first = True
    while offset < len(data):  # every frame, by its own header
        header = data[offset : offset + 4]
        assert header[0] == 0xFF and header[1] & 0xE0 == 0xE0, f"no frame at {offset}"
        assert (header[1] >> 3) & 3 == version  # 3 = MPEG-1, 2 = MPEG-2
        table = table_mpeg1 if version == 3 else table_mpeg2
        bitrate = table[header[2] >> 4]
        length = (144_000 if version == 3 else 72_000) * bitrate // rate + ((header[2] >> 1) & 1)
        if not (first and b"Info" in data[offset : offset + 40]):  # the header frame may use a larger bitrate
            bitrates.append(bitrate)
        first = False
        offset += length
    assert set(bitrates) == {kbps} and len(bitrates) > 2 * rate / (1152 if version == 3 else 576)
    assert path.stat().st_size * 8 / 2 / 1000 == pytest.approx(kbps, rel=0.1)


@pytest.mark.parametrize(
    ("text", "value", "assumed"),
    [
        (r'["$\frac{a}{b}$ \begin{pmatrix} \nabla \rho \beta"]', r"$\frac{a}{b}$ \begin{pmatrix} \nabla \rho \beta", 5),
        (r'["one\ntwo\tthree \"q\" \u00e9 \\ \/"]', 'one\ntwo\tthree "q" é \\ /', 0),  # real escapes stay
        (r'["\nuclear \table"]', "\nuclear \table", 0),  # letters that spell no LaTeX command: escapes
        # a Windows path: where its other backslashes are text, so are \n and \t; a backspace never is one
        (r'["Open C:\Users\me\new_folder\test.txt"]', r"Open C:\Users\me\new_folder\test.txt", 4),
        (r'["c:\users\bob\documents"]', r"c:\users\bob\documents", 3),
        (r'["see \bob"]', r"see \bob", 1),
        # LaTeX is no path: its real line breaks and tabs stay (review 78)
        (r'["The ratio is $\alpha$.\nThen we stop."]', "The ratio is $\\alpha$.\nThen we stop.", 1),
        (r'["Use \sigma here.\tNext \n- first"]', "Use \\sigma here.\tNext \n- first", 1),
        (r'["\alpha_1 \(x\) \%"]', r"\alpha_1 \(x\) \%", 4),
        ('{"a": [1, 2, ], "b": {"c": 1,},}', {"a": [1, 2], "b": {"c": 1}}, 3),
        ('["a, ]", "b,}"]', ["a, ]", "b,}"], 0),  # commas inside strings are text
    ],
)
def test_lenient_json(text: str, value: object, assumed: int) -> None:
    data, repairs = loads(text)
    assert (data[0] if isinstance(value, str) else data) == value
    assert len(repairs) == assumed


def test_a_skipped_conversation_still_reports_what_was_assumed(tmp_path: Path) -> None:
    # every problem in one build: the trailing comma is reported along with the mistake that skips the block
    markdown = '```json\n[{"speaker": "A", "line": "Hi",},\n {"speaker": 3, "line": "x"}]\n```\n'
    scan = scan_page(markdown, "post.md", 0, tmp_path)
    assert not scan.found
    assert [warning.split(" ", 1)[0] for warning in scan.warnings] == ["post.md:2:31:", "post.md:3:"], scan.warnings
    assert "trailing comma" in scan.warnings[0] and '"speaker" must be a string' in scan.warnings[1]


def test_a_pages_warnings_come_in_its_line_order(tmp_path: Path) -> None:
    """A broken block's warning came before a blockquote's on an earlier line: each pass said its own (bug bash
    70)."""
    markdown = '```conversation\n[{"speaker": "A", "line": "x"}\n```\n\n> ```json\n> [{"speaker": "A"}]\n> ```\n'
    markdown = '> ```json\n> [{"speaker": "A", "line": "x"}]\n> ```\n\n' + markdown
    scan = scan_page(markdown, "fences.md", 0, tmp_path)
    lines = [int(warning.split(":")[1]) for warning in scan.warnings]
    assert lines == sorted(lines) and len(lines) == 3, scan.warnings


def test_lenient_json_reports_other_mistakes_where_they_are() -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        loads('[\n  {"line": "\\tau"}\n  {"line": "x"}\n]')
    assert (caught.value.lineno, caught.value.colno) == (3, 3)


def test_a_voice_map_entry_moved_in_a_build_does_not_move_back(tmp_path: Path) -> None:
    """Two pages each naming the other's key as a former name moved one entry back and forth at every build, and
    `mkdocs serve` rebuilt without end (bug bash 74): an entry that moved in this build stays where it went."""
    from mkdocs_convaudio.voices.voice_map import VoiceMap

    voices = VoiceMap(tmp_path / "convaudio-voices.yml")
    voices.table = {"espeak": {"a.md": {"A": "m7"}}}
    pool = ["m3", "f2"]
    assert voices.voices_for("espeak", "b.md", ["A"], pool, ["a.md"]) == {"A": "m7"}  # a.md's entry moves to b.md
    assert voices.voices_for("espeak", "a.md", ["A"], pool, ["b.md"]) == {"A": "m3"}  # not back: a.md starts anew
    assert voices.moved == [("espeak", "a.md", "b.md")]
    assert voices.table["espeak"]["b.md"] == {"A": "m7"}


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("zh-TW", "中文（台灣）"),
        ("zh-HK", "中文（中國香港特別行政區）"),
        ("zh-CN", "中文（中国）"),
        ("fr-CA", "Français (Canada)"),
        ("pt-BR", "Português (Brasil)"),
        ("en", "English"),
        ("sr-Latn", "Srpski (latinica)"),
    ],
)
def test_captions_label_names_the_language_in_itself(language: str, label: str) -> None:
    """zh-TW's label read "Chinese（Taiwan）" on a page otherwise in Chinese (bug bash 113): langcodes has no names
    in that locale itself and fell back on English."""
    from mkdocs_convaudio.html.captions import _track_label

    assert _track_label(language) == label


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("OPENAI_API_KEY", True),
        ("tts_key", True),
        ("my_company_openai_key_v2", True),
        ("ElevenLabsApiKeyProduction2", True),
        ("AZURE_SPEECH_KEY_WESTEUROPE_1", True),
        ("A" * 70, True),
        ("sk-openai-SECRET-abc123", False),
        ("sk_3f2a9c81d4e5b6a7f8091a2b3c4d5e6f", False),
        ("AIzaSyD4k9xQ2mW7vN8pL3rT6uY1bC5eF0gH2jK", False),
        ("MY-KEY", False),
        ("", False),
    ],
)
def test_api_key_env_takes_variable_names_and_refuses_keys(value: str, name: bool) -> None:
    """A key given as `api_key_env` was printed as the variable's name (bug bash 112); names with digits and
    lowercase letters are names all the same (review 114)."""
    from mkdocs_convaudio.engines.cloud import plausible_variable_name

    assert plausible_variable_name(value) is name


def test_a_title_card_without_freetype_draws_latin_1_and_names_the_rest() -> None:
    """Pillow built without FreeType has a bitmap font of Latin-1: every title card failed on it (review 114)."""
    from PIL import ImageFont

    from mkdocs_convaudio.audio.video import missing_glyphs

    assert missing_glyphs(ImageFont.load_default_imagefont(), "Hello é 中 文") == "中文"


def test_a_sound_file_header_is_known_without_quieting_the_terminal(tmp_path: Path, capfd: Any) -> None:
    """Standard error is the process's: it is quieted only for a file that begins with no sound file's header
    (review 117: other threads' lines were lost meanwhile), an MP3 without tags included: damaged, libmpg123
    comments on it, naming no file (review 118)."""
    from mkdocs_convaudio.audio.music import _sound_header, audio_file_problem

    wav = tmp_path / "tone.wav"
    soundfile.write(wav, np.zeros(2_400, dtype=np.float32), 24_000)
    assert _sound_header(wav.read_bytes()[:512]) and _sound_header(b"ID3\x04")
    assert not _sound_header(bytes((index * 37 + 11) % 251 for index in range(512)))
    damaged = tmp_path / "cut.mp3"  # a frame's sync word, then bytes of nothing
    damaged.write_bytes(b"\xff\xfb\x90\x00" + bytes((index * 37 + 11) % 251 for index in range(4000)))
    capfd.readouterr()
    assert audio_file_problem(damaged) == "damaged, or not audio"
    assert "Note:" not in capfd.readouterr().err


INTERVIEW = ["Host", "Marta"] * 15


@pytest.mark.parametrize(
    ("speaker", "turns", "meant"),
    [
        ("Hots", [*INTERVIEW, "Hots"], "Host"),  # two letters swapped
        ("host", [*INTERVIEW, "host"], "Host"),  # another case
        ("Mrata", ["Mrata", *INTERVIEW, "Mrata"], "Marta"),  # twice is still rare
        ("Mrata", ["Mrata"] * 3 + INTERVIEW, None),  # three times is meant
        ("Hostess", [*INTERVIEW, "Hostess"], None),  # three letters more
        ("Ana", ["Ana", "Anna"] * 10, None),  # two people who speak often
        ("Ana", ["Anna", "Ana", "Anna"], None),  # three letters: only another case counts
        ("Host", [*INTERVIEW, "Hots"], None),  # the one who speaks often is no typo of the other
        # numbered or lettered people, however rare (review 212: each was called a typo of the other)
        ("Speaker 2", ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 1"], None),
        ("Speaker B", ["Speaker A", "Speaker B", "Speaker A", "Speaker A"], None),
        ("Guest B", ["Host", "Guest A", "Guest B"] * 2 + ["Guest A"], None),
        ("P2", ["P1", "P2", "P1", "P1"], None),
        ("Speaker 12", ["Speaker 1"] * 3 + ["Speaker 12"], None),
        ("Guest a", ["Guest A"] * 3 + ["Guest a"], "Guest A"),  # the same label in another case
        # two as rare as each other: neither is the other's slip, both ways
        ("alice", ["Alice", "alice"], None),
        ("Alice", ["Alice", "alice"], None),
        ("Guest 1", ["Host", "Guest 1", "Guest 2"] * 2, None),
        ("Hots", ["Host", "Guest", "Hots", "Host"], None),  # Host speaks twice: not often enough to be meant
        ("alice", ["Alice", "Bob", "Alice", "Bob", "Alice", "alice"], "Alice"),
        ("Hots", ["Host", "Guest", "Host", "Guest", "Hots", "Host"], "Host"),
        # one letter away from one who speaks three times: what a real slip looks like, so still a warning
        ("Marc", ["Mark", "Marc", "Mark", "Mark"], "Mark"),
        ("Hosts", ["Host", "Guest", "Hosts", "Host", "Host"], "Host"),
        # a role in brackets left out or added (bug bash h-llm: `Alex` spoke once in a voice of its own, unsaid);
        # two roles are two people
        ("Alex", ["Alex (host)", "Sam (guest)"] * 3 + ["Alex"], "Alex (host)"),
        ("Sam (guest)", ["Alex", "Sam"] * 3 + ["Sam (guest)"], "Sam"),
        ("Alex (guest)", ["Alex (host)", "Sam"] * 3 + ["Alex (guest)"], None),
        ("Alex", ["Alex (host)", "Sam"] * 3 + ["Alex", "Alex", "Alex"], None),  # three times is meant
        # a label in brackets numbers people, as `Guest 2` and `Guest B` do (review r-llm)
        ("Guest (2)", ["Host", "Guest"] * 3 + ["Guest (2)"], None),
        ("Guest [B]", ["Host", "Guest"] * 3 + ["Guest [B]"], None),
    ],
)
def test_likely_typo(speaker: str, turns: list[str], meant: str | None) -> None:
    assert likely_typo(speaker, turns) == meant


@pytest.mark.parametrize(
    ("translation", "original", "pairs"),
    [
        (["A", "M", "A"], ["H", "M", "H"], {"A": "H", "M": "M"}),  # turn by turn
        (["A", "M", "M", "A"], ["H", "M", "H"], {"A": "H", "M": "M"}),  # by changes of speaker
        (["A", "M"] * 15 + ["A"], ["H", "M"] * 16 + ["H"], None),  # a question and answer left out: no guess
        # every speaker renamed and the first turn left out: read by the order they go round in, the two voices were
        # swapped (review 212)
        (["Convidado", "Apresentador", "Convidado", "Apresentador"], ["Host", "Guest"] * 2 + ["Host"], None),
        (["A", "M", "X", "M"], ["H", "M", "H", "M"], None),  # H would be both A and X
        (["M", "A", "M"], ["H", "M", "H", "M", "H"], None),  # M is M, not the original's H
        (["A", "M", "X", "A"], ["H", "M", "H", "M", "H"], None),  # no one to one reading
    ],
)
def test_paired_speakers(translation: list[str], original: list[str], pairs: dict[str, str] | None) -> None:
    assert paired_speakers(translation, original) == pairs
