-- Every row belongs to a municipality (a tenant, see Tenancy), and PostgreSQL itself keeps each municipality's rows
-- from the others: a query that forgets to filter still sees only the rows of the municipalities its connection may
-- see. (It is no defence against SQL injection: the application's role sets these settings and owns the tables; the
-- bound parameters are.) TenantDataSource sets, on every connection it hands out:
--   indkoeb.tenant   the municipality acting: new rows belong to it ('' when the work acts across all)
--   indkoeb.tenants  the municipalities whose rows are visible: a comma list, or '*' for all
-- Row-level security applies to the tables' owner too (FORCE): only a superuser or a BYPASSRLS role passes it, and
-- the application refuses to run as one (ApplicationDatabaseRole).

create function tenant_visible(tenant_id text) returns boolean
    language sql stable parallel safe
    as $$
        select current_setting('indkoeb.tenants', true) = '*'
            or tenant_id = any (string_to_array(current_setting('indkoeb.tenants', true), ','))
    $$;

-- A new row without a municipality takes its parent's (TG_ARGV: parent table, the row's column naming the parent's
-- id, whether the parent may be missing), so a step of a request's process writes its rows into the request's
-- municipality, also when it runs across all. A required parent the connection may not see is refused: its key alone
-- would let a row of one municipality hang on another's, as foreign keys are checked past row-level security (where
-- the parent may be missing — outbox events, mails, attachment chunks — an unseen one counts as missing). A row
-- without a parent takes the connection's municipality; with neither, "not null" refuses it. A row never moves to
-- another municipality.
create function tenant_of_new_row() returns trigger
    language plpgsql
    as $$
    declare
        parent_tenant text;
    begin
        if tg_op = 'UPDATE' then
            if new.tenant_id is distinct from old.tenant_id then
                raise exception 'a row of % cannot move to another municipality', tg_table_name
                    using errcode = 'insufficient_privilege';
            end if;
            return new;
        end if;
        if tg_nargs = 3 then
            execute format('select tenant_id from %I where id = ($1).%I', tg_argv[0], tg_argv[1])
                into parent_tenant using new;
            if parent_tenant is null and tg_argv[2] = 'parent required' then
                raise exception 'a row of % needs a % this municipality sees', tg_table_name, tg_argv[0]
                    using errcode = 'insufficient_privilege';
            end if;
            if parent_tenant is not null and new.tenant_id is not null and new.tenant_id <> parent_tenant then
                raise exception 'a row of % belongs to the municipality of its %', tg_table_name, tg_argv[0]
                    using errcode = 'insufficient_privilege';
            end if;
        end if;
        new.tenant_id := coalesce(new.tenant_id, parent_tenant, nullif(current_setting('indkoeb.tenant', true), ''));
        return new;
    end
    $$;

-- Makes a table the municipalities': a new table of ours calls it in the migration that creates it
-- (RowLevelSecurityTest fails for a table that does not). Existing rows belong to the installation's municipality.
create function make_tenant_owned(owned regclass, parent regclass default null, parent_column text default null,
                                  parent_may_be_missing boolean default false)
    returns void
    language plpgsql
    as $$
    begin
        execute format('alter table %s add column tenant_id text not null default %L', owned, '${installation_tenant}');
        execute format('alter table %s alter column tenant_id drop default', owned);
        if parent is null then
            execute format('create trigger tenant_of_new_row before insert or update of tenant_id on %s'
                || ' for each row execute function tenant_of_new_row()', owned);
        else
            execute format('create trigger tenant_of_new_row before insert or update of tenant_id on %s'
                || ' for each row execute function tenant_of_new_row(%L, %L, %L)', owned, parent::text, parent_column,
                case when parent_may_be_missing then 'parent may be missing' else 'parent required' end);
        end if;
        execute format('alter table %s enable row level security', owned);
        execute format('alter table %s force row level security', owned);
        execute format('create policy tenant_visible on %s using (tenant_visible(tenant_id))', owned);
    end
    $$;

-- The municipality's own rows.
select make_tenant_owned('purchase_request');
select make_tenant_owned('request_reference_counter');
select make_tenant_owned('request_draft');
select make_tenant_owned('registered_system');
select make_tenant_owned('user_absence');
select make_tenant_owned('group_stand_in');
select make_tenant_owned('group_gap_warning');
select make_tenant_owned('mail_preference');
select make_tenant_owned('person');

-- A request's rows, in the request's municipality. The outboxes name their request without a foreign key, and a
-- file's chunks are written before the file (the key is checked at commit).
select make_tenant_owned('area_screening', 'purchase_request', 'request_id');
select make_tenant_owned('clarification', 'purchase_request', 'request_id');
select make_tenant_owned('escalation', 'purchase_request', 'request_id');
select make_tenant_owned('decision', 'purchase_request', 'request_id');
select make_tenant_owned('outbox_event', 'purchase_request', 'request_id', parent_may_be_missing => true);
select make_tenant_owned('mail_outbox', 'purchase_request', 'request_id', parent_may_be_missing => true);
select make_tenant_owned('attachment', 'purchase_request', 'request_id');
select make_tenant_owned('case_history', 'purchase_request', 'request_id');
select make_tenant_owned('request_scope', 'purchase_request', 'request_id');
select make_tenant_owned('triage_note', 'purchase_request', 'request_id');
select make_tenant_owned('condition_item', 'purchase_request', 'request_id');
select make_tenant_owned('task_draft', 'purchase_request', 'request_id');
select make_tenant_owned('requester_wait', 'purchase_request', 'request_id');
select make_tenant_owned('request_handling', 'purchase_request', 'request_id');
select make_tenant_owned('vendor_invitation', 'purchase_request', 'request_id');
select make_tenant_owned('condition_change', 'condition_item', 'condition_id');
select make_tenant_owned('attachment_chunk', 'attachment', 'attachment_id', parent_may_be_missing => true);
select make_tenant_owned('vendor_link_token', 'vendor_invitation', 'invitation_id');
select make_tenant_owned('vendor_answer', 'vendor_invitation', 'invitation_id');
select make_tenant_owned('vendor_document', 'vendor_invitation', 'invitation_id');
select make_tenant_owned('system_renewal', 'registered_system', 'system_id');
select make_tenant_owned('data_processor', 'registered_system', 'system_id');
select make_tenant_owned('processor_supervision', 'data_processor', 'processor_id');

-- Numbered per municipality: two municipalities may both have IND-2026-0001. The municipality comes last, so a
-- lookup by reference (filtered to the municipality by the policy) still finds it through the key.
alter table request_reference_counter drop constraint request_reference_counter_pkey,
    add primary key (year, tenant_id);
alter table purchase_request drop constraint purchase_request_reference_key,
    add constraint purchase_request_reference_key unique (reference, tenant_id);
drop index purchase_request_submission_key_idx;
create unique index purchase_request_submission_key_idx on purchase_request (requester, submission_key, tenant_id)
    where submission_key is not null;
alter table registered_system drop constraint registered_system_kitos_uuid_key,
    add constraint registered_system_kitos_uuid_key unique (kitos_uuid, tenant_id);
alter table group_gap_warning drop constraint group_gap_warning_group_id_starts_on_ends_on_key,
    add constraint group_gap_warning_group_id_starts_on_ends_on_key unique (group_id, starts_on, ends_on, tenant_id);
