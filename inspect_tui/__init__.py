"""inspect-tui: county inspection of CPPCC member liaison groups, in the terminal."""

__version__ = "0.1.0"
