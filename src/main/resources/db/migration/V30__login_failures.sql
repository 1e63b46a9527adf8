-- Failed logins per user and network (LoginThrottle), shared by every application node so that a guesser gets one
-- allowance, not one per node. A login comes before the user, and so the municipality, is known: this table belongs
-- to no municipality and has no tenant_id (like the municipalities' own tables). Rows are forgotten an hour after the
-- last failure and purged then; a success or an administrator deletes them at once.
create table login_failure (
    username      text        not null,
    network       text        not null,
    failures      integer     not null check (failures > 0),
    last_failure  timestamptz not null,
    delayed_until timestamptz,
    primary key (username, network)
);
