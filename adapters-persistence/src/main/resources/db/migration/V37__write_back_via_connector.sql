-- A write-back goes back through the connector that brought its item in (the item's provenance), not through whichever
-- target of its source system comes first: a tenant may run two connectors of one source system (two payers' FHIR
-- servers), or a connector of a system the deployment's own target also serves (FHIR ClaimResponses). Null for an item
-- an inbound channel brought in (an 835 or FHIR upload): its outcome goes to the deployment's target of that system.
alter table write_back add column via_connector text;

update write_back w
set via_connector = i.provenance_name
from work_item i
where i.tenant_id = w.tenant_id
  and i.id = w.work_item_id
  and i.provenance = 'CONNECTOR';
