/**
 * The neutral payment model a claims adapter reads a payer's document into (an X12 835, a FHIR ClaimResponse): what was
 * billed, paid and adjusted, with which codes, per claim and per service line. The adapter only reads; what a payment
 * means for the back office (a denial and its category, an underpayment, a reversal, the appeal deadline) is decided by
 * Ordo's claims rules, one set for every format and for pushed and pulled documents alike.
 */
package health.ordo.spi.claims;
