/** Token buckets shared by every node, in PostgreSQL with bucket4j. */
package health.ordo.adapter.persistence.limit;
