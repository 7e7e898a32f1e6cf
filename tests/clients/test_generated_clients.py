"""Clients generated from the served description, as integrators generate them: the Python
client (openapi-python-client) drives every operation against the running service (real
LibreOffice, real SQLite, the embedded batch workers); the TypeScript types
(openapi-typescript) compile under `tsc --strict`. Either generator's warning fails."""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openpyxl import load_workbook

from service.http import create_app
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.batch.communes import commune_rows
from tests.conftest import plan_json
from tests.serving import serve
from tests.web.test_drafts_api import COMMUNE  # a commune's header for cascading

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
HERE = Path(__file__).parent
GENERATOR = Path(sys.executable).parent / "openapi-python-client"
NODE_BIN = HERE / "node_modules" / ".bin"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PLAN = "ke-hoach-bac-kan-2023"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Any]]:
    """The service on a loopback port, an API key, and its description."""
    folder = tmp_path_factory.mktemp("clients")
    converter = LibreOfficePool(PoolConfig(instances=1, queue_size=8, timeout=60))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'c.db'}", "PDF_CONVERTER": converter,
                      "STORAGE_DIR": str(folder / "batches"), "BATCH_POLL_SECONDS": 0.2,
                      "RATE_LIMIT_PER_MINUTE": 0})  # fmt: skip
    _, key = app.extensions["accounts"].create_key("xa-a", "generated client")
    spec = app.test_client().get("/api/v1/openapi.json").json
    try:
        with serve(app) as url:
            yield url, key, spec
    finally:
        app.extensions["batches"].close()
        converter.close()
        app.extensions["database"].dispose()


