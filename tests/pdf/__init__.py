"""Tests of DOCX -> PDF: the LibreOffice pool (real and fake) and pypdf post-processing."""
