"""What a built site carries besides the player's behaviour: Markdown transcripts, WebVTT captions, ID3 tags and
chapters, and the podcast feed (browser behaviour is in test_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import logging
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import astuple
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mutagen.id3 import ID3, ID3NoHeaderError

from mkdocs_convaudio import feed_memory
from mkdocs_convaudio.cli import main
from mkdocs_convaudio.html.assets import content_version
from mkdocs_convaudio.html.captions import CUE_CHARACTERS, cue_texts, timestamp
from mkdocs_convaudio.html.labels import LABELS, labels
from mkdocs_convaudio.html.player import insert_players, player_html, player_marker
from mkdocs_convaudio.html.transcript import line_html
from mkdocs_convaudio.text.conversation import Conversation, Turn
from mkdocs_convaudio.text.headings import conversation_labels, numbered_title
from tests.media import tone
from tests.sites import Site, conversation, decode, millis, post, static_i18n, url_versions

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def tags_of(path: Path) -> Any:
    """The ID3 tag of an MP3 (mutagen is untyped)."""
    return ID3(path)  # type: ignore[no-untyped-call]


SECTIONED = json.dumps(
    [
        {"speaker": "A", "line": "Welcome to the show.", "section": "Opening"},
        {"speaker": "B", "line": "Glad to be here."},
        {"speaker": "A", "line": "Let us talk about *models*.", "section": "Models"},
        {"speaker": "B", "line": "Models learn from `data`."},
        {"speaker": "A", "line": "Thanks for listening.", "section": "Closing"},
    ],
    indent=1,
)


def test_transcript_shows_inline_markdown_and_keeps_html_inert(site: Site) -> None:
    site.write(
        "talk.md",
        post(
            conversation(
                ("A", "The idea of **representation**, with `code` and a [link](https://example.org/)."),
                ("B", 'Hi <script>alert("x")</script> <img src=x onerror=alert(1)> [bad](javascript:alert(1))'),
            )
        ),
    )
    site.build()
    html = site.html("talk.html")
    assert "The idea of <strong>representation</strong>, with <code>code</code> and a " in html
    assert '<a href="https://example.org/">link</a>' in html
    transcript = html[html.index('<ol class="convaudio-lines">') : html.index("</ol>")]
    assert "<script" not in transcript and "<img" not in transcript and "javascript:" not in transcript
    assert "&lt;script&gt;" in transcript and "&lt;img src=x onerror=alert(1)&gt;" in transcript
    assert "<a>bad</a>" in transcript  # the text stays, the dangerous target goes
    # what is spoken is the plain text, unchanged by the rendering
    [mp3] = site.audio_files()
    assert site.timings(mp3)["lines"][0]["text"] == (
        "The idea of **representation**, with `code` and a [link](https://example.org/)."
    )


def test_a_transcript_shows_formulas_as_written(site: Site) -> None:
    """Markdown read a formula's `*` as emphasis, its `\\\\` row break and `\\{` braces as escapes: the page
    showed `$a<em>b</em>c$`, the captions `$abc$` (bug bash 107). The spoken text reads them as formulas."""
    lines = (
        r"The matrix is $\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ here.",
        r"Products: $a*b*c$ and *this* is emphasis.",
        r"Sets: $\{x \mid x > 0\}$ and \(a*b\) end.",
    )
    site.write("talk.md", post(conversation(*(("AB"[i % 2], line) for i, line in enumerate(lines)))))
    site.build()
    page = site.html("talk.html")
    assert r"$\begin{pmatrix} 1 &amp; 2 \\ 3 &amp; 4 \end{pmatrix}$" in page
    assert "$a*b*c$" in page and "<em>this</em>" in page
    assert r"$\{x \mid x &gt; 0\}$" in page and r"\(a*b\)" in page
    # a price is no formula's opening: a link's text with one stays a link, emphasis after `US$ 3` stays emphasis
    # (review 110)
    assert line_html("Price [$5](https://shop.com/p?x=$y$) *ok*") == (
        'Price <a href="https://shop.com/p?x=$y$">$5</a> <em>ok</em>'
    )
    assert line_html("Cuesta $5 *mil* o US$ 3 millones") == "Cuesta $5 <em>mil</em> o US$ 3 millones"
    captions = next(site.site.rglob("*.vtt")).read_text(encoding="utf-8")
    for written in (r"1 &amp; 2 \\ 3 &amp; 4", "$a*b*c$", r"$\{x \mid x &gt; 0\}$"):  # as WebVTT escapes them
        assert written in captions, written


def test_a_transcript_writes_formulas_as_the_sites_arithmatex_does(site: Site) -> None:
    """With `pymdownx.arithmatex` in the site's Markdown, the page's formulas were rendered by MathJax and the
    transcript's stayed raw `$…$` in a plain span (bug bash): they are written as arithmatex writes them now, for the
    site's MathJax or KaTeX; the captions keep them as written."""
    lines = (
        r"A miss rate of $1 - 0.99^{100} \approx 0.63$ per page.",
        r"When $a<b$ and \(x^2\) and $$E = mc^2$$ hold.",
    )
    site.config["markdown_extensions"] = [{"pymdownx.arithmatex": {"generic": True}}]
    site.write("talk.md", post("Prose: $a*b$.\n\n" + conversation(("A", lines[0]), ("B", lines[1]))))
    site.build()
    page = site.html("talk.html")
    transcript = page[page.index('<ol class="convaudio-lines">') : page.index("</ol>")]
    assert '<span class="arithmatex">\\(a*b\\)</span>' in page  # the page's own formula, by arithmatex
    assert r'of <span class="arithmatex">\(1 - 0.99^{100} \approx 0.63\)</span> per page.' in transcript
    assert r'<span class="arithmatex">\(a&lt;b\)</span> and <span class="arithmatex">\(x^2\)</span>' in transcript
    assert r'<span class="arithmatex">\[E = mc^2\]</span> hold.' in transcript
    assert "$" not in transcript
    captions = next(site.site.rglob("*.vtt")).read_text(encoding="utf-8")
    assert r"A miss rate of $1 - 0.99^{100} \approx 0.63$ per page." in captions

    # arithmatex for MathJax 2 (not generic): a script MathJax reads, after a preview unless turned off
    site.config["markdown_extensions"] = [{"pymdownx.arithmatex": {"preview": False}}]
    site.build()
    transcript = site.html("talk.html")[site.html("talk.html").index('<ol class="convaudio-lines">') :]
    assert r'of <span class="arithmatex"><script type="math/tex">1 - 0.99^{100} \approx 0.63</script></span>' in (
        transcript
    )
    assert '<script type="math/tex">a&lt;b</script>' in transcript
    assert r'<script type="math/tex; mode=display">E = mc^2</script>' in transcript
    # a site whose arithmatex reads no `$…$` keeps them as written
    site.config["markdown_extensions"] = [{"pymdownx.arithmatex": {"generic": True, "inline_syntax": ["round"]}}]
    site.build()
    transcript = site.html("talk.html")[site.html("talk.html").index('<ol class="convaudio-lines">') :]
    assert r"<span>$1 - 0.99^{100} \approx 0.63$</span>" in transcript
    assert r'<span class="arithmatex">\(x^2\)</span>' in transcript


def test_line_html_renders_inline_only() -> None:
    assert line_html("# not a heading") == "# not a heading"
    assert line_html("1. not a list") == "1. not a list"
    assert line_html("![a diagram](x.png)") == "<span>a diagram</span>"
    assert line_html("[x](JaVaScRiPt:alert(1)) [y](data:text/html,hi)") == "<a>x</a> <a>y</a>"
    # a browser decodes character references in an attribute and drops controls before it reads the scheme
    for sneaky in (
        "&#x6A;avascript:alert(1)",
        "&#106;avascript:alert(1)",
        "java&#x09;script:alert(1)",
        "jav&#10;ascript:alert(1)",
        "&#0000106avascript:alert(1)",
        "data&colon;text/html,hi",
    ):
        assert line_html(f"[x]({sneaky})") == "<a>x</a>", sneaky
    assert line_html("[x](https://example.org/?a=1&amp;b=2)") == '<a href="https://example.org/?a=1&amp;b=2">x</a>'
    assert line_html("`a < b` & c") == "<code>a &lt; b</code> &amp; c"
    assert line_html("one\n\n\ntwo  \nthree") == "one two<br> three"  # one line: no blank line ends the block


def test_an_english_player_of_ascii_lines_is_ascii() -> None:
    """One character past ASCII in the player (its ` · ` separators) made every English audio page's HTML a wider
    string, which MkDocs encodes to UTF-8 character by character: a quarter of what the plugin added to a warm
    build, in instructions. A browser reads `&middot;` as the same character."""
    talk = Conversation([Turn("A", "Hello there.", 1), Turn("B", "Hi.", 2)], "talk.md", 1)
    for video in (False, True):
        block = player_html(talk, "0123456789abcdef", "Listen", captions_label="English", video=video)
        assert block.isascii(), [char for char in block if not char.isascii()]
        assert block.count("&middot;") == 2 + video


def test_without_javascript_nothing_looks_clickable(site: Site) -> None:
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi."))))
    site.build()
    block = site.html("talk.html")
    player = block[block.index('<div class="convaudio"') : block.index("</details>")]
    assert "<button" not in player and "tabindex" not in player and 'role="button"' not in player
    css = (site.site / "assets/convaudio/convaudio.css").read_text(encoding="utf-8")
    pointer_rules = [rule for rule in re.findall(r"([^{}]+)\{[^}]*cursor:\s*pointer", css)]
    assert pointer_rules and all(
        ".convaudio-js" in rule or "summary" in rule or ".convaudio-seek" in rule for rule in pointer_rules
    )


def test_captions_file_has_one_cue_per_line_with_exact_times(site: Site) -> None:
    site.write(
        "talk.md",
        post(conversation(("A", "Hello *there*."), ("Dr <B>", "Hi & welcome."), ("A", "Bye.")), lang="fr"),
    )
    site.build()
    [mp3] = site.audio_files()
    vtt = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    lines = site.timings(mp3)["lines"]
    assert vtt.startswith("WEBVTT\n\n")
    cues = re.findall(r"^(\d+)\n(\S+) --> (\S+)\n(.*)$", vtt, flags=re.MULTILINE)
    assert [(start, end) for _, start, end, _ in cues] == [
        (timestamp(line["start"]), timestamp(line["end"])) for line in lines
    ]
    assert [text for *_, text in cues] == ["<v A>Hello there.", "<v Dr &lt;B&gt;>Hi &amp; welcome.", "<v A>Bye."]
    html = site.html("talk.html")
    [version] = url_versions(html, "assets/convaudio/talk-1.vtt")
    track = f'<track kind="captions" src="assets/convaudio/talk-1.vtt?v={version}" srclang="fr" label="Français">'
    assert track in html


#: A turn of 265 characters: one cue of it was a 12-second wall of text (bug bash)
LONG_LINE = (
    "Exactly. With three replicas you pick a write quorum of two and a read quorum of two, so every read overlaps "
    "the latest write; the catch is that one slow replica then hits a page of a hundred reads with probability "
    r"$1 - 0.99^{100} \approx 0.63$, which is why the tail matters."
)
CUE = re.compile(r"^(\d+)\n(\S+) --> (\S+)\n<v ([^>]*)>(.*)$", re.MULTILINE)


def test_a_long_line_is_captioned_in_short_cues_that_cover_its_time(site: Site) -> None:
    site.write("talk.md", post(conversation(("Host", "A short question?"), ("Guest", LONG_LINE), ("Host", "Right."))))
    site.build()
    [mp3] = site.audio_files()
    lines = site.timings(mp3)["lines"]
    cues = CUE.findall(mp3.with_suffix(".vtt").read_text(encoding="utf-8"))
    assert [int(number) for number, *_ in cues] == list(range(1, len(cues) + 1))
    by_line = [
        [cue for cue in cues if round(line["start"] * 1000) <= millis(cue[1]) < round(line["end"] * 1000)]
        for line in lines
    ]
    assert [len(found) for found in by_line] == [1, 5, 1] and sum(map(len, by_line)) == len(cues)
    for line, found in zip(lines, by_line, strict=True):
        # one after another, covering the line's time exactly, each with the speaker's voice tag
        times = [(millis(start), millis(end)) for _, start, end, _, _ in found]
        assert times[0][0] == round(line["start"] * 1000) and times[-1][1] == round(line["end"] * 1000)
        assert all(end == following for (_, end), (following, _) in itertools.pairwise(times))
        assert all(end > start for start, end in times)
        assert {speaker for *_, speaker, _ in found} == {line["speaker"]}
        # the cues' words are the line's, each at most two subtitle lines of 42 characters
        texts = [text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for *_, text in found]
        assert " ".join(texts) == line["text"]
        assert all(len(text) <= 84 for text in texts), texts
    long_cues = [text for *_, text in by_line[1]]
    # cut after the sentence and the clauses, between words only inside the clause longer than a cue (`the catch
    # ... 0.63$,`: 87 characters), never inside the formula
    assert long_cues[0] == "Exactly." and long_cues[1].endswith("quorum of two,")
    assert sum(not text.endswith((".", ",", ";")) for text in long_cues) == 1, long_cues
    assert any(r"$1 - 0.99^{100} \approx 0.63$" in text for text in long_cues)
    # each cue's time its share of the line's characters (to the millisecond)
    duration = millis(by_line[1][-1][2]) - millis(by_line[1][0][1])
    for (_, start, end, _, _), text in zip(by_line[1], long_cues, strict=True):
        assert millis(end) - millis(start) == pytest.approx(duration * len(text) / len("".join(long_cues)), abs=2)


