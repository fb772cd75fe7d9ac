"""A built-in item's id and version are immutable once released.

tests/golden/item_versions.txt records the checksum of every released
id@version. Changing what a candidate sees or how an item is scored needs a
new version; adding a new item or version needs a reviewed line in that file
(the failure message prints the lines to add).
"""

from __future__ import annotations

from pathlib import Path

from servicefit.storage.framework_document import document_checksum
from servicefit.storage.item_files import builtin_item_folder, item_paths, read_item_files

GOLDEN = Path(__file__).parent.parent / "golden" / "item_versions.txt"


def current_checksums() -> dict[str, str]:
    checksums = {}
    for file in read_item_files(item_paths(builtin_item_folder())):
        for raw in (*file.raw_items, *file.raw_passages):
            checksums[f"{raw['id']}@{raw['version']}"] = document_checksum(raw)
    return checksums


def released() -> dict[str, str]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line.strip() and not line.startswith("#"))


def test_no_released_item_version_has_changed() -> None:
    current = current_checksums()
    changed = sorted(key for key, checksum in released().items() if current.get(key) != checksum)
    assert changed == [], f"released item versions changed or removed: {changed}; see {__doc__}"


def test_every_item_version_is_released_by_review() -> None:
    new = {k: v for k, v in current_checksums().items() if k not in released()}
    lines = "\n".join(f"{key} {checksum}" for key, checksum in sorted(new.items()))
    assert not new, f"add these reviewed lines to {GOLDEN}:\n{lines}"
