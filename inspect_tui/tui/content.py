"""What screens show, built so that user and file text is never read as markup.

A name, a note, a file name or a refusal reason is data: typed as `王[/` it must show as `王[/`,
not crash Textual's markup parser (Rich's markup escaping does not satisfy it), and an escape
sequence in it must show as `␛]0;…`, never reach the terminal. So nothing here parses markup:
plain text becomes `Content(visible(text))`, styles are spans laid over it, and a catalogue
message is filled by splitting its template and assembling the pieces, each parameter shown
as text (or kept as the styled `Content` it already is).
"""

from __future__ import annotations

from collections.abc import Iterable
from string import Formatter

from rich.text import Text as RichText
from textual.content import Content

from inspect_tui.words.i18n import Lang, Lines, Msg, Text
from inspect_tui.words.messages import MESSAGES
from inspect_tui.words.text import visible

_FORMATTER = Formatter()


def plain(text: object, *, one_line: bool = False) -> Content:
    """User or file text as it may be shown: control characters visible, no markup read.
    `one_line` also shows newlines and tabs (a list entry, a table cell)."""
    return Content(visible(text, keep_breaks=not one_line))


def styled(text: object, style: str, *, one_line: bool = False) -> Content:
    """`plain` text in one style ("red", "dim", "bold", "green" ...)."""
    return Content.styled(visible(text, keep_breaks=not one_line), style)


def bold(text: object) -> Content:
    return styled(text, "bold")


def join(parts: Iterable[Content | str], separator: str = "\n") -> Content:
    """Pieces one after another; plain `str` pieces are taken as text too."""
    return Content(separator).join(_as_content(part) for part in parts)


def message(key: str, lang: Lang, /, **params: object) -> Content:
    """The catalogue message `key` with `params` filled in, without reading the template or
    any parameter as markup: `Content` parameters keep their styles, `Msg` and `Text` ones are
    put into `lang`, everything else is shown as text (`{total:.2f}` formats as usual)."""
    return _fill(MESSAGES[key][lang], lang, params)


def _fill(template: str, lang: Lang, params: dict[str, object]) -> Content:
    pieces: list[Content] = []
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if literal:
            pieces.append(Content(literal))
        if field is not None:
            value, _ = _FORMATTER.get_field(field, (), params)
            pieces.append(_param(value, lang, spec or "", conversion))
    return Content.assemble(*pieces)


def _param(value: object, lang: Lang, spec: str, conversion: str | None) -> Content:
    if isinstance(value, Content):
        return value
    if isinstance(value, Lines):
        return join(_param(part, lang, "", None) for part in value.parts)
    if isinstance(value, Msg):
        return message(value.key, lang, **value.params)
    if isinstance(value, Text):
        value = value.get(lang)
    if conversion:
        value = _FORMATTER.convert_field(value, conversion)
    return plain(format(value, spec))


def _as_content(part: Content | str) -> Content:
    return part if isinstance(part, Content) else plain(part)


def rich_text(content: Content | str) -> RichText:
    """The same text and styles as Rich `Text`, for a DataTable cell (a `str` cell would be
    parsed as markup; Rich `Text` is taken as it is and cropped to the column). Newlines and
    tabs are shown too: a cell is one line."""
    if isinstance(content, str):
        return RichText(visible(content, keep_breaks=False), end="")
    text = RichText(visible(content.plain, keep_breaks=False), end="")
    if len(text.plain) != len(content.plain):  # a break was made visible: spans would shift
        return text
    for start, end, style in content.spans:
        text.stylize(style if isinstance(style, str) else style.rich_style, start, end)
    return text
