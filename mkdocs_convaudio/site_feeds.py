"""A site's podcast feeds, build by build: the files each writes, their episodes, those a `--dirty` build keeps."""

from __future__ import annotations

import contextlib
import hashlib
import html
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

from .errors import ConvaudioError
from .feed_memory import feed_files, merged, older_record, published_length, recorded_episodes, stamp
from .html.captions import track_label
from .html.player import relative_url
from .html.transcript import line_text
from .i18n_builds import LanguageBuild, same_language
from .store.files import atomic_path
from .text.headings import numbered_title
from .voices.languages import BUILTIN_ALIASES
from .voices.translations import normal

if TYPE_CHECKING:  # the feed's own code is imported only by builds that write one
    from .build import Placed, TimingsTable
    from .config import PodcastConfig
    from .html.feed import Channel, Episode
    from .store.memo import Memo

#: The memo of each audio page's podcast episodes, for the `--dirty` builds that skip the page
FEED_EPISODES = "feed-episodes"
#: 2: URLs relative to `site_url`, with the page source's stamp (1 held absolute URLs: review 104); 3: with the
#: chapters file's URL (a `--dirty` build's feed kept 2's episodes without their `<podcast:chapters>`); 4: with the
#: artwork's URL (3's episodes lost their `<itunes:image>`: review r-me42)
FEED_EPISODES_VERSION = "4"


@dataclass(frozen=True)
class FeedPage:
    """What an episode takes from the page that places its conversation."""

    src_uri: str
    title: str
    url: str  # site-relative and percent-encoded, as MkDocs gives it
    meta: Mapping[str, Any]
    locale: str | None  # the page file's, from mkdocs-static-i18n
    #: its cover's path in the site (`dest_uri`), as the build's files give it: under mkdocs-static-i18n, the
    #: language's own copy (`fr/blog/cover.png` from `cover.fr.png`; with folders, `blog/cover.png` from `en/blog/`)
    cover: str | None = None
    #: that cover's source file (`abs_src_path`): its stamp, unlike the site copy's, which every full build writes
    #: anew, tells a `--dirty` build skipping the page whether the cover changed since its record
    cover_source: str | None = None


@dataclass(frozen=True)
class Site:
    """The fields of the site a build's feeds need (its channels fall back on its name, description and author)."""

    name: str
    url: str  # site_url, ending in "/"
    folder: Path  # site_dir
    description: str | None = None
    author: str | None = None


#: Apple Podcasts' episode artwork: a square JPEG or PNG of 1400 to 3000 pixels a side, at a URL ending in `.jpg` or
#: `.png` (feedgen refuses others)
ART_SIDES = (1400, 3000)
ART_SUFFIXES = (".jpg", ".png")


def art_name_problem(name: str) -> str | None:
    """Why a cover named `name` (a site path or a URL) cannot be artwork by its name, or None: feedgen takes only
    `.jpg` and `.png` in lower case at the end of the name (it refused `cover.JPG` with its own words for an
    episode, and wrote no `<itunes:image>` for the show, `show.JPG` or `show.jpg?v=2`, without a word)."""
    if name.endswith(ART_SUFFIXES):  # the whole name, as feedgen tests it: a URL's `?v=2` too
        return None
    path = urlsplit(name).path if "://" in name else name
    stem, suffix = posixpath.splitext(posixpath.basename(path))
    tail = name[len(name.split("?", 1)[0].split("#", 1)[0]) :]
    if suffix in ART_SUFFIXES and tail:  # a URL's query or fragment (review r-site6: dropped without a word)
        return f"its address must end in `{suffix}`: give it without `{tail}`"
    if suffix.lower() in ART_SUFFIXES and suffix not in ART_SUFFIXES:
        return f"its extension must be `{suffix.lower()}` in lower case: rename the file `{stem}{suffix.lower()}`"
    return "not a .jpg or .png"


