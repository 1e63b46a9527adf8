-- A person's own rows (their absence, their choice of mails) are kept per municipality, as the person is (V32): the
-- same user id signed in by two municipalities' providers is two people, and with the key on the user id alone the
-- second one's row would collide with a row its connection cannot see.
alter table user_absence drop constraint user_absence_pkey, add primary key (username, tenant_id);
alter table mail_preference drop constraint mail_preference_pkey, add primary key (user_id, tenant_id);
