-- Supervision of data processors (GDPR art. 28): the processors of a registered system with personal data, how and
-- how often each is supervised and when next, and every supervision's result with what was looked at.
create table data_processor (
    id                 uuid primary key,
    system_id          uuid          not null references registered_system (id),
    name               varchar(200)  not null,
    cvr                varchar(8),
    processing         varchar(2000) not null,
    sub_processor_of   uuid references data_processor (id),
    method             varchar(30)   not null,
    interval_months    integer       not null check (interval_months between 1 and 60),
    next_due           date          not null,
    -- A removed processor keeps its supervisions; its process has ended.
    removed_at         timestamptz,
    removed_by         varchar(100),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null
);
create index data_processor_system_idx on data_processor (system_id);
-- The dashboard's overdue and upcoming supervisions of processors still in use.
create index data_processor_next_due_idx on data_processor (next_due) where removed_at is null;

create table processor_supervision (
    id            uuid primary key,
    processor_id  uuid          not null references data_processor (id),
    method        varchar(30)   not null,
    result        varchar(20)   not null,
    evidence      varchar(4000) not null,
    due           date          not null,
    supervised_on date          not null,
    next_due      date          not null,
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null
);
create index processor_supervision_processor_idx on processor_supervision (processor_id, recorded_at);
