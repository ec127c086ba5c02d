"""Alembic environment of the journal, driven from code, not from an alembic.ini.

``screenpop.journal.database`` opens the SQLite connection itself (WAL, pragmas,
an IMMEDIATE transaction that serialises concurrent upgrades) and hands it in
through ``config.attributes["connection"]``; this file only runs the
migrations on it. A developer may still point the ``alembic`` command at a
journal with ``-x url=sqlite:///path`` (e.g. to write the next revision).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from screenpop.journal.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds tables.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("no connection passed in and no -x url=... given")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise RuntimeError("the journal's migrations run online only")
run_migrations_online()
