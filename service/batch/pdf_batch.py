"""Communes' PDFs for a batch: a group of communes in one LibreOffice load, else one by one.

`commune_pdf` converts one commune: the converter's PDF as it is (the DOCX's core
properties are its title, author, subject and keywords) with the page count the
converter knows. `joint_pdfs` converts a group of a district's communes joined into one
DOCX (service.rendering.pdf.grouped) and cuts the joint PDF into each commune's; it
answers None whenever that fast path does not apply or fails for the documents' sake, so
that the caller converts them one by one and no commune fails because of it. Both bypass
the PDF cache: a batch converts each commune once. Nothing here touches leases or storage.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import cast

from service.errors import ConversionError, ConverterUnavailable
from service.rendering.pdf import Converted, Converter, convert_counted, uncached
from service.rendering.pdf.grouped import JointConverter, convert_joint

log = logging.getLogger(__name__)


def commune_pdf(converter: Converter, docx: bytes, *, pdfa: bool = False) -> Converted:
    """One commune's PDF and its page count, with no second pass over the PDF."""
    return convert_counted(uncached(converter), docx, pdfa=pdfa)


def joiner(converter: Converter, *, pdfa: bool) -> JointConverter | None:
    """The converter to join communes on; None for PDF/A (LibreOffice's PDF/A is made per
    document) or a converter that cannot export named destinations (fakes, other adapters)."""
    inner = uncached(converter)
    if pdfa or getattr(inner, "exports_destinations", False) is not True:
        return None
    return cast(JointConverter, inner)


def joint_pdfs(converter: JointConverter, documents: Sequence[bytes]) -> list[Converted] | None:
    """Each commune's PDF from one conversion of them joined; None when they cannot be
    joined or the joint conversion fails (convert them one by one). ConverterUnavailable
    (a full queue, a closing pool, LibreOffice not starting) is raised, as a conversion
    alone would raise it: the caller knows whether its worker is stopping."""
    if len(documents) < 2:
        return None
    try:
        return convert_joint(converter, documents)
    except ConverterUnavailable:
        raise
    except ConversionError as error:  # rejected, timed out or not cut: each on its own
        log.warning("%d communes converted one by one: %s", len(documents), error)
    except Exception:  # a bug of the fast path must not fail the communes: logged
        log.exception("%d communes converted one by one: the joint PDF failed", len(documents))
    return None
