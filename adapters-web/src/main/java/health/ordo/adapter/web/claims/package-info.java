/** {@code /api/v1/code-sets}: the CARC and RARC lists in force, their versions, and loading newer ones. */
package health.ordo.adapter.web.claims;
