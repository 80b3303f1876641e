"""The use-cases the app and the command line share: a team's visits (open, answer, note,
finalize, reopen, bundle, receipt) and the lead's desk (check, merge, choose, drop, rank,
export). Screens and commands call these; they never compute a score or touch a file."""
