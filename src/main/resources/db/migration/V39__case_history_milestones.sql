-- The steering report (issue 33) asks of each request of a period when its screening started, when it was recommended
-- and when it was withdrawn: a few of its 20 or so history entries. This index holds just those, and the areas' index
-- (V3) also the municipality, so that a year of 20,000 requests and 120,000 areas is read from the indexes alone: the
-- tables' row-level security (V28) reads tenant_id, which an index must hold for that. Measured (BENCHMARKS.md): the
-- report's count at 100,000 requests 962 -> 606 ms.
create index case_history_milestone_idx on case_history (request_id) include (kind, at, tenant_id)
    where kind in ('WITHDRAWN', 'SCREENING_STARTED', 'TRIAGE_SKIPPED', 'RECOMMENDED');
drop index area_screening_completed_idx;
create index area_screening_completed_idx on area_screening (completed_at) include (area, started_at, request_id, tenant_id)
    where state = 'COMPLETED';
