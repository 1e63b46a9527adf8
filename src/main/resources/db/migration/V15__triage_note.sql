-- The coordinator's own notes at triage (triage module): for the coordinators, not sent to the requester. One per
-- triage that had one; a request triaged again after a question may have several.
create table triage_note (
    id          uuid primary key,
    request_id  uuid          not null references purchase_request (id),
    note        varchar(2000) not null,
    written_by  varchar(100)  not null,
    written_at  timestamptz   not null
);
create index triage_note_request_idx on triage_note (request_id, written_at);
