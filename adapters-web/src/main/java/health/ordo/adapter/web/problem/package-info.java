/** RFC 9457 problem details for every error the API returns, including the framework's own. */
package health.ordo.adapter.web.problem;
