-- screenpop central journal: tables, roles and row-level security (PostgreSQL ≥ 13).
--
-- Run by the DBA, as a role that may create roles (postgres), in the database
-- the workstations' `[journal] central` URL names:
--
--     psql -v ON_ERROR_STOP=1 -d screenpop -f installers/central/postgresql.sql
--
-- Idempotent: running it again (e.g. after upgrading screenpop) creates what
-- is missing and re-states owners, grants, functions and policies; it never
-- drops data. The workstations never create or alter anything here (least
-- privilege).
--
-- Who sees what is decided here, by row-level security, not by the client:
--   * an agent's login reads only rows whose `agent` is the agent mapped to
--     that login in screenpop.team_members. It writes only through
--     screenpop.record_calls(), which files every row under that agent and
--     team: it holds no INSERT, UPDATE, DELETE or TRUNCATE on the table, so it
--     cannot take any table lock but ACCESS SHARE (what every reader holds);
--   * an agent's login reads one customer's last calls across the organisation
--     through screenpop.customer_history() only (the pop's `history`);
--   * a supervisor's login reads the rows of the teams mapped to it in
--     screenpop.supervisors (and that roster), and writes nothing.
-- Tables and functions belong to the NOLOGIN role screenpop_owner. The table
-- owner, superusers and BYPASSRLS roles are not subject to the policies: never
-- give a workstation such a login (`screenpop doctor` says so).

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

DO $$
BEGIN
    -- Owns the schema, the tables and the functions; nobody logs in as it.
    -- SECURITY DEFINER functions run as this role, not as a superuser.
    CREATE ROLE screenpop_owner NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

CREATE SCHEMA IF NOT EXISTS screenpop;
ALTER SCHEMA screenpop OWNER TO screenpop_owner;
REVOKE ALL ON SCHEMA screenpop FROM PUBLIC;
GRANT USAGE ON SCHEMA screenpop TO screenpop_agent, screenpop_supervisor;

-- Trigram indexes for the supervisor's text search (ILIKE '%term%' on caller
-- name, customer name and notes). A trusted extension since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

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

-- The organisation's settings, the DBA's alone (one row). Agents cannot read
-- or change it; screenpop.customer_history() reads it as the owner.
CREATE TABLE IF NOT EXISTS screenpop.settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    -- Whether an agent sees the notes of other agents' calls in the pop's
    -- history: UPDATE screenpop.settings SET share_notes_in_history = false;
    share_notes_in_history boolean NOT NULL DEFAULT true
);
INSERT INTO screenpop.settings DEFAULT VALUES ON CONFLICT (id) DO NOTHING;

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
ALTER TABLE screenpop.team_members OWNER TO screenpop_owner;
ALTER TABLE screenpop.supervisors OWNER TO screenpop_owner;
ALTER TABLE screenpop.settings OWNER TO screenpop_owner;
ALTER TABLE screenpop.calls OWNER TO screenpop_owner;

-- The supervisor's views: a team's calls newest first, optionally by state
-- (first page of "team X since D in state S" is an index range, not a sort).
-- The team's time index carries what the log filters and sorts on, so a page
-- that has to pass over many rows (a rare disposition over a year, "answered
-- elsewhere", sorted by customer) reads the index alone and fetches only the
-- rows it shows.
DROP INDEX IF EXISTS screenpop.calls_team_ringing;  -- superseded by calls_team_ringing_cover
CREATE INDEX IF NOT EXISTS calls_team_ringing_cover ON screenpop.calls (team, ringing_at)
    INCLUDE (agent, call_id, state, answered_at, answered_elsewhere, disposition, customer_id,
             number_e164, pop_latency_ms, customer_name, caller_name);
CREATE INDEX IF NOT EXISTS calls_team_state_ringing ON screenpop.calls (team, state, ringing_at);
-- One agent's calls by time (export --agent, the agent's own reads).
CREATE INDEX IF NOT EXISTS calls_agent_ringing ON screenpop.calls (agent, ringing_at);
-- One customer's calls (the pop's history, the supervisor's customer filter)
-- and one number's (the number filter; "called back yet?" on the live floor).
CREATE INDEX IF NOT EXISTS calls_customer_ringing ON screenpop.calls (customer_id, ringing_at);
CREATE INDEX IF NOT EXISTS calls_number_ringing ON screenpop.calls (number_e164, ringing_at);
-- One call across desks (a queue call rings several agents): the live floor's
-- "answered at another desk?" and the history's one row per call.
CREATE INDEX IF NOT EXISTS calls_call_id ON screenpop.calls (call_id);
-- Text search: case-insensitive substrings of these three columns.
CREATE INDEX IF NOT EXISTS calls_text_trgm ON screenpop.calls
    USING gin (caller_name gin_trgm_ops, customer_name gin_trgm_ops, notes gin_trgm_ops);

