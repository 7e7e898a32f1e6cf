"""DOCX -> PDF through a pool of warm LibreOffice instances, and pypdf post-processing."""

from .config import PoolConfig
from .pool import LibreOfficePool
from .port import Converter, FakeConverter
from .postprocess import PdfMetadata, merge, merge_to, page_count, set_metadata
from .stats import InstanceStats, PoolStats

__all__ = [
    "Converter",
    "FakeConverter",
    "InstanceStats",
    "LibreOfficePool",
    "PdfMetadata",
    "PoolConfig",
    "PoolStats",
    "merge",
    "merge_to",
    "page_count",
    "set_metadata",
]
