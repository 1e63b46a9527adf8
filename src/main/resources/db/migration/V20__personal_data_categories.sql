-- A request states every category of personal data it processes (none, or any of ordinary, CPR numbers, art. 9,
-- art. 10), not only the most sensitive: each existing single value becomes a set of one.
alter table purchase_request add column personal_data_categories varchar(20)[];
update purchase_request set personal_data_categories = array[personal_data];
alter table purchase_request
    alter column personal_data_categories set not null,
    add constraint purchase_request_personal_data_categories_check
        check (cardinality(personal_data_categories) between 1 and 5
               and ('NONE' <> all (personal_data_categories) or cardinality(personal_data_categories) = 1)),
    drop column personal_data;
