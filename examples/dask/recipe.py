#!/usr/bin/env python3
"""protokoll on Dask: a folder or a manifest of minutes to JSON Lines and Parquet.

Each file is one task that calls the `protokoll` Python package on a Dask worker. The
records come out as `protokoll ingest` writes them (the same bytes, in the same order)
and as flat Parquet tables (`protokoll.tables`). A file's record is kept in a state
folder as soon as it is done, so a run that is stopped, or run again, does only what is
left; a task is retried when its worker fails, and a file that kills its worker
(a crash, out of memory) becomes an error record ("worker_lost"), never a lost file.

    python recipe.py DIR_OR_FILE... [--files-from LIST] -o records.jsonl \\
        [--parquet DIR] [--state DIR] [--scheduler ADDRESS] [--workers N]

Importable too: `run(...)` does the same and returns a `Run` with the counts.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import PurePath

import protokoll

# File types `protokoll ingest` takes from a folder.
WANTED = (".pdf", ".txt")


# --- inputs -------------------------------------------------------------------------


def _is_url(path: str) -> bool:
    return "://" in path


def _fs(path: str):
    import fsspec  # comes with dask

    return fsspec.core.url_to_fs(path)


def _walk(folder: str) -> list[str]:
    """A folder's *.pdf and *.txt files as `protokoll ingest` walks it: entries in name
    order, symbolic links skipped, paths joined onto the folder as given."""
    out = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
    except OSError as e:
        print(f"recipe: warning: skipping {folder}: {e}", file=sys.stderr)
        return out
    for entry in entries:
        if entry.is_symlink():
            continue
        path = os.path.join(folder, entry.name)
        if entry.is_dir(follow_symlinks=False):
            out.extend(_walk(path))
        elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(WANTED):
            out.append(path)
    return out


def _walk_url(folder: str) -> list[str]:
    fs, root = _fs(folder)
    protocol = folder.split("://", 1)[0]
    return [f"{protocol}://{p}" for p in fs.find(root) if p.lower().endswith(WANTED)]


def _order(path: str):
    # `ingest` sorts paths component by component (Rust's Path order), not as strings.
    return tuple(os.fsencode(part) for part in PurePath(path).parts)


def collect(paths: Iterable[str] = (), manifests: Iterable[str] = ()) -> list[str]:
    """The files of a run, as `protokoll ingest` finds them: folders walked, listed
    paths taken as they are (a missing one becomes an error record), sorted, each
    once. A manifest has a path a line; blank lines are skipped."""
    given = [str(p) for p in paths]
    for manifest in manifests:
        with open(manifest, "rb") as f:
            for line in f.read().split(b"\n"):
                line = line.removesuffix(b"\r")
                if line.strip():
                    given.append(os.fsdecode(line))
    files = []
    for p in given:
        if _is_url(p):
            fs, root = _fs(p)
            files.extend(_walk_url(p) if fs.isdir(root) else [p])
        elif os.path.isdir(p):
            files.extend(_walk(p))
        else:
            files.append(p)
    return sorted(set(files), key=_order)


def _sha256(path: str) -> str:
    """The file's sha256 as its record has it ("" for a file that cannot be read: its
    record is an io error with no hash)."""
    h = hashlib.sha256()
    try:
        with _fs(path)[0].open(path, "rb") if _is_url(path) else open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


# --- the task -----------------------------------------------------------------------


def process_file(path: str, repair: bool = True, ocr: str = "auto", timeout: float = 8.0) -> str:
    """The task: the record of one file, as the JSON line `protokoll ingest` writes
    (without its newline). Local paths are read by the package; URLs (s3://, gs://,
    ...) through fsspec on the worker, and shown as the URL."""
    opts = {"repair": repair, "ocr": ocr, "timeout": timeout}
    if _is_url(path):
        fs, _ = _fs(path)
        with fs.open(path, "rb") as f:
            return protokoll.process_json(f.read(), display=path, **opts)
    return protokoll.process_json(path, **opts)


def lost_record(path: str, sha256: str, code: str, message: str, repair: bool, ocr: str) -> str:
    """An error record for a file whose task never gave one (its worker died every
    time it tried): the package's own record shape, so it has every field."""
    base = json.loads(protokoll.process_json(b"", display=path, repair=repair, ocr=ocr))
    base["source"]["format"] = "text" if path.lower().endswith((".txt", ".text")) else "pdf"
    base["source"]["sha256"] = sha256
    try:
        size = _fs(path)[0].size(path) if _is_url(path) else os.path.getsize(path)
    except OSError:
        size = 0
    base["source"]["bytes"] = size
    base["status"] = "error"
    base["errors"] = [{"code": code, "message": message, "page": None}]
    base["warnings"] = []
    # serde_json's compact form; no floats in this record, so the bytes match its style.
    return json.dumps(base, ensure_ascii=False, separators=(",", ":"))


