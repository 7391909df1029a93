package health.ordo.domain.priority;

/** Life of a policy version: drafted, active (one per policy at a time), retired when another is activated. */
public enum PolicyStatus { DRAFT, ACTIVE, RETIRED }
