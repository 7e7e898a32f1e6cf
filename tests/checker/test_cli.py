"""`python -m service check`: light to start, a folder in one run, JSON lines, numbers from 1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.__main__ import main

from . import corpus
from .reviews import FOLDER, as_doc

# What `check` must never load: the database, accounts and batch layers, the web framework.
HEAVY = (
    "service.store",
    "service.accounts",
    "service.batch",
    "service.http",
    "sqlalchemy",
    "alembic",
    "flask",
    "celery",
    "redis",
    "argon2",
    "psycopg",
    "openpyxl",
    "docxtpl",
)


def _imported(*argv: str) -> set[str]:
    """The modules a fresh interpreter has loaded after `python -m service <argv>`."""
    code = (
        "import sys\n"
        "from service.__main__ import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=corpus.ROOT, check=True
    )
    return set(result.stderr.splitlines())


def test_check_help_loads_nothing_heavy():
    modules = _imported("check", "--help")
    assert "service.checker.cli" in modules
    assert sorted(m for m in modules if m.startswith(HEAVY)) == []
    # The measure can fail: the batch command does load its layers.
    assert "service.batch" in _imported("batch", "--help")


def test_checking_a_file_loads_the_checker_and_nothing_heavy(tmp_path: Path):
    target = tmp_path / "kh.docx"
    target.write_bytes(corpus.to_bytes(corpus.plan()))
    modules = _imported("check", str(target))
    assert "service.checker.rules" in modules
    assert sorted(m for m in modules if m.startswith(HEAVY)) == []


def test_a_folder_is_checked_in_one_run_with_a_summary(tmp_path: Path, capsys):
    for name in ("vbai02_cv_uy_quyen_dai_hoi", "vbai12_qd_hoi_dong_atvsld"):
        shutil.copy(FOLDER / f"{name}.docx", tmp_path / f"{name}.docx")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "hong.docx").write_bytes(b"not a word file")
    (tmp_path / "~$lock.docx").write_bytes(b"Word's lock file")
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    table = out[out.index("tệp ") :].splitlines()
    assert table[0].split() == ["tệp", "loại", "trang", "lỗi", "cảnh", "báo"]
    assert [row.split()[0] for row in table[2:]] == [
        "hong.docx",  # sub/hong.docx sorts first
        "vbai02_cv_uy_quyen_dai_hoi.docx",
        "vbai12_qd_hoi_dong_atvsld.docx",
    ]
    assert "cong_van" in table[3] and "quyet_dinh" in table[4]
    assert "không phải văn bản Word" in err and "<" not in err and "Error" not in err


def test_json_lines_and_paragraphs_numbered_from_one(tmp_path: Path, capsys):
    target = tmp_path / "cv.docx"
    shutil.copy(FOLDER / "vbai15_cv_giao_ra_soat_ma_tuy.docx", target)
    assert main(["check", "--json", str(target)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    report = json.loads(line)
    (finding,) = report["findings"]
    # "- Lưu: VT, NC.Châu" is the 18th paragraph Word shows (the first is number 1).
    assert (finding["rule"], finding["where"]["paragraph"]) == ("recipients.line", 18)
    assert finding["where"]["text"] == "- Lưu: VT, NC.Châu"
    assert main(["check", str(target)]) == 1
    assert "§18 “- Lưu: VT, NC.Châu”" in capsys.readouterr().out


def test_the_house_profile_adds_our_own_values(tmp_path: Path, capsys):
    target = tmp_path / "cv.docx"
    shutil.copy(FOLDER / "vbai14_tb_ket_qua_dai_hoi.docx", target)
    main(["check", "--json", str(target)])
    decree = json.loads(capsys.readouterr().out)
    main(["check", "--json", "--profile", "house", str(target)])
    house = json.loads(capsys.readouterr().out)
    assert {f["basis"] for f in decree["findings"]} == {"decree"}
    assert {f["basis"] for f in house["findings"]} == {"decree", "house"}
    assert house["errors"] == decree["errors"] and house["profile"] == "house"
    assert house["warnings"] > decree["warnings"]  # an error is only a decree departure


@pytest.mark.libreoffice
def test_a_legacy_doc_is_converted_and_checked(tmp_path: Path, capsys):
    legacy = as_doc("vbai02_cv_uy_quyen_dai_hoi", tmp_path)
    assert main(["check", "--json", str(legacy)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["converted_from"] == "doc" and report["kind"] == "cong_van"
    assert "recipients.line" in [f["rule"] for f in report["findings"]]
