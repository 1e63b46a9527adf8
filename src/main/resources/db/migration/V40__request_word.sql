-- Every word of every request (the words of request_words: reference, title, system, vendor, department), a row each:
-- whether some request a reader may find spells a word so is then one look-up of a key. "Mente du …?" suggests
-- nothing for such a word, and found that out through the trigram index of request_words, which reads the posting
-- lists of every request holding the word's parts in any municipality (5 ms for "historisk" at 100,000 requests of 25
-- municipalities, three times for a search of three words).
-- A row per request and word, not per municipality and word: a word leaves with the last request that spells it (a
-- corrected name in a title is not kept), and two requests never write the same row.
-- Under the municipalities' row-level security like every table of theirs: the look-up names its word and its
-- municipalities with "=", which is leakproof, so the key serves it under the policy.
create table request_word (
    word       text not null,
    request_id uuid not null references request_words (request_id) on delete cascade
);
select make_tenant_owned('request_word');
alter table request_word add primary key (word, tenant_id, request_id);
create index request_word_request_idx on request_word (request_id);

-- The separators of RequestSearch.WORD_SEPARATOR. A request's words change with its title or system (rarely): its rows
-- are written afresh. request_words is written again on every change of its request's texts (the need too, which is
-- not among the words): only a change of the words themselves rewrites these rows.
create function request_word_of_request_words() returns trigger
    language plpgsql
    as $$
    begin
        if tg_op = 'UPDATE' then
            delete from request_word where request_id = new.request_id;
        end if;
        insert into request_word (word, tenant_id, request_id)
        select distinct w, new.tenant_id, new.request_id
          from regexp_split_to_table(new.words, '[[:space:],.;:!?()"]+') w
         where w <> '';
        return null;
    end $$;

create trigger request_word_of_new_request_words after insert on request_words
    for each row execute function request_word_of_request_words();
create trigger request_word_of_changed_request_words after update of words on request_words
    for each row when (old.words is distinct from new.words) execute function request_word_of_request_words();

-- Every request's words once: longer than the application's statement timeout on a large installation.
set local statement_timeout = 0;
insert into request_word (word, tenant_id, request_id)
select distinct w, s.tenant_id, s.request_id
  from request_words s, regexp_split_to_table(s.words, '[[:space:],.;:!?()"]+') w
 where w <> '';