# --- state: one small file per input, written when the input is done -----------------


class State:
    """The records done so far, one JSON file per input path (named by the path's
    hash) holding the path, the file's sha256, the options and the record line. A
    file is done when its state entry has the same sha256 and options."""

    def __init__(self, root: str):
        self.root = root
        self.local = not _is_url(root)
        if self.local:
            os.makedirs(root, exist_ok=True)
        else:
            self.fs, self.base = _fs(root)
            self.fs.makedirs(self.base, exist_ok=True)

    def _name(self, path: str) -> str:
        return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest() + ".json"

    def get(self, path: str) -> dict | None:
        name = self._name(path)
        try:
            if self.local:
                with open(os.path.join(self.root, name), "rb") as f:
                    entry = json.loads(f.read())
            else:
                with self.fs.open(f"{self.base}/{name}", "rb") as f:
                    entry = json.loads(f.read())
        except (OSError, ValueError):
            return None
        return entry if entry.get("path") == path else None

    def put(self, entry: dict) -> None:
        data = json.dumps(entry, ensure_ascii=False).encode()
        name = self._name(entry["path"])
        if self.local:
            # Written whole or not at all: a run killed mid-write leaves no half entry.
            final = os.path.join(self.root, name)
            tmp = f"{final}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, final)
        else:
            # An object store's put is atomic already.
            with self.fs.open(f"{self.base}/{name}", "wb") as f:
                f.write(data)


# --- outputs ------------------------------------------------------------------------


def _write_bytes(target: str, data: bytes) -> None:
    if _is_url(target):
        fs, p = _fs(target)
        with fs.open(p, "wb") as f:
            f.write(data)
        return
    tmp = target + ".partial"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, target)


ARROW_TYPES = {"string": "string", "int64": "int64", "float64": "float64", "bool": "bool_"}


