-- What a decision with conditions binds, condition by condition (text, the area that set it or none for the
-- coordinator, owner, due date or before go-live, why it was reworded or merged), and what became of each condition
-- an area set (kept, reworded, merged into another, dropped with the coordinator's reason). `conditions` keeps the
-- texts alone, as before.
alter table decision
    add column decided_conditions jsonb not null default '[]',
    add column area_conditions    jsonb not null default '[]';

-- A decision made before the decision form had its list: every area condition kept as set, owned by the requester,
-- due before go-live (what such a decision meant), each attributed to the area whose screening set it.
update decision d
   set decided_conditions = coalesce((
       select jsonb_agg(jsonb_build_object(
                  'text', c.text,
                  'setBy', (select s.area from area_screening s
                             where s.request_id = d.request_id and s.conditions @> jsonb_build_array(c.text)
                             order by s.area limit 1),
                  'owner', r.requester, 'due', null, 'beforeGoLive', true, 'changeNote', null) order by c.n)
         from jsonb_array_elements_text(d.conditions) with ordinality as c(text, n)
         join purchase_request r on r.id = d.request_id), '[]')
 where d.outcome = 'APPROVED_WITH_CONDITIONS';
