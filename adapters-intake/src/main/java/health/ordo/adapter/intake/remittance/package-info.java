/**
 * The watched remittance folder (X12 835 and FHIR ClaimResponse files): payer files dropped by an SFTP job or a clearinghouse client are ingested, then moved to
 * {@code processed/} or {@code failed/} with their ingest report next to them; nothing is ever deleted.
 */
package health.ordo.adapter.intake.remittance;
