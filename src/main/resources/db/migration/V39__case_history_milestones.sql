-- The steering report (issue 33) asks of each request of a period when its screening started, when it was recommended
-- and when it was withdrawn: a few of its 20 or so history entries. This index holds just those, so that a year of
-- 20,000 requests is answered from the index alone (measured: the report's requests read in 170 ms instead of 510 ms at
-- 100,000 requests, BENCHMARKS.md).
create index case_history_milestone_idx on case_history (request_id) include (kind, at)
    where kind in ('WITHDRAWN', 'SCREENING_STARTED', 'TRIAGE_SKIPPED', 'RECOMMENDED');
