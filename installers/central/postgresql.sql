-- screenpop central journal: tables, roles and row-level security (PostgreSQL ≥ 13).
--
-- Run by the DBA, as a role that may create roles (postgres), in the database
-- the workstations' `[journal] central` URL names:
--
--     psql -v ON_ERROR_STOP=1 -d screenpop -f installers/central/postgresql.sql
--
-- Idempotent: running it again (e.g. after upgrading screenpop) creates what
-- is missing and re-states grants and policies; it never drops data. The
-- workstations never create or alter anything here (least privilege): they
-- only insert and update their own rows of screenpop.calls.
--
-- Who sees what is decided here, by row-level security, not by the client:
--   * an agent's login reads, inserts and updates only rows whose `agent` is
--     the agent mapped to that login in screenpop.team_members; it may not
--     delete, and cannot move a row to another agent or team;
--   * a supervisor's login reads the rows of the teams mapped to it in
--     screenpop.supervisors, and writes nothing.
-- The table owner, superusers and BYPASSRLS roles are not subject to the
-- policies: never give a workstation such a login (`screenpop doctor` says so).

SET client_min_messages = warning;  -- no "already exists, skipping" chatter
BEGIN;

-- Group roles (cluster-wide, no login). Logins are made members of them.
DO $$
BEGIN
    CREATE ROLE screenpop_agent NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;  -- exists already (or another session just made it)
END
$$;
DO $$
BEGIN
    CREATE ROLE screenpop_supervisor NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

CREATE SCHEMA IF NOT EXISTS screenpop;
REVOKE ALL ON SCHEMA screenpop FROM PUBLIC;
GRANT USAGE ON SCHEMA screenpop TO screenpop_agent, screenpop_supervisor;

-- Which workstation login is which agent, in which team. `agent` is the
-- workstation's `[agent] extension`; `login` the PostgreSQL role in its URL.
CREATE TABLE IF NOT EXISTS screenpop.team_members (
    login text PRIMARY KEY,
    agent text NOT NULL UNIQUE,
    team  text NOT NULL
);

-- Which supervisor login reads which teams (one row per team).
CREATE TABLE IF NOT EXISTS screenpop.supervisors (
    login text NOT NULL,
    team  text NOT NULL,
    PRIMARY KEY (login, team)
);

-- One row per call per agent: the workstation's journal row as it is now.
-- Times are the workstation's (from the telephony side's clock where it has
-- one); replicated_at is this server's clock when the row last changed here.
CREATE TABLE IF NOT EXISTS screenpop.calls (
    agent              text NOT NULL,
    call_id            text NOT NULL,
    team               text NOT NULL,
    state              text NOT NULL,
    ringing_at         timestamptz NOT NULL,
    answered_at        timestamptz,
    ended_at           timestamptz,
    number_received    text NOT NULL DEFAULT '',
    number_e164        text,
    caller_name        text NOT NULL DEFAULT '',
    called             text NOT NULL DEFAULT '',
    bridge             text NOT NULL DEFAULT '',
    answered_by        text,
    answered_elsewhere boolean NOT NULL DEFAULT false,
    customer_id        text,
    customer_name      text,
    matches            integer NOT NULL DEFAULT 0,
    pop_latency_ms     double precision,
    failed_sections    jsonb NOT NULL DEFAULT '[]',
    card_json          jsonb,
    disposition        text,
    notes              text,
    notes_draft        text,
    wrapped_up_at      timestamptz,
    updated_at         timestamptz NOT NULL,
    replicated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent, call_id)
);
COMMENT ON TABLE screenpop.calls IS 'screenpop central journal, schema 1';

-- The supervisor's views: a team's calls newest first, optionally by state
-- (first page of "team X since D in state S" is an index range, not a sort).
CREATE INDEX IF NOT EXISTS calls_team_ringing ON screenpop.calls (team, ringing_at);
CREATE INDEX IF NOT EXISTS calls_team_state_ringing ON screenpop.calls (team, state, ringing_at);
-- One agent's calls by time (export --agent, the agent's own reads).
CREATE INDEX IF NOT EXISTS calls_agent_ringing ON screenpop.calls (agent, ringing_at);

