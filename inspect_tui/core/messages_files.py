"""Words about files that are not what they claim: special files, sizes, nesting, locks, keys."""

from __future__ import annotations

FILE_MESSAGES: dict[str, dict[str, str]] = {
    "file.refused": {"zh": "{path}：{reason}", "en": "{path}: {reason}"},
    "file.not_regular": {
        "zh": "不是普通文件（是设备、管道或套接字），不读取",
        "en": "not a regular file (a device, a pipe or a socket); not read",
    },
    "file.too_large": {
        "zh": "文件过大（{size}，上限 {limit}），不读取",
        "en": "too large ({size}; the limit is {limit}); not read",
    },
}
