-- A person is known per municipality: each municipality signs its people in through its own provider, so the same user
-- id at two municipalities is two people, each with the name, address and groups of their own municipality's token.
-- With the key on the user id alone, the second municipality's login would collide with a row its connection cannot
-- see. The municipality comes last, so a lookup by user id (filtered to the municipality by the policy) still finds it
-- through the key.
alter table person drop constraint person_pkey, add primary key (user_id, tenant_id);
