/**
 * Claims adapter: payer remittances in. X12 835 (005010X221A1) files are read with com.imsweb x12-parser and their
 * denied and under-adjusted claims become CLAIM_DENIAL work items through the ingest use case. FHIR ClaimResponse,
 * FHIR Task out and write-back are still to come.
 */
package health.ordo.adapter.claims;
