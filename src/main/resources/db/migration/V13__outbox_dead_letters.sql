-- Dead letters: an event the broker refuses for good (too large, invalid) or that cannot be made into a record is set
-- aside instead of being retried forever, which stopped every later event of every request. It stays unpublished in the
-- outbox, the later events of its request wait behind it, and an administrator re-sends it, corrected or not
-- (OutboxRelay, DeadLetters). An event that was ever set aside is never deleted: its original payload and who
-- changed it stay on record (OutboxRetention).

-- The partial index below reads the whole outbox once: longer than the application's statement timeout on a large one.
set local statement_timeout = 0;
alter table outbox_event
    -- Set while the event is set aside; cleared when an administrator re-sends it.
    add column dead_lettered_at    timestamptz,
    -- The last refusal: exception class and message.
    add column dead_letter_reason  varchar(1000),
    add column dead_lettered_times integer not null default 0,
    add column resent_by           varchar(100),
    add column resent_at           timestamptz,
    -- The payload as the step wrote it, once an administrator replaced it.
    add column original_payload    jsonb,
    add column payload_changed_by  varchar(100),
    add column payload_changed_at  timestamptz;

-- Tiny (only the events set aside now): the relay's "is an older event of this request set aside?" is a probe of it.
create index outbox_event_dead_letter_idx on outbox_event (request_id, seq) where dead_lettered_at is not null;
