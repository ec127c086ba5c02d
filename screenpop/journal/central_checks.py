"""What ``doctor`` and the replicator check centrally before they trust it: the
DBA's schema is there, and the login is a workstation's (mapped to this agent,
allowed through the write door, subject to row-level security).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from screenpop.journal.central import SCHEMA_COMMENT, SETUP_HINT, CentralError
from screenpop.journal.central_write import RECORD_CALLS_SIGNATURE

# ---------------------------------------------------------------- checks --


@dataclass(frozen=True, slots=True)
class LoginInfo:
    """What the central database says about the login screenpop connected as."""

    login: str
    agent: str | None
    team: str | None
    supervised_teams: tuple[str, ...]
    bypasses_rls: bool
    can_replicate: bool
    can_read: bool


def check_schema(conn: Connection) -> None:
    """Raise ``CentralError`` unless the DBA's schema is there (never creates it)."""
    found = conn.execute(text("SELECT to_regclass('screenpop.calls')")).scalar()
    if found is None:
        raise CentralError(f"no table screenpop.calls in this database: {SETUP_HINT}")
    comment = conn.execute(text("SELECT obj_description('screenpop.calls'::regclass)")).scalar()
    if comment != SCHEMA_COMMENT:
        raise CentralError(
            f"screenpop.calls is not the expected schema ({comment!r}, "
            f"want {SCHEMA_COMMENT!r}): {SETUP_HINT}"
        )
    if conn.execute(text(f"SELECT to_regprocedure('{RECORD_CALLS_SIGNATURE}')")).scalar() is None:
        raise CentralError(
            f"no function {RECORD_CALLS_SIGNATURE} (the schema is from an older screenpop): "
            f"{SETUP_HINT}"
        )


def login_info(conn: Connection) -> LoginInfo:
    """Who we are centrally: mapped agent and team, supervised teams, privileges.

    Reads only what row-level security lets this login see of the mappings,
    which is exactly its own rows.
    """
    login = str(conn.execute(text("SELECT current_user")).scalar_one())
    member = None
    if _can(conn, "screenpop.team_members", "SELECT"):
        member = conn.execute(
            text("SELECT agent, team FROM screenpop.team_members WHERE login = current_user")
        ).first()
    teams: tuple[str, ...] = ()
    if _can(conn, "screenpop.supervisors", "SELECT"):
        teams = tuple(
            str(team)
            for team in conn.execute(
                text(
                    "SELECT team FROM screenpop.supervisors WHERE login = current_user"
                    " ORDER BY team"
                )
            ).scalars()
        )
    bypass = bool(
        conn.execute(
            text(
                "SELECT r.rolsuper OR r.rolbypassrls OR c.relowner = r.oid"
                " FROM pg_roles r, pg_class c"
                " WHERE r.rolname = current_user AND c.oid = 'screenpop.calls'::regclass"
            )
        ).scalar()
    )
    return LoginInfo(
        login=login,
        agent=None if member is None else str(member.agent),
        team=None if member is None else str(member.team),
        supervised_teams=teams,
        bypasses_rls=bypass,
        can_replicate=bool(
            conn.execute(
                text(
                    "SELECT to_regprocedure(:f) IS NOT NULL"
                    " AND has_function_privilege(:f, 'EXECUTE')"
                    " AND has_schema_privilege('screenpop', 'USAGE')"
                ),
                {"f": RECORD_CALLS_SIGNATURE},
            ).scalar()
        ),
        can_read=_can(conn, "screenpop.calls", "SELECT"),
    )


def _can(conn: Connection, table: str, privilege: str) -> bool:
    """One privilege (PostgreSQL answers true for a list if *any* of it is held)."""
    return bool(
        conn.execute(
            text("SELECT has_table_privilege(:table, :privilege)"),
            {"table": table, "privilege": privilege},
        ).scalar()
    )


def replication_problem(info: LoginInfo, agent: str) -> str | None:
    """Why this login cannot replicate agent ``agent``'s calls, or None."""
    if not info.can_replicate:
        return (
            f"login {info.login} may not write calls (EXECUTE on {RECORD_CALLS_SIGNATURE}): "
            f"the DBA grants it screenpop_agent (GRANT screenpop_agent TO {info.login})"
        )
    if info.agent is None:
        return (
            f"login {info.login} is not mapped to an agent in screenpop.team_members: the "
            f"DBA adds ({info.login!r}, {agent!r}, TEAM)"
        )
    if info.agent != agent:
        return (
            f"login {info.login} is mapped to agent {info.agent!r} in screenpop.team_members "
            f"but this workstation is agent {agent!r} ([agent] extension)"
        )
    return None


