-- Files attached to a request: metadata here, content in 1 MiB chunks below; both go with their request.
-- A removed file keeps its metadata (who removed it, when) and loses its content.
create table attachment (
    id         uuid primary key,
    request_id uuid         not null references purchase_request (id) on delete cascade,
    name       varchar(400) not null,
    size_bytes bigint       not null check (size_bytes > 0),
    media_type varchar(200) not null,
    sha256     char(64)     not null,
    added_by   varchar(255) not null,
    added_at   timestamptz  not null,
    step       varchar(20)  not null,
    area       varchar(40),
    removed_by varchar(255),
    removed_at timestamptz
);

create index attachment_request_idx on attachment (request_id, added_at);

create table attachment_chunk (
    -- Deferred: the content streams in before the metadata row, which needs its size and digest.
    attachment_id uuid    not null references attachment (id) on delete cascade deferrable initially deferred,
    chunk_no      integer not null,
    data          bytea   not null,
    primary key (attachment_id, chunk_no)
);
