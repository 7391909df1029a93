/** Intake documents and their bytes, reviewers' labels, the classifier registry and intake settings. */
package health.ordo.adapter.persistence.intake;
