"""An RSS 2.0 podcast feed (iTunes and Podcasting 2.0 tags) of a site's conversations, built with feedgen."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ..text.conversation import without_controls

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


@dataclass
class Episode:
    """One conversation as a feed item; every URL absolute."""

    guid: str
    title: str
    page_url: str
    audio_url: str
    length: int
    duration: float
    published: datetime.datetime | None
    language: str
    description: str
    transcript_url: str | None = None
    #: its Podcasting 2.0 JSON chapters file, when it has sections
    chapters_url: str | None = None
    #: its artwork (`<itunes:image>`): the post's cover, when podcast apps take it (see `site_feeds.episode_art`)
    image_url: str | None = None


@dataclass
class Channel:
    """The feed's own fields."""

    title: str
    link: str
    feed_url: str
    description: str
    language: str
    author: str
    explicit: bool = False
    category: str | None = None
    image: str | None = None
    email: str | None = None
    episodes: list[Episode] = field(default_factory=list)


#: An episode's fields that are URLs of the site: kept relative to `site_url` (`mkdocs serve` builds with its own)
_SITE_URLS = ("page_url", "audio_url", "transcript_url", "chapters_url", "image_url")


def episode_record(episode: Episode, site_url: str) -> dict[str, Any]:
    """An episode as JSON keeps it, its URLs relative to `site_url` (a page's episodes are remembered for the
    `--dirty` builds that skip the page, which may publish under another `site_url`: `mkdocs serve`'s)."""
    record = dict(vars(episode))
    record["published"] = episode.published.isoformat() if episode.published else None
    for name in _SITE_URLS:
        if isinstance(url := record[name], str) and url.startswith(site_url):
            record[name] = url[len(site_url) :]
    return record


def episode_from_record(record: Any, site_url: str) -> Episode | None:
    """The episode `episode_record` kept, under `site_url`; None for a record it did not write (an older or damaged
    memo)."""
    try:
        published = record["published"]
        fields = {**record, "published": datetime.datetime.fromisoformat(published) if published else None}
        for name in _SITE_URLS:
            if isinstance(fields.get(name), str):
                fields[name] = urljoin(site_url, fields[name])
        return Episode(**fields)
    except (TypeError, KeyError, ValueError):
        return None


def stable_guid(*parts: str) -> str:
    """The same item keeps its GUID across rebuilds and hosts (podcast apps key episodes by it)."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"convaudio:{digest}"


def itunes_duration(seconds: float) -> str:
    """`HH:MM:SS`, truncated to the second as the player shows it (813.9 s is 13:33 in both, not 13:34 here)."""
    total = int(seconds)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def front_matter_date(value: Any) -> datetime.datetime | None:
    """`date:` as YAML gives it (a date, a datetime, text, or Material's `{created: ...}`), in UTC if naive."""
    if isinstance(value, dict):
        value = value.get("created", next(iter(value.values()), None)) if value else None
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.UTC)
    return None


def _podcast_index_extensions() -> tuple[type[Any], type[Any]]:
    """A feedgen extension for the Podcasting 2.0 namespace (feedgen has none): `<podcast:transcript>` and
    `<podcast:chapters>`; and `<itunes:explicit>` as Apple spells it now (`true`/`false`; feedgen only knows the
    older `yes`/`no`)."""
    from feedgen.ext.base import BaseEntryExtension, BaseExtension
    from feedgen.util import xml_elem

    class PodcastIndex(BaseExtension):  # type: ignore[misc]
        def __init__(self) -> None:
            self.explicit = False

        def extend_ns(self) -> dict[str, str]:
            return {"podcast": PODCAST_NS}

        def extend_rss(self, feed: Any) -> Any:
            channel = feed[0]
            explicit = xml_elem(f"{{{ITUNES_NS}}}explicit", channel)
            explicit.text = "true" if self.explicit else "false"
            return feed

    class PodcastIndexEntry(BaseEntryExtension):  # type: ignore[misc]
        def __init__(self) -> None:
            self.transcripts: list[dict[str, str]] = []
            self.chapter_files: list[dict[str, str]] = []

        def transcript(self, url: str, kind: str, language: str, rel: str = "captions") -> None:
            self.transcripts.append({"url": url, "type": kind, "language": language, "rel": rel})

        def chapters(self, url: str, kind: str = "application/json+chapters") -> None:
            self.chapter_files.append({"url": url, "type": kind})

        def extend_rss(self, item: Any) -> Any:
            for tag, elements in (("transcript", self.transcripts), ("chapters", self.chapter_files)):
                for attributes in elements:
                    element = xml_elem(f"{{{PODCAST_NS}}}{tag}", item)
                    for name, value in attributes.items():
                        element.attrib[name] = value
            return item

    return PodcastIndex, PodcastIndexEntry


