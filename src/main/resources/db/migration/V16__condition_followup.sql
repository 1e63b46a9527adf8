-- The conditions of an approval with conditions, each followed up until verified or waived (followup module): one
-- row per condition as the decision bound it, numbered per request, with its current owner, due date and status.
create table condition_item (
    id             uuid primary key,
    request_id     uuid          not null references purchase_request (id),
    number         integer       not null check (number > 0),
    text           varchar(2000) not null,
    -- The area whose verdict set it; null when the coordinator set it at the decision.
    set_by_area    varchar(40),
    owner          varchar(255)  not null,
    -- Null when due before go-live and the request has no desired start date.
    due            date,
    before_go_live boolean       not null,
    status         varchar(20)   not null,
    -- Why the coordinator reworded or merged an area's condition; null when kept as set.
    change_note    varchar(2000),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    unique (request_id, number)
);

-- Every change of a condition, oldest first: who did what, the status after it, the words given (what was done, a
-- reason) and, for a report of fulfilment, the files that show it. The item's evidence is its reports.
create table condition_change (
    id           bigserial primary key,
    condition_id uuid          not null references condition_item (id),
    kind         varchar(20)   not null,
    status       varchar(20)   not null,
    actor        varchar(255),
    text         varchar(4000),
    files        jsonb         not null default '[]',
    at           timestamptz   not null
);
create index condition_change_item_idx on condition_change (condition_id, id);
