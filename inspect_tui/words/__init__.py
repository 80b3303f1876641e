"""The words every layer shares: the message catalogue (zh and en), the error types that carry
a message key, and the text policy (what typed or carried text may hold, how it is shown).
Nothing here reads or writes a file."""
