/** Maker-checker over HTTP: settings, pending requests, decisions; a held action answers 202 Accepted. */
package health.ordo.adapter.web.approval;
