/** What a payer's remittance does in Ordo: denials and underpayments become work, reversals close it. */
package health.ordo.application.port.in.claims;
