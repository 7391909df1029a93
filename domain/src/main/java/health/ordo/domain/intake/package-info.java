/**
 * Document intake: the kinds of correspondence Ordo reads ({@link health.ordo.domain.intake.DocumentType}), what a
 * classifier said of a document and how sure it was, the fields read from its text with their own confidence and
 * validation, the deterministic keyword classifier used when no model is available, extractive summaries, and the
 * drift measure of a model's output over time.
 */
package health.ordo.domain.intake;
