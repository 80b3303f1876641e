"""What the visit screen shows, built from the core's figures: the line over the visit, a
section's and an item's line in the lists, the item's detail and the totals. Text only, never
markup; no score is computed here (`VisitScore` comes from the team's desk)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

from inspect_tui.domain.model import Campaign, Item, Section
from inspect_tui.domain.scoring import NA, Answer, VisitScore
from inspect_tui.domain.visit import Visit
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.format import answer_text, mark, score_label, short_answer, status_label
from inspect_tui.tui.layout import fit_content
from inspect_tui.words.i18n import Lang, join_words, t
from inspect_tui.words.textwidth import unambiguous
from inspect_tui.words.wrap import cells

SCROLLBAR = 2


@dataclass(frozen=True)
class ItemState:
    """What the screen knows of one item now."""

    answer: Answer | None
    invalid: Answer | None  # a stored value that does not fit the item (shown, not scored)
    typing: str  # digits being typed for it, "" when none
    evidence: tuple[str, ...] = ()  # file names of the evidence kept for it


def head_line(campaign: Campaign, visit: Visit, team: str, lang: Lang, width: int) -> Content:
    """Group, team, status, date and the inspectors: one line where it fits, else the
    inspectors on a line of their own (so a name is not broken in two at the line's end)."""
    group = campaign.group(visit.group).name
    head = message(
        "ui.visit_head", lang, group=group, team=team, status=status_label(visit.status, lang),
        revision=visit.revision,
    )  # fmt: skip
    names = join_words(visit.inspectors, lang) or t("ui.nobody", lang)
    people = message("ui.inspectors", lang, names=names)
    day = plain(visit.visit_date or t("ui.no_date", lang), one_line=True)
    line = Content.assemble(head, " · ", day, " · ", people)
    if cells(line.plain) <= width:
        return line
    return Content.assemble(head, " · ", day, "\n", people)


def section_prompt(section: Section, score: VisitScore, current: bool, lang: Lang) -> Content:
    scored = score.section(section.id)
    title = plain(unambiguous(section.title.get(lang)), one_line=True)
    if current:  # by shape too, not only by colour
        title = Content.assemble("▶ ", title)
    figures = f"{scored.answered}/{scored.items}"
    if section.weight:
        figures += f"  {scored.score:.1f}/{section.weight:g}"
    return Content.assemble(title, "\n  ", styled(figures, "dim"))


def section_line(section: Section, score: VisitScore, index: int, count: int, lang: Lang) -> str:
    """The section in one line, over the items when the side list is hidden (narrow)."""
    scored = score.section(section.id)
    figures = f"{scored.answered}/{scored.items}"
    if section.weight:
        figures += f" {scored.score:.1f}/{section.weight:g}"
    name = unambiguous(section.title.get(lang))
    return t("ui.section_line", lang, n=index + 1, count=count, name=name, figures=figures)


def item_prompt(
    campaign: Campaign, item: Item, score: VisitScore, state: ItemState, lang: Lang, width: int
) -> Content:
    """One line: a mark (✓ answered, ! lost points, · open, ? invalid), the short answer, the
    item's text, cut with "⋯" (the detail below shows it whole)."""
    scored = score.items[item.id]
    shown = state.typing + "▏" if state.typing else short_answer(
        campaign, scored, state.answer, lang
    )  # fmt: skip
    pad = " " * max(0, 6 - cell_len(shown))
    text = plain(unambiguous(item.text.get(lang)), one_line=True)
    flag = mark(state.answer, scored.short, invalid=state.invalid is not None)
    prompt = Content.assemble(flag, " ", bold(shown), pad, " ", text)
    # room for a scrollbar too: the list may not show one yet when its lines are made
    return fit_content(prompt, width - SCROLLBAR - 1) if width > 10 else prompt


def detail(
    campaign: Campaign, item: Item, score: VisitScore, state: ItemState, lang: Lang
) -> Content:
    head = [bold(item.id), plain(f"  {t(f'kind.{item.kind}', lang)}")]
    if item.kind == "deduction":
        source = campaign.deduction_source(item, lang)
        rule = message("ui.deduction_rule", lang, points=item.points, cap=item.cap, source=source)
        head += [plain(" · "), rule]
    elif item.scored:
        head.append(plain(" · " + t("ui.points", lang, points=item.points)))
    # the answer right under the item: on a small screen the guidance is what scrolls away
    lines = [Content.assemble(*head), plain(item.text.get(lang))]
    lines.append(answer_line(campaign, item, score, state, lang))
    if target := campaign.target(item):
        lines.append(plain(t("ui.target", lang, explain=target.explain(lang))))
    if state.invalid is not None:  # shown blank above; what the file holds, said in words
        said = message("answer.stored_invalid", lang, value=state.invalid.value)
        lines.append(said.stylize("bold red"))
    if state.evidence:
        files = join_words(state.evidence, lang)
        lines.append(message("ui.evidence_line", lang, count=len(state.evidence), files=files))
    if item.id in score.missing_notes and not state.typing:  # n/a needs its reason too; a
        # number still being typed is judged once it is taken
        why = "ui.reason_required" if _na(state.answer) else "ui.note_required"
        lines.append(styled(t(why, lang), "red"))
    lines.append(message("ui.guidance", lang, text=item.guidance.get(lang)).stylize("dim"))
    return join(lines)


def answer_line(
    campaign: Campaign, item: Item, score: VisitScore, state: ItemState, lang: Lang
) -> Content:
    if state.typing:  # the cue: the number may still grow; Enter (or a pause) confirms it
        value = bold(state.typing + "▏")
        cue = styled(t("ui.typing_cue", lang), "yellow")
        return Content.assemble(message("ui.answer", lang, value=value), "   ", cue)
    value = bold(answer_text(campaign, score.items[item.id], state.answer, lang))
    hint = styled(answer_hint(item, lang), "dim")
    return Content.assemble(message("ui.answer", lang, value=value), "   ", hint)


def answer_hint(item: Item, lang: Lang) -> str:
    na = t("ui.answer_keys.na", lang) if item.allow_na else ""
    return t(f"ui.answer_keys.{item.kind}", lang, na=na, points=item.points)


def note_placeholder(item: Item, lang: Lang) -> str:
    """What the note box asks for this item: the text of a note item; the reason when the
    item needs one (a shortfall, an n/a); else an optional note."""
    if item.kind == "note":
        return t("ui.note_placeholder.text", lang)
    if item.note_required and item.scored:
        return t("ui.note_placeholder.required", lang)
    return t("ui.note_placeholder.optional", lang)


def totals(
    campaign: Campaign, score: VisitScore, visit: Visit, saved_at: str, lang: Lang
) -> Content:
    answered = t("ui.answered_line", lang, answered=score.answered, items=len(score.items))
    parts = [score_label(campaign, score, lang), plain(answered)]
    if visit.final:
        parts.append(styled(t("ui.read_only", lang), "green"))
    elif saved_at:
        parts.append(styled(t("ui.saved", lang, time=saved_at), "green"))
    return join(parts, "   ")


def _na(answer: Answer | None) -> bool:
    return answer is not None and answer.value == NA
