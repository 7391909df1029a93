/**
 * FHIR R4 through HAPI FHIR: payers' {@code ClaimResponse} resources and Bundles read into the neutral payment model,
 * pulled from a payer's or clearinghouse's FHIR server as a connector source, and a denial's resolution written back
 * there as a {@code Task}.
 */
package health.ordo.adapter.claims.fhir;
