/**
 * ERP adapters on the published SPI: Oracle Fusion Cloud Payables invoice holds ({@code oracle}) and SAP S/4HANA supplier
 * invoices with a payment block ({@code sap}), pulled incrementally into INVOICE_HOLD and PAYMENT_BLOCK work items, with
 * write-back of releases; shared HTTP, authentication and supplier criticality in {@code http}.
 */
package health.ordo.adapter.erp;
