/** {@code code_set} and {@code code_set_published}: the CARC/RARC lists loaded after the release. */
package health.ordo.adapter.persistence.claims;
