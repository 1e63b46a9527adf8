-- A requester's unfinished request form ("Gem som kladde"): what has been filled in, as the form had it, without a
-- deadline, a status, an event or a process. Only its author reads or changes it; submitting it deletes it.
create table request_draft (
    id         uuid primary key,
    author     varchar(255) not null,
    content    jsonb not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create index request_draft_author on request_draft (author, updated_at desc);