def podcast_feed(channel: Channel) -> bytes:
    """The feed as UTF-8 XML, newest episode first (feedgen, from the `podcast` extra, is imported here)."""
    from feedgen.feed import FeedGenerator

    # XML cannot carry NUL or most control characters, even escaped: a `title: "a\u0000b"` would stop lxml
    text = without_controls
    generator = FeedGenerator()
    generator.load_extension("podcast")
    generator.register_extension("podcastindex", *_podcast_index_extensions())
    generator.title(text(channel.title))
    generator.link(href=channel.feed_url, rel="self", type="application/rss+xml")
    generator.link(href=channel.link, rel="alternate")  # feedgen takes the last link as RSS's <link>
    generator.description(text(channel.description))
    generator.language(channel.language)
    generator.generator("mkdocs-convaudio")
    generator.podcast.itunes_author(text(channel.author))
    generator.podcastindex.explicit = channel.explicit
    generator.podcast.itunes_summary(text(channel.description))
    if channel.category:
        generator.podcast.itunes_category(text(channel.category))
    if channel.image:
        generator.podcast.itunes_image(channel.image)
        generator.image(url=channel.image, title=text(channel.title), link=channel.link)
    if channel.email:
        generator.podcast.itunes_owner(name=text(channel.author), email=channel.email)
    dated = [episode.published for episode in channel.episodes if episode.published is not None]
    if dated:
        generator.lastBuildDate(max(dated))  # from the posts, not the clock: a rebuild gives the same feed
    epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    # feedgen writes items in reverse order of addition: add the oldest last so it comes out last
    # newest first; posts of one date by their address, whatever the build's order (a `--dirty` build lists the
    # pages it built before those it skipped: review 108); a post's conversations in their order (the sorts are
    # stable, also in reverse)
    by_page = sorted(channel.episodes, key=lambda episode: episode.page_url)
    ordered = sorted(by_page, key=lambda episode: episode.published or epoch, reverse=True)
    for episode in reversed(ordered):
        entry = generator.add_entry()
        entry.guid(episode.guid, permalink=False)
        entry.title(text(episode.title))
        entry.link(href=episode.page_url)
        entry.description(text(episode.description))
        entry.enclosure(episode.audio_url, str(episode.length), "audio/mpeg")
        if episode.published is not None:
            entry.pubDate(episode.published)
        entry.podcast.itunes_duration(itunes_duration(episode.duration))
        if episode.transcript_url:
            entry.podcastindex.transcript(episode.transcript_url, "text/vtt", episode.language)
        if episode.chapters_url:
            entry.podcastindex.chapters(episode.chapters_url)
        if episode.image_url:
            entry.podcast.itunes_image(episode.image_url)
    data: bytes = generator.rss_str(pretty=True)
    if not dated:
        # feedgen writes the clock's time when no date is given; an optional element, left out so that a rebuild
        # of an unchanged site gives the same feed
        data = re.sub(rb"\s*<lastBuildDate>[^<]*</lastBuildDate>", b"", data, count=1)
    return data
