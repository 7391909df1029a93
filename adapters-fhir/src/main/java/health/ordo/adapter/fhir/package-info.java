/**
 * Ordo's FHIR R4 API, through HAPI FHIR: work items read and searched as {@code Task} resources, the
 * CapabilityStatement and the published code systems, value sets and profile, and payers' {@code ClaimResponse}
 * resources and Bundles taken in (judged by the claims rules like any remittance).
 */
package health.ordo.adapter.fhir;
