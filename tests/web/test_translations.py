"""Translations: every text of the pages has its Vietnamese, every script message exists."""

from __future__ import annotations

import os
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from flask import Flask

from service.http.web.i18n import CATALOGUES, ROOT, compile_catalogues
from service.http.web.strings import client_messages

SCRIPTS = ROOT / "static" / "web" / "js"
METHODS = [("**.py", "python"), ("**.html", "jinja2.ext:babel_extract")]
KEYS = {"msg": None}  # the API's message ids in schemas/messages.py
CALLS = r'\bt\("([^"]+)"'  # t("key") in any script
SPEC_KEYS = [  # labels in spec.js
    r'\b(?:label|hint|item|add|title):\s*"([^"]+)"',  # spec entries
    r'\[\s*"[^"]*",\s*"([a-z_]+\.[A-Za-z_.]+)"\s*\]',  # choice options ["value", "key"]
    r'\?\s*"([^"]+)"\s*:\s*"([^"]+)"',  # label functions choosing a key
    r'\[\s*"([a-z_]+\.[a-z_.]+)",\s*\{',  # [key, args]
]


def test_every_page_text_has_its_vietnamese() -> None:
    with (CATALOGUES / "vi" / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream)
    found = set()
    for folder in (ROOT / "service" / "http" / "web", ROOT / "templates" / "web"):
        for *_, message, _comments, _context in extract_from_dir(folder, METHODS):
            found.add(message)
    api_messages = extract_from_dir(ROOT / "schemas", [("messages.py", "python")], keywords=KEYS)
    found.update(message for *_, message, _comments, _context in api_messages)
    missing = sorted(m for m in found if not (catalogue.get(m) and catalogue.get(m).string))
    assert found and missing == []
    stale = sorted(m.id for m in catalogue if m.id and m.id not in found)
    assert stale == []  # no dead entries left in the catalogue


def test_every_key_the_scripts_use_has_a_message(app: Flask) -> None:
    with app.test_request_context():
        messages = client_messages()
    used: set[str] = set()
    for script in SCRIPTS.glob("*.js"):
        used.update(re.findall(CALLS, script.read_text("utf-8")))
    spec = (SCRIPTS / "spec.js").read_text("utf-8")
    for pattern in SPEC_KEYS:
        for match in re.finditer(pattern, spec):
            used.update(g for g in match.groups() if g)
    missing = sorted(k for k in used if k not in messages)
    assert len(used) > 150 and missing == []


def test_english_is_the_message_ids_and_vietnamese_the_default(app: Flask) -> None:
    with app.test_request_context():
        assert client_messages()["undo"] == "Hoàn tác"
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        assert client_messages()["undo"] == "Undo"


def test_catalogues_compile_once_and_again_when_edited(tmp_path: Path) -> None:
    source = tmp_path / "po"
    (source / "vi" / "LC_MESSAGES").mkdir(parents=True)
    po = source / "vi" / "LC_MESSAGES" / "messages.po"
    po.write_text('msgid "Undo"\nmsgstr "Hoàn tác"\n', "utf-8")
    target = tmp_path / "mo"
    assert compile_catalogues(source, target) == [target / "vi" / "LC_MESSAGES" / "messages.mo"]
    assert compile_catalogues(source, target) == []
    later = po.stat().st_mtime + 10
    os.utime(po, (later, later))
    assert len(compile_catalogues(source, target)) == 1
    assert not list(target.rglob("*.tmp"))
