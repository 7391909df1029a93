/** SAP S/4HANA: supplier invoices with a payment block in, releases out, through the OData V2 service API_SUPPLIERINVOICE_PROCESS_SRV. */
package health.ordo.adapter.erp.sap;