-- The row's team comes from the mapping, never from the client; an update
-- may not change agent, call or team. Runs as the caller, so an agent's
-- login finds only its own mapping (RLS on team_members below): a row claiming
-- another agent finds no team and is refused here.
CREATE OR REPLACE FUNCTION screenpop.calls_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, screenpop
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT m.team INTO NEW.team FROM screenpop.team_members m WHERE m.agent = NEW.agent;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'screenpop: agent % is not mapped to login % in screenpop.team_members',
                quote_literal(NEW.agent), quote_literal(current_user)
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'the DBA maps each workstation login to its agent and team';
        END IF;
    ELSIF (NEW.agent, NEW.call_id, NEW.team) IS DISTINCT FROM (OLD.agent, OLD.call_id, OLD.team) THEN
        RAISE EXCEPTION 'screenpop: a call''s agent, call_id and team never change'
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'a DBA re-filing old calls disables the trigger calls_guard for that transaction';
    END IF;
    NEW.replicated_at := now();
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION screenpop.calls_guard() FROM PUBLIC;

DROP TRIGGER IF EXISTS calls_guard ON screenpop.calls;
CREATE TRIGGER calls_guard BEFORE INSERT OR UPDATE ON screenpop.calls
    FOR EACH ROW EXECUTE FUNCTION screenpop.calls_guard();

-- Privileges: no DELETE, no TRUNCATE, nothing on the mappings but reading
-- one's own rows of them.
REVOKE ALL ON screenpop.calls, screenpop.team_members, screenpop.supervisors FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON screenpop.calls TO screenpop_agent;
GRANT SELECT ON screenpop.calls TO screenpop_supervisor;
GRANT SELECT ON screenpop.team_members TO screenpop_agent;
GRANT SELECT ON screenpop.supervisors TO screenpop_supervisor;

ALTER TABLE screenpop.calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenpop.team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenpop.supervisors ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS member_self ON screenpop.team_members;
CREATE POLICY member_self ON screenpop.team_members
    FOR SELECT TO screenpop_agent
    USING (login = current_user);

DROP POLICY IF EXISTS supervisor_self ON screenpop.supervisors;
CREATE POLICY supervisor_self ON screenpop.supervisors
    FOR SELECT TO screenpop_supervisor
    USING (login = current_user);

-- The sub-selects run once per statement (an InitPlan), so the policies cost
-- an index condition, not a per-row look-up.
DROP POLICY IF EXISTS agent_read ON screenpop.calls;
CREATE POLICY agent_read ON screenpop.calls
    FOR SELECT TO screenpop_agent
    USING (agent = (SELECT m.agent FROM screenpop.team_members m WHERE m.login = current_user));

DROP POLICY IF EXISTS agent_insert ON screenpop.calls;
CREATE POLICY agent_insert ON screenpop.calls
    FOR INSERT TO screenpop_agent
    WITH CHECK (agent = (SELECT m.agent FROM screenpop.team_members m WHERE m.login = current_user));

DROP POLICY IF EXISTS agent_update ON screenpop.calls;
CREATE POLICY agent_update ON screenpop.calls
    FOR UPDATE TO screenpop_agent
    USING (agent = (SELECT m.agent FROM screenpop.team_members m WHERE m.login = current_user))
    WITH CHECK (agent = (SELECT m.agent FROM screenpop.team_members m WHERE m.login = current_user));

DROP POLICY IF EXISTS supervisor_read ON screenpop.calls;
CREATE POLICY supervisor_read ON screenpop.calls
    FOR SELECT TO screenpop_supervisor
    USING (team = ANY (ARRAY(
        SELECT s.team FROM screenpop.supervisors s WHERE s.login = current_user)));

COMMIT;