#: Chinese and Japanese write no spaces between words: a line of them was one cue of 192 characters (review rev3)
CJK_LINES = [
    "吾輩は猫である。名前はまだ無い。" * 12,
    "这是一个很长的句子，没有空格，但是有很多逗号，我们应该在逗号后面断开，这样字幕就不会太长了，对吧？" * 3,
    "あ" * 200,
]


@pytest.mark.parametrize("line", CJK_LINES)
def test_a_long_line_without_spaces_is_cut_after_its_marks_or_between_characters(line: str) -> None:
    cues = cue_texts(line)
    assert "".join(cues) == line and len(cues) > 1
    # each two columns a character wide, at most two subtitle lines of 42 columns
    assert all(len(cue) * 2 <= CUE_CHARACTERS for cue in cues), cues
    if "。" in line or "，" in line:  # after a sentence's or a clause's mark where there is one
        assert all(cue.endswith(("。", "，", "？")) for cue in cues), cues


def test_korean_and_mixed_lines_are_cut_at_their_spaces() -> None:
    """Korean writes spaces between words, and a space in Japanese is a better cut than one between characters."""
    korean = "한국어 문장은 띄어쓰기를 사용합니다 그래서 공백에서만 잘라야 합니다 " * 5
    mixed = "日本語のテキストを読む GPUを使って高速化しました " * 6
    for line in (korean.strip(), mixed.strip()):
        cues = cue_texts(line)
        assert " ".join(cues) == line and len(cues) > 1, cues


#: Hindi ends a sentence with a danda (`।`) and Arabic asks with `؟` and parts clauses with `،`: a Hindi cue began
#: with the end of the sentence before it ("लेना। मैंने…"), cut at the comma before (bug bash h-scripts)
SCRIPT_MARKED_LINES = [
    (
        "धन्यवाद, लेना। मैंने ३ मार्च २०२४ को GPT-4o से रूट पूछा और एक मिनट से कम में प्लान मिल गया।",
        "धन्यवाद, लेना।",
    ),
    (
        "شكرًا جزيلًا يا لينا، هل جربت ذلك؟ سألت GPT-4o عن المسار في ٣ مارس ٢٠٢٤ فأعطاني خطة في أقل من دقيقة واحدة فقط.",
        "شكرًا جزيلًا يا لينا، هل جربت ذلك؟",
    ),
]


@pytest.mark.parametrize(("line", "first_cue"), SCRIPT_MARKED_LINES)
def test_a_cue_ends_at_a_sentence_mark_of_hindi_or_arabic(line: str, first_cue: str) -> None:
    cues = cue_texts(line)
    assert " ".join(cues) == line and cues[0] == first_cue, cues


#: Lines whose abbreviations' full stops are no sentence's end: a cue ended at "…this one, i.e." (review rev3), or
#: parted a title or an initial from its name ("…with Dr." / "Smith about…")
ABBREVIATED_LINES = [
    "For example, e.g. this one, i.e. that one, see https://example.com/a/very/long/path?with=query&and=more#frag"
    " for details and then some more words here.",
    "Yesterday afternoon I finally spoke on the phone with Dr. Smith about the billing error and the refund we"
    " expected.",
    "Yesterday afternoon I finally spoke on the phone with Mrs. J. Smith about the billing error and the refund we"
    " got.",
    # ... initials after a lower-case word (review r-spoken6: "…the whole trilogy by J." / "R. R. Tolkien…"), and a
    # surname that may open a sentence ("…the sociologist Johann A." / "Most when…")
    "We finally read the whole trilogy by J. R. R. Tolkien and it took us most of the winter to get through it all.",
    "Our teacher kept quoting the sociologist Johann A. Most when talking about the history of labor movements.",
    # ... one initial after a word that names who wrote or said something ("…was written by J." / "Smith in 2020…")
    "The long article about caching on static sites was written by J. Smith in 2020 and updated twice since.",
    "We spent the whole evening in the studio recording a long interview with A. Lee about her new album and tour.",
    # ... or "and" after a name ("…written by Tom and J." / "Smith in the…")
    "The whole trilogy of long books that we read this winter was written by Tom and J. Smith in the old house.",
]


@pytest.mark.parametrize("line", ABBREVIATED_LINES)
def test_a_cue_does_not_end_at_an_abbreviation_as_at_a_sentence(line: str) -> None:
    cues = cue_texts(line)
    assert " ".join(cues) == line and len(cues) > 1
    assert not any(cue.endswith(("i.e.", "e.g.", "Dr.", "Mrs.", "J.", "A.")) for cue in cues), cues


#: Lines in Russian, Ukrainian, French, German and Spanish whose abbreviations were taken for sentences' ends: a cue
#: ended at "…см. п." before the section's "3.2", at "…S." before its page, at "…M." before the name, between `p.` and
#: `ej.`; each with the abbreviations no cue may end at (a cut after a number or a comma is fine) and its language
ABBREVIATED_LINES_OF_OTHER_LANGUAGES = [
    (
        "Подробности о настройке кэша и сборке смотрите в документации проекта, см. п. 3.2 и рис. 4 там же.",
        ("см.", "п."),
        "ru",
    ),
    (
        "Все настройки плагина подробно описаны в большом руководстве, в табл. 2 на стр. 14 и ещё в приложении.",
        ("табл.",),
        "ru",
    ),
    (
        "Усі налаштування плагіна докладно описані в розділі про кеш і збирання сайту, див. стор. 12 і табл. 3 там.",
        ("див.", "стор."),
        "uk",
    ),
    (
        "Pour tous les détails, voyez la documentation complète du projet avec M. Dupont et ses exemples du cache.",
        ("M.",),
        "fr-CA",
    ),
    (
        "Die Einstellungen stehen in der ausführlichen Dokumentation des Projekts auf S. 12 und im Kapitel zum Cache.",
        ("S.",),
        "de",
    ),
    (
        "Los detalles están en la documentación completa del proyecto en la pág. 12 y también en los ejemplos"
        " del caché.",
        ("pág.",),
        "es",
    ),
    (
        "Hemos cambiado muchas cosas, como la documentación, los ejemplos y la gran caché p. ej. en el capítulo"
        " de sesiones.",
        ("p.",),
        "es",
    ),
]


@pytest.mark.parametrize(("line", "abbreviations", "language"), ABBREVIATED_LINES_OF_OTHER_LANGUAGES)
def test_a_cue_does_not_end_at_an_abbreviation_of_another_language(
    line: str, abbreviations: tuple[str, ...], language: str
) -> None:
    cues = cue_texts(line, language=language)
    assert " ".join(cues) == line and len(cues) > 1
    assert not any(cue.endswith(abbreviations) for cue in cues), cues


#: Lines where a letter's full stop after a lower-case word ends a sentence, no initial's: a cue parted the sentence
#: after it mid-phrase ("…Then fold the egg whites in gently so the" / "batter keeps…")
LETTER_ENDED_LINES = [
    (
        "Add a pinch of vitamin C. Then fold the egg whites in gently so the batter keeps as much of its air as it"
        " can.",
        "C.",
    ),
    (
        "The best choice for a team of our size with this budget is option A. Most people who tried it stayed with"
        " it for years.",
        "A.",
    ),
    # ... and after a capitalised word before a word that opens a sentence, no name's (review f-spoken6: "…agreed on
    # Plan B. Then we" / "packed…")
    (
        "It rained all morning, so after a long talk we all agreed on Plan B. Then we packed the car and drove off.",
        "B.",
    ),
    # ... and after "and" after a letter, no name ("…vitamins A and C. Take them in the morning with" / "a big…")
    (
        "The doctor told me to take a lot of vitamins A and C. Take them in the morning with a big glass of water and"
        " some breakfast.",
        "C.",
    ),
    (
        "Yesterday afternoon I finally talked about the speech of President John F. Kennedy and the moon landing in"
        " class.",
        "Kennedy",
    ),
    # a French title (`M. Dupont`) or German page (`S. 12`) elsewhere; here the sentence's end (review r-small3:
    # "…only had one left in size M. Then we" / "went…", "…with the letter S. Next," / "we will…")
    (
        "We looked at every jacket in the store and they only had one left in size M. Then we went to the shoe shop"
        " next door.",
        "M.",
    ),
    (
        "Please write down the word that starts with the letter S. Next, we will spell the rest of the alphabet"
        " together.",
        "S.",
    ),
]


#: Lines where an abbreviation that ends a list ends the sentence, before one that begins with a capital or a number:
#: the next sentence's `См. рис. 3`, `Fig. 3`, `2024` was kept with it, and the cut went to a comma before (review
#: r-small3: "…сахар," / "соль и т. д. См. рис. 3…"); with the cue's language and the end of the first cue
LIST_ENDED_LINES = [
    (
        "Мы купили хлеб, молоко, сыр, масло, яйца, муку, сахар, соль и т. д. См. рис. 3 в приложении к этой статье.",
        "ru",
        "т. д.",
    ),
    (
        "We compared the loss, the accuracy, the recall, the precision, the speed, etc. Fig. 3 shows all of them at"
        " once.",
        "en",
        "etc.",
    ),
    (
        "We compared the loss, the accuracy, the recall, the precision and the speed, etc. 2024 was a very good year"
        " for us.",
        "en",
        "etc.",
    ),
]


@pytest.mark.parametrize(("line", "language", "cue_end"), LIST_ENDED_LINES)
def test_a_cue_ends_at_a_list_ending_abbreviation_before_the_next_sentence(
    line: str, language: str, cue_end: str
) -> None:
    cues = cue_texts(line, language=language)
    assert " ".join(cues) == line and len(cues) == 2
    assert cues[0].endswith(cue_end), cues


@pytest.mark.parametrize(("line", "cue_end"), LETTER_ENDED_LINES)
def test_a_cue_ends_at_a_letter_ending_a_sentence_not_at_an_initial(line: str, cue_end: str) -> None:
    cues = cue_texts(line, language="en")
    assert " ".join(cues) == line and len(cues) == 2
    assert cues[0].endswith(cue_end), cues


def test_captions_off(site: Site) -> None:
    site.plugin_options["captions"] = False
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    site.build()
    assert not list(site.site.rglob("*.vtt")) and "<track" not in site.html("talk.html")


TRACK_SOURCE = re.compile(r'<track kind="captions" src="([^"]*)"')


def test_a_site_opened_from_disk_has_its_captions_in_the_page(site: Site) -> None:
    """With Material's offline plugin the site is opened from `file://`, where Chromium loads no `<track>` file
    ("'file:' URLs are treated as unique security origins"; bug bash h-material): the track is the captions file
    itself, as a `data:` URL, after a build without the plugin (not the player it remembered), in a warm build and
    once a line changed; without the plugin, it is the file's URL."""
    site.config.update(theme={"name": "material", "font": False})
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi & welcome."))))

    def inline_captions() -> str:
        [source] = TRACK_SOURCE.findall(site.html("talk.html"))
        assert source.startswith("data:text/vtt;charset=utf-8;base64,"), source[:60]
        return base64.b64decode(source.partition(",")[2]).decode("utf-8")

    def file_captions() -> None:
        vtt = site.site / "assets/convaudio/talk-1.vtt"
        version = content_version(vtt.read_bytes())  # see test_url_versions.py
        assert TRACK_SOURCE.findall(site.html("talk.html")) == [f"assets/convaudio/talk-1.vtt?v={version}"]

    for _ in range(3):  # until a build finishes the player before the audio step, and remembers it with the URL
        site.build()
        file_captions()
    site.config["plugins"] = ["offline"]
    for _ in range(2):  # the players finished from the memo
        site.build()
        [mp3] = site.audio_files()
        assert inline_captions() == mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Goodbye now."))))
    site.build()
    assert inline_captions() == mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    assert "<v B>Goodbye now." in inline_captions()
    site.config["plugins"] = []
    site.build()
    file_captions()


def test_mp3_tags_title_site_language_and_chapters(site: Site) -> None:
    site.config["site_name"] = "The Blog"
    site.write("talk.md", post(f"# Sections\n\n```json\n{SECTIONED}\n```\n", title="A talk in three parts"))
    site.build()
    [mp3] = site.audio_files()
    tags = tags_of(mp3)
    assert tags["TIT2"].text == ["A talk in three parts"]
    assert tags["TPE1"].text == ["The Blog"] and tags["TALB"].text == ["The Blog"]
    assert tags["TLAN"].text == ["eng"]
    timings = site.timings(mp3)
    chapters = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    assert [chapter.sub_frames["TIT2"].text[0] for chapter in chapters] == ["Opening", "Models", "Closing"]
    starts = [round(line["start"] * 1000) for line in timings["lines"]]
    assert [chapter.start_time for chapter in chapters] == [0, starts[2], starts[4]]
    assert [chapter.end_time for chapter in chapters] == [starts[2], starts[4], round(timings["duration"] * 1000)]
    [toc] = tags.getall("CTOC")
    assert toc.child_element_ids == [chapter.element_id for chapter in chapters]
    # the tag does not change the audio, and the cache entry stays untagged (shared by every page)
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(timings["duration"], abs=0.01)
    [cached] = (site.root / ".cache/plugin/convaudio/conversations").glob("*.mp3")
    with pytest.raises(ID3NoHeaderError):
        tags_of(cached)
    html = site.html("talk.html")
    assert '<div class="convaudio-heading" role="heading" aria-level="2">Models</div></li>' in html
    assert "<em>models</em>" in html


