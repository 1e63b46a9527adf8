-- The legal basis for transferring personal data outside the EU/EEA, asked when hosting is there.
alter table purchase_request add column transfer_basis varchar(1000);
