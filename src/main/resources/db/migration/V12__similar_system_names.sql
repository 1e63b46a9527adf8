-- The duplicate check takes the requests whose system name is nearest to the one typed (a GiST trigram index
-- answers "order by distance limit n" without reading every alike row; the GIN index of V10 had to score all of
-- them: 1.8 s at 100 000 requests with common words in the names, BENCHMARKS.md).
drop index if exists purchase_request_system_name_idx;
create index purchase_request_system_name_gist on purchase_request using gist (lower(system_name) gist_trgm_ops);
