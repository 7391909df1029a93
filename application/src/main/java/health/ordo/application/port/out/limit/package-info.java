/** Where token buckets live so that every node draws from the same ones. */
package health.ordo.application.port.out.limit;