def _chapter_frames(mp3: Path) -> list[tuple[int, str]]:
    """The ID3 CHAP frames of an MP3: start (ms) and title, in order."""
    frames = sorted(tags_of(mp3).getall("CHAP"), key=lambda frame: frame.start_time)
    return [(frame.start_time, frame.sub_frames["TIT2"].text[0]) for frame in frames]


def _feed_chapters(site: Site, feed: str) -> dict[str, str | None]:
    """Each episode's `<podcast:chapters>` URL in a feed of the site, by its MP3's URL (None: no tag)."""
    found: dict[str, str | None] = {}
    for item in ET.parse(site.site / feed).getroot().iter("item"):
        tags = item.findall(f"{PODCAST}chapters")
        assert len(tags) <= 1
        assert all(tag.get("type") == "application/json+chapters" for tag in tags)
        found[item.find("enclosure").get("url") or ""] = tags[0].get("url") if tags else None  # type: ignore[union-attr]
    return found


def test_a_json_chapters_file_holds_the_mp3s_chapters_and_the_feed_links_it(site: Site) -> None:
    """Podcasting 2.0 apps read chapters from the JSON file `<podcast:chapters>` links, not from the MP3's ID3
    frames (bug bash): published beside the MP3 with the same times (after the intro) and titles; none for a
    conversation without sections, and none once its sections go."""
    tone(site.root / "intro.wav", 2.0, 880.0)
    site.config.update(site_url="https://example.org/blog/")
    site.plugin_options.update(podcast={"enabled": True, "image": "cover.png"}, intro="intro.wav")
    site.write("cover.png", "an image")
    site.write("talk.md", post(f"```json\n{SECTIONED}\n```\n", title="Parts", date="2026-11-20"))
    site.write("plain.md", post(conversation(("A", "No sections."), ("B", "None.")), title="Plain", date="2026-11-21"))
    site.build(strict=True)
    mp3 = site.site / "assets/convaudio/talk-1.mp3"
    chapters_file = mp3.with_name("talk-1.chapters.json")
    data = json.loads(chapters_file.read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    frames = _chapter_frames(mp3)
    assert [(round(chapter["startTime"] * 1000), chapter["title"]) for chapter in data["chapters"]] == frames
    assert [title for _, title in frames] == ["Opening", "Models", "Closing"]
    # the intro plays before the second section's first line: both hold where it starts in the MP3
    assert frames[1][0] == round(site.timings(mp3)["lines"][2]["start"] * 1000) and frames[1][0] > 2000
    root = "https://example.org/blog/"
    links = _feed_chapters(site, "podcast-en.xml")
    assert links == {
        f"{root}assets/convaudio/talk-1.mp3": f"{root}assets/convaudio/talk-1.chapters.json",
        f"{root}assets/convaudio/plain-1.mp3": None,
    }
    assert not list(site.site.rglob("plain-1.chapters.json"))
    # a warm build writes no chapters file again (nor anything else of the conversation): once its files are
    # settled (outside the window in which a file's times cannot be trusted) and recorded so
    published = Path(site.plugin.session.published_file("assets/convaudio/talk-1.chapters.json"))
    past = time.time() - 10
    for path in (site.root / ".cache/plugin/convaudio").rglob("*"):
        os.utime(path, (past, past))
    site.build(strict=True)
    before = [(path.stat().st_ino, path.stat().st_mtime_ns) for path in (published, chapters_file)]
    site.build(strict=True)
    assert site.plugin.session.republished == 0
    assert [(path.stat().st_ino, path.stat().st_mtime_ns) for path in (published, chapters_file)] == before
    # the sections removed: no file, no tag, no ID3 chapter
    turns = [{name: value for name, value in turn.items() if name != "section"} for turn in json.loads(SECTIONED)]
    site.write("talk.md", post(f"```json\n{json.dumps(turns)}\n```\n", title="Parts", date="2026-11-20"))
    site.build()
    assert not chapters_file.exists() and not published.exists()
    assert _chapter_frames(mp3) == []
    assert set(_feed_chapters(site, "podcast-en.xml").values()) == {None}


def test_static_i18n_feeds_link_their_own_languages_chapters_files(site: Site) -> None:
    static_i18n(site)
    site.config.update(site_url="https://example.org/sub/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("talk.md", post(f"```json\n{SECTIONED}\n```\n", title="Talk", date="2026-11-20"))
    french = SECTIONED.replace("Opening", "Ouverture").replace("Closing", "Clôture")
    site.write("talk.fr.md", post(f"```json\n{french}\n```\n", title="Causerie", lang="fr"))
    site.build()
    for feed, language in (("podcast-en.xml", "en"), ("podcast-fr.xml", "fr")):
        [(audio, chapters)] = _feed_chapters(site, feed).items()
        assert chapters == audio.removesuffix(".mp3") + ".chapters.json"
        path = site.site / chapters.removeprefix("https://example.org/sub/")
        data = json.loads(path.read_text(encoding="utf-8"))
        frames = _chapter_frames(site.site / audio.removeprefix("https://example.org/sub/"))
        assert [(round(chapter["startTime"] * 1000), chapter["title"]) for chapter in data["chapters"]] == frames
        assert frames[0][1] == {"en": "Opening", "fr": "Ouverture"}[language]


def test_transcript_sections_are_headings_one_level_below_the_players(site: Site) -> None:
    """A section's title was a list item like the lines: a screen reader's user could not go from one section to
    the next. It is a heading, one level below the heading the player stands under, inside a list item of its own
    (the list holds list items only); an ARIA heading, which MkDocs' search does not take for a section of the page
    (the transcript stays in the entry of the page's section it is in)."""
    site.config["plugins"] = ["search"]
    fence = f"```json\n{SECTIONED}\n```\n"
    site.write("plain.md", post(fence))
    site.write("under.md", post(f"# Talk\n\n## The interview\n\nIntro.\n\n{fence}\nAfter the talk.\n"))
    site.write("deep.md", post(f"# Talk\n\n###### Deepest\n\n{fence}"))
    site.build()
    for page, level in (("plain.html", 2), ("under.html", 3), ("deep.html", 6)):
        html = site.html(page)
        transcript = html[html.index('<ol class="convaudio-lines">') : html.index("</ol>") + 5]
        titles = re.findall(
            rf'<li class="convaudio-section"><div class="convaudio-heading" role="heading" aria-level="{level}">'
            r"(\w+)</div></li>",
            transcript,
        )
        assert titles == ["Opening", "Models", "Closing"], (page, transcript)
        # nothing but list items in the list
        assert re.findall(r"(?:<ol[^>]*>|</li>)(?!<li[ >]|</ol>)", transcript) == [], transcript
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    [section] = [doc for doc in index["docs"] if doc["location"] == "under.html#the-interview"]
    assert "Thanks for listening." in section["text"] and "After the talk." in section["text"], section


def test_sections_are_levelled_by_the_pages_heading_before_each_player() -> None:
    """Each player's sections are one level below the page's last heading before it (a blog index puts players
    in an excerpt under each post's title)."""
    turns = [Turn("A", "Hello.", 1, section="Part"), Turn("B", "Hi.", 2)]
    player = player_html(Conversation(turns, "talk.md", 1), "0" * 16, "Listen")
    first, second = player_marker("0" * 16), player_marker("1" * 16)
    page = f"<h1>Blog</h1><hr><header>x</header><h3 id='a'>A post</h3><p>{first}</p>{second}<h2>B</h2>{first}"
    once = insert_players(page, {"0" * 16: player})
    twice = insert_players(once, {"1" * 16: player})  # a second pass, as a page's excerpts get theirs
    levels = re.findall(r'role="heading" aria-level="(\d)">Part<', twice)
    assert levels == ["4", "4", "3"], levels
    assert insert_players(first, {"0" * 16: player}) == player  # no heading before: the page's title is its h1


def _titled_page(questions: str) -> str:
    """A page of three conversations: under a heading each, the third under the second's."""
    return post(
        "# Day one\n\nIntro.\n\n## The *interview* {#talk}\n\n"
        + conversation(("A", "Hello."), ("B", "Hi."))
        + f"\n## {questions}\n\n"
        + conversation(("A", "Any questions?"), ("B", "One."))
        + "\nAnd more.\n\n"
        + conversation(("A", "Another?"), ("B", "No.")),
        title="A day of talks",
    )


def test_a_pages_conversations_have_titles_of_their_own_in_the_mp3_and_the_feed(site: Site) -> None:
    """A page's MP3s all had its title (a podcast app or music player listed the same title twice): each is told
    apart by the heading it stands under, or by its number on the page; the feed's episodes are titled alike. A new
    heading re-tags the MP3, nothing is synthesized again, and a build from the page memo keeps the titles."""
    site.config.update(site_url="https://example.org/")
    site.config["markdown_extensions"] = ["attr_list"]  # `{#talk}` is an id, not words the page shows
    site.plugin_options["podcast"] = {"enabled": True}
    page = site.write("talk.md", _titled_page("Questions"))
    site.build()
    expected = [
        "A day of talks \N{EM DASH} The interview",
        "A day of talks \N{EM DASH} Questions",
        "A day of talks (3)",
    ]
    mp3s = [site.site / f"assets/convaudio/talk-{number}.mp3" for number in (1, 2, 3)]
    assert [tags_of(mp3)["TIT2"].text[0] for mp3 in mp3s] == expected
    feed = ET.parse(site.site / "podcast-en.xml").getroot()
    assert sorted(item.findtext("title") or "" for item in feed.iter("item")) == sorted(expected)
    page.write_text(_titled_page("Your questions"), encoding="utf-8")
    assert site.build().synthesized == 0
    assert tags_of(mp3s[1])["TIT2"].text == ["A day of talks \N{EM DASH} Your questions"]
    site.build()  # replayed from the page memo
    assert site.plugin.session.replayed == 1
    assert tags_of(mp3s[1])["TIT2"].text == ["A day of talks \N{EM DASH} Your questions"]
    assert tags_of(mp3s[2])["TIT2"].text == ["A day of talks (3)"]


def test_a_conversations_title_takes_its_heading_as_the_page_shows_it_formula_and_emoji_included(site: Site) -> None:
    """A heading with a formula and an emoji shortcode (`## The $E=mc^2$ bit :rocket:`) titled the MP3 and the feed's
    episode with the dollars and the shortcode as written, where the page shows the formula and 🚀 (review): the
    title is the heading's text as the site's Markdown extensions render it, in plain text (no permalink `¶`)."""
    site.config.update(site_url="https://example.org/")
    site.config["markdown_extensions"] = [{"toc": {"permalink": True}}, "pymdownx.emoji", "pymdownx.arithmatex"]
    site.plugin_options["podcast"] = {"enabled": True}
    body = "## Intro\n\n" + conversation(("A", "Hello."), ("B", "Hi."))
    body += "\n## The $E=mc^2$ bit :rocket:\n\n" + conversation(("A", "Energy."), ("B", "Mass."))
    site.write("talk.md", post(body, title="Physics"))
    site.build()
    mp3 = site.site / "assets/convaudio/talk-2.mp3"
    assert tags_of(mp3)["TIT2"].text == ["Physics \N{EM DASH} The E=mc^2 bit \N{ROCKET}"]
    feed = ET.parse(site.site / "podcast-en.xml").getroot()
    assert "Physics \N{EM DASH} The E=mc^2 bit \N{ROCKET}" in [item.findtext("title") for item in feed.iter("item")]


def test_a_dialogue_file_two_pages_link_is_titled_as_on_the_page_whose_title_it_takes(site: Site) -> None:
    """A dialogue file linked from two pages takes the title of the first page built, but was told apart as on the
    last one: "Single — Questions" mixed one page's title with the other's heading, and on the first page, with a
    conversation before it, both MP3s (and both episodes) were titled "Pair"."""
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    for name in ("first", "second"):
        site.write(f"talks/{name}.json", json.dumps([{"speaker": "A", "line": f"The {name} script."}]))
    pair = conversation(("A", "Before it.")) + "\n## Questions\n\n[Script](talks/{name}.json)\n"
    site.write("a.md", post(pair.replace("{name}", "first"), title="Pair", date="2026-01-01"))  # before b.md
    site.write("b.md", post("[Script](talks/first.json)\n", title="Alone", date="2026-01-02"))
    site.write("c.md", post("[Script](talks/second.json)\n", title="Single", date="2026-01-03"))  # before d.md
    site.write("d.md", post(pair.replace("{name}", "second"), title="Other pair", date="2026-01-04"))
    site.build()
    audio = site.site / "assets/convaudio"
    titles = {mp3.relative_to(audio).as_posix(): tags_of(mp3)["TIT2"].text[0] for mp3 in audio.rglob("*.mp3")}
    assert titles == {
        "a-1.mp3": "Pair",
        "talks/first-en.mp3": "Pair \N{EM DASH} Questions",
        "talks/second-en.mp3": "Single",
        "d-1.mp3": "Other pair",
    }, titles
    feed = ET.parse(site.site / "podcast-en.xml").getroot()
    assert sorted(item.findtext("title") or "" for item in feed.iter("item")) == sorted(titles.values())


def test_a_conversations_label_is_the_heading_it_stands_under_outside_code() -> None:
    """Setext and closed ATX headings count; a `#` line in a fenced block, the page's own title and a heading an
    earlier conversation stands under do not."""
    markdown = "# Title\n\n```json\n[]\n```\n\nPart `two`\n---\n\n```text\n# not a heading\n```\n\n```json\n[]\n```\n"
    markdown += "\n## [Third](x.md) ##\n\n```json\n[]\n```\n\n```json\n[]\n```\n"
    starts = [index for index, line in enumerate(markdown.split("\n")) if line == "```json"]
    assert conversation_labels(markdown, starts) == [None, "Part two", "Third", None]
    # where no site renders the page (`render`), a formula without its dollars
    formula = "## The $E=mc^2$ bit\n\n```json\n[]\n```\n\n## Next\n\n```json\n[]\n```\n"
    starts = [index for index, line in enumerate(formula.split("\n")) if line == "```json"]
    assert conversation_labels(formula, starts) == ["The E=mc^2 bit", "Next"]
    assert [numbered_title("Post", label, number) for number, label in enumerate([None, "B", None], 1)] == [
        "Post",
        "Post \N{EM DASH} B",
        "Post (3)",
    ]


def test_tags_follow_the_page_and_the_options(site: Site) -> None:
    site.plugin_options.update(artist="Ada", album="Talks", tags=False)
    page = site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="First title"))
    site.build()
    [mp3] = site.audio_files()
    [cached] = (site.root / ".cache/plugin/convaudio/conversations").glob("*.mp3")
    published = site.root / ".cache/plugin/convaudio/site/assets/convaudio/talk-1.mp3"
    assert published.samefile(cached)  # untagged: published as a hard link to the cache entry
    with pytest.raises(ID3NoHeaderError):
        tags_of(mp3)
    site.plugin_options["tags"] = True
    site.build()
    assert tags_of(mp3)["TIT2"].text == ["First title"] and tags_of(mp3)["TPE1"].text == ["Ada"]
    assert tags_of(mp3)["TALB"].text == ["Talks"] and not tags_of(mp3).getall("CHAP")
    with pytest.raises(ID3NoHeaderError):
        tags_of(cached)  # the link was replaced by a tagged copy, never written through
    page.write_text(page.read_text().replace("First title", "Second title"))
    assert site.build().synthesized == 0  # a new title costs a re-tag, not a render
    assert tags_of(mp3)["TIT2"].text == ["Second title"]
    site.plugin_options["tags"] = False
    site.build()
    with pytest.raises(ID3NoHeaderError):
        tags_of(mp3)


