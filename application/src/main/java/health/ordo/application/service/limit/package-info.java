/** Token buckets shared through the database, with each node's own buckets as the fallback when it cannot be reached. */
package health.ordo.application.service.limit;
