/**
 * Claims adapter (next issue): X12 835 remittances (com.imsweb x12-parser) and FHIR R4 ClaimResponse (HAPI FHIR)
 * in, as CLAIM_DENIAL and UNDERPAYMENT work items through the ingest use case; FHIR Task out. Nothing lives here
 * yet, on purpose: no placeholder behaviour.
 */
package health.ordo.adapter.claims;
