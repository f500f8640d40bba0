"""Synthetic sites and conversations for the benchmarks: deterministic text, eSpeak lines synthesized once."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

WORDS = [
    "model",
    "data",
    "learn",
    "signal",
    "noise",
    "pattern",
    "example",
    "train",
    "test",
    "error",
    "loss",
    "gradient",
    "weight",
    "layer",
    "network",
    "value",
    "question",
    "answer",
    "simple",
    "really",
    "because",
    "maybe",
    "think",
    "know",
    "right",
    "wrong",
    "better",
    "worse",
    "again",
    "always",
    "never",
    "often",
    "people",
    "machine",
    "language",
    "sound",
    "voice",
    "music",
    "river",
    "mountain",
    "city",
    "evening",
    "morning",
    "coffee",
    "garden",
    "window",
    "table",
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice([".", "?", "!", "."])


def turns(count: int, seed: int = 0, words: tuple[int, int] = (8, 18)) -> list[dict[str, str]]:
    """`count` turns alternating mostly between two speakers, 8–18 words each (about 3–6 s with eSpeak)."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        speaker = "AB"[index % 2] if rng.random() > 0.2 else "AB"[(index + 1) % 2]
        out.append({"speaker": speaker, "line": sentence(rng, rng.randint(*words))})
    return out


def post(lines: list[dict[str, str]], title: str) -> str:
    body = json.dumps(lines, indent=1)
    return f"---\naudio: true\nlang: en\n---\n\n# {title}\n\n```json\n{body}\n```\n"


def blog_post(lines: list[dict[str, str]], title: str) -> str:
    """`post` with prose around the conversation, as a blog post has: four paragraphs before it and four after
    (about 550 words in all)."""
    rng = random.Random(title)

    def prose() -> str:
        return "\n\n".join(" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(5)) for _ in range(4))

    head, fence, rest = post(lines, title).partition("```json\n")
    return f"{head}{prose()}\n\n{fence}{rest}\n{prose()}\n"


def write_site(
    root: Path,
    posts: dict[str, list[dict[str, str]]],
    *,
    enabled: bool = True,
    page: Callable[[list[dict[str, str]], str], str] = post,
    **options: object,
) -> Path:
    """A plain MkDocs site with one page per post (`page` writes each); returns its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, lines in posts.items():
        (docs / name).write_text(page(lines, name), encoding="utf-8")
    config = {
        "site_name": "Bench",
        "use_directory_urls": False,
        "plugins": [{"convaudio": {"enabled": enabled, **options}}],
    }
    path = root / ("mkdocs.yml" if enabled else "mkdocs-disabled.yml")
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def write_variant(config: Path, suffix: str, changes: Mapping[str, object]) -> Path:
    """A copy of a site's config beside it (`mkdocs<suffix>.yml`) with some settings changed."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    path = config.with_name(f"{config.stem}{suffix}.yml")
    path.write_text(yaml.safe_dump({**settings, **changes}), encoding="utf-8")
    return path


def write_i18n_site(root: Path, posts: dict[str, list[dict[str, str]]]) -> Path:
    """A site built by mkdocs-static-i18n in English and French (suffix layout): each post in both languages, the
    French one (`name.fr.md`) read by a French voice. Returns its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, lines in posts.items():
        (docs / name).write_text(post(lines, name), encoding="utf-8")
        french = post(lines, name).replace("lang: en", "lang: fr", 1)
        (docs / name.replace(".md", ".fr.md")).write_text(french, encoding="utf-8")
    languages = [
        {"locale": "en", "default": True, "name": "English", "build": True},
        {"locale": "fr", "name": "Français", "build": True},
    ]
    config = {
        "site_name": "Bench",
        "use_directory_urls": False,
        "plugins": [{"i18n": {"docs_structure": "suffix", "languages": languages}}, {"convaudio": {}}],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def edit_line(root: Path, name: str, index: int, text: str) -> None:
    """Replace turn `index` of a post with new words (one line to synthesize again)."""
    page = root / "docs" / name
    source = page.read_text(encoding="utf-8")
    head, _, rest = source.partition("```json\n")
    body, _, tail = rest.partition("\n```")
    lines = json.loads(body)
    lines[index]["line"] = text
    page.write_text(head + "```json\n" + json.dumps(lines, indent=1) + "\n```" + tail, encoding="utf-8")