def feed_site(site: Site) -> None:
    site.config.update(site_url="https://example.org/blog/", site_description="Talks about things")
    site.plugin_options["podcast"] = {"enabled": True, "category": "Technology", "image": "cover.png"}
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes.")), title="One", date="2026-11-20"))
    site.write(
        "two.md",
        post(
            conversation(("A", "Second post."), ("B", "Indeed.")) + "\n" + conversation(("A", "More."), ("B", "Ok.")),
            title="Two",
            date="2026-11-22",
        ),
    )
    site.write(
        "deux.md", post(conversation(("A", "Deuxième."), ("B", "Oui.")), title="Deux", lang="fr", date="2026-11-21")
    )
    site.write("plain.md", "# No audio\n")
    site.write("cover.png", "an image")


def test_podcast_feed_lists_every_audio_post_with_exact_enclosures(site: Site) -> None:
    feed_site(site)
    site.build(strict=True)
    english = ET.parse(site.site / "podcast-en.xml").getroot()
    channel = english.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Test (English)" and channel.findtext("language") == "en"
    assert channel.findtext("link") == "https://example.org/blog/"
    assert channel.find(f"{ITUNES}image").get("href") == "https://example.org/blog/cover.png"  # type: ignore[union-attr]
    assert channel.find(f"{ITUNES}category").get("text") == "Technology"  # type: ignore[union-attr]
    assert [element.text for element in channel.iter(f"{ITUNES}explicit")] == ["false"]
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Two", "Two (2)", "One"]  # newest first
    mp3s = {"one-1.mp3", "two-1.mp3", "two-2.mp3"}
    assert {item.find("enclosure").get("url").rsplit("/", 1)[1] for item in items} == mp3s  # type: ignore[union-attr]
    for item in items:
        enclosure = item.find("enclosure")
        assert enclosure is not None and enclosure.get("type") == "audio/mpeg"
        url = enclosure.get("url") or ""
        assert url.startswith("https://example.org/blog/assets/convaudio/")
        published = site.site / url.removeprefix("https://example.org/blog/")
        assert int(enclosure.get("length") or 0) == published.stat().st_size
        duration = site.timings(published)["duration"]
        hours, rest = divmod(int(duration), 3600)  # truncated, as the player shows it (bug bash 72)
        assert item.findtext(f"{ITUNES}duration") == f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        transcript = item.find(f"{PODCAST}transcript")
        assert transcript is not None and transcript.get("type") == "text/vtt" and transcript.get("language") == "en"
        assert transcript.get("url") == url.removesuffix(".mp3") + ".vtt"
        assert (item.findtext("link") or "").startswith("https://example.org/blog/")
    assert items[-1].findtext("pubDate") == "Fri, 20 Nov 2026 00:00:00 +0000"
    french = ET.parse(site.site / "podcast-fr.xml").getroot()
    assert [item.findtext("title") for item in french.iter("item")] == ["Deux"]
    assert 'type="application/rss+xml" title="Test (English)" href="podcast-en.xml"' in site.html("one.html")
    guids = [item.findtext("guid") for item in items]
    feed_before = (site.site / "podcast-en.xml").read_bytes()
    site.build()
    again = ET.parse(site.site / "podcast-en.xml").getroot()
    assert [item.findtext("guid") for item in again.iter("item")] == guids and len(set(guids)) == 3
    assert (site.site / "podcast-en.xml").read_bytes() == feed_before  # a rebuild gives the same feed


def test_a_posts_square_cover_is_its_episodes_artwork_and_another_cover_is_named(site: Site) -> None:
    """Podcast apps show each episode's own artwork (`<itunes:image>`); the feed gave none, so every episode showed
    the show's. A post's cover is its episodes' artwork when Apple takes it (a square JPEG or PNG of 1400-3000
    px, from the page or from docs_dir); a 16:9 blog cover is not, and the build says so at INFO (a warning would
    fail `--strict` builds of every such blog)."""
    from PIL import Image

    feed_site(site)
    (site.docs / "images").mkdir()
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(site.docs / "images" / "square.png")
    Image.new("RGB", (1600, 900), (40, 40, 200)).save(site.docs / "wide.jpg")
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes.")), title="One", date="2026-11-20",
                              image="images/square.png"))  # fmt: skip
    site.write(
        "two.md", (site.docs / "two.md").read_text(encoding="utf-8").replace("---\n", "---\ncover: /wide.jpg\n", 1)
    )
    site.build(strict=True)
    art = {
        (item.find("enclosure").get("url") or "").rsplit("/", 1)[1]: item.find(f"{ITUNES}image")  # type: ignore[union-attr]
        for item in ET.parse(site.site / "podcast-en.xml").getroot().iter("item")
    }
    assert art["one-1.mp3"] is not None and art["two-1.mp3"] is None and art["two-2.mp3"] is None
    href = art["one-1.mp3"].get("href") or ""
    assert href == "https://example.org/blog/images/square.png"
    assert (site.site / href.removeprefix("https://example.org/blog/")).read_bytes() == (
        site.docs / "images" / "square.png"
    ).read_bytes()
    said = [line for line in site.infos() if "episode artwork" in line]
    assert len(said) == 1 and "two.md (`/wide.jpg`: 1600×900 px)" in said[0] and "one.md" not in said[0], said


def test_a_new_picture_under_an_episodes_artwork_address_is_said(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Podcast apps keep an episode's artwork by its address (`<itunes:image href>`): a post's square cover
    replaced by another picture under the same name changed nothing in the feed, and the apps went on showing the
    old picture, without a word. The build that publishes the new picture says so at INFO, once, with the fix (a
    new file name); a warm build reads no cover, and a cover renamed is a new address, said nothing of."""
    from PIL import Image

    feed_site(site)
    cover = site.docs / "square.png"
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(cover)
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes.")), title="One", date="2026-11-20",
                              image="square.png"))  # fmt: skip
    site.build(strict=True)
    memo = site.root / ".cache/plugin/convaudio/feed-episodes-memo.json"
    recorded = memo.read_bytes()
    hashed: list[str] = []  # the covers read for their digest (a warm build reads none: review r-site8)
    digest = hashlib.file_digest

    def counted(file: Any, name: str) -> Any:
        hashed.append(file.name)
        return digest(file, name)

    monkeypatch.setattr(hashlib, "file_digest", counted)
    site.build(strict=True)
    assert memo.read_bytes() == recorded and not [line for line in site.infos() if "new picture" in line]
    assert not [name for name in hashed if str(name).endswith(".png")], hashed
    Image.new("RGB", (1400, 1400), (40, 40, 200)).save(cover)
    site.build(strict=True)
    said = [line for line in site.infos() if "new picture" in line]
    assert said == [
        "convaudio: podcast feed: the cover of one.md (square.png) is a new picture at the address of the old one, "
        "and podcast apps keep an episode's artwork by its address, so they may go on showing the old picture; to "
        "have them show the new one, give it a new file name (and the post's `image:` or `cover:` with it)"
    ]
    site.build(strict=True)
    assert not [line for line in site.infos() if "new picture" in line]
    cover.rename(site.docs / "square-2.png")
    Image.new("RGB", (1400, 1400), (40, 200, 40)).save(site.docs / "square-2.png")
    site.write("one.md", (site.docs / "one.md").read_text(encoding="utf-8").replace("square.png", "square-2.png"))
    site.build(strict=True)
    assert not [line for line in site.infos() if "new picture" in line]
    assert _episode_art(site.site / "podcast-en.xml")["One"] == "https://example.org/blog/square-2.png"


def test_a_cover_the_site_lacks_is_named_with_the_covers_that_are_not_artwork(site: Site) -> None:
    """A misspelt cover (`image: /cover.jpeg` for `cover.jpg`) is an error when the video is on; with the video off,
    the episode had no artwork and nothing said why (review r-me42). It is named in the feed's INFO line; a cover
    given as a URL is not (the site holds no copy to measure)."""
    feed_site(site)
    site.write(
        "one.md",
        post(conversation(("A", "First post."), ("B", "Yes.")), title="One", image="/cover.jpeg", date="2026-11-20"),
    )
    site.write(
        "two.md",
        post(
            conversation(("A", "Second."), ("B", "Yes.")), title="Two", image="https://x.org/c.jpg", date="2026-11-21"
        ),
    )
    site.build(strict=True)
    [said] = [line for line in site.infos() if "episode artwork" in line]
    assert "the cover of one.md (`/cover.jpeg`: no such file in the site) is not episode artwork" in said, said
    assert _episode_art(site.site / "podcast-en.xml") == {"One": None, "Two": None}


def test_the_covers_of_many_posts_that_are_not_artwork_are_counted_in_one_line(site: Site) -> None:
    """A blog's covers are mostly 16:9: the line named every post, on every build ("the cover of a.md (…), b.md
    (…), … is not", singular whatever the count; review r-me42). It counts them and names the first three."""
    from PIL import Image

    feed_site(site)
    Image.new("RGB", (1600, 900), (40, 40, 200)).save(site.docs / "wide.png")
    for name in ("p1", "p2", "p3", "p4"):
        site.write(
            f"{name}.md", post(conversation(("A", f"Post {name}."), ("B", "Yes.")), title=name, image="/wide.png")
        )
    site.build()
    [said] = [line for line in site.infos() if "episode artwork" in line]
    assert said.startswith(
        "convaudio: podcast feed: the covers of 4 posts are not episode artwork podcast apps take"
    ), said
    assert said.endswith("their episodes show the feed's image: p1.md (`/wide.png`: 1600×900 px), p2.md "
                         "(`/wide.png`: 1600×900 px), p3.md (`/wide.png`: 1600×900 px), …"), said  # fmt: skip
    assert all(_episode_art(site.site / "podcast-en.xml")[name] is None for name in ("p1", "p2", "p3", "p4"))


def test_a_cover_named_in_capitals_is_named_with_the_fix(site: Site) -> None:
    """`cover.PNG` and a show image `show.JPG` are a PNG and a JPEG, but feedgen takes only `.png` and `.jpg` in
    lower case: the episode's was called "not a .jpg or .png", and the show's `<itunes:image>` was left out without
    a word (Apple Podcasts refuses such a feed). Both name the file and the fix: rename it in lower case."""
    from PIL import Image

    feed_site(site)
    site.plugin_options["podcast"]["image"] = "show.JPG"
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(site.docs / "show.JPG", format="JPEG")
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(site.docs / "square.PNG", format="PNG")
    talk = conversation(("A", "First post."), ("B", "Yes."))
    site.write("one.md", post(talk, title="One", date="2026-11-20", image="square.PNG"))
    site.build()
    [said] = [line for line in site.infos() if "episode artwork" in line]
    assert "one.md (`square.PNG`: its extension must be `.png` in lower case: rename the file `square.png`)" in said
    assert any(
        "mkdocs.yml: podcast.image `show.JPG`: its extension must be `.jpg` in lower case: rename the file "
        "`show.jpg`; the feed has no `<itunes:image>` without it" in warning
        for warning in site.warnings()
    ), site.warnings()
    assert _episode_art(site.site / "podcast-en.xml")["One"] is None


def test_a_show_image_address_with_a_query_is_named_with_the_fix(site: Site) -> None:
    """A show `image:` given as a URL with a query (`show.jpg?v=2`, as CDNs bust caches) is not taken by feedgen,
    which looks at the whole address's end: the feed was written without `<itunes:image>`, without a word (review
    r-site6; the check of the name by its URL's path alone let it pass)."""
    feed_site(site)
    site.plugin_options["podcast"]["image"] = "https://cdn.example.org/show.jpg?v=2"
    site.build()
    assert any(
        "mkdocs.yml: podcast.image `https://cdn.example.org/show.jpg?v=2`: its address must end in `.jpg`: give it "
        "without `?v=2`; the feed has no `<itunes:image>` without it" in warning
        for warning in site.warnings()
    ), site.warnings()
    assert b"itunes:image" not in (site.site / "podcast-en.xml").read_bytes().split(b"<item>")[0]


def _episode_art(feed: Path) -> dict[str, str | None]:
    """A feed's `<itunes:image>` href by episode title (None: the episode has none)."""
    art = {}
    for item in ET.parse(feed).getroot().iter("item"):
        image = item.find(f"{ITUNES}image")
        art[item.findtext("title") or ""] = image.get("href") if image is not None else None
    return art


@pytest.mark.parametrize("structure", ["folder", "suffix"])
def test_static_i18n_episode_artwork_is_each_languages_own_cover_in_the_built_site(site: Site, structure: str) -> None:
    """Under mkdocs-static-i18n the cover was looked for in site_dir at its docs_dir path: with folders
    (`en/blog/cover é.png`, published as `blog/cover é.png`), the English episode had no artwork and no word said;
    with suffixes, the French episode's was the English cover (`blog/cover.png`), not the French one
    (`cover.fr.png`, published as `fr/blog/cover.png`) the French page shows (review r-me42). The cover is found as
    MkDocs finds the page's links, each language's own, at a URL of the built site."""
    from PIL import Image

    static_i18n(site, structure)
    site.config.update(site_url="https://example.org/sub/", use_directory_urls=True)
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/show.png"}
    for home in ("en/index.md", "fr/index.md") if structure == "folder" else ("index.md",):
        site.write(home, "# Home\n")
    sides = {"en": 1400, "fr": 1500}  # each language's own cover, told apart by its size
    for language, title in (("en", "Talk"), ("fr", "Causerie")):
        page, cover = (
            (f"{language}/blog/talk.md", f"{language}/blog/cover é.png")
            if structure == "folder"
            else ("blog/talk.md" if language == "en" else "blog/talk.fr.md", f"blog/cover é.{language}.png")
        )
        (site.docs / cover).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (sides[language],) * 2, (200, 40, 40)).save(site.docs / cover)
        body = conversation(("A", f"{title}."), ("B", "Yes."))
        site.write(page, post(body, title=title, date="2026-11-20", image="cover é.png"))
    site.build(strict=True)
    root = "https://example.org/sub/"
    english, french = _episode_art(site.site / "podcast-en.xml"), _episode_art(site.site / "podcast-fr.xml")
    assert english == {"Talk": f"{root}blog/cover%20%C3%A9.png"}, english
    assert french == {"Causerie": f"{root}fr/blog/cover%20%C3%A9.png"}, french
    for language, href in (("en", english["Talk"]), ("fr", french["Causerie"])):
        with Image.open(site.site / unquote((href or "").removeprefix(root))) as published:
            assert published.size == (sides[language],) * 2, (language, href)


