-- Found by the growth benchmark (BENCHMARKS.md), with 100k decided requests in the tables.

-- The inbox maps Camunda's tasks to requests by process instance id, and every task completion
-- looks the request up the same way: without an index both read the whole table.
create index purchase_request_process_instance_idx on purchase_request (process_instance_id);

-- The dashboard covers the last 12 months: completed areas and decisions by time.
create index area_screening_completed_idx on area_screening (completed_at)
    include (area, started_at, request_id) where state = 'COMPLETED';
create index decision_decided_at_idx on decision (decided_at) include (outcome);
