-- The periods in which a request waited for its requester (a question from triage or from a screening), for the
-- policy that the screening week pauses meanwhile. Waits that overlap share one period (open_waits counts them), so a
-- day is counted once; when the last of them ends, the period gets its end and the working days it lasted.
create table requester_wait (
    id            uuid primary key,
    request_id    uuid        not null references purchase_request (id) on delete cascade,
    started_at    timestamptz not null,
    open_waits    integer     not null check (open_waits >= 0),
    ended_at      timestamptz,
    working_days  integer check (working_days >= 0),
    -- Whether the deadline was moved by working_days (the policy at the time the period ended).
    deadline_moved boolean,
    check ((ended_at is null) = (open_waits > 0))
);
-- At most one open period per request: a new wait joins it.
create unique index requester_wait_open_idx on requester_wait (request_id) where ended_at is null;
create index requester_wait_request_idx on requester_wait (request_id, started_at);

-- How the scope tables' handling decision (Decision_FastTrackHandling) said a request is handled, at submission: the
-- rule that matched, whether triage was skipped, the deadline's own length (null: the configured week) and whether the
-- rules may decide it. Requests from before have none: they were handled the normal way.
create table request_handling (
    request_id             uuid primary key references purchase_request (id) on delete cascade,
    rule                   varchar(100) not null,
    skip_triage            boolean      not null,
    deadline_working_days  integer check (deadline_working_days >= 2),
    automatic_decision     boolean      not null
);

-- A decision taken by the rules (a fast track every area approved without conditions) names the rule; null when a
-- coordinator decided.
alter table decision add column rule varchar(100);
