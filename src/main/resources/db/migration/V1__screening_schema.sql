-- The application's own tables. Camunda's tables are managed by the engine itself.

-- Readable references (IND-2026-0042) are numbered per year.
create table request_reference_counter (
    year       integer primary key,
    last_value integer not null
);

create table purchase_request (
    id                   uuid primary key,
    reference            varchar(20)    not null unique,
    title                varchar(200)   not null,
    system_name          varchar(200)   not null,
    vendor               varchar(200)   not null,
    need                 varchar(4000)  not null,
    department           varchar(200)   not null,
    requester            varchar(100)   not null,
    one_off_cost_dkk     numeric(14, 2) not null,
    annual_cost_dkk      numeric(14, 2) not null,
    contract_years       integer        not null,
    expected_users       integer        not null,
    personal_data        varchar(20)    not null,
    hosting              varchar(20)    not null,
    integrations         varchar(2000),
    desired_start_date   date,
    status               varchar(30)    not null,
    submitted_at         timestamptz    not null,
    deadline             timestamptz    not null,
    deadline_missed_at   timestamptz,
    recommendation       varchar(30),
    process_instance_id  varchar(64)
);
create index purchase_request_requester_idx on purchase_request (requester, submitted_at desc);
create index purchase_request_status_idx on purchase_request (status, submitted_at desc);

-- One row per area once screening has started; completed_at feeds SLA reporting.
create table area_screening (
    request_id     uuid        not null references purchase_request (id),
    area           varchar(30) not null,
    state          varchar(20) not null,
    verdict        varchar(30),
    findings       varchar(4000),
    conditions     jsonb       not null default '[]',
    checklist      jsonb       not null default '{}',
    screened_by    varchar(100),
    started_at     timestamptz not null,
    reminded_at    timestamptz,
    completed_at   timestamptz,
    primary key (request_id, area)
);
create index area_screening_open_idx on area_screening (area) where state = 'OPEN';

-- Questions from triage to the requester and the answers.
create table clarification (
    id           uuid primary key,
    request_id   uuid          not null references purchase_request (id),
    question     varchar(4000) not null,
    asked_by     varchar(100)  not null,
    asked_at     timestamptz   not null,
    answer       varchar(4000),
    answered_by  varchar(100),
    answered_at  timestamptz
);
create index clarification_request_idx on clarification (request_id, asked_at);

-- Escalations raised when the deadline passes with areas still open.
create table escalation (
    request_id   uuid primary key references purchase_request (id),
    raised_at    timestamptz   not null,
    open_areas   jsonb         not null,
    handled_by   varchar(100),
    handled_at   timestamptz,
    comment      varchar(4000)
);

create table decision (
    request_id      uuid primary key references purchase_request (id),
    outcome         varchar(30)   not null,
    recommendation  varchar(30),
    reason          varchar(4000),
    conditions      jsonb         not null default '[]',
    decided_by      varchar(100)  not null,
    decided_at      timestamptz   not null
);

-- Transactional outbox: written in the same transaction as the step it describes.
-- seq gives the publishing order; per request it equals commit order because every
-- writer holds the request's row lock (see OutboxWriter).
create table outbox_event (
    seq           bigserial primary key,
    id            uuid         not null unique,
    request_id    uuid         not null,
    type          varchar(200) not null,
    subject       varchar(20)  not null,
    occurred_at   timestamptz  not null,
    payload       jsonb        not null,
    published_at  timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (seq) where published_at is null;
create index outbox_event_request_idx on outbox_event (request_id, seq);