def test_a_dirty_build_keeps_the_artwork_of_the_pages_it_skips_and_an_older_records_episodes(site: Site) -> None:
    """The feed of a `--dirty` build lists the pages it skips as the last build recorded them, their artwork too.
    A record of the version before, which had no artwork, was read as current (review r-me42); it is an older
    version's, as after an upgrade: its episodes stay in the feed, without artwork until their page is built."""
    from PIL import Image

    feed_site(site)
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(site.docs / "square.jpg")
    site.write(
        "two.md", (site.docs / "two.md").read_text(encoding="utf-8").replace("---\n", "---\nimage: square.jpg\n", 1)
    )
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    before = (site.site / "podcast-en.xml").read_bytes()
    assert _episode_art(site.site / "podcast-en.xml")["Two"] == "https://example.org/blog/square.jpg"
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    assert site.build(dirty=True).conversations == 1  # one.md only
    assert (site.site / "podcast-en.xml").read_bytes() == before
    memo = site.root / ".cache/plugin/convaudio/feed-episodes-memo.json"
    data = json.loads(memo.read_text(encoding="utf-8"))
    for record in data["memo"].values():  # as the version before wrote them
        for episode in record["episodes"]:
            del episode["image_url"]
    memo.write_text(json.dumps({**data, "version": "3"}), encoding="utf-8")
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore.\n")
    site.build(dirty=True)
    assert not [w for w in site.warnings() if "podcast feed lacks" in w], site.warnings()
    art = _episode_art(site.site / "podcast-en.xml")
    assert set(art) == {"One", "Two", "Two (2)"} and art["Two"] is None  # kept, as the older record says
    site.build()  # a full build: the artwork is back
    assert (site.site / "podcast-en.xml").read_bytes() == before


@pytest.mark.parametrize("page_edited", [True, False], ids=["another-page-edited", "nothing-else"])
def test_a_dirty_build_notices_a_skipped_pages_changed_cover(site: Site, page_edited: bool) -> None:
    """A `--dirty` build that skips a page took its artwork from the page's record: its cover file replaced (a
    square one for a 16:9 one, or the other way) kept the old artwork until the page itself changed. The record
    holds the cover's stamp (its source's: the site's copy is written anew by every full build, and the record, and
    the memo file, with it: review r-site6); a cover changed since is measured again."""
    from PIL import Image

    feed_site(site)
    cover = site.docs / "cover art.jpg"
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(cover)
    site.write(
        "two.md",
        (site.docs / "two.md").read_text(encoding="utf-8").replace("---\n", "---\nimage: cover art.jpg\n", 1),
    )
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    memo = site.root / ".cache/plugin/convaudio/feed-episodes-memo.json"
    recorded = memo.read_bytes()
    site.build()  # a warm build: nothing changed, nothing recorded anew
    assert memo.read_bytes() == recorded
    square = "https://example.org/blog/cover%20art.jpg"
    assert _episode_art(site.site / "podcast-en.xml")["Two"] == square
    for size, art in (((1600, 900), None), ((1400, 1400), square)):
        Image.new("RGB", size, (40, 40, 200)).save(cover)
        if page_edited:
            (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
        site.build(dirty=True)
        found = _episode_art(site.site / "podcast-en.xml")
        assert found["Two"] == found["Two (2)"] == art, (size, found)


def test_a_dirty_build_keeps_the_episodes_of_the_pages_it_skips(site: Site) -> None:
    """`build --dirty` rebuilds only what changed: the feed it wrote listed only those pages, and a site published
    after `serve --dirty` lost its other episodes (bug bash 102)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    before = (site.site / "podcast-en.xml").read_bytes()
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    summary = site.build(dirty=True)
    assert summary.conversations == 1  # one.md only
    english = ET.parse(site.site / "podcast-en.xml").getroot()
    assert [item.findtext("title") for item in english.iter("item")] == ["Two", "Two (2)", "One"]
    assert (site.site / "podcast-en.xml").read_bytes() == before  # the same feed: no episode changed
    french = ET.parse(site.site / "podcast-fr.xml").getroot()
    assert [item.findtext("title") for item in french.iter("item")] == ["Deux"]


@pytest.mark.parametrize("path", ["podcast-{lang}.xml", "podcast.xml"])
def test_static_i18n_feeds_hold_their_own_languages_pages(site: Site, path: str) -> None:
    """mkdocs-static-i18n shows a page French lacks in the French build too: that build wrote the English feed
    again with only that page (bug bash 102). A path without `{lang}` is each language's own, in its folder."""
    static_i18n(site)
    site.config.update(site_url="https://example.org/sub/")
    site.plugin_options["podcast"] = {"enabled": True, "path": path}
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="Talk", date="2026-11-20"))
    site.write("talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut.")), title="Causerie", lang="fr"))
    site.write("other.md", post(conversation(("A", "Only in English."), ("B", "Yes.")), title="Other"))
    site.build()
    english_path, french_path = (path.format(lang="en"), path.format(lang="fr"))
    if "{lang}" not in path:
        french_path = f"fr/{path}"
    english = ET.parse(site.site / english_path).getroot()
    assert sorted(item.findtext("title") or "" for item in english.iter("item")) == ["Other", "Talk"]
    assert english.findtext("channel/link") == "https://example.org/sub/"
    french = ET.parse(site.site / french_path).getroot()
    assert [item.findtext("title") for item in french.iter("item")] == ["Causerie"]
    assert french.findtext("channel/link") == "https://example.org/sub/fr/"
    assert french.findtext("channel/language") == "fr" and english.findtext("channel/language") == "en"
    assert f'href="../{english_path}"' in site.html("fr/other.html")  # a page French lacks: the English feed


@pytest.mark.parametrize("spoken", ["fr", "fr-CA"])
def test_a_translated_dialogue_file_s_episode_keeps_its_guid_under_its_shorter_name(site: Site, spoken: str) -> None:
    """`ep.fr.json` spoken in French is published as `ep.fr.mp3` (it was `ep.fr-fr.mp3`, its language twice): its
    podcast episode keeps the GUID the longer name gave it, as the app of every subscriber keys episodes by it (a
    new GUID is a new episode, the old one gone). A conversation whose name did not change keeps its GUID too.
    Also where the page's code is not the tag spoken (`language_aliases: {fr: fr-CA}`): its GUID was made from the
    new name (review r-render2)."""
    from mkdocs_convaudio.html.feed import stable_guid

    static_i18n(site)
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.plugin_options["language_aliases"] = {"fr": spoken} if spoken != "fr" else {}
    site.write("blog/ep.json", json.dumps([{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]))
    site.write(
        "blog/ep.fr.json", json.dumps([{"speaker": "A", "line": "Bonjour."}, {"speaker": "B", "line": "Salut."}])
    )
    site.write("blog/talk.md", post("[Script](ep.json)\n", title="Talk", date="2026-11-20"))
    site.write("blog/talk.fr.md", post("[Script](ep.json)\n", title="Causerie", date="2026-11-20"))
    site.build()
    [key] = site.voice_map()["espeak"]
    feeds = ((f"podcast-{spoken}.xml", "ep.fr.mp3", "ep.fr-fr.mp3"), ("podcast-en.xml", "ep-en.mp3", None))
    for feed, name, before in feeds:
        [item] = ET.parse(site.site / feed).getroot().iter("item")
        enclosure = item.find("enclosure")
        assert enclosure is not None and enclosure.get("url") == f"https://example.org/assets/convaudio/blog/{name}"
        assert item.findtext("guid") == stable_guid(key, f"assets/convaudio/blog/{before or name}"), feed
    samples, rate = decode(site.site / "assets/convaudio/blog/ep.fr.mp3")
    assert len(samples) / rate > 0.5


def _built_a_while_ago(site: Site, *pages: str) -> None:
    for page in pages:  # so that a page's HTML is newer than its own file, as after any real build
        path = site.docs / page
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10_000_000_000))


def test_a_dirty_build_keeps_the_chapters_of_the_pages_it_skips(site: Site) -> None:
    """The feed of a `--dirty` build lists the pages it skipped as the last build recorded them: their
    `<podcast:chapters>` too, linking the file that build left in the site."""
    feed_site(site)
    site.write("parts.md", post(f"```json\n{SECTIONED}\n```\n", title="Parts", date="2026-11-23"))
    _built_a_while_ago(site, "one.md", "two.md", "deux.md", "parts.md")
    site.build()
    before = (site.site / "podcast-en.xml").read_bytes()
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    assert site.build(dirty=True).conversations == 1  # one.md only
    assert (site.site / "podcast-en.xml").read_bytes() == before
    links = {url: link for url, link in _feed_chapters(site, "podcast-en.xml").items() if link}
    root = "https://example.org/blog/assets/convaudio/"
    assert links == {f"{root}parts-1.mp3": f"{root}parts-1.chapters.json"}
    assert (site.site / "assets/convaudio/parts-1.chapters.json").is_file()


def test_a_dirty_build_publishes_remembered_episodes_under_its_own_site_url(site: Site) -> None:
    """`mkdocs serve` builds under its own `site_url` (127.0.0.1): the episodes it remembered went into the feed of
    the next `build --dirty` with their localhost URLs (review 104)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.config["site_url"] = "http://127.0.0.1:8000/"  # as `mkdocs serve` builds
    site.build()
    site.config["site_url"] = "https://example.org/blog/"
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    feed = (site.site / "podcast-en.xml").read_text()
    assert "127.0.0.1" not in feed
    english = ET.parse(site.site / "podcast-en.xml").getroot()
    urls = [item.find("enclosure").get("url") or "" for item in english.iter("item")]  # type: ignore[union-attr]
    assert len(urls) == 3 and all(url.startswith("https://example.org/blog/assets/") for url in urls), urls


def test_a_dirty_build_removes_a_feed_left_without_episodes(site: Site) -> None:
    """A language's last audio page turned off: a `--dirty` build kept its feed, episode and all (review 104)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    assert (site.site / "podcast-fr.xml").is_file()
    site.write("deux.md", post(conversation(("A", "Deuxième."), ("B", "Oui.")), title="Deux", lang="fr", audio=False))
    site.build(dirty=True)
    assert not (site.site / "podcast-fr.xml").exists()
    assert [item.findtext("title") for item in ET.parse(site.site / "podcast-en.xml").getroot().iter("item")] == [
        "Two",
        "Two (2)",
        "One",
    ]


