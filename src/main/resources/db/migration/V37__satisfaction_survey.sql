-- The requester's satisfaction with the screening (issue 33): asked once per request, after the decision, or after its
-- conditions are settled when it was approved with conditions; reminded once; answered once.
create table satisfaction_survey (
    request_id   uuid         primary key references purchase_request (id) on delete cascade,
    requester    varchar(255) not null,
    asked_at     timestamptz  not null,
    reminded_at  timestamptz,
    -- Runs of the reminder job that could not remind: after three the row is left alone, so it never holds up the others.
    reminder_failures smallint not null default 0,
    answered_at  timestamptz,
    -- 1 (very dissatisfied) to 5 (very satisfied).
    score        smallint check (score between 1 and 5),
    comment      varchar(2000),
    -- The steering report shows the comment without the requester's name.
    anonymous    boolean      not null default false,
    check ((answered_at is null) = (score is null))
);
select make_tenant_owned('satisfaction_survey', 'purchase_request', 'request_id');
create index satisfaction_survey_answered_idx on satisfaction_survey (answered_at) where answered_at is not null;
create index satisfaction_survey_reminder_idx on satisfaction_survey (asked_at) where answered_at is null and reminded_at is null;
