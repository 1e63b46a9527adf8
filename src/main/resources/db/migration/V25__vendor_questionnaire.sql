-- The vendor's questionnaire by link: one row per round of questions to the vendor's contact of a request.
create table vendor_invitation (
    id            uuid primary key,
    request_id    uuid         not null references purchase_request (id) on delete cascade,
    round         integer      not null check (round between 1 and 1000),
    contact_name  varchar(200) not null,
    contact_email varchar(254) not null,
    language      varchar(2)   not null check (language in ('DA', 'EN')),
    -- The experts' follow-up questions of this round: a JSON array of at most 10 texts.
    follow_ups    jsonb        not null default '[]' check (jsonb_typeof(follow_ups) = 'array' and jsonb_array_length(follow_ups) <= 10),
    invited_by    varchar(255) not null,
    invited_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    -- When the vendor is to be reminded that it expires; reminded_at once they were.
    remind_at     timestamptz  not null,
    reminded_at   timestamptz,
    opened_at     timestamptz,
    submitted_at  timestamptz,
    ended_at      timestamptz,
    ended_by      varchar(255),
    end_reason    varchar(20) check (end_reason in ('STAFF', 'REQUEST_CLOSED', 'EXPIRED')),
    state         varchar(20)  not null check (state in ('OPEN', 'SUBMITTED', 'REVOKED', 'EXPIRED')),
    unique (request_id, round),
    check ((state in ('REVOKED', 'EXPIRED')) = (ended_at is not null and end_reason is not null))
);

-- At most one open round per request: two experts inviting at once cannot both succeed.
create unique index vendor_invitation_one_open_idx on vendor_invitation (request_id) where state = 'OPEN';
-- The reminder and expiry job looks for open rounds by time.
create index vendor_invitation_open_idx on vendor_invitation (expires_at) where state = 'OPEN';

-- The links mailed for a round: only the SHA-256 of each token, never the token. Every mail mints its own.
create table vendor_link_token (
    token_hash    bytea       primary key check (octet_length(token_hash) = 32),
    invitation_id uuid        not null references vendor_invitation (id) on delete cascade,
    created_at    timestamptz not null
);

create index vendor_link_token_invitation_idx on vendor_link_token (invitation_id);

-- The vendor's answer to one question of one round, as last saved.
create table vendor_answer (
    invitation_id uuid          not null references vendor_invitation (id) on delete cascade,
    question_id   varchar(100)  not null,
    value         varchar(4000) not null check (length(value) > 0),
    saved_at      timestamptz   not null,
    primary key (invitation_id, question_id)
);

-- The vendor's files of a round, per question; the file itself is one of the request's attachments.
create table vendor_document (
    attachment_id uuid primary key references attachment (id) on delete cascade,
    invitation_id uuid         not null references vendor_invitation (id) on delete cascade,
    question_id   varchar(100) not null
);

create index vendor_document_invitation_idx on vendor_document (invitation_id);
