-- A user's absence (holiday, illness): tasks assigned to them return to their group, and none is assigned to them
-- while it lasts. One period per user, the current or the next.
create table user_absence (
    username    varchar(100) primary key,
    starts_on   date         not null,
    ends_on     date         not null,
    updated_at  timestamptz  not null,
    check (ends_on >= starts_on)
);