def write_parquet(lines: list[str], folder: str) -> list[str]:
    """The records' tables (`protokoll.tables`), one Parquet file each, typed by
    `protokoll.TABLE_COLUMNS` so an empty or all-null column keeps its type."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = protokoll.tables(lines)
    if not _is_url(folder):
        os.makedirs(folder, exist_ok=True)
    written = []
    for name, rows in tables.items():
        cols = protokoll.TABLE_COLUMNS[name]
        schema = pa.schema([(c, getattr(pa, ARROW_TYPES[t])()) for c, t in cols])
        table = pa.Table.from_pylist(rows, schema=schema)
        target = f"{folder.rstrip('/')}/{name}.parquet"
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        _write_bytes(target, sink.getvalue().to_pybytes())
        written.append(target)
    return written


# --- the run ------------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    """What a run did."""

    files: int = 0
    submitted: int = 0
    skipped: int = 0
    lost: int = 0
    seconds: float = 0.0
    lines: list = dataclasses.field(default_factory=list, repr=False)


# Codes of errors that a later run with retry_errors=True does again.
TRANSIENT = {"timeout", "io", "internal", "ocr_unavailable", "worker_lost", "task_failed"}


def run(
    paths: Iterable[str] = (),
    manifests: Iterable[str] = (),
    *,
    output: str | None = None,
    parquet: str | None = None,
    state: str = "protokoll-state",
    client=None,
    scheduler: str | None = None,
    workers: int | None = None,
    repair: bool = True,
    ocr: str = "auto",
    timeout: float = 8.0,
    retries: int = 2,
    retry_errors: bool = False,
    task: Callable[..., str] = process_file,
) -> Run:
    """Processes the files of `paths` and `manifests` on Dask: a given `client`, the
    cluster at `scheduler`, or a LocalCluster of `workers` processes. `task(path,
    repair, ocr, timeout)` makes a record line; a test may pass its own."""
    from dask.distributed import Client, KilledWorker, LocalCluster, as_completed

    started = time.monotonic()
    files = collect(paths, manifests)
    st = State(state)
    opts = {"repair": repair, "ocr": ocr}
    lines: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    for path in files:
        sha = _sha256(path)
        entry = st.get(path)
        if entry and entry.get("sha256") == sha and entry.get("options") == opts:
            record = json.loads(entry["line"])
            codes = {e["code"] for e in record.get("errors", [])}
            if not (retry_errors and codes & TRANSIENT):
                lines[path] = entry["line"]
                continue
        todo.append((path, sha))
    result = Run(files=len(files), skipped=len(files) - len(todo))

    own = None
    if todo and client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            )
            client = own = Client(cluster)
    try:
        if todo:
            futures = {}
            # Keys unique to this run: a task that failed in an earlier run on the same
            # scheduler is not taken for this one.
            run_id = uuid.uuid4().hex[:8]
            for i, (path, sha) in enumerate(todo):
                fut = client.submit(
                    task,
                    path,
                    repair,
                    ocr,
                    timeout,
                    retries=retries,
                    pure=False,
                    key=f"protokoll-{run_id}-{i}",
                )
                futures[fut] = (path, sha)
            result.submitted = len(futures)
            for fut in as_completed(futures):
                path, sha = futures.pop(fut)
                try:
                    line = fut.result()
                except KilledWorker as e:
                    # A worker died on this file every time it ran (a crash, out of
                    # memory): the file is an error record, never a lost file.
                    line = lost_record(
                        path,
                        sha,
                        "worker_lost",
                        f"the worker processing this file died each time it ran it (a "
                        f"crash, or out of memory; tried on as many workers as the "
                        f"scheduler's allowed-failures lets): {e}",
                        repair,
                        ocr,
                    )
                    result.lost += 1
                except Exception as e:  # noqa: BLE001 - any task failure is a record
                    line = lost_record(
                        path,
                        sha,
                        "task_failed",
                        f"the task failed after {retries + 1} tries: {type(e).__name__}: {e}",
                        repair,
                        ocr,
                    )
                    result.lost += 1
                st.put({"path": path, "sha256": sha, "options": opts, "line": line})
                lines[path] = line
    finally:
        if own is not None:
            cluster = getattr(own, "cluster", None)
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()

    result.lines = [lines[p] for p in files]
    if output:
        _write_bytes(output, "".join(l + "\n" for l in result.lines).encode())
    if parquet:
        write_parquet(result.lines, parquet)
    result.seconds = time.monotonic() - started
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="files and folders (walked for *.pdf, *.txt)")
    ap.add_argument(
        "--files-from",
        action="append",
        default=[],
        metavar="LIST",
        help="a manifest: one path (or URL) a line",
    )
    ap.add_argument("-o", "--output", help="JSON Lines records, as `protokoll ingest -o`")
    ap.add_argument("--parquet", metavar="DIR", help="Parquet tables (documents, items, ...)")
    ap.add_argument(
        "--state",
        default="protokoll-state",
        metavar="DIR",
        help="one small JSON per file done (default: %(default)s)",
    )
    ap.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler (tcp://host:8786); default: a LocalCluster",
    )
    ap.add_argument("--workers", type=int, help="LocalCluster worker processes (default: cores)")
    ap.add_argument("--no-repair", action="store_true")
    ap.add_argument("--ocr", default="auto", choices=["auto", "never", "always"])
    ap.add_argument("--timeout", type=float, default=8.0)
    ap.add_argument("--retries", type=int, default=2, help="tries again after a failure")
    ap.add_argument(
        "--retry-errors",
        action="store_true",
        help="process again files whose record is a transient error",
    )
    args = ap.parse_args(argv)
    if not args.paths and not args.files_from:
        ap.error("give files, folders or --files-from")
    r = run(
        args.paths,
        args.files_from,
        output=args.output,
        parquet=args.parquet,
        state=args.state,
        scheduler=args.scheduler,
        workers=args.workers,
        repair=not args.no_repair,
        ocr=args.ocr,
        timeout=args.timeout,
        retries=args.retries,
        retry_errors=args.retry_errors,
    )
    if not args.output:
        sys.stdout.write("".join(l + "\n" for l in r.lines))
    print(
        f"recipe: {r.files} files: {r.submitted} submitted, {r.skipped} already done, "
        f"{r.lost} lost workers or failed tasks, {r.seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
