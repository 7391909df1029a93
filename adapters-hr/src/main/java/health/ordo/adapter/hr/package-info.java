/**
 * HR adapter (next issue): Workday new hires and job changes (EMPLOYEE_ONBOARDING), credential and licence
 * expiries (CREDENTIAL_EXPIRY) and payroll exceptions (PAYMENT_EXCEPTION). Nothing lives here yet, on purpose:
 * no placeholder behaviour.
 */
package health.ordo.adapter.hr;
