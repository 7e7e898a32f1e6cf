"""Table readers: JSON, CSV (UTF-8 or Windows-1258, `,` or `;`) and Excel, read streaming."""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from typing import Any

import pytest
from openpyxl import Workbook

from service.batch.tables import TableError, read_table

TONES = "\u0300\u0301\u0303\u0309\u0323"  # the five tone marks Windows-1258 keeps separate


def cp1258(text: str) -> bytes:
    """Text as Excel saves "CSV" on a Vietnamese Windows: base letters, then tone marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def xlsx(lines: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in lines:
        sheet.append(line)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def test_csv_with_bom_and_semicolons() -> None:
    text = "issuer.name;place;ten_xa\nx;;\nỦY BAN NHÂN DÂN XÃ QUANG THUẬN;Quang Thuận;xã A\n\n"
    rows = read_table("communes.csv", ("\ufeff" + text).encode("utf-8"), 10).rows
    assert rows == [
        {"issuer.name": "x"},  # empty cells are left out: the base plan's value stays
        {"issuer.name": "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "place": "Quang Thuận", "ten_xa": "xã A"},
    ]


def test_csv_in_windows_1258_comes_back_composed() -> None:
    data = cp1258('place,signer.name\n"Quang Thuận, Bạch Thông",Nguyễn Thị Huế\n')
    rows = read_table("danh-sach.CSV", data, 10).rows
    assert rows == [{"place": "Quang Thuận, Bạch Thông", "signer.name": "Nguyễn Thị Huế"}]


def test_excel_cells_become_contract_values() -> None:
    stream = xlsx(
        [
            [None, None, None],
            ["place", " number ", "date", "targets.specific.1.value", "patch"],
            ["Đồng Phúc", 12.0, dt.datetime(2024, 5, 6), 1.5, '{"closing": "Hết."}'],
            [None, None, None, None, None],
            ["Dương Quang", None, dt.date(2024, 5, 7), 2, None],
        ]
    )
    assert read_table("communes.xlsx", stream, 10).rows == [
        {"place": "Đồng Phúc", "number": 12, "date": "2024-05-06",
         "targets.specific.1.value": 1.5, "patch": '{"closing": "Hết."}'},
        {"place": "Dương Quang", "date": "2024-05-07", "targets.specific.1.value": 2},
    ]  # fmt: skip


def test_json_table_as_a_list_or_under_rows() -> None:
    rows = [{"place": "A", "patch": {"closing": None}}]
    assert read_table("t.json", json.dumps(rows).encode(), 10).rows == rows
    wrapped = json.dumps({"rows": rows}).encode()
    assert read_table("t.json", wrapped, 10).rows == rows


@pytest.mark.parametrize(
    ("name", "data", "errors"),
    [
        ("t.ods", b"x", {"table": ["unsupported_table|.xlsx, .csv, .json"]}),
        ("t.csv", b"place,place\nA,B\n", {"table": ["duplicate_column|place"]}),
        ("t.csv", b"place\nA,B\n", {"table": ["empty_column_name|B"]}),
        ("t.json", b"{", {"table": ["invalid_json"]}),
        ("t.json", b'{"rows": 3}', {"rows": ["not_list"]}),
        ("t.csv", b"place\nA\nB\nC\n", {"rows": ["too_many|2"]}),
    ],
)
def test_unreadable_tables(name: str, data: bytes, errors: dict[str, list[str]]) -> None:
    with pytest.raises(TableError) as caught:
        read_table(name, data, 2)
    assert caught.value.errors == errors


def test_excel_is_read_streaming_row_by_row() -> None:
    lines: list[list[Any]] = [["place", "signer.name"]]
    lines += [[f"Xã {n}", f"Người ký {n}"] for n in range(2000)]
    rows = read_table("big.xlsx", xlsx(lines), 5000).rows
    assert len(rows) == 2000 and rows[-1] == {"place": "Xã 1999", "signer.name": "Người ký 1999"}


def test_title_lines_above_the_header_are_left_out() -> None:
    headers = {"địa danh": "place", "tên xã": "issuer.name"}
    data = "DANH SÁCH XÃ NĂM 2024\n\nTên xã,Địa danh\nXã A,TP. Bắc Kạn\n".encode()
    table = read_table("t.csv", data, 10, headers)
    assert table.rows == [{"issuer.name": "Xã A", "place": "TP. Bắc Kạn"}]
    assert table.lines == [4] and table.headers == {"issuer.name": "Tên xã", "place": "Địa danh"}


def test_a_header_of_unknown_names_stays_the_header() -> None:
    data = "ten huyen,noi\nTP. Bắc Kạn,1.5\nA,B\n".encode()
    table = read_table("t.csv", data, 10, {"địa danh": "place"})
    assert table.rows == [
        {"ten huyen": "TP. Bắc Kạn", "noi": "1.5"},
        {"ten huyen": "A", "noi": "B"},
    ]
    assert table.lines == [2, 3]
