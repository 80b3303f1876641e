"""The offline install kit: `make dist` builds it (`kit.build`), `install.py` installs it.

`targets` and `wheels` decide what each platform needs; `build` downloads it and packs the
archive; `install.py`, `install.sh` and `install.bat` travel inside the archive and use nothing
but the standard library of the Python they find on the laptop.
"""