def cover_sources(meta: Mapping[str, Any], src_uri: str) -> list[str]:
    """The docs_dir paths a post's cover (`image:` or `cover:`) may name, in order: as the video's cover, relative
    to the page, else to docs_dir; from `/`, to docs_dir. Empty for no cover, or a URL."""
    key = next((name for name in ("image", "cover") if meta.get(name)), None)
    value = meta.get(key) if key else None
    if not isinstance(value, str) or "://" in value:
        return []  # no cover, or one the site does not hold (the video says so, when it is on)
    written = value.strip()
    if written.startswith("/"):
        candidates = [written.lstrip("/")]
    else:
        candidates = [posixpath.join(posixpath.dirname(src_uri), written), written]
    return [path for path in map(posixpath.normpath, candidates) if not path.startswith("../")]


def episode_art(page: FeedPage, folder: Path) -> tuple[str | None, str | None]:
    """The site path of the post's cover as its episodes' artwork, or None and why not, when there is a cover
    podcast apps would refuse (the feed's image stands then). Measured from the built site's copy's header
    (imagesize): never decoded."""
    if not cover_sources(page.meta, page.src_uri):
        return None, None  # no cover, or a URL
    written = next(str(page.meta[name]).strip() for name in ("image", "cover") if page.meta.get(name))
    found = page.cover
    if found is None or not (folder / found).is_file():
        # a typo the video, when it is on, stops at; without it, the episode lost its artwork without a word
        return None, f"{page.src_uri} (`{written}`: no such file in the site)"
    problem = art_problem(found, folder)
    return (None, f"{page.src_uri} (`{written}`: {problem})") if problem else (found, None)


def repainted_art(pages: Sequence[str]) -> str:
    """The build's one line on the covers that are their episodes' artwork at the same address as before, with
    other bytes: podcast apps keep artwork by its address, and go on showing the old picture."""
    named = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
    which = f"the cover of {named} is a new picture" if len(pages) == 1 else f"the covers of {named} are new pictures"
    return (
        f"podcast feed: {which} at the address of the old one, and podcast apps keep an episode's artwork by its "
        "address, so they may go on showing the old picture; to have them show the new one, give it a new file name "
        "(and the post's `image:` or `cover:` with it)"
    )


def art_problem(found: str, folder: Path) -> str | None:
    """Why the cover at site path `found` is no episode artwork (its name, or its size read from its header), or
    None when it is."""
    if problem := art_name_problem(found):
        return problem
    import imagesize

    width, height = imagesize.get(folder / found)
    low, high = ART_SIDES
    if width != height or not low <= width <= high:
        return f"{width}×{height} px" if width > 0 else "size unreadable"
    return None


def refused_art(refused: list[str]) -> str:
    """The build's one line on the covers that are not episode artwork: each post's, or the first three of many
    (a blog of 16:9 covers said all of them, on every build: review r-me42)."""
    low, high = ART_SIDES
    wanted = f"episode artwork podcast apps take (a square .jpg or .png of {low}–{high} px)"
    if len(refused) == 1:
        return f"podcast feed: the cover of {refused[0]} is not {wanted}: its episodes show the feed's image"
    named = ", ".join(refused[:3]) + (", …" if len(refused) > 3 else "")
    return (
        f"podcast feed: the covers of {len(refused)} posts are not {wanted}, so their episodes show the feed's "
        f"image: {named}"
    )


def check_feed_path(path: str) -> None:
    """`podcast.path` names a file inside the site, with `{lang}` as its only field."""
    try:
        written = path.format(lang="en")
    except (KeyError, IndexError, ValueError, AttributeError):
        raise ConvaudioError(
            f"convaudio: podcast.path {path!r} can only fill in {{lang}} (the feed's language); write e.g. "
            "`podcast-{lang}.xml`"
        ) from None
    bare = written.lstrip("/")
    if posixpath.normpath(bare).startswith("../") or bare in ("", "..", ".") or bare.endswith(("/", "/.", "/..")):
        # a folder (`feeds/{lang}/`) was written as a file without an extension, at a URL that names a folder
        raise ConvaudioError(
            f"convaudio: podcast.path {path!r} is not a file inside the site (site_dir); write a path such as "
            "`podcast-{lang}.xml`"
        )


