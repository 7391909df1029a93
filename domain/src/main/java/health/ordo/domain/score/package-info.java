/**
 * What a priority score is and how it is explained: the 0–100 {@link health.ordo.domain.score.PriorityScore},
 * the factor-by-factor {@link health.ordo.domain.score.ScoreExplanation} and human overrides on top of it.
 * Knows nothing of work items or policies, so both can depend on it.
 */
package health.ordo.domain.score;
