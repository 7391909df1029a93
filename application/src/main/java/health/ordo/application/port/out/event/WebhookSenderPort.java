package health.ordo.application.port.out.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends one webhook message: the CloudEvent as JSON, signed per Standard Webhooks with each of {@code secrets}, through the
 * deployment's outbound policy. Never throws for what the receiver or the network did: that is the answer's error.
 */
public interface WebhookSenderPort {

    /** The receiver's status code (null when none came) and the error, if any; {@code delivered} on 2xx. */
    record Answer(Integer statusCode, String error, long latencyMillis) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Answer send(String url, String messageId, Instant timestamp, List<String> secrets, Map<String, Object> envelope, Duration timeout);

    /** Refuses (with {@code OutboundRefusedException}) a URL the outbound policy would not let a delivery reach. */
    void check(String url);
}