def _run(command: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def generated(service: tuple[str, str, Any], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Python client's package name, importable; the generator said nothing but done."""
    folder = tmp_path_factory.mktemp("python-client")
    (folder / "openapi.json").write_text(json.dumps(service[2]), "utf-8")
    output = _run([str(GENERATOR), "generate", "--path", str(folder / "openapi.json"),
                   "--config", str(HERE / "openapi-python-client.yml"),
                   "--output-path", str(folder / "client")])  # fmt: skip
    assert not re.search(r"warning|error|unsupported|cannot", output, re.I), output
    sys.path.insert(0, str(folder / "client"))
    return "plandoc_client"


class Driver:
    """Calls the generated client's operations, remembering which were called."""

    def __init__(self, package: str, url: str, key: str, spec: Any) -> None:
        self.package, self.spec = package, spec
        self.client = importlib.import_module(package).AuthenticatedClient(
            base_url=url, token=key, timeout=120
        )
        self.called: set[str] = set()

    def model(self, name: str) -> Any:
        """A generated model class by name (`Plan`, `SaveBody`...)."""
        return getattr(importlib.import_module(f"{self.package}.models"), name)

    def __call__(self, tag: str, operation: str, *args: Any, **kwargs: Any) -> Any:
        module: ModuleType = importlib.import_module(f"{self.package}.api.{tag}.{operation}")
        self.called.add(operation)
        return module.sync_detailed(*args, client=self.client, **kwargs)


@pytest.fixture(scope="module")
def call(generated: str, service: tuple[str, str, Any]) -> Driver:
    return Driver(generated, *service)


def conforms(spec: Any, name: str, answer: Any) -> None:
    """The raw JSON answer is exactly what the description's `name` schema says (no field
    more: answers' schemas have `additionalProperties: false`)."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    OAS30Validator(schema).validate(json.loads(answer.content))


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_service_operations(call: Driver) -> None:
    assert call("service", "get_health").parsed.status == "ok"
    ready = call("service", "get_readiness")
    assert ready.status_code == 200 and ready.parsed.database == "ok"
    conforms(call.spec, "Readiness", ready)
    description = call("service", "get_open_api").parsed.additional_properties
    assert "/api/v1/documents" in description["paths"]


def test_documents_render_docx_and_pdfa_and_refuse_an_invalid_plan(call: Driver) -> None:
    plan = call.model("Plan").from_dict(plan_json(PLAN))
    docx = call("documents", "render_document", body=plan)
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch" in docx.headers["Content-Disposition"]
    fmt = importlib.import_module(f"{call.package}.models").RenderDocumentFormat
    pdf = call("documents", "render_document", body=plan, format_=fmt.PDF, pdfa=True)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert b"pdfaid:part" in pdf.content  # PDF/A-2b metadata
    letter = call.model("Letter").from_dict(plan_json("cong-van-tl"))
    assert call("documents", "render_document", body=letter).status_code == 200
    assert call("documents", "validate_document", body=letter).parsed.valid is True
    broken = plan_json(PLAN) | {"signer": {"mode": "KT", "title": "PHÓ CHỦ TỊCH", "name": "An"}}
    invalid = call("documents", "validate_document", body=call.model("Plan").from_dict(broken))
    assert invalid.status_code == 422 and invalid.parsed.status == 422
    assert "signer.head" in invalid.parsed.errors.additional_properties
    conforms(call.spec, "Problem", invalid)


def test_document_types_come_from_the_registry(call: Driver) -> None:
    types = call("documents", "list_document_types").parsed.types
    assert [(t.type_, t.name, t.cascades) for t in types] == [
        ("cong_van", "Công văn", False),
        ("ke_hoach", "Kế hoạch", True),
        ("quyet_dinh", "Quyết định", False),
    ]


def test_check_a_rendered_document(call: Driver) -> None:
    docx = call("documents", "render_document", body=call.model("Plan").from_dict(plan_json(PLAN)))
    upload = importlib.import_module(f"{call.package}.types").File(
        payload=io.BytesIO(docx.content), file_name="ke-hoach.docx", mime_type=DOCX
    )
    report = call("check", "check_document", body=call.model("CheckForm")(file=upload), text=True)
    assert report.status_code == 200, report.content
    assert report.parsed.errors == 0 and report.parsed.paragraphs
    conforms(call.spec, "Report", report)


def test_drafts_from_creation_to_deletion(call: Driver) -> None:
    data = call.model("CreateBodyData").from_dict(plan_json(PLAN))
    body = call.model("CreateBody")(data=data, name="Kế hoạch 2023")
    made = call("drafts", "create_draft", body=body, idempotency_key="client-1")
    again = call("drafts", "create_draft", body=body, idempotency_key="client-1")
    assert (made.status_code, again.status_code) == (201, 201)
    assert again.parsed.id == made.parsed.id and again.headers["Idempotent-Replayed"] == "true"
    draft_id, tag = made.parsed.id, made.headers["ETag"]
    for n in range(2):
        call("drafts", "create_draft", body=call.model("CreateBody")(data=data, name=f"Nháp {n}"))
    first = call("drafts", "list_drafts", limit=2)
    conforms(call.spec, "DraftPage", first)
    rest = call("drafts", "list_drafts", limit=2, cursor=first.parsed.next_cursor)
    assert 'rel="next"' in first.headers["Link"] and rest.parsed.next_cursor is None
    assert len(first.parsed.drafts) + len(rest.parsed.drafts) == 3
    got = call("drafts", "get_draft", draft_id)
    assert got.parsed.data.additional_properties == plan_json(PLAN)
    assert call("drafts", "get_draft", draft_id, if_none_match=tag).status_code == 304
    changed = call.model("SaveBodyData").from_dict(plan_json(PLAN) | {"place": "Bắc Kạn"})
    saved = call("drafts", "save_draft", draft_id, body=call.model("SaveBody")(data=changed),
                 if_match=tag)  # fmt: skip
    assert saved.status_code == 200 and saved.parsed.revision == 2
    stale = call("drafts", "save_draft", draft_id, body=call.model("SaveBody")(data=changed),
                 if_match=tag)  # fmt: skip
    assert stale.status_code == 412 and stale.parsed.status == 412
    renamed = call("drafts", "rename_draft", draft_id,
                   body=call.model("RenameBody")(name="Kế hoạch 05/KH"),
                   if_match=saved.headers["ETag"])  # fmt: skip
    assert renamed.parsed.name == "Kế hoạch 05/KH"
    copy = call("drafts", "duplicate_draft", draft_id, body=call.model("DuplicateBody")())
    assert copy.status_code == 201 and copy.parsed.parent_id == draft_id
    exported = call("drafts", "export_draft", draft_id)
    assert exported.parsed.additional_properties["place"] == "Bắc Kạn"
    assert "Ke-hoach-05-KH.json" in exported.headers["Content-Disposition"]
    imported = call("drafts", "import_draft",
                    body=call.model("ImportDraftBody").from_dict(plan_json(PLAN)))  # fmt: skip
    assert imported.status_code == 201
    header = call.model("CascadeBodyHeader").from_dict(COMMUNE)
    cascaded = call("drafts", "cascade_draft",
                    body=call.model("CascadeBody")(header=header, parent_id=draft_id))  # fmt: skip
    assert cascaded.status_code == 201 and cascaded.parsed.parent_id == draft_id
    gone = call("drafts", "delete_draft", draft_id, if_match=renamed.headers["ETag"])
    assert gone.status_code == 204
    assert call("drafts", "get_draft", draft_id).status_code == 404


def _table(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_batch_queued_polled_downloaded(call: Driver) -> None:
    rows = commune_rows(2)
    upload = importlib.import_module(f"{call.package}.types").File(
        payload=io.BytesIO(_table(rows)), file_name="xa.csv", mime_type="text/csv"
    )
    form = call.model("BatchForm")(plan=json.dumps(plan_json(PLAN)), table=upload,
                                   fields="ten_xa", formats="docx,pdf")  # fmt: skip
    checked = call("batches", "validate_batch", body=form)
    assert checked.status_code == 200 and checked.parsed.total == 2
    conforms(call.spec, "BatchValidation", checked)
    request = call.model("BatchRequest").from_dict(
        {"plan": plan_json(PLAN), "rows": rows, "fields": ["ten_xa"], "formats": ["docx", "pdf"]}
    )
    queued = call("batches", "create_batch", body=request, idempotency_key="lo-client")
    assert queued.status_code == 202, queued.content
    batch_id = queued.parsed.id
    answer = _until(lambda: call("batches", "get_batch", batch_id),
                    lambda a: a.parsed.status in ("done", "partial", "failed"))  # fmt: skip
    status = answer.parsed
    assert (status.status, status.done, status.failed) == ("done", 2, 0)
    conforms(call.spec, "BatchStatus", answer)
    conforms(call.spec, "BatchSummary", queued)
    archive = call("batches", "get_batch_archive", batch_id)
    with zipfile.ZipFile(io.BytesIO(archive.content)) as opened:
        names = opened.namelist()
    assert sum(n.endswith(".docx") for n in names) == sum(n.endswith(".pdf") for n in names) == 2
    merged = call("batches", "get_batch_merged_pdf", batch_id)
    assert merged.status_code == 200 and merged.content.startswith(b"%PDF")


def test_the_batch_template_lists_the_communes_under_vietnamese_headers(call: Driver) -> None:
    request = call.model("BatchTemplateRequest").from_dict(
        {"plan": plan_json(PLAN), "fields": ["ten_xa"], "communes": ["Quang Thuận"]}
    )
    answer = call("batches", "make_batch_template", body=request)
    assert answer.status_code == 200, answer.content
    sheet = load_workbook(io.BytesIO(answer.content))["Danh sách xã"]
    assert [cell.value for cell in sheet[1]][:3] == [
        "Tên xã (cơ quan ban hành)",
        "Địa danh",
        "Chủ tịch (người ký)",
    ]
    commune = [cell.value for cell in sheet[2]][:2]
    assert commune == ["ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "Quang Thuận"]


def _until(read: Callable[[], Any], done: Callable[[Any], bool], timeout: float = 240) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def test_every_operation_was_driven(call: Driver, service: tuple[str, str, Any]) -> None:
    described = {_snake(op["operationId"]) for item in service[2]["paths"].values()
                 for op in item.values()}  # fmt: skip
    assert call.called == described


def test_typescript_types_generate_and_compile(
    service: tuple[str, str, Any], tmp_path: Path
) -> None:
    if not (NODE_BIN / "openapi-typescript").exists():
        pytest.fail("npm packages missing: run scripts/setup.sh (npm ci in tests/clients)")
    (tmp_path / "openapi.json").write_text(json.dumps(service[2]), "utf-8")
    output = _run([str(NODE_BIN / "openapi-typescript"), str(tmp_path / "openapi.json"),
                   "-o", str(tmp_path / "api.d.ts")])  # fmt: skip
    assert not re.search(r"warn|error|⚠", output, re.I), output
    assert "renderDocument: {" in (tmp_path / "api.d.ts").read_text("utf-8")
    (tmp_path / "uses.ts").write_text((HERE / "uses.ts").read_text("utf-8"), "utf-8")
    _run([str(NODE_BIN / "tsc"), "--strict", "--noEmit", "--target", "es2022", "--module",
          "es2022", "--moduleResolution", "bundler", str(tmp_path / "uses.ts")])  # fmt: skip
