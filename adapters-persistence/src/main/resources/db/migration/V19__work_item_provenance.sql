-- How each work item came into Ordo (issue 18): only items a source itself brought in (a connector, an inbound channel
-- for source documents) are ever written back to a source. Items created before this was recorded are classed by the
-- actor of their creation: a connector's items, the inbound folder's and the demo seed's are known; an item created by a
-- signed-in user cannot be told apart from one created through the public API, so it is classed API (never written back).
alter table work_item add column provenance text not null default 'API'
    check (provenance in ('API', 'CONNECTOR', 'INBOUND', 'SEED'));
alter table work_item add column provenance_name text not null default 'unknown';

update work_item w
set provenance      = case
                          when h.actor like 'connector:%' then 'CONNECTOR'
                          when h.actor = 'inbound-folder' then 'INBOUND'
                          when h.actor = 'system' then 'SEED'
                          else 'API' end,
    provenance_name = case when h.actor like 'connector:%' then substr(h.actor, length('connector:') + 1) else h.actor end
from work_item_history h
where h.tenant_id = w.tenant_id
  and h.work_item_id = w.id
  and h.action = 'create';