def test_a_dirty_build_says_which_skipped_pages_its_feed_lacks(site: Site) -> None:
    """Episodes no build recorded (a cache from before they were, or the podcast just turned on) were dropped from
    the feed without a word (review 104)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    (site.root / ".cache/plugin/convaudio/feed-episodes-memo.json").unlink()
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    [warning] = [w for w in site.warnings() if "podcast feed lacks" in w]
    assert "2 page(s)" in warning and "deux.md" in warning and "two.md" in warning, warning
    assert "without --dirty" in warning


@pytest.mark.parametrize(("older", "chapters_published"), [("2", False), ("2", True), ("3", True)])
def test_the_first_dirty_build_after_an_upgrade_keeps_the_skipped_pages_in_its_feed(
    site: Site, monkeypatch: pytest.MonkeyPatch, older: str, chapters_published: bool
) -> None:
    """The feed's record of each page moved to a new version (the chapters file's URL, then the artwork's): an
    upgraded site's first `--dirty` build left the pages it skips out of the feed, with a warning. The older
    versions' records are all but those URLs: the episodes are taken from them, with the chapters file's URL where
    the site has the file (version 2 published none, so a skipped page has none until it is built again), and
    recorded anew, so the next `--dirty` build keeps them too."""
    feed_site(site)
    site.write("parts.md", post(f"```json\n{SECTIONED}\n```\n", title="Parts", date="2026-11-23"))
    _built_a_while_ago(site, "one.md", "two.md", "deux.md", "parts.md")
    site.build()
    feeds = ("podcast-en.xml", "podcast-fr.xml")
    before = {feed: (site.site / feed).read_bytes() for feed in feeds}
    memo = site.root / ".cache/plugin/convaudio/feed-episodes-memo.json"
    data = json.loads(memo.read_text(encoding="utf-8"))
    for record in data["memo"].values():  # as older releases wrote them: 2 with no chapters' URL, 3 no artwork's
        for episode in record["episodes"]:
            del episode["image_url"]
            if older == "2":
                del episode["chapters_url"]
    memo.write_text(json.dumps({**data, "version": older}), encoding="utf-8")
    chapters = site.site / "assets/convaudio/parts-1.chapters.json"
    if not chapters_published:
        chapters.unlink()  # as the release before left the site
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    for built in (1, 0):  # one.md, then none: the next `--dirty` build finds the records kept anew
        monkeypatch.setattr(feed_memory, "_older_tables", {})  # each build a process of its own, as on the command line
        assert site.build(dirty=True).conversations == built
        assert not [w for w in site.warnings() if "podcast feed lacks" in w], site.warnings()
        after = {feed: (site.site / feed).read_bytes() for feed in feeds}
        if chapters_published:
            assert after == before
        else:
            assert after["podcast-fr.xml"] == before["podcast-fr.xml"]
            # every episode, `parts.md`'s without the chapters file the site lacks
            titles = [item.findtext("title") for item in ET.parse(site.site / "podcast-en.xml").getroot().iter("item")]
            assert titles == ["Parts", "Two", "Two (2)", "One"]
            assert set(_feed_chapters(site, "podcast-en.xml").values()) == {None}


def test_static_i18n_feed_of_a_pages_own_language_outside_the_default_one(site: Site) -> None:
    """A page in the French folder with `lang: es` (no language of mkdocs-static-i18n): only the French build has
    it, and no build wrote its feed (review 104)."""
    static_i18n(site, "folder")
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("en/talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="Talk"))
    site.write("fr/talk.md", post(conversation(("A", "Bonjour."), ("B", "Salut.")), title="Causerie"))
    site.write("fr/hola.md", post(conversation(("A", "Hola."), ("B", "Sí.")), title="Hola", lang="es"))
    site.build()
    spanish = ET.parse(site.site / "podcast-es.xml").getroot()
    assert [item.findtext("title") for item in spanish.iter("item")] == ["Hola"]
    assert [item.findtext("title") for item in ET.parse(site.site / "podcast-en.xml").getroot().iter("item")] == [
        "Talk"
    ]


def test_a_dirty_build_does_not_republish_what_changed_while_the_feed_was_off(site: Site) -> None:
    """A page built again while the podcast was off kept its old record: the next `--dirty` build with the feed on
    published its old title and its old MP3's length (review 105). Turning the feed on is a change of the plugin's
    options, so that build now builds every audio page again (bug bash 111), and the feed is the full build's."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    site.plugin_options["podcast"] = {"enabled": False}
    longer = conversation(("A", "Deuxième, plus longue."), ("B", "Oui."))
    site.write("deux.md", post(longer, title="Deux bis", lang="fr"))
    site.build()
    site.plugin_options["podcast"] = {"enabled": True}
    _built_a_while_ago(site, "deux.md")
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    assert not [w for w in site.warnings() if "podcast feed lacks" in w]
    french = (site.site / "podcast-fr.xml").read_bytes()  # not republished stale
    assert b"<title>Deux bis</title>" in french and b"<title>Deux</title>" not in french


def test_a_feed_removed_by_a_dirty_build_after_a_build_elsewhere(site: Site, tmp_path: Path) -> None:
    """The feeds the last build wrote were remembered whatever its site_dir, then only within one process: after
    `mkdocs serve` (its own folder, its own process), a `--dirty` build into the site kept a feed with no episode
    left (reviews 105 and 108)."""
    from tests.test_warm_memos import new_process

    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    site.write("deux.md", post(conversation(("A", "Deuxième."), ("B", "Oui.")), title="Deux", lang="fr", audio=False))
    new_process()
    site.config["site_dir"] = str(tmp_path / "served")
    site.build()
    new_process()
    site.config["site_dir"] = str(site.site)
    site.build(dirty=True)
    assert not (site.site / "podcast-fr.xml").exists()
    assert (site.site / "podcast-en.xml").exists() and (site.site / "plain.html").exists()


def test_a_dirty_builds_pages_name_the_feed_as_the_full_build_titled_it(site: Site) -> None:
    """The rebuilt page's `<link rel="alternate">` said "Test" in a `--dirty` build, where the feed itself is "Test
    (English)": the count of feeds came from the rebuilt pages alone (review 105)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    assert 'type="application/rss+xml" title="Test (English)" href="podcast-en.xml"' in site.html("one.html")


def test_static_i18n_feed_of_a_language_no_build_is_for_holds_every_builds_pages(site: Site) -> None:
    """Pages with `lang: es` in the English and the French folder: each build wrote `podcast-es.xml` with its own
    page only, the French one last (review 105)."""
    static_i18n(site, "folder")
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("en/talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="Talk"))
    site.write("en/hola1.md", post(conversation(("A", "Hola uno."), ("B", "Sí.")), title="Hola1", lang="es"))
    site.write("fr/hola2.md", post(conversation(("A", "Hola dos."), ("B", "Sí.")), title="Hola2", lang="es"))
    site.build()
    spanish = ET.parse(site.site / "podcast-es.xml").getroot()
    assert sorted(item.findtext("title") or "" for item in spanish.iter("item")) == ["Hola1", "Hola2"]


def _shared_dialogue_site(site: Site) -> None:
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    script = site.docs / "talks/ep.json"
    script.parent.mkdir(parents=True)
    script.write_text(json.dumps([{"speaker": "A", "line": "Shared."}, {"speaker": "B", "line": "Yes."}]))
    site.write("p2.md", post("[Script](talks/ep.json)\n", title="Two", date="2026-01-02"))
    site.write("p3.md", post("[Script](talks/ep.json)\n", title="Three", date="2026-01-03"))
    _built_a_while_ago(site, "p2.md", "p3.md")
    site.build()


def test_a_dirty_build_keeps_one_episode_of_a_dialogue_file_two_pages_link(site: Site) -> None:
    """A dialogue file two pages link is one episode: `--dirty` builds published it twice, once with the length
    of the MP3 before it was made again, and warned of the page whose conversation is the other's episode
    (review 108)."""
    _shared_dialogue_site(site)
    for page in ("p3.md", "p2.md"):
        (site.docs / page).write_text((site.docs / page).read_text() + "\nMore prose.\n")
        site.build(dirty=True)
        assert not [warning for warning in site.warnings() if "podcast feed lacks" in warning]
        items = list(ET.parse(site.site / "podcast-en.xml").getroot().iter("item"))
        assert len(items) == 1, [item.findtext("title") for item in items]
        enclosure = items[0].find("enclosure")
        assert enclosure is not None
        published = site.site / (enclosure.get("url") or "").removeprefix("https://example.org/")
        assert int(enclosure.get("length") or 0) == published.stat().st_size


def test_static_i18n_full_build_keeps_the_feed_of_a_language_no_build_is_for(site: Site) -> None:
    """The French build removed `podcast-es.xml` that the English build had just written, as the last build had
    written it from French pages too (review 108)."""
    static_i18n(site)
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("hola1.md", post(conversation(("A", "Hola uno."), ("B", "Sí.")), title="Hola1", lang="es"))
    site.write("hola2.fr.md", post(conversation(("A", "Hola dos."), ("B", "Sí.")), title="Hola2", lang="es"))
    site.build()
    (site.docs / "hola2.fr.md").unlink()
    site.build()
    spanish = ET.parse(site.site / "podcast-es.xml").getroot()
    assert [item.findtext("title") for item in spanish.iter("item")] == ["Hola1"]


def test_a_dirty_build_lists_episodes_of_one_date_as_a_full_build_does(site: Site) -> None:
    """Episodes of one date were in the build's order: a `--dirty` build listed the page it built before the one it
    skipped, and the feed changed with no episode changed (review 108)."""
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    for name in ("alpha", "beta"):
        site.write(f"{name}.md", post(conversation(("A", f"{name}."), ("B", "Yes.")), title=name, date="2026-11-20"))
    _built_a_while_ago(site, "alpha.md", "beta.md")
    site.build()
    full = (site.site / "podcast-en.xml").read_bytes()
    (site.docs / "beta.md").write_text((site.docs / "beta.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    assert (site.site / "podcast-en.xml").read_bytes() == full


def test_a_dirty_build_after_the_page_holding_a_shared_episode_went_keeps_the_feed(site: Site) -> None:
    """The page whose episode a dialogue file two pages link was is deleted: a `--dirty` build cannot tell that the
    other page holds it now, warned, then removed the whole feed (review 109)."""
    _shared_dialogue_site(site)
    site.build(dirty=True)  # the second page's record holds what it shares: no warning
    assert not [warning for warning in site.warnings() if "podcast feed lacks" in warning]
    (site.docs / "p2.md").unlink()
    site.build(dirty=True)
    [warning] = [w for w in site.warnings() if "podcast feed lacks" in w]
    assert "p3.md" in warning, warning
    assert (site.site / "podcast-en.xml").exists()  # not removed while a page's episodes are unknown


def test_a_feed_kept_in_docs_dir_is_published_not_removed(site: Site) -> None:
    """A feed file of this package copied into docs_dir (an ended show's, kept as it was) is the site's file: the
    build removed it as a feed with no episode left (review 109)."""
    feed_site(site)
    site.build()
    (site.docs / "podcast-de.xml").write_bytes((site.site / "podcast-fr.xml").read_bytes())
    site.build()
    assert (site.site / "podcast-de.xml").exists()


def test_a_dirty_build_with_the_feed_turned_off_leaves_no_feed(site: Site) -> None:
    """A full build with the podcast off writes no feed; a `--dirty` one kept the last feeds, with stale lengths
    (review 109)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    site.plugin_options["podcast"] = {"enabled": False}
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    site.build(dirty=True)
    assert not list(site.site.glob("podcast-*.xml"))


def test_static_i18n_pages_title_their_feeds_as_the_feeds_are_titled(site: Site) -> None:
    """With a page in a language no build is for, the French pages' links said "Test" and the French feed "Test
    (Français)" (review 109)."""
    static_i18n(site)
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("a.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="A"))
    site.write("a.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut.")), title="A"))
    site.write("e.md", post(conversation(("A", "Hola."), ("B", "Sí.")), title="E", lang="es"))
    site.build()
    title = ET.parse(site.site / "podcast-fr.xml").getroot().findtext("channel/title")
    assert f'title="{title}" href="../podcast-fr.xml"' in site.html("fr/a.html"), title


def test_podcast_feed_needs_site_url(site: Site) -> None:
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes."))))
    message = site.build_error()
    assert "podcast.enabled needs `site_url` in mkdocs.yml" in message and "Traceback" not in message
    # at the line of `podcast:` in the config file, as the options' other problems are (it began "convaudio:")
    lines = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.strip().startswith("podcast:"))
    assert message.split(": podcast.enabled needs")[0].endswith(f"mkdocs.yml:{line}"), message
    assert not (site.site / "podcast-en.xml").exists()


def _podcast_line(config_file: Path) -> int:
    lines = config_file.read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.strip().startswith("podcast:"))


def test_podcast_feed_without_site_url_names_the_config_file_built(site: Site) -> None:
    """`mkdocs build -f blog.yml`: the error is at blog.yml's `podcast:` line and asks for `site_url` in blog.yml (it
    said "in mkdocs.yml", a file the site need not have; review f-small2)."""
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes."))))
    site.write_config()
    config_file = (site.root / "mkdocs.yml").rename(site.root / "blog.yml")
    site.caplog.clear()
    with pytest.raises(Abort), site.caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(config_file)))
    message = [record.getMessage() for record in site.caplog.records if record.levelno >= logging.ERROR][-1]
    assert "podcast.enabled needs `site_url` in blog.yml," in message and "mkdocs.yml" not in message, message
    assert message.split(": podcast.enabled needs")[0].endswith(f"blog.yml:{_podcast_line(config_file)}"), message


