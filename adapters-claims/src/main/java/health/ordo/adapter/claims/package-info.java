/**
 * Claims adapter: payer remittances in. X12 835 files (read by the segment reader in {@code x12}) and FHIR R4
 * ClaimResponses (parsed by HAPI FHIR) become CLAIM_DENIAL and UNDERPAYMENT work items through the ingest use case;
 * work items are served as FHIR Tasks and resolutions written back as Tasks.
 */
package health.ordo.adapter.claims;
