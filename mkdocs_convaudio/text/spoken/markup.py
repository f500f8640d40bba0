"""Markdown and HTML markup is shown, never spoken: links keep their text, emphasis only where it is emphasis."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .held import MARKUP_CODES, Held

# a link's destination may hold balanced parentheses (`wiki/Set_(mathematics)`), as CommonMark allows: the first `)`
# left the rest of the URL in the spoken text ("sets) first") (bug bash 70). Its text may hold brackets one deep
# (`[the [nested] docs](u)`); an image inside a link is read as its text. Text that stops at the next unmatched
# bracket keeps a line of many `[` in time proportional to its length
_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\((?:<[^>\n]*>[^()\n]*|(?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*)\)"
)
#: a footnote's mark (`[^1]`, `[^note]`): not read ("to the first power")
_FOOTNOTE = re.compile(r"\[\^(?!\w-\w\])[^\]\s]+\]")
#: A null-coalescing `??`: spaced on both sides, or between two operands (`x??"none"`, `a??-1`)
NULLISH = r"(?:(?<=\s)\?\?(?==?\s)|(?<=[\w)\]])\?\?(?==?[\w(\[\"'$-]))"
#: A negation's `!`: after an opening bracket, a comparison's, a logic's or an arrow's sign, a ternary's branch,
#: `return`, `if` or `while`; or opening a span that is a negated name or call, alone or before a logic's or a
#: comparison's sign (`!flag`, `!x.is_empty()`, `!a && b`). Not `!important` (CSS), a YAML tag (`!ENV [...]`,
#: `key: !Ref`, a span `!Sub` alone: a tag's name is capitalized), a notebook's or an editor's shell command
#: (`!pip install`, `:!ls`), `#!python3`, `println!(`, `!=`, nor a `!` in a string's words (reviews 105, 108)
NEGATION = (
    r"(?:(?<=[(,=\[{])|(?<=&&)|(?<=\|\|)|(?<=[(,=&|?\[{]\s)|(?<==>\s)|(?<=\breturn\s)|(?<=\bif\s)|(?<=\bwhile\s))"
    r"!(?=[A-Za-z_(])(?!important\b)"
    r"|(?<=\s:\s)!(?=[a-z_(])"  # a ternary's other branch (`? !a : !b`), not a YAML tag's capital
    r"|^\s*!(?=\(|(?!important\b)[a-z_][\w.]*(?:\([^()]*\))?\s*(?:$|&&|\|\||[=!]=|\)))"
)
#: A code span as CommonMark reads it: a run of backticks, and the same run closing it
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# emphasis spans are bounded (500 characters): unbounded, a hostile line such as "*a *a *a ..." costs quadratic time
_STARS = re.compile(r"(\*{1,3}|~~)(?=\S)(.{1,500}?)(?<=\S)\1")
# CommonMark: an underscore inside a word (`a_ij`, `snake_case`) never opens or closes emphasis
_UNDERSCORES = re.compile(r"(?<![\w\\])(_{1,3})(?=[^\s_])(.{1,500}?)(?<=[^\s_])\1(?!\w)")
_CODE_STARS = re.compile(r"(?<![\w*])\*{1,2}(?=[A-Za-z_])")
#: Inline tags that may be glued to a word (`H<sub>2</sub>O`, `x<sup>2</sup>`)
_INLINE_TAGS = "sub|sup|b|i|u|em|strong|small|code|span|br|a|mark|kbd|var|abbr"
#: A tag in prose (no comparison's signs for `native_symbols` either): `<` and a name, not glued to a word or a
#: bracket before it (`a<b and c>d` compares; its words were dropped as a tag `<b and c>`), or a closing tag; its
#: attributes whatever they are (`<Button primary>`, `<script setup lang="ts">`: a list of attribute names missed most
#: of a framework's, review 93)
TAG = re.compile(
    r"(?<![\w)\]])<[A-Za-z](?:\"[^\"]*\"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^<>\"'{}])*(?<![-=])>|</[A-Za-z][^<>]*>"
    # glued to a word: an inline tag with no attribute or ones with values (`H<sub>2</sub>O`, `x<sup>2</sup>`)
    rf"|(?<=[\w)\]])<(?:{_INLINE_TAGS})"
    r"(?:\s+[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))*\s*/?>"
)
#: Not tags, and no comparison either (reviews 92 to 94): a generic's types glued to its name, a Python object's repr,
#: a placeholder of words (`<your API key>`). A type is a name, or two or three (`dyn Error`), but no sentence
#: (`a<b and c>d`) and no number (`age<65, income>30000`)
_NOT_A_TYPE = r"(?!(?:and|or|und|oder|et|ou|y|o|e|en|of)\b)"
_TYPE = rf"(?:{_NOT_A_TYPE}[A-Za-z_][\w.\[\]:]*(?: {_NOT_A_TYPE}[A-Za-z_][\w.\[\]:]*){{0,2}})"
_GENERIC = re.compile(
    rf"(?<=\w)<\s*(?!(?:{_INLINE_TAGS})>)"
    rf"({_TYPE}(?:\s*[,|]\s*{_TYPE})*)\s*>(?!\w)"
)  # not `H<sub>2</sub>O`
_REPR = re.compile(r"<(class|function|module|object) '([\w.]+)'>")
_PLACEHOLDER = re.compile(
    r"(?<![\w<])<((?i:your|my|the|an?|votre|ton|ihr|dein|tu|su|il|la|o|uw|je)\s[^<>=\"']{1,40}"
    r"|[A-Z]{2,}\s[^<>=\"']{1,40}|(?!(?:div|span|p|a|img|br|hr|td|tr|th|li|ul|ol|button|input|label|table|section|"
    r"template|slot|script|style|svg|form|select|option|textarea|video|audio|source|meta|"
    r"link|head|body|html|main|nav|header|footer|article|aside|figure|details|summary|code|pre|em|strong|b|i|u|"
    r"small|sub|sup)\b)[a-z]+\s[A-Za-z][^<>=\"'/]{0,40})>"
)
_CODE_POWER = re.compile(r"(?<=[\w)\]])\*\*(?=[\w(])")
# in code, an underscore between two words of two or more letters joins a name's words (`x_1`, `a_ij` stay)
_SNAKE = re.compile(r"(?<=[A-Za-z]{2})_(?=[A-Za-z]{2})")
_CODE_TYPE = (
    r"(?:(?:dyn|impl|const|mut|unsigned|struct|enum|typename|in|out|ref)\s+|\?\s+(?:extends|super)\s+)?"
    r"[A-Za-z_][\w.:\uE8FF]*(?:\[\])?\uE8FF*"
)
# in code, only what is shaped like a tag (a name, then attributes) or a generic's types (`Map<K, V>`, nested) is
# one: `a<b && c>d` compares. An opening tag follows no word; a closing one may (`<p>Hello</p>`); attributes may be
# a framework's (`@click`, `:value`, `[value]`, `(click)`, `#ref`)
_CODE_TAG = re.compile(
    r"(?<![\w)\]])<[A-Za-z][\w:.-]*"
    r"(?:\s+[@:#\[(]?[A-Za-z_:][\w:.\-\])]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
    r"|</[A-Za-z][\w:.-]*\s*>"
    # a type may follow a keyword (`Box<dyn Error>`, `List<? extends Number>`)
    rf"|(?<=\w)<\s*{_CODE_TYPE}(?:\s*,\s*{_CODE_TYPE})*\s*>"
)
_URL = re.compile(r"<(https?://[^>]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]{2,})>")  # and `<support@example.com>`
_SPACE = re.compile(r"\s+")
#: A template tag's delimiters, its words kept: Hugo's shortcodes (`{{< ref "x.md" >}}`, `{{% param "a" %}}`, and
#: `{{</* … */>}}` written to show one) and Liquid's or Jinja's tags (`{% include x.html %}`, `{%- … -%}`), read
#: as `{{ page.title }}` always was ("page.title"): "is less than ref … is greater than", "% include x.html %"
#: (bug bash h-render). Whole tags only: `{50%}` is no tag, nor two code spans' delimiters (`` `{%` and `%}` ``:
#: "open with and close with"; review r-render).
_TEMPLATE_TAG = re.compile(
    r"\{\{<(?:/\*)?[ \t]*(?P<angled>[^{}`\n]{1,300}?)[ \t]*(?:\*/)?>\}\}"
    r"|\{\{%(?:/\*)?[ \t]*(?P<code>[^{}`\n]{1,300}?)[ \t]*(?:\*/)?%\}\}"
    r"|\{%-?[ \t]*(?P<tag>[^{}`\n]{1,300}?)[ \t]*-?%\}"
)
#: a heading's or a quote's mark opening a line a model wrote as Markdown (`### Key takeaway`, `> Quoted`): "hash
#: hash hash", "is greater than" (bug bash 77); `> 5 ms` compares
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{2,6}[ \t]+|#[ \t]+(?=[A-Z])|>[ \t]?(?=[^\W\d_]))")  # not "# of users"
#: a citation's mark after a word or a sentence (`true¹`, `also².`, `Yes<sup>1</sup>`): not read ("to the first
#: power", "squared"; bug bash 77). A power stays: after a unit (`5 km²`), in a formula (`E=mc²`), on a name of
#: one or two letters (`x²`, `πr²`), on a function (`sin² x`, `log² n`: review 78), after a number's unit word
#: (`10 metres³`)
_CITATION = re.compile(
    r"(?:(?<=[A-Za-zÀ-ɏ]{3})|(?<=[.,;:!?)\]\"”]))"
    r"(?:[¹²³⁰⁴-⁹]+(?:[,⁻-][¹²³⁰⁴-⁹]+)*|<sup>\s*\d+(?:\s*[,–-]\s*\d+)*\s*</sup>)(?![\w(])"
)
_POWER_BEFORE = re.compile(
    # an expectation, a variance or a probability in brackets (`E[X]²`, `Var[X]²`: the square was dropped, bug
    # bash ML), not a word's citation or an array's item (`ref[1]²`, `a[i]²`: review 127)
    r"(?:(?<![^\W\d_])(?:E|Var|P|𝔼)\[[^\[\]\n]{1,40}\]"
    r"|\d\s?[^\W\d_]+|[=+\-−*/^(<>][^\s=+\-−*/^(<>]*"
    r"|(?<![^\W\d_])(?:a(?:rc)?(?:sin|cos|tan)h?|sinh?|cosh?|tanh?|cot|sec|csc|log|ln|lg|exp))$"
)

#: Characters before a mark that `_POWER_BEFORE` reads (it matches a run of them ending at the mark)
_POWER_REACH = 200


def _without_citations(text: str) -> str:
    def mark(match: re.Match[str]) -> str:
        # what comes just before (a word, a unit, an operator and its operand): searched from the whole line's
        # start, a line of many marks took time in the square of its length
        before = _POWER_BEFORE.search(match.string, max(0, match.start() - _POWER_REACH), match.start())
        return match[0] if before else ""

    return _CITATION.sub(mark, text)


def _settled(pattern: re.Pattern[str], replace: str | Callable[[re.Match[str]], str], text: str) -> str:
    """`text` with `pattern` replaced until nothing matches (three rounds at most: what nests, nests shallowly)."""
    for _ in range(3):
        text, found = pattern.subn(replace, text)
        if not found:
            break
    return text


def _joined_tag(tag: re.Match[str]) -> str:
    """A tag's or a generic's words joined as one (its spaces held too: the generic around `<dyn Error>` takes it
    as one type), for the generic around it."""
    return "\ue8ff" + tag[0][1:-1].strip("/ ").replace(" ", "\ue8ff") + "\ue8ff"


def code_markup(code: str) -> str:
    """A code span's text without what is markup to a reader: code is no emphasis (`**kwargs` and `*args` keep their
    stars out of the emphasis rules; said as names); a tag written as code is its words (`<div>` is "div"), not
    markup to drop: a line that is only code would otherwise say nothing and be left out."""
    code = _CODE_STARS.sub("", code)
    code = _CODE_POWER.sub("^", code)  # `i**2`: a power ("i times times 2")
    code = _SNAKE.sub(" ", code)  # `max_length`, `CUDA_VISIBLE_DEVICES`: names ("max sub length")
    for _ in range(3):  # a generic inside a generic (`Map<String, List<Integer>>`), joined as one type first
        code, found = _CODE_TAG.subn(_joined_tag, code)
        if not found:
            break
    return code.replace("\ue8ff", " ")


#: A tag's name: a closing shortcode's after its slash (`{{< /note >}}`), a Liquid or Jinja block's end after "end"
#: (`{% endraw %}`)
_TAG_NAME = re.compile(r"[\w.-]+")
_CLOSING_SHORTCODE = re.compile(r"/[ \t]*(?P<name>[\w.-]+)[ \t]*")
_END_TAG = re.compile(r"end(?P<name>[a-z]+)", re.IGNORECASE)


def _closed_names(text: str) -> tuple[set[str], set[str]]:
    """The names of the shortcodes and of the Liquid or Jinja blocks that `text` closes (`{{< /note >}}`, `{%
    endraw %}`)."""
    shortcodes: set[str] = set()
    blocks: set[str] = set()
    for match in _TEMPLATE_TAG.finditer(text):
        if match["tag"] is not None:
            if end := _END_TAG.fullmatch(match["tag"]):
                blocks.add(end["name"].lower())
        elif not match[0].startswith(("{{</*", "{{%/*")) and (
            closing := _CLOSING_SHORTCODE.fullmatch(match["angled"] or match["code"])
        ):
            shortcodes.add(closing["name"].lower())
    return shortcodes, blocks


def without_template_tags(text: str) -> str:
    """`text` with each template tag's delimiters dropped, its words kept (see `_TEMPLATE_TAG`); a paired shortcode's
    or block's tags are not said at all (`{{< note >}}Careful{{< /note >}}`, `{% raw %}x{% endraw %}`: "Careful",
    "x"; "note Careful /note" was said), the words between them are."""
    if "{{" not in text and "{%" not in text:
        return text
    shortcodes, blocks = _closed_names(text)

    def said(match: re.Match[str]) -> str:
        words = match["angled"] or match["code"] or match["tag"]
        name = _TAG_NAME.match(words)
        if match["tag"] is not None:
            end = _END_TAG.fullmatch(words)
            if (end and end["name"].lower() in blocks) or (name and name[0].lower() in blocks):
                return " "
        elif not match[0].startswith(("{{</*", "{{%/*")):
            closing = _CLOSING_SHORTCODE.fullmatch(words)
            if closing or (name and name[0].lower() in shortcodes):
                return " "  # a closing shortcode is never said, even one whose opening is on another line
        # spaced: `{{< note >}}Careful` was "noteCareful" (review r-render); the spaces are collapsed at the end
        return f" {words} "

    return _TEMPLATE_TAG.sub(said, text)


def strip_markup(text: str) -> str:
    """Keep the words of Markdown and HTML: `**really**` is read as "really", `a_ij` stays `a_ij`."""
    text = _BLOCK_MARK.sub("", text)
    text = without_template_tags(text)
    # first: a link's address may be in angle brackets, as an autolink is; an image inside a link, then the link
    text = _settled(_LINK, r"\1", text)
    text = _URL.sub(r"\1", text)
    spans = Held(MARKUP_CODES)  # code spans, while emphasis and tags are stripped
    text = spans.pattern.sub(lambda match: spans.hold(match[0]), text)  # a line's own such character: itself

    def hold(match: re.Match[str]) -> str:
        return match[0] if spans.full else spans.hold(code_markup(match[2]))

    text = CODE_SPAN.sub(hold, text)
    text = _FOOTNOTE.sub("", text)  # outside code: `[^0-9]` is a regex's class
    text = _without_citations(text)
    for _ in range(2):  # nested emphasis such as ***both*** or **_both_**
        text = _STARS.sub(r"\2", text)
        text = _UNDERSCORES.sub(r"\2", text)
    # the innermost first: `Map<String, List<Int>>`, a tag inside an attribute (`element={<Home />}`)
    text = _settled(_GENERIC, lambda match: " " + match[1].replace("|", " or "), text)  # `Map<string, User>`
    text = _REPR.sub(r"\1 \2", text)  # `<class 'str'>`: "class str"
    text = _PLACEHOLDER.sub(r"\1", text)  # `Replace <your API key>`: its words
    text = _settled(TAG, "", text)
    text = spans.put_back(text)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()