def test_podcast_feed_without_feedgen_is_an_error_at_the_podcast_line(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the feedgen package (a `None` in `sys.modules` makes it unimportable) the error is at the config file's
    `podcast:` line, as the podcast's other problems are (it began "convaudio:"; review f-small2)."""
    monkeypatch.setitem(sys.modules, "feedgen", None)
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True}
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes."))))
    message = site.build_error()
    where = f"mkdocs.yml:{_podcast_line(site.root / 'mkdocs.yml')}"
    assert message.split(": podcast.enabled needs the feedgen package: pip install")[0].endswith(where), message
    assert "convaudio:" not in message and "Traceback" not in message, message
    assert not (site.site / "podcast-en.xml").exists()


def test_podcast_feed_without_imagesize_is_an_error_at_the_podcast_line(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """imagesize (new in the `podcast` extra) measures the posts' covers once the audio is made: without it, a site
    upgraded with `pip install -U mkdocs-convaudio` and a feedgen of its own stopped there with a traceback (review
    r-me42). Named before anything is rendered, at the `podcast:` line, as feedgen is."""
    monkeypatch.setitem(sys.modules, "imagesize", None)
    site.config.update(site_url="https://example.org/")
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/show.png"}
    (site.docs / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site.write("one.md", post(conversation(("A", "First post."), ("B", "Yes.")), image="cover.png"))
    message = site.build_error()
    where = f"mkdocs.yml:{_podcast_line(site.root / 'mkdocs.yml')}"
    assert message.split(": podcast.enabled needs the imagesize package: pip install")[0].endswith(where), message
    assert "Traceback" not in message and not site.audio_files(), message


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("feed-{language}.xml", "can only fill in {lang}"),
        ("../feed-{lang}.xml", "is not a file inside the site"),
        ("feeds/{lang}/", "is not a file inside the site"),  # a folder: a file without extension (bug bash 72)
        ("feed.xml", "gives the feeds of en, fr one file"),
    ],
)
def test_a_podcast_path_that_would_lose_a_feed_stops_the_build_before_any_audio(
    site: Site, path: str, words: str
) -> None:
    """A field other than {lang} (a traceback after the audio was made), a path out of site_dir (feeds written
    beside mkdocs.yml), one file for two languages (the English feed replaced by the French one, its page still
    linking it): each is named, before anything is synthesized."""
    feed_site(site)
    site.plugin_options["podcast"]["path"] = path
    message = site.build_error()
    assert f"podcast.path {path!r}" in message and words in message and "Traceback" not in message, message
    assert not site.audio_files() and not list(site.root.rglob("*.mp3"))
    assert not list(site.root.rglob("feed*.xml"))


def test_feed_warns_about_a_post_without_date_and_a_missing_cover(site: Site) -> None:
    site.config["site_url"] = "https://example.org/"
    site.plugin_options["podcast"] = {"enabled": True, "image": "img/cover.jpg"}
    two = conversation(("A", "First post."), ("B", "Yes.")) + "\n" + conversation(("A", "Again."), ("B", "Yes."))
    site.write("one.md", post(two))
    site.write("un.md", post(conversation(("A", "Bonjour."), ("B", "Oui.")), lang="fr", date="2026-11-20"))
    site.build()
    # once for the post, not once for each of its conversations (bug bash 72)
    assert sum("one.md: no `date:` in the front matter" in warning for warning in site.warnings()) == 1
    # once, not once for each language's feed (bug bash 95)
    assert sum("podcast.image: img/cover.jpg is not a file of the built site" in w for w in site.warnings()) == 1
    root = ET.parse(site.site / "podcast-en.xml").getroot()
    items = list(root.iter("item"))
    assert len(items) == 2 and all(item.find("pubDate") is None for item in items)
    # no post has a date: no build time either (feedgen wrote the clock's, so each rebuild changed the feed)
    assert root.find("channel/lastBuildDate") is None and root.find("channel/title") is not None


def test_pages_sharing_a_conversation_get_their_own_tags(site: Site) -> None:
    site.write("a.md", post(conversation(("A", "Same words."), ("B", "Same.")), title="Page A"))
    site.write("b.md", post(conversation(("A", "Same words."), ("B", "Same.")), title="Page B"))
    summary = site.build()
    assert summary.synthesized == 2  # one render for both pages
    a, b = site.audio_files()
    assert tags_of(a)["TIT2"].text == ["Page A"] and tags_of(b)["TIT2"].text == ["Page B"]
    cache = site.root / ".cache/plugin/convaudio"
    assert len(list(cache.rglob("conversations/*.mp3"))) == 1 and not list(cache.rglob("*.tmp"))
    # a rebuild leaves the published copies alone: their stamp says they are already what the page needs
    published = cache / "site/assets/convaudio/a-1.mp3"
    inode = published.stat().st_ino
    site.build()
    assert published.stat().st_ino == inode


def test_podcast_feed_per_language_with_static_i18n(site: Site) -> None:
    site.config["site_url"] = "https://example.org/"
    site.config["site_name"] = "The Blog"
    static_i18n(site)
    site.config["plugins"][0]["i18n"]["languages"][1]["site_name"] = "Le Blog"  # each feed is titled after its own
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/cover.png"}
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!")), date="2026-11-20"))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !")), date="2026-11-21"))
    site.build(strict=True)
    feeds = {}
    for language in ("en", "fr"):
        root = ET.parse(site.site / f"podcast-{language}.xml").getroot()
        [item] = root.iter("item")
        enclosure = item.find("enclosure")
        assert enclosure is not None
        published = site.site / (enclosure.get("url") or "").removeprefix("https://example.org/")
        assert int(enclosure.get("length") or 0) == published.stat().st_size
        feeds[language] = (root.findtext("channel/title"), root.findtext("channel/language"), item.findtext("link"))
    assert feeds == {
        "en": ("The Blog", "en", "https://example.org/blog/talk.html"),
        "fr": ("Le Blog", "fr", "https://example.org/fr/blog/talk.html"),
    }


def _channel_texts(feed: Path) -> tuple[str | None, ...]:
    """A feed's title, description, iTunes summary and iTunes author."""
    channel = ET.parse(feed).getroot().find("channel")
    assert channel is not None
    fields = ("title", "description", f"{ITUNES}summary", f"{ITUNES}author")
    return tuple(channel.findtext(name) for name in fields)


def test_each_languages_feed_has_its_own_title_description_and_author(site: Site) -> None:
    """Translations side by side (`git-en.md`, `git-fr.md`, no mkdocs-static-i18n): the French feed had the English
    `site_description`, with no way to give it its own (bug bash). A language the mappings lack (German here) keeps
    the site's, its title suffixed with the language's name as before."""
    site.config.update(site_url="https://example.org/", site_description="Talks about git", site_author="Jane")
    site.plugin_options["podcast"] = {
        "enabled": True,
        "image": "https://example.org/cover.png",
        "title": {"en": "Git talks", "fr": "Causeries git"},
        "description": {"en": "Two people talk about git.", "fr": "Deux personnes parlent de git."},
        "author": {"fr": "Jeanne"},
    }
    site.write("git-en.md", post(conversation(("A", "Hello."), ("B", "Hi.")), date="2026-11-20"))
    site.write("git-fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut.")), date="2026-11-20"))
    site.write("git-de.md", post(conversation(("A", "Hallo."), ("B", "Guten Tag.")), date="2026-11-20"))
    quebec = post(conversation(("A", "Allô."), ("B", "Bonjour.")), date="2026-11-20", lang="fr-CA")
    site.write("quebec.md", quebec)  # `fr` is French of every region too
    site.build(strict=True)
    english, english_about = "Git talks", "Two people talk about git."
    french, french_about = "Causeries git", "Deux personnes parlent de git."
    assert _channel_texts(site.site / "podcast-en.xml") == (english, english_about, english_about, "Jane")
    assert _channel_texts(site.site / "podcast-fr.xml") == (french, french_about, french_about, "Jeanne")
    assert _channel_texts(site.site / "podcast-fr-CA.xml") == (french, french_about, french_about, "Jeanne")
    german = _channel_texts(site.site / "podcast-de.xml")
    assert german == ("Test (Deutsch)", "Talks about git", "Talks about git", "Jane")
    assert 'type="application/rss+xml" title="Causeries git" href="podcast-fr.xml"' in site.html("git-fr.html")


def test_static_i18n_feeds_take_their_languages_entries(site: Site) -> None:
    """Under mkdocs-static-i18n each language's build picks its own entry; French, missing from `title`, keeps its
    build's `site_name`."""
    site.config.update(site_url="https://example.org/", site_name="The Blog", site_description="About things")
    static_i18n(site)
    site.config["plugins"][0]["i18n"]["languages"][1]["site_name"] = "Le Blog"
    site.plugin_options["podcast"] = {
        "enabled": True,
        "image": "https://example.org/cover.png",
        "title": {"en": "The Show"},
        "description": {"en": "A show about things.", "fr": "Une émission sur les choses."},
    }
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!")), date="2026-11-20"))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !")), date="2026-11-21"))
    site.build(strict=True)
    english = _channel_texts(site.site / "podcast-en.xml")
    assert english == ("The Show", "A show about things.", "A show about things.", "The Blog")
    french = _channel_texts(site.site / "podcast-fr.xml")
    assert french == ("Le Blog", "Une émission sur les choses.", "Une émission sur les choses.", "Le Blog")


def test_a_feed_takes_the_entry_of_its_tags_longest_prefix_and_no_empty_one(site: Site) -> None:
    """`hant` (`zh-Hant`) is the `zh-Hant-TW` feed's: only the language (`zh`) was tried after the whole tag. An
    empty entry (`en: ""`) or an unset one (`en: !ENV UNSET` is null) is none: the English feed's title was empty."""
    site.config.update(site_url="https://example.org/", site_description="About things", site_author="Jane")
    site.plugin_options["podcast"] = {
        "enabled": True,
        "image": "https://example.org/cover.png",
        "title": {"hant": "節目", "en": ""},
        "description": {"zh-Hant": "關於", "en": None},
        "author": {"zh": "王"},
    }
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), date="2026-11-20"))
    taiwan = post(conversation(("A", "你好。"), ("B", "早安。")), date="2026-11-20", lang="zh-Hant-TW")
    site.write("taiwan.md", taiwan)
    site.build(strict=True)
    assert _channel_texts(site.site / "podcast-en.xml") == ("Test (English)", "About things", "About things", "Jane")
    assert _channel_texts(site.site / "podcast-zh-Hant-TW.xml") == ("節目", "關於", "關於", "王")


def test_a_language_aliases_code_is_a_key_of_its_languages_feed(site: Site) -> None:
    """Pages written `lang: klingon` with `language_aliases: {klingon: en-GB}`: `title: {klingon: …}` was "not a
    language code", though the site's pages use it; it is the `en-GB` feed's."""
    site.config.update(site_url="https://example.org/")
    site.plugin_options["language_aliases"] = {"Klingon": "en-GB"}
    site.plugin_options["podcast"] = {
        "enabled": True,
        "image": "https://example.org/cover.png",
        "title": {"klingon": "The Klingon show"},
    }
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), date="2026-11-20"))
    site.write("kl.md", post(conversation(("A", "Good day."), ("B", "Hi.")), date="2026-11-20", lang="klingon"))
    site.build(strict=True)
    assert _channel_texts(site.site / "podcast-en-GB.xml")[0] == "The Klingon show"
    assert _channel_texts(site.site / "podcast-en.xml")[0] == "Test (English)"


@pytest.mark.parametrize(
    ("description", "line_of", "words"),
    [
        (
            {"en": "Talks.", "xx": "Nope."},
            "xx:",
            "podcast.description: 'xx' is not a language code; use the code of a feed's language (en, fr, pt-BR…) as "
            "each key (`description: {en: …, fr: …}`), or add it to `language_aliases`",
        ),
        ({"en": "Talks.", "fr": 3}, "fr:", "podcast.description: fr: must be text, not int"),
        # Norwegian, written `no:`, is false to YAML: it was "'False' is not a language code"
        (
            {False: "Samtaler."},
            "description:",
            "podcast.description: a key is False, not a language code: YAML reads `no`, `yes`, `on` and `off` as "
            "false or true; quote a language code written so (`'no': …`)",
        ),
        (["Talks."], "description:", "podcast.description must be text, or a mapping from language code to text"),
    ],
)
def test_a_bad_per_language_podcast_field_is_a_config_error_at_its_line(
    site: Site, description: Any, line_of: str, words: str
) -> None:
    """A language code that is none, a text that is not one, a list: MkDocs' config check names the option, at
    its line of the config file, before anything is built."""
    feed_site(site)
    site.plugin_options["podcast"]["description"] = description
    message = site.build_error()
    lines = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    podcast = _podcast_line(site.root / "mkdocs.yml")
    line = next(number for number, text in enumerate(lines, 1) if number > podcast and text.strip().startswith(line_of))
    assert f"mkdocs.yml:{line}: {words}" in message and "Traceback" not in message, message
    assert not site.audio_files() and not list(site.root.rglob("podcast-*.xml"))


def test_mp3_tags_name_each_languages_own_site_name_with_static_i18n(site: Site) -> None:
    site.config["site_name"] = "The Blog"
    static_i18n(site)
    site.config["plugins"][0]["i18n"]["languages"][1]["site_name"] = "Le Blog"
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.build()
    artists = {mp3.name: (tags_of(mp3)["TPE1"].text, tags_of(mp3)["TALB"].text) for mp3 in site.audio_files()}
    assert artists == {"talk-1.mp3": (["The Blog"], ["The Blog"]), "talk.fr-1.mp3": (["Le Blog"], ["Le Blog"])}


