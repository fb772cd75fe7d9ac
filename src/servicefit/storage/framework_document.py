"""The framework as one plain document: for export, and for the stored snapshot."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from servicefit.domain.competencies import Competency, Framework


def framework_to_document(framework: Framework) -> dict[str, Any]:
    """Every part of the framework, every text in en, es and pl."""
    seeds = {seed.code: seed for seed in framework.seeds}
    return {
        "format": "servicefit.framework/1",
        "version": framework.version,
        "seeds": [
            {"code": s.code, "file": s.file_name, "title": s.title, "language": s.language}
            for s in framework.seeds
        ],
        "levels": [
            {
                "level": level.level,
                "name": level.name.as_dict(),
                "description": level.description.as_dict(),
            }
            for level in framework.levels
        ],
        "clusters": [
            {"id": c.id, "name": c.name.as_dict(), "description": c.description.as_dict()}
            for c in framework.clusters
        ],
        "competencies": [
            _competency(competency, seed_files={c: s.file_name for c, s in seeds.items()})
            for competency in framework.competencies
        ],
        "work_activities": [
            {
                "id": a.id,
                "name": a.name.as_dict(),
                "onet_element_ids": list(a.onet_element_ids),
                "competencies": list(a.competency_ids),
                "seed_file": seeds[a.seed_code].file_name,
            }
            for a in framework.work_activities
        ],
        "qualification_types": [
            {
                "type": info.type.value,
                "name": info.name.as_dict(),
                "description": info.description.as_dict(),
                "values": [{"code": code, "label": label.as_dict()} for code, label in info.values],
            }
            for info in framework.qualification_types
        ],
    }


def _competency(competency: Competency, *, seed_files: dict[str, str]) -> dict[str, Any]:
    return {
        "id": competency.id,
        "cluster": competency.cluster_id,
        "name": competency.name.as_dict(),
        "definition": competency.definition.as_dict(),
        "aliases": {language: list(terms) for language, terms in competency.aliases.items()},
        "indicators": {
            polarity: [
                {
                    "id": indicator.id,
                    "text": indicator.text.as_dict(),
                    "seed_file": seed_files[indicator.seed_code] if indicator.seed_code else None,
                }
                for indicator in indicators
            ]
            for polarity, indicators in (
                ("positive", competency.positive_indicators),
                ("negative", competency.negative_indicators),
            )
        },
        "levels": [
            {"level": anchor.level, "anchor": anchor.anchor.as_dict()}
            for anchor in competency.levels
        ],
        "onet": [
            {
                "element_id": link.element_id,
                "element_name": link.element_name,
                "domain": link.domain,
                "basis": link.basis.value,
            }
            for link in competency.onet
        ],
        "seed_terms": [
            {"term": t.term, "seed_file": seed_files[t.seed_code]} for t in competency.seed_terms
        ],
        "seed_files": [seed_files[code] for code in competency.seed_codes],
    }


def document_checksum(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
