"""The plugin's options, typed and validated by MkDocs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .engines import ENGINES

ENGINE_NAMES = tuple(ENGINES)


class ConvAudioConfig(base.Config):  # type: ignore[no-untyped-call]
    """`plugins: [convaudio: {...}]` in mkdocs.yml; see docs/configuration.md for each option."""

    enabled = c.Type(bool, default=True)
    engine = c.Choice(ENGINE_NAMES, default="espeak")
    fallback_engine = c.Optional(c.Choice(ENGINE_NAMES))
    espeak = c.Type(dict, default={})
    google = c.Type(dict, default={})
    openai = c.Type(dict, default={})
    elevenlabs = c.Type(dict, default={})

    voice_map = c.Type(str, default="convaudio-voices.yml")
    cache_dir = c.Type(str, default=".cache/plugin/convaudio")
    audio_dir = c.Type(str, default="assets/convaudio")
    player_position = c.Choice(("inline", "top"), default="inline")
    player_title = c.Type(str, default="Listen to this conversation")

    pause = c.Type((int, float), default=0.55)
    pause_same_speaker = c.Type((int, float), default=0.2)
    sentence_pause = c.Type((int, float), default=0.12)
    loudness = c.Type((int, float), default=-16.0)
    true_peak = c.Type((int, float), default=-1.0)
    bitrate = c.Type(int, default=64)
    sample_rate = c.Type(int, default=24000)

    concurrency = c.Optional(c.Type(int))
    retries = c.Type(int, default=5)
    retry_base_delay = c.Type((int, float), default=1.0)
    retry_max_delay = c.Type((int, float), default=60.0)

    generate = c.Type(bool, default=True)
    max_characters = c.Optional(c.Type(int))
    prices = c.Type(dict, default={})

    # produced like a show (docs/show.md): sound files relative to the folder of mkdocs.yml
    music = c.Optional(c.Type(str))
    music_level = c.Type((int, float), default=-12.0)
    music_depth = c.Type((int, float), default=10.0)
    music_attack = c.Type((int, float), default=0.3)
    music_release = c.Type((int, float), default=0.8)
    music_fade_in = c.Type((int, float), default=1.5)
    music_fade_out = c.Type((int, float), default=2.5)
    music_lead = c.Type((int, float), default=2.5)
    intro = c.Optional(c.Type(str))
    outro = c.Optional(c.Type(str))
    video = c.Type(bool, default=False)
    video_size = c.Type(str, default="1280x720")
    video_fit = c.Choice(("crop", "pad"), default="crop")
