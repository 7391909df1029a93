/** Workday through Reports-as-a-Service JSON: one report per record kind, field names configurable, OAuth or Basic. */
package health.ordo.adapter.hr.workday;
