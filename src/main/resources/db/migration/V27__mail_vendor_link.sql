-- A mail to a vendor's contact names the invitation whose link it carries: its stored bodies hold a placeholder, and
-- the relay mints a fresh link for the invitation just before sending, so no usable link is ever stored.
alter table mail_outbox add column vendor_invitation_id uuid references vendor_invitation (id) on delete cascade;
