"""The Python examples of docs/*.md that are marked `<!-- test: run -->` run as written
(from the repository's top), so the documentation cannot drift from the library."""

import contextlib
import io
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
MARKED = re.compile(r"<!-- test: run -->\s*```python\n(.*?)```", re.S)


def blocks():
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for i, code in enumerate(MARKED.findall(doc.read_text(encoding="utf-8"))):
            yield pytest.param(code, id=f"{doc.name}[{i}]")


@pytest.mark.parametrize("code", list(blocks()))
def test_marked_example_runs(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<docs>", "exec"), {"__name__": "__docs__"})


def test_every_document_type_is_in_the_index():
    index = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
    for schema in sorted((ROOT / "docs" / "schema").glob("*.schema.json")):
        name = schema.name[: -len(".schema.json")]
        assert f"`{name}`" in index, name
        assert f"(schema/{schema.name})" in index, name
