-- The colleague who takes an absent user's tasks while they are away; null: the tasks go back to the group.
alter table user_absence add column stand_in varchar(100);

-- A temporary stand-in a coordinator appointed for a group: while the period lasts, the user gets the group's open
-- tasks as if a member. Kept after it ends (or is ended early) as the record of who stood in.
create table group_stand_in (
    id           uuid         primary key,
    group_id     varchar(100) not null,
    username     varchar(100) not null,
    starts_on    date         not null,
    ends_on      date         not null,
    appointed_by varchar(100) not null,
    appointed_at timestamptz  not null,
    ended_by     varchar(100),
    ended_at     timestamptz,
    -- set once the stand-in's claimed tasks of the group went back to it after the period
    returned_at  timestamptz,
    check (ends_on >= starts_on)
);

create index group_stand_in_user_idx on group_stand_in (username, ends_on);
create index group_stand_in_group_idx on group_stand_in (group_id, ends_on);

-- A group left with nobody present before an open task's deadline: the coordinators are warned once per group and
-- period (the days all its members are away). Resolved while a stand-in covers it; shown again if that ends.
create table group_gap_warning (
    id          uuid         primary key,
    group_id    varchar(100) not null,
    starts_on   date         not null,
    ends_on     date         not null,
    first_due   timestamptz  not null,
    open_tasks  integer      not null,
    warned_at   timestamptz  not null,
    resolved_at timestamptz,
    unique (group_id, starts_on, ends_on)
);
