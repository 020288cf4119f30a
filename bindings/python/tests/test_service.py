"""Services and parties as documents of their own (itsm/service.h)."""

import copy
import json
import pathlib
import pickle

import pytest

import itsm

ROOT = pathlib.Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fuzz" / "corpus" / "documents"
SERVICE = CORPUS / "service-server-operation.json"
VENDOR = CORPUS / "party-vendor.json"
USER = CORPUS / "party-user.json"
AGREEMENT = ROOT / "examples" / "data" / "agreement-server-operation.json"


@pytest.mark.parametrize("cls, path", [(itsm.Service, SERVICE), (itsm.Party, VENDOR), (itsm.Party, USER)],
                         ids=["service", "vendor", "user"])
def test_examples_round_trip_identically(cls, path):
    text = path.read_text(encoding="utf-8")
    doc = cls.from_json(text)
    assert doc.to_json() == text
    assert cls(doc.to_dict()) == doc == cls.from_file(path)
    assert cls(doc.to_json()).to_json() == text  # load -> save -> load gives the same text
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert copy.deepcopy(doc) == doc and copy.copy(doc) is not doc
    assert hash(copy.copy(doc)) == hash(doc)
    assert doc.lint() == []
    assert type(doc).__module__ == "itsm" and repr(doc).startswith(f"<itsm.{cls.__name__} ")


def test_accessors():
    s = itsm.Service.from_file(SERVICE)
    assert s.id == "SVC-SERVER-OPERATION" and "server operation support" in s.name and s.sla_count == 6
    p = itsm.Party.from_file(VENDOR)
    assert (p.id, p.side, p.company) == ("PARTY-EXAMPLE-SYSTEMS", "vendor", "Example Systems K.K.")
    bare = itsm.Party({"itsm_schema": 1, "type": "party", "id": "P"})
    assert (bare.side, bare.company) == (None, None)
    assert itsm.Service({"itsm_schema": 1, "type": "service", "id": "S"}).name is None


def test_same_members_as_an_agreement():
    """A service is an agreement without the parties (with contacts); a party is one side."""
    agreement = json.loads(AGREEMENT.read_text(encoding="utf-8"))
    service = itsm.Service.from_file(SERVICE).to_dict()
    vendor = agreement["parties"]["vendor"]
    assert service.pop("contacts") == {"inquiry": vendor["inquiry"], "emergency": vendor["emergency"]}
    for key in ("type", "id"):
        service.pop(key)
        agreement.pop(key)
    agreement.pop("parties")
    assert list(service.items()) == list(agreement.items())
    for side, path in (("vendor", VENDOR), ("user", USER)):
        party = itsm.Party.from_file(path).to_dict()
        assert party.pop("side") == side
        for key in ("itsm_schema", "type", "id"):
            party.pop(key)
        assert list(party.items()) == list(json.loads(AGREEMENT.read_text(encoding="utf-8"))["parties"][side].items())


@pytest.mark.parametrize(
    "cls, document, path",
    [
        (itsm.Service, {"contacts": {"inquiry": {"fax": 3}}}, r"\$\.contacts\.inquiry\.fax"),
        (itsm.Service, {"parties": {}}, r"\$\.parties: unknown key"),
        (itsm.Service, {"sla_items": [{"id": "x", "kind": "promise"}]}, r"\$\.sla_items\[0\]\.kind"),
        # SLA items are read by the SLA item reader, as an agreement's are
        (itsm.Service, {"sla_items": [{"id": "x", "levels": {"L1": {}}}]},
         r"\$\.sla_items\[0\]\.levels\.L1: a level needs exactly one of"),
        (itsm.Party, {"side": "both"}, r"\$\.side"),
        (itsm.Party, {"persons_in_charge": [{"name": ""}]}, r"\$\.persons_in_charge\[0\]\.name"),
        (itsm.Party, {"responsible": {"legal": {}}}, r"\$\.responsible\.legal"),
    ],
)
def test_errors_name_their_path(cls, document, path):
    doc = {"itsm_schema": 1, "type": cls.__name__.lower(), "id": "X", **document}
    with pytest.raises(itsm.InvalidArgumentError, match=path):
        cls(doc)


def test_wrong_type_and_version():
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.type"):
        itsm.Party({"itsm_schema": 1, "type": "service", "id": "X"})
    with pytest.raises(itsm.VersionError):
        itsm.Service({"itsm_schema": 2, "type": "service", "id": "X"})
    with pytest.raises(TypeError):
        itsm.Service(42)


def test_lint():
    s = itsm.Service({"itsm_schema": 1, "type": "service", "id": "S", "contacts": {"inquiry": {"phone": "1"}}})
    paths = {f.path for f in s.lint()}
    assert {"$.name", "$.contacts.emergency", "$.sla_items"} <= paths
    assert not any(p.startswith("$.parties") for p in paths) and "$.contacts.inquiry" not in paths
    p = itsm.Party({"itsm_schema": 1, "type": "party", "id": "P", "side": "user"})
    findings = p.lint()
    assert [f.path for f in findings] == ["$.department", "$.responsible", "$.persons_in_charge", "$.inquiry",
                                          "$.roles", "$.emergency"]
    assert all(f.severity is itsm.Severity.ERROR for f in findings)
    assert findings[-1].message == "no emergency contact on the user side"
    # the module-level lint picks the class from the document's type
    assert itsm.lint(p.to_dict()) == findings == itsm.lint(p.to_json()) == itsm.lint(p)
    assert itsm.lint(s.to_json()) == s.lint()


@pytest.mark.parametrize("name, path", [("service", SERVICE), ("party", VENDOR), ("party", USER)])
def test_json_schema(name, path):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    schema = json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(json.loads(path.read_text(encoding="utf-8")))
    # the SLA items' old form (a level's value as text) is refused by the schema and the reader
    old_level = {"sla_items": [{"id": "x", "levels": {"L1": {"value": "<= 60"}}}]}
    bads = ({"side": "both"},) if name == "party" else ({"parties": {}}, old_level)
    for bad in (*bads, {"id": ""}, {"nickname": "x"}):
        doc = {**json.loads(path.read_text(encoding="utf-8")), **bad}
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(doc)
        cls = itsm.Party if name == "party" else itsm.Service
        with pytest.raises(itsm.InvalidArgumentError):
            cls(doc)
