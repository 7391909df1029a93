/**
 * ERP adapter (next issue): Oracle Fusion Payables invoice holds, SAP S/4HANA supplier invoices with a payment
 * block and Workday supplier invoices, pulled incrementally into INVOICE_HOLD and PAYMENT_BLOCK work items, with
 * write-back of releases. Nothing lives here yet, on purpose: no placeholder behaviour.
 */
package health.ordo.adapter.erp;
