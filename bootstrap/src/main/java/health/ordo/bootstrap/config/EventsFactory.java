package health.ordo.bootstrap.config;

import health.ordo.adapter.outbound.WebhookSender;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.event.WebhookPort;
import health.ordo.application.port.out.event.WebhookSenderPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.event.EventFeedService;
import health.ordo.application.service.event.EventRelayService;
import health.ordo.application.service.event.WebhookService;
import health.ordo.domain.event.RetrySchedule;
import health.ordo.spi.http.OutboundChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events out wiring. {@code ordo.events.send-timeout} (10 s) is one delivery's deadline; {@code ordo.events.senders} (8) how
 * many deliveries a node sends at once; {@code ordo.events.disable-after} (5 days) how long a subscription may fail without
 * one success before it is disabled; {@code ordo.events.retry-delays} the waits between attempts (blank: 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h, 10 h).
 */
@Factory
class EventsFactory {

    @Singleton
    EventFeedService eventFeedService(EventStorePort store, TransactionPort transactions) {
        return new EventFeedService(store, transactions);
    }

    @Singleton
    @Bean(typed = WebhookSenderPort.class)
    WebhookSender webhookSender(OutboundChannel http) {
        return new WebhookSender(http);
    }

    @Singleton
    WebhookService webhookService(WebhookPort webhooks, WebhookSenderPort sender, TransactionPort transactions, Clock clock,
                                  ChangeTrailPort trail, AuditLogPort auditLog) {
        return new WebhookService(webhooks, sender, transactions, clock, trail, auditLog);
    }

    @Singleton
    @Named("webhook-senders")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService webhookSenders(@Value("${ordo.events.senders:8}") int senders) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(senders, r -> {
            Thread thread = new Thread(r, "ordo-webhook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    EventRelayService eventRelayService(EventStorePort store, WebhookPort webhooks, WebhookSenderPort sender, TransactionPort transactions,
                                        Clock clock, @Named("webhook-senders") ExecutorService senders,
                                        @Value("${ordo.events.send-timeout:10s}") Duration timeout,
                                        @Value("${ordo.events.disable-after:5d}") Duration disableAfter,
                                        @Value("${ordo.events.retry-delays:}") String retryDelays) {
        return new EventRelayService(store, webhooks, sender, transactions, clock, senders, schedule(retryDelays), timeout, disableAfter);
    }

    /** {@code ordo.events.retry-delays}: the waits between attempts, e.g. {@code 5s,5m,30m,2h}; blank for the standard schedule. */
    static RetrySchedule schedule(String delays) {
        if (delays == null || delays.isBlank()) {
            return RetrySchedule.STANDARD;
        }
        List<Duration> waits = new ArrayList<>();
        for (String delay : delays.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(delay.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("ordo.events.retry-delays: " + delay.trim() + " is not a duration like 500ms, 5s, 5m, 2h or 1d");
            }
            long n = Long.parseLong(m.group(1));
            waits.add(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return new RetrySchedule(waits);
    }
}
