"""The pause at a change of speaker follows the turns (`turn_gaps.py`), and a turn with nothing to say takes no time
(`stream.layout`): every change of speaker was the same 0.55 s, and a reply of only an emoji 1.5 s of silence."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mkdocs_convaudio.audio.assembly import AssemblySettings
from mkdocs_convaudio.audio.figures import LineFigures
from mkdocs_convaudio.audio.stream import Layout, layout
from mkdocs_convaudio.audio.turn_gaps import TurnCue, ending, speaker_change_gap
from mkdocs_convaudio.errors import ConvaudioError

SETTINGS = AssemblySettings()
RATE = SETTINGS.sample_rate


def figures(seconds: float) -> LineFigures:
    """A line of `seconds` of speech, as assembly knows it (its loudness does not matter here)."""
    samples = int(seconds * RATE)
    chunks = -(-samples // (RATE // 100))
    return LineFigures(RATE, 0, samples, np.zeros(chunks + 5), np.zeros(chunks))


def planned(lines: list[tuple[str, float, str]], settings: AssemblySettings = SETTINGS) -> Layout:
    """The layout of (speaker, seconds, text) turns; 0 seconds is a turn with nothing to say (no parts)."""
    turns = [
        (speaker, [(f"{text}|{seconds}", figures(seconds))] if seconds else []) for speaker, seconds, text in lines
    ]
    return layout(turns, settings, [text for _speaker, _seconds, text in lines])


def gaps(plan: Layout) -> list[float]:
    spoken = [span for span in plan.spans if span[1] > span[0]]
    return [round((following[0] - before[1]) / plan.rate, 4) for before, following in itertools.pairwise(spoken)]


def test_a_quick_reply_comes_sooner_and_a_reply_to_a_long_explanation_later() -> None:
    short_question = TurnCue(0.8, "Ready?", "a")
    one_word = TurnCue(0.5, "Right.", "b")
    explanation = TurnCue(12.0, "So the encoder adds silence, and the decoder takes it away again.", "c")
    long_question = TurnCue(7.0, "But then why does the file still start late in some players?", "d")
    reply = TurnCue(4.0, "Because they ignore the encoder's delay, and play it as it is.", "e")
    quick = speaker_change_gap(0.55, 1.0, short_question, one_word)
    thought = speaker_change_gap(0.55, 1.0, long_question, reply)
    after_explanation = speaker_change_gap(0.55, 1.0, explanation, reply)
    assert 0.6 * 0.55 <= quick < 0.45 < 0.55 < after_explanation <= 1.4 * 0.55
    assert 0.55 < thought <= 1.4 * 0.55
    # the same turns, the same gap; none, or the configured pause alone, without variation
    assert speaker_change_gap(0.55, 1.0, short_question, one_word) == quick
    assert speaker_change_gap(0.55, 0.0, short_question, one_word) == 0.55
    assert speaker_change_gap(0.55, 0.5, short_question, one_word) == pytest.approx((0.55 + quick) / 2)
    # never under 0.2 s, nor under a configured pause that is shorter still
    assert speaker_change_gap(0.3, 1.0, short_question, one_word) == 0.2
    assert speaker_change_gap(0.1, 1.0, short_question, one_word) == 0.1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Can you break it down?", "question"),
        ("Tu peux m'expliquer ?", "question"),
        ('"Really?"', "question"),
        ("Wow!", "exclamation"),
        ("So...", "trailing"),
        ("Well —", "trailing"),
        ("Right.", "statement"),
        ("", "statement"),
        # review 146: these were told apart wrongly
        ("Τι κάνεις;", "question"),  # Greek asks with ";" (U+037E is ";" once normalized)
        ("Είσαι έτοιμος;", "question"),
        ("Really?!", "question"),  # a surprised question, as "!?" and "⁈" are
        ("I was just—", "statement"),  # a word cut off: the other speaker cuts in, no beat
        ("It was pre-", "statement"),
        ("Well -", "trailing"),
        ("First; second;", "statement"),  # ";" after Latin letters is no question
    ],
)
def test_how_a_line_ends(text: str, kind: str) -> None:
    assert ending(text) == kind


def test_the_gaps_of_a_conversation_vary_around_the_pause_and_an_edit_moves_only_its_own() -> None:
    lines = [
        ("A", 4.0, "I have been reading about machine learning lately."),
        ("B", 0.6, "Really?"),
        ("A", 0.5, "Yes."),
        ("B", 9.0, "Then let me tell you how a model learns from examples, one small correction at a time."),
        ("A", 2.5, "And what happens when it gets one wrong?"),
        ("B", 3.0, "It adjusts a little, and tries again."),
        ("B", 2.0, "Over and over."),
        ("A", 0.7, "Exactly."),
    ]
    plan = planned(lines)
    before = gaps(plan)
    assert before == gaps(planned(lines))  # the same conversation, the same layout
    pairs = itertools.pairwise(lines)
    change = [gap for gap, (first, second) in zip(before, pairs, strict=True) if first[0] != second[0]]
    assert len(set(change)) == len(change)  # no longer one pause for every change of speaker
    assert all(0.6 * 0.55 <= gap <= 1.4 * 0.55 for gap in change), change
    assert abs(sum(change) / len(change) - 0.55) < 0.1  # the configured pause stays the centre
    assert before[5] == 0.35  # a speaker going on keeps `pause_same_speaker`
    # an edit of line 4 (longer, other words) moves the gaps on each side of it, and no other
    edited = [
        *lines[:4],
        ("A", 5.0, "And what happens, in practice, when it gets one of the pictures wrong?"),
        *lines[5:],
    ]
    after = gaps(planned(edited))
    assert [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new] == [3, 4]
    # turned off: every change of speaker gets `pause`
    off = gaps(planned(lines, AssemblySettings(pause_variation=0)))
    assert off == [0.35 if first[0] == second[0] else 0.55 for first, second in itertools.pairwise(lines)]


def test_a_turn_with_nothing_to_say_takes_no_time_and_keeps_its_place() -> None:
    """A reply of only an emoji: the conversation flows as if it were absent (A going on: the same speaker's
    pause), and its span is empty, where the next spoken turn starts; at the end, where the last one ends."""
    with_emoji = planned([("A", 1.0, "Did it work?"), ("B", 0, "👍"), ("A", 2.0, "Good."), ("B", 0, "🙂🙂")])
    without = planned([("A", 1.0, "Did it work?"), ("A", 2.0, "Good.")])
    assert with_emoji.length == without.length
    assert [piece.offset for piece in with_emoji.pieces] == [piece.offset for piece in without.pieces]
    first, emoji, second, last = with_emoji.spans
    assert emoji == (second[0], second[0]) and last == (second[1], second[1])
    assert (second[0] - first[1]) / RATE == pytest.approx(0.35, abs=1 / RATE)
    # one with nothing to say at all: the edges alone
    assert planned([("A", 0, "👍")]).length == 2 * int(0.25 * RATE)


def test_a_pause_variation_outside_0_to_1_is_refused() -> None:
    with pytest.raises(ConvaudioError, match=r"pause_variation must be from 0 .* not 1\.5"):
        AssemblySettings(pause_variation=1.5).validate()
