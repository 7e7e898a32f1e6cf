"""DOCX -> PDF through a pool of warm LibreOffice instances, and pypdf post-processing."""

from .cache import CacheStats, CachingConverter, uncached
from .config import PoolConfig
from .pool import LibreOfficePool
from .port import Converted, Converter, FakeConverter, convert_counted
from .postprocess import PdfMetadata, merge, merge_to, page_count, set_metadata
from .stats import InstanceStats, PoolStats

__all__ = [
    "CacheStats",
    "CachingConverter",
    "Converted",
    "Converter",
    "FakeConverter",
    "InstanceStats",
    "LibreOfficePool",
    "PdfMetadata",
    "PoolConfig",
    "PoolStats",
    "convert_counted",
    "merge",
    "merge_to",
    "page_count",
    "set_metadata",
    "uncached",
]