-- No per-value statistics on who took a call: the planner's row estimates
-- (EXPLAIN, which any login that may read the table can run) would otherwise
-- tell an agent how many calls another agent took. (Per-team volumes stay
-- estimable: the supervisor's pages need the team statistics to be planned.)
ALTER TABLE screenpop.calls ALTER COLUMN agent SET STATISTICS 0;
ALTER TABLE screenpop.calls ALTER COLUMN team SET STATISTICS -1;
-- ANALYZE skips such a column but keeps what it gathered before (an upgrade
-- from an earlier version): drop that too. Needs a superuser; otherwise the
-- DBA is told and the old figures stay until then.
DO $$
BEGIN
    DELETE FROM pg_catalog.pg_statistic s
        USING pg_catalog.pg_attribute a
        WHERE s.starelid = 'screenpop.calls'::regclass
          AND a.attrelid = s.starelid AND a.attnum = s.staattnum
          AND a.attname = 'agent';
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'screenpop: run this script as a superuser once to drop old statistics of screenpop.calls.agent';
END
$$;

-- The row's team comes from the mapping, never from the client; an update
-- may not change agent, call or team. Runs as whoever writes: the owner
-- inside screenpop.record_calls() (which names the agent itself), or a DBA.
CREATE OR REPLACE FUNCTION screenpop.calls_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT m.team INTO NEW.team FROM screenpop.team_members m WHERE m.agent = NEW.agent;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'screenpop: agent % is not mapped to a login in screenpop.team_members',
                quote_literal(NEW.agent)
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
ALTER FUNCTION screenpop.calls_guard() OWNER TO screenpop_owner;
REVOKE ALL ON FUNCTION screenpop.calls_guard() FROM PUBLIC;

DROP TRIGGER IF EXISTS calls_guard ON screenpop.calls;
CREATE TRIGGER calls_guard BEFORE INSERT OR UPDATE ON screenpop.calls
    FOR EACH ROW EXECUTE FUNCTION screenpop.calls_guard();

-- The supervisor's live floor listens on channel screenpop_calls. LISTEN needs
-- no privilege in PostgreSQL, so any login in this database can hear it: the
-- payload is only the team whose calls changed (never a call, an agent or a
-- number); a supervisor then reads the floor through row-level security.
-- PostgreSQL folds identical notifications of one transaction into one.
CREATE OR REPLACE FUNCTION screenpop.calls_notify() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_catalog.pg_notify('screenpop_calls', NEW.team);
    RETURN NULL;
END
$$;
ALTER FUNCTION screenpop.calls_notify() OWNER TO screenpop_owner;
REVOKE ALL ON FUNCTION screenpop.calls_notify() FROM PUBLIC;

DROP TRIGGER IF EXISTS calls_notify ON screenpop.calls;
CREATE TRIGGER calls_notify AFTER INSERT OR UPDATE ON screenpop.calls
    FOR EACH ROW EXECUTE FUNCTION screenpop.calls_notify();

-- How a workstation writes: one JSON array of its calls per transaction, as
-- they are now. Runs as the owner (SECURITY DEFINER: the agent holds no write
-- privilege, hence no table lock it could hold against everyone else) and
-- files every row under the agent mapped to the calling login, whatever the
-- batch claims; a row claiming another agent refuses the whole batch. A row
-- equal to the stored one is left alone (a replay is a no-op: no new row
-- version, no new replicated_at, no notification). search_path is pinned and
-- every name qualified, so nothing a caller creates can stand in for ours.
CREATE OR REPLACE FUNCTION screenpop.record_calls(batch jsonb) RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET lock_timeout = '3s'
AS $$
DECLARE
    me_agent text;
    me_team text;
    claimed text;
    written integer;
BEGIN
    SELECT m.agent, m.team INTO me_agent, me_team
        FROM screenpop.team_members m WHERE m.login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'screenpop: login % is not mapped to an agent in screenpop.team_members',
            quote_literal(session_user)
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'the DBA maps each workstation login to its agent and team';
    END IF;
    IF batch IS NULL OR jsonb_typeof(batch) <> 'array' THEN
        RAISE EXCEPTION 'screenpop: record_calls takes a JSON array of calls'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_array_length(batch) > 1000 THEN
        RAISE EXCEPTION 'screenpop: at most 1000 calls per batch (got %)', jsonb_array_length(batch)
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(batch) e
               WHERE jsonb_typeof(e) <> 'object'
                  OR jsonb_typeof(e -> 'call_id') IS DISTINCT FROM 'string'
                  OR length(e ->> 'call_id') NOT BETWEEN 1 AND 512) THEN
        RAISE EXCEPTION 'screenpop: every call is a JSON object with a call_id of 1 to 512 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e ->> 'agent' INTO claimed FROM jsonb_array_elements(batch) e
        WHERE e ? 'agent' AND (e ->> 'agent') IS DISTINCT FROM me_agent LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'screenpop: agent % is not mapped to login %',
            quote_literal(claimed), quote_literal(session_user)
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'a login writes only its own agent''s calls';
    END IF;

    INSERT INTO screenpop.calls AS c (
        agent, call_id, team, state, ringing_at, answered_at, ended_at, number_received,
        number_e164, caller_name, called, bridge, answered_by, answered_elsewhere, customer_id,
        customer_name, matches, pop_latency_ms, failed_sections, card_json, disposition, notes,
        notes_draft, wrapped_up_at, updated_at)
    SELECT me_agent, r.call_id, me_team, coalesce(r.state, 'ringing'),
           coalesce(r.ringing_at, r.updated_at, now()), r.answered_at, r.ended_at,
           coalesce(r.number_received, ''), r.number_e164, coalesce(r.caller_name, ''),
           coalesce(r.called, ''), coalesce(r.bridge, ''), r.answered_by,
           coalesce(r.answered_elsewhere, false), r.customer_id, r.customer_name,
           coalesce(r.matches, 0), r.pop_latency_ms, coalesce(r.failed_sections, '[]'),
           r.card_json, r.disposition, r.notes, r.notes_draft, r.wrapped_up_at,
           coalesce(r.updated_at, now())
    FROM (
        -- The last entry wins when a batch names a call twice (one row can
        -- be changed once per statement).
        SELECT DISTINCT ON (x.call_id) x.*
        FROM jsonb_array_elements(batch) WITH ORDINALITY AS e(value, n)
        CROSS JOIN LATERAL jsonb_populate_record(NULL::screenpop.calls, e.value) AS x
        ORDER BY x.call_id, e.n DESC
    ) r
    ON CONFLICT (agent, call_id) DO UPDATE SET
        state = EXCLUDED.state, ringing_at = EXCLUDED.ringing_at,
        answered_at = EXCLUDED.answered_at, ended_at = EXCLUDED.ended_at,
        number_received = EXCLUDED.number_received, number_e164 = EXCLUDED.number_e164,
        caller_name = EXCLUDED.caller_name, called = EXCLUDED.called, bridge = EXCLUDED.bridge,
        answered_by = EXCLUDED.answered_by, answered_elsewhere = EXCLUDED.answered_elsewhere,
        customer_id = EXCLUDED.customer_id, customer_name = EXCLUDED.customer_name,
        matches = EXCLUDED.matches, pop_latency_ms = EXCLUDED.pop_latency_ms,
        failed_sections = EXCLUDED.failed_sections, card_json = EXCLUDED.card_json,
        disposition = EXCLUDED.disposition, notes = EXCLUDED.notes,
        notes_draft = EXCLUDED.notes_draft, wrapped_up_at = EXCLUDED.wrapped_up_at,
        updated_at = EXCLUDED.updated_at
    WHERE (c.state, c.ringing_at, c.answered_at, c.ended_at, c.number_received, c.number_e164,
           c.caller_name, c.called, c.bridge, c.answered_by, c.answered_elsewhere, c.customer_id,
           c.customer_name, c.matches, c.pop_latency_ms, c.failed_sections, c.card_json,
           c.disposition, c.notes, c.notes_draft, c.wrapped_up_at, c.updated_at)
      IS DISTINCT FROM
          (EXCLUDED.state, EXCLUDED.ringing_at, EXCLUDED.answered_at, EXCLUDED.ended_at,
           EXCLUDED.number_received, EXCLUDED.number_e164, EXCLUDED.caller_name,
           EXCLUDED.called, EXCLUDED.bridge, EXCLUDED.answered_by, EXCLUDED.answered_elsewhere,
           EXCLUDED.customer_id, EXCLUDED.customer_name, EXCLUDED.matches,
           EXCLUDED.pop_latency_ms, EXCLUDED.failed_sections, EXCLUDED.card_json,
           EXCLUDED.disposition, EXCLUDED.notes, EXCLUDED.notes_draft, EXCLUDED.wrapped_up_at,
           EXCLUDED.updated_at);
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END
$$;
ALTER FUNCTION screenpop.record_calls(jsonb) OWNER TO screenpop_owner;
REVOKE ALL ON FUNCTION screenpop.record_calls(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION screenpop.record_calls(jsonb) TO screenpop_agent;

-- The narrow door for the pop's `history` section: one customer's last calls
-- (at most 50) from anyone in the organisation, newest first; one row per call
-- when several desks journaled it (the desk that answered it wins). Notes only
-- when screenpop.settings says they are shared, and never a draft. Only agents'
-- logins may call it (a supervisor reads their own teams' rows, nothing more);
-- listing other agents' calls stays refused by row-level security.
DROP FUNCTION IF EXISTS screenpop.customer_history(text, integer, text);
CREATE FUNCTION screenpop.customer_history(
    customer text, max_calls integer DEFAULT 5, except_call text DEFAULT NULL)
RETURNS TABLE (call_time timestamptz, agent text, state text, disposition text, notes text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET lock_timeout = '2s'
AS $$
DECLARE
    share boolean;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM screenpop.team_members m WHERE m.login = session_user) THEN
        RAISE EXCEPTION 'screenpop: login % is not mapped to an agent in screenpop.team_members',
            quote_literal(session_user)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF customer IS NULL OR btrim(customer) = '' OR length(customer) > 256 THEN
        RAISE EXCEPTION 'screenpop: customer_history needs a customer id of 1 to 256 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF max_calls IS NULL OR max_calls < 1 OR max_calls > 50 THEN
        RAISE EXCEPTION 'screenpop: customer_history returns 1 to 50 calls (asked for %)',
            coalesce(max_calls::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT s.share_notes_in_history INTO share FROM screenpop.settings s;
    share := coalesce(share, false);
    RETURN QUERY
    SELECT d.ringing_at, d.agent, d.st, d.disposition, CASE WHEN share THEN d.notes END
    FROM (
        SELECT DISTINCT ON (r.call_id) r.*
        FROM (
            SELECT c.call_id, c.ringing_at, c.agent,
                   CASE WHEN c.answered_elsewhere THEN 'answered_elsewhere' ELSE c.state END AS st,
                   c.disposition, c.notes,
                   CASE WHEN c.answered_elsewhere THEN 2 WHEN c.state = 'missed' THEN 1 ELSE 0 END
                       AS rank
            FROM screenpop.calls c
            WHERE c.customer_id = customer
              AND c.call_id IS DISTINCT FROM except_call
            ORDER BY c.ringing_at DESC
            LIMIT max_calls * 5
        ) r
        ORDER BY r.call_id, r.rank, r.disposition IS NULL, r.ringing_at DESC, r.agent
    ) d
    ORDER BY d.ringing_at DESC, d.agent
    LIMIT max_calls;
END
$$;
ALTER FUNCTION screenpop.customer_history(text, integer, text) OWNER TO screenpop_owner;
REVOKE ALL ON FUNCTION screenpop.customer_history(text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION screenpop.customer_history(text, integer, text) TO screenpop_agent;

-- The supervisor's text search, the part row-level security cannot do fast:
-- under RLS PostgreSQL never uses an index for ILIKE (not a leakproof
-- operator), so a rare word would be looked for row by row in a year of a
-- team. This function runs as the owner, where the trigram index applies, and
-- returns only the keys of matching calls in the teams screenpop.supervisors
-- maps to the calling login: the same rule as the supervisor_read policy. The
-- client then reads those rows through RLS as usual. The term is matched
-- literally (no wildcards), case-insensitively, in caller name, customer name
-- and notes; 3 to 200 characters (a trigram needs 3).
DROP FUNCTION IF EXISTS screenpop.supervisor_text_search(text);
CREATE OR REPLACE FUNCTION screenpop.supervisor_text_search(
    term text,
    teams text[] DEFAULT NULL,
    agents text[] DEFAULT NULL,
    since timestamptz DEFAULT NULL,
    until timestamptz DEFAULT NULL,
    states text[] DEFAULT NULL)
RETURNS TABLE (agent text, call_id text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET lock_timeout = '3s'
-- A common word's trigram bitmap stays exact (not lossy): no heap pages rechecked.
SET work_mem = '32MB'
AS $$
DECLARE
    pattern text;
    sql text;
BEGIN
    IF term IS NULL OR length(btrim(term)) < 3 OR length(term) > 200 THEN
        RAISE EXCEPTION 'screenpop: search for 3 to 200 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    pattern := '%' || replace(replace(replace(term, '/', '//'), '%', '/%'), '_', '/_') || '%';
    -- The other arguments only narrow (the client applies every filter again
    -- through RLS); given as values, planned for them each time.
    sql := 'SELECT c.agent, c.call_id FROM screenpop.calls c'
        || ' WHERE c.team = ANY (ARRAY(SELECT s.team FROM screenpop.supervisors s'
        || ' WHERE s.login = session_user))'
        || ' AND (c.caller_name ILIKE $1 ESCAPE $7 OR c.customer_name ILIKE $1 ESCAPE $7'
        || ' OR c.notes ILIKE $1 ESCAPE $7)';
    IF teams IS NOT NULL THEN sql := sql || ' AND c.team = ANY ($2)'; END IF;
    IF agents IS NOT NULL THEN sql := sql || ' AND c.agent = ANY ($3)'; END IF;
    IF since IS NOT NULL THEN sql := sql || ' AND c.ringing_at >= $4'; END IF;
    IF until IS NOT NULL THEN sql := sql || ' AND c.ringing_at < $5'; END IF;
    IF states IS NOT NULL THEN sql := sql || ' AND c.state = ANY ($6)'; END IF;
    RETURN QUERY EXECUTE sql USING pattern, teams, agents, since, until, states, '/';
END
$$;
ALTER FUNCTION screenpop.supervisor_text_search(text, text[], text[], timestamptz, timestamptz, text[])
    OWNER TO screenpop_owner;
REVOKE ALL ON FUNCTION
    screenpop.supervisor_text_search(text, text[], text[], timestamptz, timestamptz, text[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    screenpop.supervisor_text_search(text, text[], text[], timestamptz, timestamptz, text[])
    TO screenpop_supervisor;

-- Privileges. Agents: read their own rows (RLS), write through
-- record_calls() only: no INSERT/UPDATE/DELETE/TRUNCATE on the table, so
-- LOCK TABLE is refused in every mode but ACCESS SHARE. Supervisors: read
-- their teams' calls and roster. Nobody but the DBA touches the settings.
REVOKE ALL ON screenpop.calls, screenpop.team_members, screenpop.supervisors, screenpop.settings
    FROM PUBLIC, screenpop_agent, screenpop_supervisor;
GRANT SELECT ON screenpop.calls TO screenpop_agent, screenpop_supervisor;
GRANT SELECT ON screenpop.team_members TO screenpop_agent, screenpop_supervisor;
GRANT SELECT ON screenpop.supervisors TO screenpop_supervisor;

ALTER TABLE screenpop.calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenpop.team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenpop.supervisors ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenpop.settings ENABLE ROW LEVEL SECURITY;  -- no policy: only the owner

DROP POLICY IF EXISTS member_self ON screenpop.team_members;
CREATE POLICY member_self ON screenpop.team_members
    FOR SELECT TO screenpop_agent
    USING (login = current_user);

-- A supervisor sees who is in their teams (the live floor lists every agent).
DROP POLICY IF EXISTS supervisor_roster ON screenpop.team_members;
CREATE POLICY supervisor_roster ON screenpop.team_members
    FOR SELECT TO screenpop_supervisor
    USING (team = ANY (ARRAY(
        SELECT s.team FROM screenpop.supervisors s WHERE s.login = current_user)));

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

-- Earlier versions let agents insert and update directly; they write through
-- screenpop.record_calls() now.
DROP POLICY IF EXISTS agent_insert ON screenpop.calls;
DROP POLICY IF EXISTS agent_update ON screenpop.calls;

DROP POLICY IF EXISTS supervisor_read ON screenpop.calls;
CREATE POLICY supervisor_read ON screenpop.calls
    FOR SELECT TO screenpop_supervisor
    USING (team = ANY (ARRAY(
        SELECT s.team FROM screenpop.supervisors s WHERE s.login = current_user)));

COMMIT;
