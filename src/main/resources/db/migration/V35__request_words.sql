-- The search's words of every request, in a table of their own without row-level security, so that PostgreSQL can use
-- its text indexes. No text-search or similarity operator is LEAKPROOF, and row-level security lets a query use an index
-- only through leakproof operators: under purchase_request's policy, the search, its "Mente du …?" and the duplicate check
-- read the whole table (741 ms of PostgreSQL per search at 100,000 requests, 39 ms per duplicate check).
-- Nothing is read from here alone: every query takes request ids from it and reads the requests from purchase_request,
-- whose policy decides what the connection sees; tenant_id keeps another municipality's words out of the candidates
-- (Tenancy.Scope#condition), first in every index.
create table request_words (
    request_id      uuid     primary key references purchase_request (id) on delete cascade,
    tenant_id       text     not null,
    -- What the search finds parts of words in (reference, title, system, vendor, department), lower case.
    words           text     not null,
    -- The system's name, lower case, for the duplicate check's nearest names.
    system_name     text     not null,
    -- The request's own search_document (title and system weighted over the need), for whole words.
    search_document tsvector not null
);

create function request_words_of_request() returns trigger
    language plpgsql
    as $$
    begin
        insert into request_words (request_id, tenant_id, words, system_name, search_document)
        values (new.id, new.tenant_id,
                lower(new.reference || ' ' || new.title || ' ' || new.system_name || ' ' || new.vendor || ' ' || new.department),
                lower(new.system_name), new.search_document)
        on conflict (request_id) do update
            set words = excluded.words, system_name = excluded.system_name, search_document = excluded.search_document;
        return null;
    end $$;

create trigger request_words_of_request after insert or update of reference, title, system_name, vendor, department, need
    on purchase_request for each row execute function request_words_of_request();

insert into request_words (request_id, tenant_id, words, system_name, search_document)
select id, tenant_id, lower(reference || ' ' || title || ' ' || system_name || ' ' || vendor || ' ' || department),
       lower(system_name), search_document
  from purchase_request;

-- The municipality first in each index (btree_gin, btree_gist: trusted extensions, as pg_trgm), so that a search of
-- one municipality reads only its own entries, and the duplicate check's nearest names are its own from the first.
create extension if not exists btree_gin;
create extension if not exists btree_gist;
create index request_words_document_idx on request_words using gin (tenant_id, search_document);
create index request_words_words_idx on request_words using gin (tenant_id, words gin_trgm_ops);
create index request_words_system_name_gist on request_words using gist (tenant_id, system_name gist_trgm_ops);

-- Never usable under the policy; only their upkeep was left.
drop index purchase_request_search_idx;
drop index purchase_request_words_idx;
drop index purchase_request_system_name_gist;
