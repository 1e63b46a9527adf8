-- The risk-based scope of each request (ScreeningScope.dmn): proposed at submission, confirmed at triage.
create table request_scope (
    request_id      uuid primary key references purchase_request (id),
    proposed_areas  jsonb         not null,
    proposed_flags  jsonb         not null,
    areas           jsonb,
    flags           jsonb,
    reason          varchar(2000),
    confirmed_by    varchar(100),
    confirmed_at    timestamptz
);
-- Requests from before scoping were screened on all six areas, without flags.
insert into request_scope (request_id, proposed_areas, proposed_flags, areas, flags, confirmed_at)
select r.id,
       '["SECURITY","USER_MANAGEMENT","SUPPORT","CONTRACT","INSTALLATION","IMPLEMENTATION"]',
       '[]',
       case when exists (select 1 from area_screening a where a.request_id = r.id)
            then '["SECURITY","USER_MANAGEMENT","SUPPORT","CONTRACT","INSTALLATION","IMPLEMENTATION"]'::jsonb end,
       case when exists (select 1 from area_screening a where a.request_id = r.id) then '[]'::jsonb end,
       (select min(a.started_at) from area_screening a where a.request_id = r.id)
  from purchase_request r;
