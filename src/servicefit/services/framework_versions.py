"""Recording which framework the stored data was made with."""

from __future__ import annotations

from servicefit.domain.competencies import Framework
from servicefit.errors import ConfigurationError
from servicefit.storage.framework_document import document_checksum, framework_to_document
from servicefit.storage.unit_of_work import UnitOfWork


def ensure_framework_recorded(uow: UnitOfWork, framework: Framework) -> bool:
    """Store a snapshot of *framework* under its version; True if it was new.

    The snapshot lets any later report show the framework exactly as it was.
    Content that changed without a new version number is refused, because
    stored scores would silently change meaning.
    """
    document = framework_to_document(framework)
    checksum = document_checksum(document)
    stored = uow.framework_versions.checksum_of(framework.version)
    if stored == checksum:
        return False
    if stored is not None:
        raise ConfigurationError(
            f"the packaged framework changed but its version is still {framework.version}:"
            " bump `version` in content/framework/framework.yaml"
        )
    uow.framework_versions.add(version=framework.version, checksum=checksum, document=document)
    return True
