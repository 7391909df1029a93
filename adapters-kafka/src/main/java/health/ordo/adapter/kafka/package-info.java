/** The event stream to Kafka: relayed events as CloudEvents, keyed by tenant and subject, published by an idempotent producer. */
package health.ordo.adapter.kafka;
