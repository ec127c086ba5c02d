"""Build the embedded demo: four SQLite sources and a config that uses them.

``screenpop demo`` must work on a fresh machine with nothing but the package:
it builds an accounting, a sales, a credit and a service-desk database from
the shipped copy of the real retail data (``screenpop/demo/data``), invents
names and numbers (``people``), derives balances and credit terms from each
customer's real purchases (``accounts``) and complaint and warranty cases
about some of them (``service``), writes the databases (``databases``) and
``screenpop-demo.toml`` from its template (``data/screenpop-demo.toml``)
pointing the app at them.

The build is one job with a check and a result (``DemoSet``). It is quick,
idempotent (a complete demo whose stamp matches the shipped data and template
is reused) and atomic (everything is built in a sibling temporary directory
and renamed into place, so a crash never leaves half a demo where the app
would read it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import string
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from screenpop.demo import databases
from screenpop.demo.accounts import AS_OF, derive_account, invoice_totals
from screenpop.demo.people import make_people
from screenpop.demo.scenario import DemoCall, make_calls
from screenpop.demo.service import derive_cases

__all__ = ["AS_OF", "DATA_DIR", "DemoError", "DemoSet", "build_demo", "is_complete"]

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = ("lines.csv.gz", "products.csv.gz", "customers.csv.gz")
#: The demo's configuration, with ``${name}`` where the build puts its paths.
TEMPLATE = "screenpop-demo.toml"
#: Bump when the schema or the derivation rules change: old demos rebuild.
BUILD_VERSION = 5

ACCOUNTING_DB = "accounting.db"
SALES_DB = "sales.db"
CREDIT_DB = "credit.db"
SERVICE_DB = "service.db"
DATABASES = (ACCOUNTING_DB, SALES_DB, CREDIT_DB, SERVICE_DB)
CONFIG_FILE = "screenpop-demo.toml"
STAMP_FILE = "demo-stamp.json"
CROSSSELL_MODEL = "crosssell.model"
#: What the build makes and a rebuild replaces; anything else in a demo
#: directory (the demo journal) is carried into the rebuilt one.
OWN_NAMES = frozenset(
    {*DATABASES, CONFIG_FILE, STAMP_FILE, CROSSSELL_MODEL}
    | {f"{db}{suffix}" for db in DATABASES for suffix in ("-wal", "-shm", "-journal")}
)
#: A leftover build directory older than this is from a crashed build.
STALE_BUILD_S = 3600


class DemoError(RuntimeError):
    """The demo cannot be built where asked; the message says why."""


@dataclass(frozen=True, slots=True)
class DemoSet:
    """A built demo: where its files are and the calls it rings."""

    root: Path
    accounting: Path
    sales: Path
    credit: Path
    service: Path
    config: Path
    crosssell_model: Path
    calls: tuple[DemoCall, ...]


def data_digest(data_dir: Path) -> str:
    """Identity of the shipped data and template: a demo built from others is stale."""
    h = hashlib.sha256(f"screenpop-demo-{BUILD_VERSION}".encode())
    for name in DATA_FILES:
        h.update(hashlib.sha256((data_dir / name).read_bytes()).digest())
    h.update(hashlib.sha256(template().encode("utf-8")).digest())
    return h.hexdigest()


def template() -> str:
    """The demo configuration's template, a package resource."""
    return (resources.files("screenpop.demo") / "data" / TEMPLATE).read_text(encoding="utf-8")


def _toml_str(text: str) -> str:
    """The inside of a TOML basic string (JSON's escapes are TOML's, bar DEL)."""
    return json.dumps(text, ensure_ascii=False)[1:-1].replace("\x7f", "\\u007F")


def render_config(root: Path) -> str:
    """The demo's complete config, pointing at the databases under ``root``.

    Each value goes inside a TOML string of the template, escaped, so any
    folder name (quotes, backslashes, non-ASCII) reads back as itself.
    """
    text = template()

    def url(name: str) -> str:
        return _toml_str(f"sqlite:///{(root / name).as_posix()}")

    return string.Template(text).substitute(
        accounting_url=url(ACCOUNTING_DB),
        sales_url=url(SALES_DB),
        credit_url=url(CREDIT_DB),
        service_url=url(SERVICE_DB),
        crosssell_model=_toml_str((root / CROSSSELL_MODEL).as_posix()),
        as_of=AS_OF.isoformat(),
    )


# ------------------------------------------------------------------- build --


