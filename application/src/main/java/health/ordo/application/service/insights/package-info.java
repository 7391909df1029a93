/** Process intelligence use cases: sequencing the ports around the domain's maths. */
package health.ordo.application.service.insights;
