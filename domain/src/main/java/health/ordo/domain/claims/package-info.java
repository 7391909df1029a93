/**
 * The claims rules: the code sets payers explain their adjudications with (CARC and RARC, versioned, each code with
 * its category), which adjustments deny and which are routine, and how long a payer gives to appeal.
 */
package health.ordo.domain.claims;
