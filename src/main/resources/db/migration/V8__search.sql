-- Search across all requests (RequestSearch): Danish full text on title, system, vendor and need (stemmed,
-- so "systemer" finds "system"), and trigram matching for parts of words, references and misspellings.
create extension if not exists pg_trgm;

alter table purchase_request add column search_document tsvector generated always as (
    setweight(to_tsvector('danish', title), 'A')
    || setweight(to_tsvector('danish', system_name || ' ' || vendor), 'A')
    || setweight(to_tsvector('danish', need), 'B')) stored;

create index purchase_request_search_idx on purchase_request using gin (search_document);
create index purchase_request_words_idx on purchase_request
    using gin (lower(reference || ' ' || title || ' ' || system_name || ' ' || vendor || ' ' || department) gin_trgm_ops);
create index purchase_request_submitted_idx on purchase_request (submitted_at desc);
create index area_screening_verdict_idx on area_screening (verdict, area) include (request_id) where verdict is not null;
