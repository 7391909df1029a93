/** Maker-checker: actions above a tenant's thresholds wait for a second person's approval before they take effect. */
package health.ordo.domain.approval;
