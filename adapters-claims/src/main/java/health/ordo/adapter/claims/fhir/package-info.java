/**
 * FHIR R4 through HAPI FHIR: {@code ClaimResponse} resources and Bundles in (denials as work items), work items out as
 * {@code Task} resources, and the write-back of a denial's resolution as a Task update to a payer or clearinghouse FHIR
 * endpoint.
 */
package health.ordo.adapter.claims.fhir;
