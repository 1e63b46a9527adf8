-- Who pays the purchase and its operation, and the benefits the requester expects (issue 33): asked by the request
-- form, optional in the API. Requests from before have none ("Ikke oplyst" on the pages and in the steering report).
alter table purchase_request
    add column purchase_funding       text check (purchase_funding in ('DEPARTMENT', 'IT', 'POOL', 'EXTERNAL')),
    add column purchase_funding_name  text check (length(purchase_funding_name) <= 200),
    add column operation_funding      text check (operation_funding in ('DEPARTMENT', 'IT', 'POOL', 'EXTERNAL')),
    add column operation_funding_name text check (length(operation_funding_name) <= 200),
    -- {"WELL_BEING": "HIGH", …}: every criterion rated, or null.
    add column expected_benefits      jsonb,
    add column benefits_description   text check (length(benefits_description) <= 1000),
    add constraint purchase_request_funding_both check ((purchase_funding is null) = (operation_funding is null)),
    add constraint purchase_request_benefits_both check ((expected_benefits is null) = (benefits_description is null));
