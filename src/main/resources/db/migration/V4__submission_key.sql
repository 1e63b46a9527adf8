-- A submission is made once: the JSON API's Idempotency-Key, or the request form's token, per requester.
-- The digest of what was submitted tells a repeat (answered with the same request) from a key used again
-- for something else (refused).
alter table purchase_request
    add column submission_key text,
    add column submission_digest text;

create unique index purchase_request_submission_key_idx on purchase_request (requester, submission_key)
    where submission_key is not null;
