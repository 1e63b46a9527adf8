-- The duplicate check's candidates among registered systems are the nearest names by trigram distance (as for
-- requests in V12), so its cost does not grow with the register: scoring every row took seconds with 5 000 systems
-- and a long name.
create index registered_system_name_gist on registered_system using gist (lower(name) gist_trgm_ops);
create index registered_system_local_name_gist on registered_system using gist (lower(local_name) gist_trgm_ops)
    where local_name is not null;
