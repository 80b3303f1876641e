"""How core results read on screen: words first, colour second (for monochrome terminals and
colour-blind users every status and tier is a word)."""

from __future__ import annotations

from textual.content import Content

from inspect_tui.domain.model import Campaign, Tier
from inspect_tui.domain.scoring import NA, YES, Answer, ItemScore, VisitScore, to_float
from inspect_tui.tui.content import message, styled
from inspect_tui.words.i18n import Lang, t

TIER_STYLE = {0: "green", 1: "yellow"}
STATUS_STYLE = {"not_started": "dim", "draft": "yellow", "final": "green"}


def tier_label(
    campaign: Campaign, tier: Tier, lang: Lang, *, vetoed: bool = False, complete: bool = True
) -> Content:
    """The tier in words and colour (the campaign names it: a checklist file's text), with
    "(veto)" and a dim "(incomplete)" where they apply."""
    index = campaign.tiers.index(tier)
    style = "red" if index == len(campaign.tiers) - 1 else TIER_STYLE.get(index, "yellow")
    veto = t("ui.vetoed", lang) if vetoed else ""
    label = styled(tier.name.get(lang) + veto, style, one_line=True)
    return label if complete else label + styled(t("ui.incomplete", lang), "dim")


def score_label(campaign: Campaign, score: VisitScore, lang: Lang) -> Content:
    tier = tier_label(campaign, score.tier, lang, vetoed=score.vetoed, complete=score.complete)
    return message("ui.total_line", lang, total=f"{score.total:.2f}", tier=tier)


def status_label(status: str, lang: Lang) -> Content:
    return styled(t(f"status.{status}", lang), STATUS_STYLE[status])


def answer_text(campaign: Campaign, scored: ItemScore, answer: Answer | None, lang: Lang) -> str:
    """The answer in words, e.g. "4 / 6 (earns 3.33)" for a count, with the core's figures."""
    item = scored.item
    if answer is None or answer.value is None:
        return t("ui.unanswered", lang)
    value = answer.value
    if word := _word(item.kind, value, lang):
        return word
    if item.kind == "scale":
        return t("ui.scale_value", lang, value=value, points=item.points)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        earned = f"{to_float(scored.earned):g}"
        return t("ui.count_value", lang, value=value, target=target.count, earned=earned)
    if item.kind == "deduction":
        return t("ui.deduction_value", lang, value=value, taken=f"{to_float(scored.deducted):g}")
    return str(value)  # a note item's text: the caller shows it as text


def _word(kind: str, value: object, lang: Lang) -> str | None:
    """n/a, yes/no and triggered/not triggered, said in words; None for numbers and text."""
    if value == NA:
        return t("ui.na", lang)
    if kind == "check":
        return t("ui.yes" if value == YES else "ui.no", lang)
    if kind == "veto":
        return t("ui.triggered" if value == YES else "ui.not_triggered", lang)
    return None


def mark(answer: Answer | None, short: bool, *, invalid: bool = False) -> Content:
    """A one-character status for item lists: answered, lost points, open, or holding a
    stored value that does not fit the item (shown blank, to be answered again)."""
    if invalid:
        return styled("?", "bold red")
    if answer is None or answer.value is None:
        return styled(".", "dim")
    return styled("!", "yellow") if short else styled("✓", "green")


def short_answer(campaign: Campaign, scored: ItemScore, answer: Answer | None, lang: Lang) -> str:
    """A few characters for item lists: 是, 4/6, -5, or - when unanswered (no user text: a
    note item shows ✎)."""
    item = scored.item
    if answer is None or answer.value is None:
        return "-"
    value = answer.value
    if word := _word(item.kind, value, lang):
        return word
    if item.kind == "scale":
        return f"{value}/{item.points}"
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        return f"{value}/{target.count}"
    if item.kind == "deduction":
        return f"-{to_float(scored.deducted):g}"
    return "✎"


def short_value(campaign: Campaign, item_id: str, value: object, lang: Lang) -> str:
    """A stored value in a few characters, without scoring it: 是, 4, -, ✎ for text (a
    version of a visit in conflict lists its answers so)."""
    if value is None:
        return "-"
    try:
        kind = campaign.item(item_id).kind
    except KeyError:
        return "?"
    if word := _word(kind, value, lang):
        return word
    return "✎" if kind == "note" else str(value)
