/** HTTP plumbing shared by the ERP adapters: authentication (Basic, bearer, OAuth 2.0), timeouts, failures and health. */
package health.ordo.adapter.erp.http;
