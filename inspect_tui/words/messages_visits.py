"""Words about when a round's visits happen (a campaign's `[visit_window]`)."""

from __future__ import annotations

VISIT_MESSAGES: dict[str, dict[str, str]] = {
    # -- the campaign file ------------------------------------------------------------------------
    "checklist.visits_before_period": {
        "zh": "现场考核开始日期 {start} 早于考核期开始日期 {period_start}",
        "en": "the visits start on {start}, before the period starts on {period_start}",
    },
    # -- checklist show ---------------------------------------------------------------------------
    "show.visit_window": {
        "zh": "现场考核：{start} 至 {end}",
        "en": "Visits: {start} to {end}",
    },
    "show.visit_window_default": {
        "zh": "现场考核：{start} 至 {end}（考核方案未写明，默认为考核期结束后的 {days} 天）",
        "en": "Visits: {start} to {end} (not stated by the campaign: the {days} days after the period)",
    },
    # -- a visit's date (the TUI asks before it takes a date outside the window) ------------------
    "visit.window": {
        "zh": "本轮现场考核时间（{start} 至 {end}）",
        "en": "this round's visits ({start} to {end})",
    },
    "visit.window_default": {
        "zh": "默认的现场考核时间（{start} 至 {end}，即考核期结束后的 {days} 天）",
        "en": "the default time for visits ({start} to {end}, the {days} days after the period)",
    },
    "visit.date_before": {
        "zh": "考核日期 {day} 早于{window}，确认使用这个日期？",
        "en": "the visit date {day} is before {window}; use it anyway?",
    },
    "visit.date_after": {
        "zh": "考核日期 {day} 晚于{window}，确认使用这个日期？",
        "en": "the visit date {day} is after {window}; use it anyway?",
    },
}
