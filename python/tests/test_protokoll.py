"""The Python package gives what the command line gives (issue 16, acceptance 2).

Run by scripts/test-python against the installed wheel. The command line is
target/release/protokoll, or PROTOKOLL_BIN.
"""

import json
import os
import subprocess
import threading
from pathlib import Path

import protokoll
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PROTOKOLL_BIN", str(ROOT / "target" / "release" / "protokoll"))

# Born-digital PDFs, text files, a scan (OCR'd where Tesseract is, an error record
# where not: the same either way) and broken PDFs.
FIXTURES = [
    "fixtures/pdf/protokoll-narvarolistor.pdf",
    "fixtures/pdf/minnesanteckningar-agendatabell.pdf",
    "fixtures/text/kommunstyrelsen-paragrafer.txt",
    "fixtures/text/styrgrupp-narvard.txt",
    "fixtures/scan/protokoll-skannad.pdf",
    "fixtures/hostile/pdfium-oparsbar.pdf",
    "fixtures/hostile/tom-fil.pdf",
    "fixtures/hostile/avklippt.pdf",
]


def cli(*args):
    out = subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    # Paths are shown as given, so both sides are given the same relative path.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("path", FIXTURES)
def test_record_is_the_cli_record(path):
    line = cli("ingest", path)
    assert protokoll.process(path) == json.loads(line)
    # Byte for byte too: the same serde_json call.
    assert (protokoll.process_json(path) + "\n").encode() == line


def test_options_are_the_cli_flags():
    path = "fixtures/text/kommunstyrelsen-paragrafer.txt"
    line = cli("ingest", "--no-repair", "--ocr", "never", "--timeout", "3", path)
    got = protokoll.process(path, repair=False, ocr="never", timeout=3.0)
    assert got == json.loads(line)
    assert got["options"] == "repair=no ocr=never"


def test_bytes_give_the_record_of_the_file():
    path = "fixtures/pdf/protokoll-narvarolistor.pdf"
    data = Path(path).read_bytes()
    assert protokoll.process(data, display=path) == protokoll.process(path)
    assert protokoll.process(bytearray(data), display=path) == protokoll.process(path)
    assert protokoll.process(Path(path)) == protokoll.process(path)
    assert protokoll.process(data)["source"]["path"] == "<bytes>"


def test_a_broken_pdf_is_an_error_record():
    r = protokoll.process(b"%PDF-1.7 and then nothing")
    assert r["status"] == "error"
    assert r["errors"] and r["errors"][0]["code"]
    missing = protokoll.process("fixtures/no-such-file.pdf")
    assert missing["status"] == "error"
    assert missing["errors"][0]["code"] == "io"


def test_bad_arguments_raise():
    with pytest.raises(TypeError):
        protokoll.process(42)
    with pytest.raises(TypeError):
        protokoll.process([37, 80, 68, 70])
    with pytest.raises(ValueError):
        protokoll.process("fixtures/text/styrgrupp-narvard.txt", ocr="sometimes")
    with pytest.raises(ValueError):
        protokoll.process("fixtures/text/styrgrupp-narvard.txt", timeout=0)
    with pytest.raises(ValueError):
        protokoll.process("fixtures/text/styrgrupp-narvard.txt", timeout=-1.0)
    with pytest.raises(TypeError):
        protokoll.process("fixtures/text/styrgrupp-narvard.txt", "positional")
    with pytest.raises(TypeError):
        protokoll.tables([42])
    with pytest.raises(ValueError):
        protokoll.tables([{"not": "a record"}])


@pytest.mark.parametrize("raw", [False, True])
def test_extract_is_the_cli_text(raw):
    path = "fixtures/pdf/minnesanteckningar-agendatabell.pdf"
    args = ["extract", path] + (["--raw"] if raw else [])
    assert protokoll.extract(path, raw=raw) == cli(*args).decode()


def test_extract_takes_bytes():
    for path in ["fixtures/pdf/protokoll-narvarolistor.pdf", "fixtures/text/styrgrupp-narvard.txt"]:
        assert protokoll.extract(Path(path).read_bytes()) == protokoll.extract(path)


def test_extract_of_a_broken_pdf_raises():
    with pytest.raises(protokoll.ExtractError, match="pdfium-oparsbar.pdf"):
        protokoll.extract("fixtures/hostile/pdfium-oparsbar.pdf")


def test_schema_is_the_cli_schema():
    assert protokoll.schema() == json.loads(cli("schema"))
    record = protokoll.process("fixtures/text/styrgrupp-narvard.txt")
    assert protokoll.SCHEMA_VERSION == record["schema_version"]
    assert protokoll.__version__ == cli("--version").decode().split()[-1]


def test_tables_are_flat_with_stable_columns():
    records = [protokoll.process(p) for p in FIXTURES]
    t = protokoll.tables(records)
    assert list(t) == list(protokoll.TABLE_COLUMNS)
    scalar = (str, int, float, bool, type(None))
    for name, rows in t.items():
        columns = [c for c, _ in protokoll.TABLE_COLUMNS[name]]
        for row in rows:
            assert list(row) == columns
            assert all(isinstance(v, scalar) for v in row.values())
    assert len(t["documents"]) == len(records)
    assert len(t["items"]) == sum(len(r["items"]) for r in records)
    assert len(t["attendance"]) == sum(len(r["attendance"]) for r in records)
    assert len(t["problems"]) == sum(len(r["errors"]) + len(r["warnings"]) for r in records)
    # Every row names its document.
    shas = {r["source"]["sha256"] for r in records}
    assert all(row["sha256"] in shas for rows in t.values() for row in rows)
    # JSON lines are taken as well as dicts.
    assert protokoll.tables([json.dumps(r) for r in records]) == t


def test_tables_load_into_arrow():
    pa = pytest.importorskip("pyarrow")
    t = protokoll.tables([protokoll.process(p) for p in FIXTURES])
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
    }
    for name, rows in t.items():
        schema = pa.schema([(c, types[ty]) for c, ty in protokoll.TABLE_COLUMNS[name]])
        table = pa.Table.from_pylist(rows, schema=schema)
        assert table.num_rows == len(rows)
    docs = pa.Table.from_pylist(t["documents"])
    assert docs.column("path").to_pylist() == FIXTURES


def test_the_gil_is_released_while_a_file_is_processed():
    # Another Python thread runs while a scan is read: with the GIL held it could not.
    done = threading.Event()
    ticks = 0

    def work():
        for _ in range(3):
            protokoll.process("fixtures/scan/protokoll-skannad.pdf")
            protokoll.process("fixtures/pdf/minnesanteckningar-agendatabell-chromium.pdf")
        done.set()

    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        ticks += 1
    t.join()
    assert ticks > 1000
