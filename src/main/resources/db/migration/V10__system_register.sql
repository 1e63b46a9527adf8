-- Why a system the municipality already has does not cover the need (the requester's answer to the duplicate check).
alter table purchase_request add column existing_system_note varchar(2000);

-- The system register ("Systemoversigt"): what the municipality has, from approved decisions, a KITOS export or by hand.
create table registered_system (
    id                  uuid primary key,
    name                varchar(200)  not null,
    local_name          varchar(200),
    vendor              varchar(200),
    department          varchar(200),
    contract_value_dkk  numeric(14, 2),
    contract_years      integer,
    personal_data       varchar(20),
    hosting             varchar(30),
    conditions          jsonb         not null default '[]',
    request_id          uuid unique references purchase_request (id),
    kitos_uuid          uuid unique,
    local_id            varchar(100),
    source              varchar(20)   not null,
    note                varchar(2000),
    retired_at          timestamptz,
    retired_by          varchar(100),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null
);
create index registered_system_words_idx on registered_system using gin (lower(name || ' ' || coalesce(vendor, '')) gin_trgm_ops);
create index registered_system_name_idx on registered_system (lower(name));
-- Earlier requests matched by system name (the words index of V8 covers title, vendor and department too).
create index purchase_request_system_name_idx on purchase_request using gin (lower(system_name) gin_trgm_ops);