#: Apple Podcasts' categories (its "Podcasts categories" list): a feed naming another is refused or filed nowhere.
APPLE_CATEGORIES = (
    "Arts",
    "Business",
    "Comedy",
    "Education",
    "Fiction",
    "Government",
    "Health & Fitness",
    "History",
    "Kids & Family",
    "Leisure",
    "Music",
    "News",
    "Religion & Spirituality",
    "Science",
    "Society & Culture",
    "Sports",
    "TV & Film",
    "Technology",
    "True Crime",
)


def directory_problems(image: str | None, category: str | None) -> list[str]:
    """What podcast directories would refuse in a feed's options: Apple wants a cover and one of its categories;
    the feed was written without a word of either (bug bash 113)."""
    problems = []
    if not image:
        problems.append(
            "podcast.image is not set: Apple Podcasts and Spotify refuse a feed without a cover; give a square "
            "image of 1400 to 3000 pixels (`podcast: {image: img/cover.jpg}`, a path in the site or a URL)"
        )
    elif problem := art_name_problem(image):
        problems.append(
            f"podcast.image `{image}`: {problem}; the feed has no `<itunes:image>` without it, and Apple Podcasts "
            "refuses a feed without one"
        )
    if category and category not in APPLE_CATEGORIES:
        import difflib  # only for a category that needs a suggestion: every build imports this module

        near = difflib.get_close_matches(category.title(), APPLE_CATEGORIES, n=1, cutoff=0.5)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        problems.append(
            f"podcast.category {category!r} is not one of Apple Podcasts' categories{hint}: "
            f"{', '.join(APPLE_CATEGORIES)}"
        )
    return problems


def for_language(
    text: str | Mapping[str, str] | None, language: str, aliases: Mapping[str, str] = BUILTIN_ALIASES
) -> str | None:
    """A podcast field's text for `language`'s feed: the field's own text, or its mapping's entry for the language
    (`fr` for `fr-CA` too, `jp` for `ja`, and an alias of `aliases`, by lower-case code, for its language), or None
    when it has none (the feed takes the site's)."""
    if text is None or isinstance(text, str):
        return text
    codes = {normal(aliases.get(normal(code), code)): value for code, value in text.items()}
    subtags = normal(language).split("-")
    # the longest key that is the language's tag or a prefix of it: `zh-Hant` (`hant`) for `zh-Hant-TW`, then `zh`
    found = (codes.get("-".join(subtags[:count])) for count in range(len(subtags), 0, -1))
    return next((entry for entry in found if entry), None)


