-- A task's form saved half-done ("Gem kladde"), as the page posted it: kept with the claim, for its author only while
-- the task is theirs, and deleted when the task is completed, released or handed over. One per task.
create table task_draft (
    task_id    varchar(64)  primary key,
    request_id uuid         not null references purchase_request (id),
    author     varchar(100) not null,
    form       jsonb        not null,
    saved_at   timestamptz  not null
);
create index task_draft_request_idx on task_draft (request_id);
