"""What a conversation is produced with (music bed, intro, outro) and how: plain settings, no audio libraries,
so planning a build imports nothing heavy."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConvaudioError, not_finite, raise_all

#: Speech must stay at least this many LU above the ducked bed.
MIN_SPEECH_ABOVE_BED = 15.0
#: Fades at the edges of intro and outro clips: long enough that no cut clicks, short enough to be unheard.
JOIN_FADE = 0.015
#: How a music bed's loops are joined (`music.LoopedBed`): a crossfade that keeps its level (stop 27; before, equal
#: power, which swelled at each loop of a bed whose ends are alike).
MUSIC_LOOP = "level-kept crossfade"


#: The longest ramps (attack, release) and lead or fade a show may ask for, in seconds.
MAX_RAMP = 10.0
MAX_LEAD = 60.0


@dataclass(frozen=True)
class MusicSettings:
    """How the bed sits under the speech; every field changes the sound, so all are part of the cache key."""

    level: float = -12.0  # LU relative to the speech's integrated loudness, where nobody speaks
    depth: float = 10.0  # dB the bed goes down while anyone speaks
    attack: float = 0.3  # s: the bed starts going down this long before a line starts
    release: float = 0.8  # s: and comes back up over this long after a line ends
    fade_in: float = 1.5  # s at the start of the bed
    fade_out: float = 2.5  # s at the end of the bed
    lead: float = 2.5  # s of bed alone before the first line and after the last
    crossfade: float = 0.5  # s where the loop's end overlaps its start

    def validate(self) -> None:
        """Every problem of these options at once (`Problems`)."""
        problems = []
        unreal = not_finite(
            {
                "music_level": self.level,
                "music_depth": self.depth,
                "music_attack": self.attack,
                "music_release": self.release,
                "music_fade_in": self.fade_in,
                "music_fade_out": self.fade_out,
                "music_lead": self.lead,
            },
            "docs/show.md#options",
        )
        if unreal:  # the checks below would pass a `.nan` or say a `-.inf` as another problem
            raise unreal
        if self.depth < 0 or self.level > 0:
            problems.append(ConvaudioError("music_level must be 0 or below and music_depth 0 or above (both in dB)"))
        elif self.level - self.depth > -MIN_SPEECH_ABOVE_BED:
            problems.append(
                ConvaudioError(
                    f"music_level {self.level:g} with music_depth {self.depth:g} leaves the bed only "
                    f"{self.depth - self.level:g} LU under the speech while anyone speaks; speech stays clear at "
                    f"{MIN_SPEECH_ABOVE_BED:g} LU or more: lower music_level or raise music_depth"
                )
            )
        times = (self.attack, self.release, self.fade_in, self.fade_out, self.lead, self.crossfade)
        if min(times) < 0:
            problems.append(
                ConvaudioError("music_attack, music_release, music_fade_in/out and music_lead cannot be negative")
            )
        # seconds, not milliseconds: `music_lead: 3000` made a 5-second talk a 100-minute MP3 (bug bash 72)
        too_long = [
            f"{name} {value:g}"
            for name, value, limit in (
                ("music_attack", self.attack, MAX_RAMP),
                ("music_release", self.release, MAX_RAMP),
                ("music_fade_in", self.fade_in, MAX_LEAD),
                ("music_fade_out", self.fade_out, MAX_LEAD),
                ("music_lead", self.lead, MAX_LEAD),
            )
            if value > limit
        ]
        if too_long:
            problems.append(
                ConvaudioError(
                    f"{', '.join(too_long)}: these are seconds; music_attack and music_release go up to "
                    f"{MAX_RAMP:g}, music_lead and the fades to {MAX_LEAD:g}"
                )
            )
        raise_all(problems)


@dataclass(frozen=True)
class Asset:
    """A sound file used by a show, known by its content (its hash is what the cache key holds)."""

    path: Path
    digest: str

    @classmethod
    def of(cls, path: Path) -> Asset:
        # read in pieces: a 1 GB WAV bed was read whole into memory at every build (bug bash 111)
        with open(path, "rb") as handle:
            return cls(path, hashlib.file_digest(handle, "sha256").hexdigest())


@dataclass(frozen=True)
class Production:
    """What a conversation is produced with; `None` parts are off."""

    music: Asset | None = None
    intro: Asset | None = None
    outro: Asset | None = None
    settings: MusicSettings = field(default_factory=MusicSettings)

    @property
    def active(self) -> bool:
        return any((self.music, self.intro, self.outro))

    def key(self) -> dict[str, Any]:
        """The part of the conversation's cache key: files by content, never by path."""
        key: dict[str, Any] = {
            "music": self.music.digest if self.music else None,
            "intro": self.intro.digest if self.intro else None,
            "outro": self.outro.digest if self.outro else None,
            "music_settings": asdict(self.settings) if self.music else None,
            "join_fade": JOIN_FADE,  # changing the joins changes the sound
        }
        if self.music:  # so do the bed's loops (keys of conversations without a bed stay as they were)
            key["music_loop"] = MUSIC_LOOP
        return key

    def assets(self) -> list[Asset]:
        return [asset for asset in (self.music, self.intro, self.outro) if asset is not None]
