"""The packaged framework cannot change without a new version number.

Stored scores and profiles refer to a framework version; if the content under
a version changed, old results would silently change meaning, and
`ensure_framework_recorded` refuses to start on a database that holds the old
snapshot. When you change the framework content on purpose: bump `version` in
content/framework/framework.yaml, then update tests/golden/framework_version.txt
with the new version and checksum after reviewing the content diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servicefit.errors import ConfigurationError
from servicefit.services.content import packaged_content
from servicefit.services.framework_versions import ensure_framework_recorded
from servicefit.storage.framework_document import document_checksum, framework_to_document
from servicefit.storage.unit_of_work import SqlUnitOfWork

GOLDEN = Path(__file__).parent.parent / "golden" / "framework_version.txt"


def test_the_packaged_framework_matches_its_recorded_version_and_checksum() -> None:
    framework = packaged_content().framework
    version, checksum = GOLDEN.read_text(encoding="utf-8").split()
    actual = document_checksum(framework_to_document(framework))
    assert (framework.version, actual) == (version, checksum), __doc__


def test_a_framework_is_recorded_once(uow: SqlUnitOfWork) -> None:
    framework = packaged_content().framework
    with uow:
        assert ensure_framework_recorded(uow, framework) is True
        assert ensure_framework_recorded(uow, framework) is False


def test_changed_content_under_the_same_version_is_refused(uow: SqlUnitOfWork) -> None:
    framework = packaged_content().framework
    with uow:
        uow.framework_versions.add(version=framework.version, checksum="0" * 64, document={})
        with pytest.raises(ConfigurationError, match="bump `version`"):
            ensure_framework_recorded(uow, framework)
