/** X12 835 remittance reading: envelope checks, claim and line adjustments, CARC classification, the ingest report. */
package health.ordo.adapter.claims.x12;
