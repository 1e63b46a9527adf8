-- The contract of a registered system and who owns the system, for the renewal before the notice deadline.
alter table registered_system
    add column contract_start date,
    add column contract_end   date,
    add column notice_months  integer check (notice_months between 0 and 60),
    add column owner          varchar(100),
    add constraint registered_system_contract_order check (contract_end is null or contract_start is null or contract_end > contract_start);

-- A system from an approval is owned by the one who asked for it, until a coordinator names another.
update registered_system s set owner = r.requester from purchase_request r where r.id = s.request_id;

-- The renewal's due date is the notice deadline less the lead time: the dashboard lists the soonest.
create index registered_system_contract_end_idx on registered_system (contract_end) where contract_end is not null and retired_at is null;

-- Each renewal the coordinators considered: re-screen, renew as it is, or let it end.
create table system_renewal (
    id              uuid primary key,
    system_id       uuid          not null references registered_system (id),
    contract_end    date          not null,
    notice_deadline date          not null,
    choice          varchar(20)   not null,
    note            varchar(2000),
    decided_by      varchar(100)  not null,
    decided_at      timestamptz   not null
);
create index system_renewal_system_idx on system_renewal (system_id, decided_at);

-- An event about a system (renewal.due.v1) has the system's id as its CloudEvents subject, longer than a reference.
alter table outbox_event alter column subject type varchar(100);

-- A re-screening of a system names the request it follows, and what has changed since.
alter table purchase_request
    add column previous_request_id uuid references purchase_request (id),
    add column changes_since_previous varchar(4000);
