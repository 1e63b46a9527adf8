-- Every municipality an installation serves, with the settings that were global configuration before: its name and
-- letterhead, its mail sender, the scope table's policy figures, its accessibility contact and its events' source.
-- The installation's first municipality is written at start from today's configuration (FirstMunicipality), so this
-- migration adds no row: the id and the values come from settings Flyway does not see.
create table municipality (
    id                        text primary key check (id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    name                      text not null check (length(name) between 1 and 200),
    logo_text                 text check (length(logo_text) <= 200),
    cvr                       text check (cvr ~ '^[0-9]{8}$'),
    mail_sender               text not null check (length(mail_sender) between 1 and 320),
    kitos_organisation_uuid   uuid,
    dpia_min_users            integer not null check (dpia_min_users > 0),
    fast_track_max_value_dkk  numeric(14, 2) not null check (fast_track_max_value_dkk >= 0),
    accessibility_contact     text check (length(accessibility_contact) <= 320),
    events_source             text not null check (length(events_source) between 1 and 500),
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);

-- A group's shared address in one municipality: the group's mails go there instead of to each member.
create table municipality_group_mailbox (
    municipality_id text not null references municipality (id) on delete cascade,
    group_id        text not null check (length(group_id) between 1 and 64),
    address         text not null check (length(address) between 3 and 320),
    primary key (municipality_id, group_id)
);

-- The sender of a mail is its municipality's, chosen as the step composes it: the relay sends every municipality's
-- mail later, with no municipality of its own. Mails queued before this migration have none and go out from the
-- installation's municipality, as before.
alter table mail_outbox add column sender text check (length(sender) between 1 and 320);
