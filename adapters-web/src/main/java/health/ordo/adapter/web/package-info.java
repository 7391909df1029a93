/**
 * Web adapter: the REST API v1 under {@code /api/v1}, sign-in, and RFC 9457 problem responses. Controllers
 * translate HTTP to use-case calls and back; they hold no business rule.
 */
package health.ordo.adapter.web;
