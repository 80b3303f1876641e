#!/bin/sh
# Install inspect-tui from this kit, offline.  sh install.sh [--check] [--prefix DIR] [--bin DIR]
# Finds a Python the kit carries wheels for (PYTHON=/path/to/python picks one), then hands over
# to install.py, which checks the kit, installs it and writes the launcher.
kit=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
versions=$(cat "$kit/pythons.txt" 2>/dev/null)
found=""
chosen=""
if [ -n "${PYTHON:-}" ] && ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
    echo "PYTHON=$PYTHON 不能使用（需要 Python 3.11 或更新版本）：请改为指向 Python ${versions:-3.11+} / PYTHON=$PYTHON cannot be used (it must be Python 3.11 or newer): point it at Python ${versions:-3.11+}" >&2
    exit 2
fi
for candidate in "${PYTHON:-}" $(for v in $versions; do echo "python$v"; done | sort -r) python3 python; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    version=$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
    case " $found " in *" $version "*) ;; *) found="$found $version" ;; esac
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        chosen=$candidate
        break
    fi
done
found=${found# }
if [ -z "$chosen" ]; then
    echo "未找到 Python 3.11 或更新版本（这台电脑有：${found:-无}）：请先安装 Python ${versions:-3.11+}，再运行 sh install.sh / no Python 3.11 or newer found (this laptop has: ${found:-none}): install Python ${versions:-3.11+}, then run sh install.sh again" >&2
    exit 2
fi
exec "$chosen" "$kit/install.py" "$@"
