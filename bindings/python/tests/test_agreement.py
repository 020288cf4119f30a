"""Agreement documents and the contract lint (itsm/agreement.h)."""

import copy
import json
import pathlib
import pickle

import pytest

import itsm

DATA = pathlib.Path(__file__).resolve().parents[3] / "examples" / "data"
SERVER = DATA / "agreement-server-operation.json"
SAAS = DATA / "agreement-saas.json"
VAGUE = DATA / "agreement-vague.json"


def test_examples_round_trip_identically():
    for path in (SERVER, SAAS, VAGUE):
        text = path.read_text(encoding="utf-8")
        a = itsm.Agreement.from_json(text)
        assert a.to_json() == text
        assert itsm.Agreement(a.to_dict()) == a


def test_accessors_and_dict():
    a = itsm.Agreement.from_file(SERVER)
    assert a.id == "SOS-2025-001"
    assert "server operation support" in a.name
    assert a.sla_count == 6
    assert repr(a) == "<itsm.Agreement 'SOS-2025-001'>"
    b = itsm.Agreement({"itsm_schema": 1, "type": "agreement", "id": "X"})
    assert b.name is None and b.sla_count == 0
    assert b.to_dict() == {"itsm_schema": 1, "type": "agreement", "id": "X"}


def test_pickle_and_copy():
    a = itsm.Agreement.from_file(SAAS)
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a and copy.copy(a) is not a
    assert type(a).__module__ == "itsm"


def test_errors_name_the_path():
    doc = {"itsm_schema": 1, "type": "agreement", "id": "A", "sla_items": [{"id": "s", "unit": "furlong"}]}
    with pytest.raises(itsm.Error, match=r"\$\.sla_items\[0\]\.unit"):
        itsm.Agreement(doc)
    with pytest.raises(itsm.Error, match=r"\$\.fee\.amount"):
        itsm.Agreement({"itsm_schema": 1, "type": "agreement", "id": "A", "fee": {"amount": "many"}})
    with pytest.raises(TypeError):
        itsm.Agreement(42)


def test_complete_examples_lint_clean():
    assert itsm.lint(itsm.Agreement.from_file(SERVER)) == []
    assert itsm.lint(SAAS.read_text(encoding="utf-8")) == []
    # A "per contract" level that is not the agreed one and has no value: an info only.
    doc = json.loads(SAAS.read_text(encoding="utf-8"))
    doc["sla_items"][1]["levels"]["L4"] = {"per_contract": True}
    findings = itsm.lint(doc)
    assert [(f.severity, f.path) for f in findings] == [(itsm.Severity.INFO, "$.sla_items[1].levels.L4")]


def test_vague_example_findings():
    findings = itsm.lint(itsm.Agreement.from_file(VAGUE))
    assert all(isinstance(f, itsm.Finding) and isinstance(f.severity, itsm.Severity) for f in findings)
    by_path = {f.path: f for f in findings}
    assert by_path["$.sla_items[1].levels.L3"].severity is itsm.Severity.ERROR
    assert "per contract" in by_path["$.sla_items[1].levels.L3"].message
    assert by_path["$.work_items[0].frequency"].guideline.startswith("seed B 参考9-1")
    assert by_path["$.hardware.stop_schedule"].guideline.startswith("seed A")
    assert "$.parties.vendor.emergency" in by_path
    assert itsm.Severity.ERROR.label == "error"


def test_lint_accepts_dicts():
    doc = json.loads(SERVER.read_text(encoding="utf-8"))
    del doc["parties"]["user"]["emergency"]
    findings = itsm.lint(doc)
    assert [f.path for f in findings] == ["$.parties.user.emergency"]
    assert "emergency" in findings[0].guideline


@pytest.mark.parametrize("path", [SERVER, SAAS, VAGUE], ids=lambda p: p.name)
def test_examples_match_the_schema(path):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    schema = json.loads((DATA.parents[1] / "docs" / "schema" / "agreement.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))


def test_docs_show_the_vague_findings():
    docs = (DATA.parents[1] / "docs" / "agreements.md").read_text(encoding="utf-8")
    table = docs.split("### The vague example's findings", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`$" in line]
    shown = [tuple(cell.strip().strip("`") for cell in row.strip("|").split(" | ")) for row in rows]
    found = [(f.severity.label, f.path, f.message, f.guideline) for f in itsm.lint(itsm.Agreement.from_file(VAGUE))]
    assert shown == found
