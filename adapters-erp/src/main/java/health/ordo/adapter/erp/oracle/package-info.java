/** Oracle Fusion Cloud Payables: open invoice holds in, hold releases out, through the Fusion REST API. */
package health.ordo.adapter.erp.oracle;
