-- The mail outbox: one row per mail, written in the transaction of the step it tells about and sent after
-- the commit. A fact mails an address once (fact_id, recipient); the Message-ID stays the same on every try.
create table mail_outbox (
    id              uuid primary key,
    fact_id         uuid         not null,
    request_id      uuid         not null,
    kind            varchar(40)  not null,
    recipient_user  varchar(255),
    recipient       varchar(320) not null,
    subject         text         not null,
    text_body       text         not null,
    html_body       text         not null,
    message_id      varchar(400) not null unique,
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    leased_until    timestamptz,
    last_error      text,
    sent_at         timestamptz,
    unique (fact_id, recipient)
);

create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
create index mail_outbox_created_idx on mail_outbox (created_at desc);
create index mail_outbox_request_idx on mail_outbox (request_id);
create index mail_outbox_sent_idx on mail_outbox (sent_at) where sent_at is not null;

-- A person's choice of the mails they may turn off (reminders always come); no row: they get them.
create table mail_preference (
    user_id    varchar(255) primary key,
    mails_on   boolean     not null,
    changed_at timestamptz not null
);

-- People who logged in through OpenID Connect, as their last ID token described them: name and address for
-- pages and mails, groups for "mail the members of a group" (the identity service does not know them).
create table person (
    user_id varchar(255) primary key,
    name    text,
    email   varchar(320),
    groups  text[]      not null,
    seen_at timestamptz not null
);

create index person_groups_idx on person using gin (groups);
