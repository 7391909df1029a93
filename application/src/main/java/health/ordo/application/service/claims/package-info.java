/**
 * The claims bounded context: the claims rules applied to the neutral payment model (denials with their category,
 * underpayments, reversals, appeal deadlines), and one ingestion for every format and path.
 */
package health.ordo.application.service.claims;
