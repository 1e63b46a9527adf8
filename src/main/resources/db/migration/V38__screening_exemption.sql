-- A system that came into the register without a screening (a KITOS import, entered by hand) is listed in the steering
-- report until a coordinator names the approved request that screened it (screened_by_request_id: that approval has a row
-- of its own, request_id, so a KITOS import of the same system points to it) or marks it exempt with a reason
-- (issue 33: "købes der ind uden om IT?").
alter table registered_system
    add column screened_by_request_id  uuid references purchase_request (id),
    add column screening_exempt_reason varchar(1000),
    add column screening_exempt_by     varchar(100),
    add column screening_exempt_at     timestamptz,
    add constraint registered_system_exemption_whole
        check ((screening_exempt_reason is null) = (screening_exempt_by is null) and (screening_exempt_by is null) = (screening_exempt_at is null));
create index registered_system_created_idx on registered_system (created_at) where request_id is null;
