"""Reading the checklist files: a campaign's TOML, its validation with line numbers, and the
recorded rounds that replay a real half-year. Reads only; never writes."""