def test_a_page_a_language_lacks_keeps_its_own_languages_tags_and_feed_enclosure_with_static_i18n(
    site: Site,
) -> None:
    # the French build showed the English page French lacks and tagged its MP3 again with the French site name:
    # the English feed, written before, then gave the MP3 a length it no longer had (show bug bash)
    site.config["site_url"] = "https://example.org/"
    site.config["site_name"] = "The Blog"
    static_i18n(site)
    site.config["plugins"][0]["i18n"]["languages"][1]["site_name"] = "Le Blog"
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/cover.png"}
    site.write("index.md", "# Home\n")
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!")), date="2026-11-20"))
    site.write("talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !")), date="2026-11-21"))
    site.write("only.md", post(conversation(("A", "Only in English."), ("B", "Yes.")), date="2026-11-22"))
    for _ in range(2):  # and a warm build leaves it so
        site.build(strict=True)
        artists = {mp3.name: tags_of(mp3)["TPE1"].text for mp3 in site.audio_files()}
        assert artists == {"talk-1.mp3": ["The Blog"], "only-1.mp3": ["The Blog"], "talk.fr-1.mp3": ["Le Blog"]}
        root = ET.parse(site.site / "podcast-en.xml").getroot()
        lengths = {}
        for enclosure in root.iter("enclosure"):
            published = site.site / (enclosure.get("url") or "").removeprefix("https://example.org/")
            lengths[published.name] = (int(enclosure.get("length") or 0), published.stat().st_size)
        assert set(lengths) == {"talk-1.mp3", "only-1.mp3"}
        assert all(length == size for length, size in lengths.values()), lengths


def test_cache_prune_keeps_the_published_copies_of_pages_that_exist(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write("keep.md", post(conversation(("A", "This post stays."), ("B", "Yes.")), title="Keep"))
    gone = site.write("gone.md", post(conversation(("A", "This post goes."), ("B", "Bye.")), title="Gone"))
    site.build()
    published = site.root / ".cache/plugin/convaudio/site/assets/convaudio"
    gone.unlink()
    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0
    capsys.readouterr()
    assert tags_of(published / "keep-1.mp3")["TIT2"].text == ["Keep"]
    assert "This post stays." in (published / "keep-1.vtt").read_text(encoding="utf-8")
    assert not (published / "gone-1.vtt").exists() and not (published / "gone-1.mp3").exists()
    assert site.build().synthesized == 0


def test_podcast_feed_links_of_pages_with_non_ascii_names_resolve(site: Site) -> None:
    """MkDocs percent-encodes page URLs itself: the feed must not encode them twice (`%25C3%25A9`)."""
    site.config["site_url"] = "https://example.org/blog/"
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/cover.png"}
    site.write("café à deux.md", post(conversation(("A", "Un café ?"), ("B", "Oui.")), lang="fr", date="2026-11-20"))
    site.build(strict=True)
    [item] = ET.parse(site.site / "podcast-fr.xml").getroot().iter("item")
    link, enclosure = item.findtext("link") or "", item.find("enclosure")
    assert link == "https://example.org/blog/caf%C3%A9%20%C3%A0%20deux.html"
    assert enclosure is not None
    for url in (link, enclosure.get("url") or ""):  # each names a file of the built site, once decoded
        assert (site.site / unquote(url.removeprefix("https://example.org/blog/"))).is_file(), url


def test_the_feed_and_the_player_show_one_duration() -> None:
    """813.9 s was 13:33 in the player and 00:13:34 in the feed (bug bash 72)."""
    from mkdocs_convaudio.html.feed import itunes_duration
    from mkdocs_convaudio.html.player import format_duration

    def seconds_of(text: str) -> int:
        total = 0
        for part in text.split(":"):
            total = total * 60 + int(part)
        return total

    for seconds in (813.935, 4.819, 3599.99, 7322.5):
        assert seconds_of(itunes_duration(seconds)) == seconds_of(format_duration(seconds)) == int(seconds), seconds


def test_a_right_to_left_conversation_says_so_on_a_left_to_right_site(site: Site) -> None:
    """An Arabic or Hebrew transcript on an English site put its numbers and final stops on the wrong side of the
    speaker's name (bug bash 77): its player says `dir="rtl"`, others none."""
    site.write("ar.md", post(conversation(("A", "مرحبا، هل تعرف Python 3.12؟")), lang="ar"))
    site.write("he.md", post(conversation(("A", "שלום, מה שלומך?")), lang="he"))
    site.write("en.md", post(conversation(("A", "Hello there, how are you?")), lang="en"))
    site.build()
    for page, direction in (("ar.html", ' dir="rtl"'), ("he.html", ' dir="rtl"'), ("en.html", "")):
        html = site.html(page)
        start = html.index('<div class="convaudio"')
        tag = html[start : html.index(">", start)]
        assert f'lang="{page[:2]}"{direction} ' in tag and ("dir=" in tag) == bool(direction), tag


def test_the_players_words_are_in_the_pages_language(site: Site) -> None:
    """A French page's player said "Listen to this conversation", "Download MP3" and "Transcript" (bug bash 76):
    its words follow the page's language (English for a language without its own), and a `player_title` of the
    site's own is kept in every language."""
    site.write("fr.md", post(conversation(("A", "Bonjour à tous."), ("B", "Salut !")), lang="fr"))
    site.write("en.md", post(conversation(("A", "Hello there."), ("B", "Hi!")), lang="en"))
    site.write("sw.md", post(conversation(("A", "Habari zenu."), ("B", "Nzuri!")), lang="sw"))
    # languages beyond the first six (stop 27): Dutch, Japanese, and Chinese by its script
    site.write("nl.md", post(conversation(("A", "Hallo allemaal."), ("B", "Hoi!")), lang="nl"))
    site.write("ja.md", post(conversation(("A", "こんにちは。"), ("B", "やあ！")), lang="ja"))
    site.write("hant.md", post(conversation(("A", "大家好。"), ("B", "你好！")), lang="zh-Hant"))
    site.write("hans.md", post(conversation(("A", "大家好。"), ("B", "你好！")), lang="zh-CN"))
    site.build()
    french = site.html("fr.html")
    for words in ("Écouter cette conversation", "Télécharger le MP3", "<summary>Transcription</summary>"):
        assert words in french, words
    assert 'data-convaudio-speed="Vitesse" data-convaudio-seek="Aller à"' in french
    assert 'data-convaudio-keys="Les flèches haut et bas permettent' in french  # how to move, for the script
    assert "Download MP3" not in french and "Listen to this conversation" not in french
    for page, expected in (
        ("nl.html", ("Luister naar dit gesprek", "MP3 downloaden", "<summary>Transcriptie</summary>", '"Snelheid"')),
        ("ja.html", ("この会話を聴く", "MP3をダウンロード", "<summary>文字起こし</summary>", '"再生速度"')),
        ("hant.html", ("收聽這段對話", "下載 MP3", "<summary>逐字稿</summary>", '"跳至"')),
        ("hans.html", ("收听这段对话", "下载 MP3", "<summary>文字稿</summary>", '"跳转到"')),
    ):
        html = site.html(page)
        for word in expected:
            assert word in html, (page, word)
        assert "Download MP3" not in html, page
    for page in ("en.html", "sw.html"):
        english = site.html(page)
        assert "Listen to this conversation" in english and "<summary>Transcript</summary>" in english
        assert 'data-convaudio-speed="Speed" data-convaudio-seek="Seek to"' in english
        assert 'data-convaudio-keys="Up and Down arrows move between lines; Enter plays from a line."' in english
    site.plugin_options["player_title"] = "Écoutez / Listen"
    site.build()
    assert 'class="convaudio-label">Écoutez / Listen<' in site.html("fr.html")
    assert 'class="convaudio-label">Écoutez / Listen<' in site.html("en.html")


def test_hindi_and_turkish_players_say_the_seek_time_where_their_language_does(site: Site) -> None:
    """A seek button read "यहाँ से चलाएँ 0:02" ("play from here 0:02") on a Hindi page and "Şuraya git 0:02" ("go
    over there 0:02") on a Turkish one: the label now places the time, "0:02 पर जाएँ", "0:02 konumuna git"; the
    script fills it in (a label without `{time}` is followed by the time, as before)."""
    site.write("hi.md", post(conversation(("A", "नमस्ते।"), ("B", "नमस्ते!")), lang="hi"))
    site.write("tr.md", post(conversation(("A", "Merhaba."), ("B", "Selam!")), lang="tr"))
    site.build()
    hindi, turkish = site.html("hi.html"), site.html("tr.html")
    assert 'data-convaudio-speed="गति" data-convaudio-seek="{time} पर जाएँ"' in hindi
    assert 'data-convaudio-speed="Hız" data-convaudio-seek="{time} konumuna git"' in turkish
    for page, words in (
        (hindi, ("यह बातचीत सुनें", "MP3 डाउनलोड करें", "<summary>ट्रांसक्रिप्ट</summary>")),
        (turkish, ("Bu sohbeti dinleyin", "MP3&#x27;ü indir", "<summary>Metin dökümü</summary>")),
    ):
        assert all(word in page for word in words), words
    script = (site.site / "assets" / "convaudio" / "convaudio.js").read_text(encoding="utf-8")
    assert 'seek.replace("{time}", clock(start))' in script


def test_every_language_says_in_its_own_words_how_to_move_between_the_lines() -> None:
    """The transcript is one Tab stop, its lines reached with the arrow keys: a screen reader's user is told so in
    the page's language (a language given the player's other words and not this would read it in English)."""
    english = LABELS["en"].keys
    assert "Up and Down" in english and "Enter" in english
    others = {language: words.keys for language, words in LABELS.items() if language != "en"}
    assert all(keys and keys != english for keys in others.values()), others
    assert labels("pt-PT").keys == LABELS["pt"].keys and labels("sw").keys == english
    # and, on a transcript whose lines have links, that Tab goes to the line's links: the key's name in each
    assert LABELS["en"].link_keys == "Tab goes to the current line's links."
    others = {language: words.link_keys for language, words in LABELS.items() if language != "en"}
    assert all("Tab" in keys and keys != LABELS["en"].link_keys for keys in others.values()), others
    assert len(set(others.values())) == len(others), others
    assert labels("pt-PT").link_keys not in (LABELS["pt"].link_keys, LABELS["en"].link_keys)
    # French sets ; : ! ? apart with a space that never breaks from them (a line of a screen reader's braille
    # display, or a narrow window, began with a lone ";")
    french = " ".join(str(words) for words in astuple(LABELS["fr"]))
    assert "\u202f;" in LABELS["fr"].keys and not re.search(r"\s(?<![\u00a0\u202f])[;:!?]", french), french


def test_the_players_words_are_part_of_its_code_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembered players are made again when the code that writes them changes: the words of `labels.py` too
    (a corrected translation was otherwise kept in every remembered player)."""
    from mkdocs_convaudio.html import player

    read: list[str] = []
    original = Path.read_bytes

    def recording(path: Path) -> bytes:
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", recording)
    player._player_code_version()
    assert {"player.py", "transcript.py", "labels.py"} <= set(read), read


@pytest.mark.parametrize(
    ("tag", "download"),
    [
        ("zh-Hant", "下載 MP3"),
        ("zh-TW", "下載 MP3"),
        ("zh-Hans-HK", "下载 MP3"),  # the script wins over the region
        ("zh-CN", "下载 MP3"),
        ("yue", "下載 MP3"),  # Cantonese is written in Traditional characters
        ("yue-Hans", "下载 MP3"),
        ("cmn-Hant", "下載 MP3"),
        ("pt", "Baixar o MP3"),
        ("pt-BR", "Baixar o MP3"),
        ("pt-PT", "Transferir o MP3"),
        ("no", "Last ned MP3"),
        ("nn-NO", "Last ned MP3"),
        ("sw", "Download MP3"),
    ],
)
def test_the_players_words_follow_the_language_tag(tag: str, download: str) -> None:
    """Traditional Chinese by script or region (and Cantonese), Portugal's Portuguese, Norwegian in either
    written form: each tag a translated site uses gets its readers' words (review 81)."""
    from mkdocs_convaudio.html.labels import labels

    assert labels(tag).download == download


def test_a_feed_path_two_languages_share_stops_a_dirty_build_with_a_message(site: Site) -> None:
    """Said as an error, not a traceback, whichever step finds it (review 114: the step after `render` raised it
    raw)."""
    feed_site(site)
    _built_a_while_ago(site, "one.md", "two.md", "deux.md")
    site.build()
    site.plugin_options["podcast"] = {**site.plugin_options["podcast"], "path": "feed.xml"}
    (site.docs / "one.md").write_text((site.docs / "one.md").read_text() + "\nMore prose.\n")
    message = site.build_error(dirty=True)
    assert "podcast.path 'feed.xml' gives the feeds of en, fr one file" in message, message


def test_a_feed_podcast_directories_would_refuse_is_a_warning(site: Site) -> None:
    """Without a cover, or with a category Apple does not have, the feed was written without a word, and Apple
    Podcasts refused it (bug bash 113)."""
    site.config["site_url"] = "https://example.org/blog/"
    site.plugin_options["podcast"] = {"enabled": True, "category": "technology"}
    site.write("index.md", "# Home\n")
    site.build(strict=True)  # no episode yet: no feed to warn about (review 118)
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi.")), date="2026-11-20"))
    site.build()
    warnings = [message for message in site.warnings() if "podcast." in message]
    assert any(
        "podcast.image is not set: Apple Podcasts and Spotify refuse a feed without a cover" in w for w in warnings
    )
    assert any(
        "podcast.category 'technology' is not one of Apple Podcasts' categories (did you mean 'Technology'?)" in w
        for w in warnings
    ), warnings
    site.plugin_options["podcast"] = {"enabled": True, "category": "Technology", "image": "https://example.org/c.png"}
    site.build(strict=True)
