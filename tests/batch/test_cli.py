"""`python -m service batch`: the same batch path without a server."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from service.__main__ import main
from tests.batch.communes import check_commune, commune_rows

ROOT = Path(__file__).resolve().parents[2]


def write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_plan_and_a_csv_become_named_documents(
    tmp_path: Path, plan: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = commune_rows(4)
    (tmp_path / "plan.json").write_text(json.dumps(plan), "utf-8")
    table = write_csv(tmp_path / "communes.csv", rows)
    out = tmp_path / "out"
    argv = [str(tmp_path / "plan.json"), str(table), "-o", str(out), "--field", "ten_xa", "--zip"]
    assert main(["batch", *argv]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"0{n + 1} Xã {r['place']}.docx" for n, r in enumerate(rows)] + ["archive.zip"]
    for n, row in enumerate(rows):
        expected = {**row, "targets.specific.1.value": str(row["targets.specific.1.value"])}
        check_commune((out / f"0{n + 1} Xã {row['place']}.docx").read_bytes(), expected)
    assert "4/4" in capsys.readouterr().err  # the progress bar, on stderr


def test_invalid_rows_are_listed_and_nothing_is_written(
    tmp_path: Path, plan: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    envelope = {"plan": plan, "fields": ["ten_xa"]}
    (tmp_path / "batch.json").write_text(json.dumps(envelope), "utf-8")
    rows = commune_rows(3)
    rows[2]["signer.name"] = ""
    table = tmp_path / "communes.json"
    table.write_text(json.dumps(rows), "utf-8")
    argv = ["batch", str(tmp_path / "batch.json"), str(table), "-o", str(tmp_path / "out")]
    assert main([*argv, "--lang", "en"]) == 2
    assert capsys.readouterr().err == "rows.2.signer.name: May not be empty.\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_and_the_merged_pdf_from_the_command_line(tmp_path: Path, plan: dict[str, Any]) -> None:
    rows = commune_rows(2)
    (tmp_path / "plan.json").write_text(json.dumps(plan), "utf-8")
    table = write_csv(tmp_path / "communes.csv", rows)
    command = [sys.executable, "-m", "service", "batch", str(tmp_path / "plan.json"), str(table)]
    command += ["-o", str(tmp_path / "out"), "--pdf", "--field", "ten_xa", "--workers", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    merged = PdfReader(tmp_path / "out" / "merged.pdf")
    pages = [len(PdfReader(tmp_path / "out" / f"0{n} Xã {r['place']}.pdf").pages) for n, r in
             enumerate(rows, 1)]  # fmt: skip
    assert len(merged.pages) == sum(pages) and pages[0] > 5
    marks = [(o.title, merged.get_destination_page_number(o)) for o in merged.outline]
    assert marks == [("Xã Quang Thuận", 0), ("Xã Đồng Phúc", pages[0])]
