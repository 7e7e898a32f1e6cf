"""`make templates` is reproducible: the generator writes byte-for-byte the committed files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_generator_writes_the_committed_templates_byte_for_byte(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; sys.path[:0] = ['tools', '.']\n"
        "import build_templates as b\n"
        f"out = Path({str(tmp_path)!r})\n"
        "for name, title in b.TEMPLATES.items(): b.write_template(out / name, title)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    for written in sorted(tmp_path.glob("*.docx")):
        assert written.read_bytes() == (ROOT / "templates" / written.name).read_bytes(), (
            written.name
        )
    assert {p.name for p in tmp_path.glob("*.docx")} == {
        "ke_hoach.docx",
        "cong_van.docx",
        "quyet_dinh.docx",
    }
