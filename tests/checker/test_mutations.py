"""Real documents with numbers, lines and words changed at random: the checker answers a
report or a plain refusal, never an exception of its own (a 500 on the API)."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.checker import PROFILES, check
from service.errors import UnsafeUpload

from .reviews import FOLDER

NAMES = sorted(p.name for p in FOLDER.glob("*.docx"))
NUMBERS = ["", "-1", "0", "1e300", "inf", "nan", "abc", "99999999999999", "1.5", "5pt", "٣"]
WORDS = [
    "Nơi nhận:", "PHỤ LỤC", "Điều 1. A", "QUYẾT ĐỊNH:", "QUYẾT ĐỊNH", "\t\tX", "Kính gửi:",
    "Số: 1/QĐ-UBND", "- Lưu: VT.", "TM. ỦY BAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Căn cứ Luật;", "(Kèm theo Quyết định số 1)", "KẾ HOẠCH", "Phần thứ nhất", "a) x", "I. X",
    "V/v x", "", "     ", "(đã ký)",
]  # fmt: skip
_ATTRIBUTE = re.compile(r'(w:[A-Za-z]+)="([^"]*)"')
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _mutate(text: str, pattern: re.Pattern[str], choices: list[int], values: list[str]) -> str:
    for choice, value in zip(choices, values, strict=False):
        found = list(pattern.finditer(text))
        if not found:
            break
        match = found[choice % len(found)]
        text = text[: match.start(pattern.groups)] + value + text[match.end(pattern.groups) :]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(NAMES),
    part=st.sampled_from(["word/document.xml", "word/styles.xml"]),
    choices=st.lists(st.integers(0, 10_000), min_size=1, max_size=25),
    numbers=st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=25),
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=25),
    profile=st.sampled_from(PROFILES),
)
def test_a_mutated_real_document_gets_a_report_or_a_plain_refusal(
    name, part, choices, numbers, words, profile
):
    with zipfile.ZipFile(FOLDER / name) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    text = parts[part].decode("utf-8")
    text = _mutate(text, _ATTRIBUTE, choices, numbers)
    text = _mutate(text, _TEXT, choices, [w.replace("&", "&amp;") for w in words])
    parts[part] = text.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, data in parts.items():
            target.writestr(filename, data)
    try:
        report = check(out.getvalue(), profile=profile)
    except UnsafeUpload:
        return
    assert report.kind is None or isinstance(report.kind, str)
