-- The case history: one row per step of a request, written by the step, kept as long as the request.
create table case_history (
    id         bigserial primary key,
    request_id uuid        not null references purchase_request (id) on delete cascade,
    at         timestamptz not null,
    kind       varchar(40) not null,
    actor      varchar(255),
    area       varchar(40),
    value      varchar(60),
    text       text
);

create index case_history_request_idx on case_history (request_id, at, id);

-- Requests from before the history: what their tables still tell (claims, reminders and mails are not known).
insert into case_history (request_id, at, kind, actor)
select id, submitted_at, 'SUBMITTED', requester from purchase_request;
insert into case_history (request_id, at, kind, actor, text)
select request_id, asked_at, 'QUESTION_ASKED', asked_by, question from clarification;
insert into case_history (request_id, at, kind, actor, text)
select request_id, answered_at, 'QUESTION_ANSWERED', answered_by, answer from clarification where answered_at is not null;
insert into case_history (request_id, at, kind, actor, area, value)
select request_id, completed_at, 'AREA_SCREENED', screened_by, area, verdict from area_screening where completed_at is not null;
insert into case_history (request_id, at, kind)
select request_id, raised_at, 'DEADLINE_MISSED' from escalation;
insert into case_history (request_id, at, kind, actor, text)
select request_id, handled_at, 'ESCALATION_HANDLED', handled_by, comment from escalation where handled_at is not null;
insert into case_history (request_id, at, kind, actor, value, text)
select request_id, decided_at, 'DECIDED', decided_by, outcome, reason from decision;
