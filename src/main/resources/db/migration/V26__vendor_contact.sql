-- The vendor's contact the requester names (in the form or later), to whom the experts send the vendor's questionnaire.
-- Both or neither: a contact without an address cannot be invited.
alter table purchase_request
    add column vendor_contact_name text,
    add column vendor_contact_email text,
    add constraint purchase_request_vendor_contact_check
        check ((vendor_contact_name is null) = (vendor_contact_email is null));