class SiteFeeds:
    """The feeds of one plugin's builds. It outlives a build: under mkdocs-static-i18n, which builds each language
    in turn, the episodes of a language no build is for (a page's own `lang:`) gather over the run's builds."""

    def __init__(self, warn: Callable[[str], None], info: Callable[[str], None]) -> None:
        self.warn, self.info = warn, info
        self.options: PodcastConfig | None = None  # None: no feed
        self.captions = True
        self.aliases: Mapping[str, str] = BUILTIN_ALIASES
        self.feeds: dict[str, str] = {}  # language → feed URI, for the pages' <link rel="alternate">
        self.language_build: LanguageBuild | None = None  # mkdocs-static-i18n's build of one language
        self.site = Site("", "/", Path())
        self.site_files: set[str] = set()  # the build's own files' URIs in the site (a feed kept in docs_dir)
        #: audio pages a `--dirty` build skips (unchanged, with their side files), with their files' locales (from
        #: mkdocs-static-i18n) and sources: their feed episodes are the ones remembered
        self.skipped_pages: dict[str, tuple[str | None, str | None]] = {}
        #: the episodes remembered for them (`remember_episodes`), and the skipped pages no build recorded
        self.remembered: dict[str, list[Episode]] = {}
        self.unremembered: list[str] = []
        self.remembered_shares: dict[str, list[str]] = {}  # the GUIDs each remembered page holds
        #: each page's cover in the built site and its source file, by page, as this build's episodes found it:
        #: recorded with the source's stamp, so that a `--dirty` build skipping the page notices a cover changed since
        self.covers: dict[str, tuple[str, str | None]] = {}
        self.remembered_covers: dict[str, Any] = {}  # ... and the remembered pages' as their records hold them
        self.art_pages: set[str] = set()  # the pages built now whose cover is their episodes' artwork
        #: under mkdocs-static-i18n, the episodes of languages no build of it is for, from every build of the run so
        #: far: each build writes their feeds whole (the last one, every page's)
        self.foreign_episodes: dict[str, list[Episode]] = {}
        self.feed_count = 0  # how many feeds this build writes, for their titles

    def new_build(self, options: PodcastConfig | None, captions: bool, aliases: Mapping[str, str]) -> None:
        """A build starts (`on_config`): its feed options, or None when it writes no feed; the site's
        `language_aliases` (a feed's language is the code an alias stands for)."""
        self.options, self.captions = options, captions
        self.aliases = {**BUILTIN_ALIASES, **{normal(str(alias)): str(tag) for alias, tag in aliases.items()}}
        self.feeds, self.skipped_pages = {}, {}

    def start(self, language_build: LanguageBuild | None, site: Site, site_files: set[str]) -> None:
        """The build's language (mkdocs-static-i18n's), site and files, known once its files are (`on_files`)."""
        self.language_build, self.site, self.site_files = language_build, site, site_files
        if language_build is None or same_language(language_build.language, language_build.default):
            self.foreign_episodes = {}  # a new run: its first build (mkdocs-static-i18n's default language's)

    def skipped(self, src_uri: str, locale: str | None, source: str | None) -> None:
        """A `--dirty` build skips this audio page: its episodes are the ones remembered."""
        self.skipped_pages[src_uri] = (locale, source)

    def rebuilt(self, src_uri: str) -> None:
        """A `--dirty` build builds this audio page again."""
        self.skipped_pages.pop(src_uri, None)

    def plan(self, placed: Iterable[Placed], pages: Mapping[str, FeedPage], memo: Memo) -> None:
        """Before the audio is rendered: each language's feed file (for the pages' links to their feeds), the
        episodes of the pages this build skips, and how many feeds it writes (their titles tell languages apart)."""
        placed = list(placed)
        self._feed_paths(sorted({item.language for item in placed}))
        self._remember_episodes(memo)
        remembered = {episode.language for episodes in self.remembered.values() for episode in episodes}
        own = {item.language for item in placed if self._own_item(item, pages)}
        self.feed_count = len(self._owned(own | remembered | set(self.foreign_episodes)))

    def head_link(self, language: str | None, page_url: str) -> str | None:
        """The `<link rel="alternate">` of a page in `language` to its feed, if this build has one."""
        feed = self.feeds.get(language) if language is not None else None
        if language is None or feed is None:
            return None
        title = html.escape(self._feed_title(language, self.feed_count))
        href = relative_url(feed, page_url)
        return f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">'

    def write(self, feeds: list[tuple[str, Channel]]) -> None:
        """Write the feeds `channels` gave, each whole or not at all."""
        if not feeds:
            return  # nor import the feed's code: a build without a feed does not need it
        from .html.feed import podcast_feed

        for uri, channel in feeds:
            with atomic_path(self.site.folder / uri) as temp:
                temp.write_bytes(podcast_feed(channel))
            self.info(f"podcast feed {uri}: {len(channel.episodes)} episode(s)")

    def _remember_episodes(self, memo: Memo) -> None:
        """The episodes of the pages this `--dirty` build skips, as the last build that built them recorded them:
        only while the page's source is what it was then (a page built again while the feed was off, its record
        would be stale: review 105); the others are `unremembered`. Their MP3s are checked after `render`."""
        from .html.feed import episode_from_record

        self.remembered, self.unremembered, self.remembered_shares, self.remembered_covers = {}, [], {}, {}
        for src_uri, (locale, source) in sorted(self.skipped_pages.items()):
            if self.language_build is not None and not self.language_build.own_page(locale):
                continue  # a copy of a page this language lacks: its own language's build has its episodes
            key = self._memo_key(src_uri)
            kept = memo.get(key)
            older = kept is None and (kept := older_record(memo.path, key, self.site.folder)) is not None
            episodes = recorded_episodes(kept, source, self.site.url, episode_from_record)
            if older and episodes is not None:
                memo.put(key, kept)  # the version before's record, kept anew: the next `--dirty` build finds it
            if episodes is None:
                self.unremembered.append(src_uri)
            else:
                self.remembered[src_uri] = episodes
                self.remembered_shares[src_uri] = [str(guid) for guid in kept.get("shares", [])]
                self.remembered_covers[src_uri] = kept.get("cover")

    def _current_art(self, cover: Any, episodes: list[Episode]) -> list[Episode]:
        """A skipped page's episodes with the artwork its cover (`[site path, source file, its stamp]`, as its record
        holds it) gives now, in the built site: the page is unchanged, but its cover file may be another since its
        record (a square cover put in place of a 16:9 one kept the old artwork, or none, until the page itself
        changed). Measured again only when the source's stamp differs (MkDocs has copied it by then)."""
        if not (isinstance(cover, list) and len(cover) in (3, 4) and isinstance(cover[0], str)):
            return episodes
        found, source, then = cover[:3]
        if isinstance(source, str) and stamp(source) == then:
            return episodes
        usable = (self.site.folder / found).is_file() and art_problem(found, self.site.folder) is None
        image_url = urljoin(self.site.url, quote(found)) if usable else None
        return [replace(episode, image_url=image_url) for episode in episodes]

    def _cover_record(self, src_uri: str, before: Any, repainted: list[str]) -> list[Any] | None:
        """The page's cover as its feed record holds it: its site path, its source file and that file's stamp (the
        site copy's time changes at every full build, and the memo would with it), and, when it is the episodes'
        artwork, a digest of its bytes, worked out again only when the stamp changed. Podcast apps keep artwork by
        its address: a cover that is the artwork at the same site path as in the page's record, with other bytes, is
        added to `repainted` (the apps go on showing the old picture). None for a page without a cover."""
        found, source = self.covers.get(src_uri, (None, None))
        if found is None:
            return None
        then = stamp(source)
        record: list[Any] = [found, source, then]
        if src_uri not in self.art_pages:
            return record
        old = before.get("cover") if isinstance(before, dict) else None
        # the digest of the picture the page's episodes showed at this address, when its record says it
        shown = old[3] if isinstance(old, list) and len(old) == 4 and old[0] == found else None
        if isinstance(shown, str) and source is not None and old is not None and old[1:3] == [source, then]:
            record.append(shown)
            return record
        digest = None
        with contextlib.suppress(OSError), open(source or self.site.folder / found, "rb") as file:
            digest = hashlib.file_digest(file, "sha256").hexdigest()
        record.append(digest)
        if isinstance(shown, str) and digest is not None and digest != shown:
            repainted.append(f"{src_uri} ({found})")
        return record

    def channels(
        self,
        placed: Iterable[Placed],
        pages: Mapping[str, FeedPage],
        page_items: Mapping[str, list[Placed]],
        page_paths: Mapping[str, str | None],
        timings: TimingsTable,
        memo: Memo,
    ) -> list[tuple[str, Channel]]:
        """Each feed this build writes, with its URI: its language's episodes of the pages built now, and those
        remembered for the pages a `--dirty` build skipped (bug bash 102: the feed kept only the pages rebuilt).
        A feed file of the site left with no episode is removed, as a full build would not write it. Each audio
        page's episodes are recorded in `memo`, for the `--dirty` builds that skip it."""
        from .html.feed import episode_record, stable_guid

        site_url, site_dir = self.site.url, self.site.folder
        by_page = self._episodes(placed, pages, timings)
        repainted: list[str] = []  # pages whose artwork is another picture at the same address
        for src_uri, items in page_items.items():  # every audio page of this build, with no episode too
            if src_uri in by_page or self._own_page(src_uri, page_items, pages):
                record = [episode_record(episode, site_url) for episode in by_page.get(src_uri, [])]
                # the episodes it holds that are another page's (a dialogue file both link): that page gone, a
                # full build gives them to this one, which a `--dirty` build cannot tell (review 109)
                shares = sorted({stable_guid(item.voice_key, item.guid_uri) for item in items})
                key = self._memo_key(src_uri)
                cover = self._cover_record(src_uri, memo.peek(key), repainted)
                memo.put(
                    key,
                    {
                        "source": stamp(page_paths.get(src_uri)),
                        "episodes": record,
                        "shares": shares,
                        **({"cover": cover} if cover else {}),
                    },
                )
        if repainted:  # INFO, as the covers that are no artwork: a warning would fail `--strict` at each new cover
            self.info(repainted_art(repainted))
        # once the site holds the build's files: a cover changed since the page's record is copied by now
        self.remembered = {
            src_uri: self._current_art(self.remembered_covers.get(src_uri), page)
            for src_uri, page in self.remembered.items()
        }
        built = [episode for page in by_page.values() for episode in page]
        built_guids = {episode.guid for episode in built}
        # an MP3 made again since its page's record (its size tells), and not by a page built now: stale
        changed = sorted(
            src_uri
            for src_uri, page in self.remembered.items()
            if any(
                episode.guid not in built_guids and published_length(episode, site_url, site_dir) != episode.length
                for episode in page
            )
        )
        unknown = sorted({*self.unremembered, *changed})
        remembered = [episode for src, page in self.remembered.items() if src not in changed for episode in page]
        episodes = merged(built, remembered)
        listed = {episode.guid for episode in episodes}
        orphaned = sorted(src for src, guids in self.remembered_shares.items() if not set(guids) <= listed)
        unknown = sorted({*unknown, *orphaned})
        if unknown:
            self.warn(
                f"the podcast feed lacks the episodes of {len(unknown)} page(s) this --dirty build skipped, which no "
                f"build recorded as they are now ({', '.join(unknown[:3])}{', …' if len(unknown) > 3 else ''}: "
                "built with the podcast off, into another cache, or by a much older mkdocs-convaudio, whose record "
                "this one does not read); build once without --dirty before publishing"
            )
        build = self.language_build
        if build is not None:  # a page's own language no build of mkdocs-static-i18n is for: every build's pages
            foreign = {episode.language for episode in episodes if build.link(episode.language) is None}
            for language in foreign:
                ours = [episode for episode in episodes if episode.language == language]
                self.foreign_episodes[language] = merged(ours, self.foreign_episodes.get(language, []))
            episodes = [episode for episode in episodes if episode.language not in foreign]
            episodes += [
                episode for language_episodes in self.foreign_episodes.values() for episode in language_episodes
            ]
        owned = self._owned({episode.language for episode in episodes})
        self.feed_count = len(owned)
        assert self.options is not None
        image = self.options.image
        if owned and image and "://" not in image and not (site_dir / image.lstrip("/")).is_file():
            # podcast apps show no cover, or reject the feed: a typo here is seen only after publishing; said once,
            # not once per language's feed
            self.warn(
                f"podcast.image: {image} is not a file of the built site (looked for it in site_dir); put the "
                "image under docs_dir, fix the path (relative to the site's root), or give a full URL"
            )
        self._feed_paths(owned)
        feeds = []
        for language in owned:
            channel = self._channel(language, self.feed_count)
            channel.episodes = [episode for episode in episodes if episode.language == language]
            feeds.append((self.feeds[language], channel))
        if not unknown:  # a page whose episodes are not known may hold a feed's last ones (review 109)
            self.remove_empty_feeds([uri for uri, _ in feeds])
        return feeds

    def remove_empty_feeds(self, written: list[str], path: str | None = None) -> None:
        """The site's feed files (at `path`, the feed option's) this build does not write, of languages it writes
        the feeds of: left by an earlier build into this site_dir (a `--dirty` one keeps them), with no episode
        now. Found in site_dir itself, not remembered: `mkdocs serve` and other builds write elsewhere (review
        108)."""
        build = self.language_build

        def folder_language(folder: str) -> str | None:
            links = build.links.items() if build is not None else ()
            return next((locale for locale, link in links if link.strip("/") == folder), None)

        if path is None:
            assert self.options is not None
            path = self.options.path
        site_dir = self.site.folder
        for uri, language in sorted(feed_files(site_dir, path, folder_language, self.site_files).items()):
            if uri in written:
                continue
            if build is not None:
                whose = language or (build.default if "{lang}" not in path else None)
                if whose is None or not build.owns(whose):
                    continue  # another language's build writes it
            with contextlib.suppress(FileNotFoundError):
                (site_dir / uri).unlink()
                self.info(f"podcast feed {uri} removed: no episode is left in it")

    def _feed_paths(self, languages: list[str]) -> None:
        """Each language's feed file; languages sharing one file (a `podcast.path` without `{lang}`) stop the
        build before anything is rendered: the last feed written would replace the others. Under
        mkdocs-static-i18n, such a path is each language's own, in its folder (`fr/podcast.xml`)."""
        assert self.options is not None
        for language in languages:
            self.feeds[language] = self._feed_uri(language)
        if len(set(self.feeds.values())) < len(self.feeds):
            raise ConvaudioError(
                f"convaudio: podcast.path {self.options.path!r} gives the feeds of {', '.join(languages)} one "
                "file, so each would replace the one before; put {lang} in it (`podcast-{lang}.xml`)"
            )

    def _feed_uri(self, language: str) -> str:
        assert self.options is not None
        path = self.options.path
        link = self.language_build.link(language) if self.language_build is not None else None
        if link is None or "{lang}" in path:
            return path.format(lang=language).lstrip("/")
        return posixpath.join(link.strip("/"), path.lstrip("/"))

    def _own_page(self, src_uri: str, page_items: Mapping[str, list[Placed]], pages: Mapping[str, FeedPage]) -> bool:
        """Whether an audio page is this build's own (see `_own_item`)."""
        items = page_items.get(src_uri, [])
        return not items or self._own_item(items[0], pages)

    def _owned(self, languages: set[str]) -> list[str]:
        """The languages among `languages` whose feeds this build writes (under mkdocs-static-i18n, not another
        language's build's)."""
        build = self.language_build
        return sorted(language for language in languages if build is None or build.owns(language))

    def _own_item(self, item: Placed, pages: Mapping[str, FeedPage]) -> bool:
        """Whether a conversation is on one of this build's own pages (not mkdocs-static-i18n's copy of a page
        another language lacks: that language's build has it in its feed)."""
        page = pages.get(item.audio_uri)
        build = self.language_build
        return build is None or page is None or build.own_page(page.locale)

    def _memo_key(self, src_uri: str) -> str:
        """A page's episodes in the memo: by the build's language too (mkdocs-static-i18n shows a page another
        language lacks in that language's build, at another URL)."""
        return f"{self.language_build.language if self.language_build else ''}\t{src_uri}"

    def _feed_title(self, language: str, count: int) -> str:
        assert self.options is not None
        own = for_language(self.options.title, language, self.aliases)
        if own is not None and not isinstance(self.options.title, str):
            return own  # the language's own title says which language it is
        title = own or self.site.name
        return title if count <= 1 else f"{title} ({track_label(language)})"

    def _channel(self, language: str, count: int) -> Channel:
        """A feed's own fields (its episodes are added by `channels`)."""
        from .html.feed import Channel

        options, site_url = self.options, self.site.url
        assert options is not None
        title = self._feed_title(language, count)
        image = options.image
        if image and "://" not in image:
            image = urljoin(site_url, quote(image.lstrip("/")))
        # under mkdocs-static-i18n, a language's home is its folder (`/sub/fr/`)
        link = self.language_build.link(language) if self.language_build is not None else None
        return Channel(
            title=title,
            link=urljoin(site_url, quote(link.lstrip("/"))) if link else site_url,
            feed_url=urljoin(site_url, quote(self.feeds[language])),
            description=for_language(options.description, language, self.aliases) or self.site.description or title,
            language=language,
            author=for_language(options.author, language, self.aliases) or self.site.author or self.site.name,
            explicit=options.explicit,
            category=options.category,
            image=image,
            email=options.email,
        )

    def _episodes(
        self, placed: Iterable[Placed], pages: Mapping[str, FeedPage], timings: TimingsTable
    ) -> dict[str, list[Episode]]:
        """The episodes of the conversations this build placed, by page."""
        from .html.feed import Episode, front_matter_date, stable_guid

        site_url = self.site.url
        by_page: dict[str, list[Episode]] = {}
        art: dict[str, str | None] = {}  # each page's artwork, measured once
        refused: list[str] = []
        self.covers = {}
        for item in placed:
            page = pages.get(item.audio_uri)
            if page is None or not self._own_item(item, pages):
                continue
            episodes = by_page.setdefault(page.src_uri, [])
            figures = timings.get(item.token, {})
            date = front_matter_date(page.meta.get("date"))
            if date is None and not episodes:  # once per post, not once per conversation of it
                self.warn(
                    f"{page.src_uri}: no `date:` in the front matter, so its podcast episode has no "
                    "publication date; add e.g. `date: 2026-11-20`"
                )
            if page.src_uri not in art:
                art[page.src_uri], why_not = episode_art(page, self.site.folder)
                refused += [why_not] if why_not else []
                if page.cover is not None and cover_sources(page.meta, page.src_uri):
                    self.covers[page.src_uri] = (page.cover, page.cover_source)
            image = art[page.src_uri]
            lines = figures.get("lines", [])
            summary = page.meta.get("description") or " ".join(
                f"{line['speaker']}: {line_text(str(line['text']))}" for line in lines[:2]
            )
            episodes.append(
                Episode(
                    guid=stable_guid(item.voice_key, item.guid_uri),
                    title=numbered_title(page.title, item.label, item.number),
                    page_url=urljoin(site_url, page.url),  # MkDocs gives page URLs percent-encoded already
                    audio_url=urljoin(site_url, quote(item.audio_uri)),
                    length=(self.site.folder / item.audio_uri).stat().st_size,
                    duration=float(figures.get("duration", 0.0)),
                    published=date,
                    language=item.language,
                    description=str(summary),
                    transcript_url=urljoin(site_url, quote(item.captions_uri)) if self.captions else None,
                    chapters_url=urljoin(site_url, quote(item.chapters_uri)) if item.has_chapters else None,
                    image_url=urljoin(site_url, quote(image)) if image else None,
                )
            )
        if refused:  # INFO: a blog's covers are mostly 16:9, and a warning would fail `--strict` builds of them
            self.info(refused_art(refused))
        self.art_pages = {src_uri for src_uri, image in art.items() if image}
        return by_page
