-- The areas a municipality routes to the shared IT-service organisation's experts instead of screening them with its
-- own (issue 31): a screening task of such an area is offered to the organisation's group of the area. None by default,
-- so a municipality screens every area itself, as before.
alter table municipality add column shared_areas text[] not null default '{}'
    check (shared_areas <@ array['SECURITY', 'USER_MANAGEMENT', 'SUPPORT', 'CONTRACT', 'INSTALLATION', 'IMPLEMENTATION']);
