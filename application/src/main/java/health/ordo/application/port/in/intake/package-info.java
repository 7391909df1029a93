/** Document intake's use cases: take a document in, look at it, review it, and govern the classifier's versions. */
package health.ordo.application.port.in.intake;
