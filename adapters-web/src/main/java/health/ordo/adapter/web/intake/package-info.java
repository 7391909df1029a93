/** Document intake over REST: uploads, documents with their classification and fields, review, the classifier registry. */
package health.ordo.adapter.web.intake;
