package health.ordo.bootstrap.config;

import health.ordo.adapter.outbound.GuardedHttp;
import health.ordo.spi.http.OutboundChannel;
import health.ordo.spi.http.OutboundPolicy;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The deployment's outbound policy and the one guarded channel every request made on a tenant's behalf goes through.
 * {@code ordo.outbound.allow} ({@code ORDO_OUTBOUND_ALLOW}: comma-separated CIDRs and host names) admits on-premises
 * systems; it is empty by default, in the embedded demo too.
 */
@Factory
class OutboundFactory {

    @Singleton
    OutboundPolicy outboundPolicy(@Value("${ordo.outbound.allow:}") String allow,
                                  @Value("${ordo.outbound.max-response-bytes:16777216}") long maxResponseBytes,
                                  @Value("${ordo.outbound.max-timeout:120s}") Duration maxTimeout) {
        return OutboundPolicy.of(allow, maxResponseBytes, maxTimeout);
    }

    @Singleton
    @Bean(typed = OutboundChannel.class, preDestroy = "close")
    GuardedHttp guardedHttp(OutboundPolicy policy) {
        return new GuardedHttp(policy);
    }
}
