-- A file held for someone who has not yet handed it in (the vendor's round until it is submitted): stored and counted in
-- the request's limits like any file, but in no list, event or history of the request until it is released (held_by
-- set back to null) or deleted with its content. The holder is opaque here: the vendor module's invitation id.
alter table attachment add column held_by uuid;

create index attachment_held_idx on attachment (held_by) where held_by is not null;