def _demo_set(root: Path) -> DemoSet:
    return DemoSet(
        root=root,
        accounting=root / ACCOUNTING_DB,
        sales=root / SALES_DB,
        credit=root / CREDIT_DB,
        service=root / SERVICE_DB,
        config=root / CONFIG_FILE,
        crosssell_model=root / CROSSSELL_MODEL,
        calls=make_calls(
            root / ACCOUNTING_DB, root / SALES_DB, root / CREDIT_DB, root / SERVICE_DB
        ),
    )


def is_complete(root: Path, data_dir: Path = DATA_DIR) -> bool:
    """A demo whose stamp matches the shipped data and whose files all exist."""
    try:
        stamp = json.loads((root / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict) or stamp.get("data") != data_digest(data_dir):
        return False
    return all((root / name).is_file() for name in (*DATABASES, CONFIG_FILE))


def _build_into(work: Path, root: Path, data_dir: Path) -> None:
    databases.write_sales(work / SALES_DB, data_dir)
    invoices = invoice_totals(work / SALES_DB)
    countries = {row[0]: row[1] for row in databases.read_csv(data_dir / "customers.csv.gz")}
    people = dict(make_people(countries).by_id)
    accounts = {
        cid: derive_account(cid, people[cid].currency, invoices.get(cid, {}))
        for cid in sorted(people)
    }
    databases.write_accounting(work / ACCOUNTING_DB, people, accounts)
    databases.write_directory(work / SALES_DB, people)
    databases.write_credit(work / CREDIT_DB, accounts)
    databases.write_service(work / SERVICE_DB, derive_cases(work / SALES_DB, sorted(people)))
    (work / CONFIG_FILE).write_text(render_config(root), encoding="utf-8")
    # The stamp goes last: its presence says everything before it is done.
    stamp = {"version": BUILD_VERSION, "data": data_digest(data_dir), "as_of": AS_OF.isoformat()}
    (work / STAMP_FILE).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")


def _sweep_stale_builds(parent: Path, name: str) -> None:
    """Remove build directories a crashed build left behind."""
    cutoff = time.time() - STALE_BUILD_S
    for old in parent.glob(f".{name}.build-*"):
        try:
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass


def _carry_over(previous: Path, root: Path) -> None:
    """Move what the app keeps beside the demo (its journal) into the new one.

    The demo directory also holds files the build does not make, such as
    ``screenpop demo``'s journal; a rebuild must never lose them. They are
    renamed, not copied, so an open SQLite file keeps working.
    """
    for entry in sorted(previous.iterdir()):
        if entry.name not in OWN_NAMES:
            os.replace(entry, root / entry.name)


def build_demo(target: Path, *, force: bool = False, data_dir: Path = DATA_DIR) -> DemoSet:
    """Build the demo in ``target`` (a directory the demo owns) and describe it.

    A complete, current demo is reused unless ``force``. Otherwise it is built
    beside ``target`` and renamed into place; files in an existing demo that
    the build does not make (the demo journal) move into the new one, and the
    old cross-sell model is dropped with the data it was learned from. An
    existing ``target`` that is not a demo directory is refused, not replaced.
    """
    root = Path(os.path.abspath(target))
    if not force and is_complete(root, data_dir):
        return _demo_set(root)
    if root.exists():
        if not root.is_dir():
            raise DemoError(f"{root} exists and is not a directory")
        foreign = sorted(p.name for p in root.iterdir() if p.name not in OWN_NAMES)
        if foreign and not (root / STAMP_FILE).is_file():
            raise DemoError(
                f"refusing to replace {root}: it is not a demo directory "
                f"(holds {', '.join(foreign[:5])})"
            )
    missing = [name for name in DATA_FILES if not (data_dir / name).is_file()]
    if missing:
        raise DemoError(f"demo data missing from {data_dir}: {', '.join(missing)}")
    root.parent.mkdir(parents=True, exist_ok=True)
    _sweep_stale_builds(root.parent, root.name)
    work = Path(tempfile.mkdtemp(prefix=f".{root.name}.build-", dir=root.parent))
    old: Path | None = None
    try:
        _build_into(work, root, data_dir)
        if root.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{root.name}.old-", dir=root.parent))
            os.replace(root, old / root.name)
        os.replace(work, root)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if old is not None:
            if not root.exists():
                os.replace(old / root.name, root)  # put the previous demo back
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        try:
            _carry_over(old / root.name, root)
        except OSError as exc:
            # Keep ``old``: it still holds what could not be moved.
            raise DemoError(f"demo rebuilt, but files stayed in {old}: {exc}") from exc
        shutil.rmtree(old, ignore_errors=True)
    return _demo_set(root)
