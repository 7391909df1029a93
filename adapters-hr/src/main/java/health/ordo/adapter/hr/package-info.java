/**
 * HR adapters on the published SPI: Workday custom reports (Reports-as-a-Service, JSON) of new hires and job changes
 * (EMPLOYEE_ONBOARDING tasks relative to the start date), credential and licence expiries (CREDENTIAL_EXPIRY), payroll
 * exceptions (PAYMENT_EXCEPTION) and, with the same Workday client, Financials supplier invoices on hold (INVOICE_HOLD).
 */
package health.ordo.adapter.hr;
