package health.ordo.domain.approval;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.NotAllowedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalRequestTest {

    private static final Instant ASKED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private final ApprovalRequest request = ApprovalRequest.pending(TenantId.of("acme"), ApprovalKind.WRITE_OFF, "item-1",
            "Write off 5000.00 USD", Map.of("secret.password", "x"), "mia@acme", ASKED);

    @Test
    void aPendingRequestIsOverdueFromTheMomentItsTimeLimitRunsOut() {
        assertThat(request.overdue(WEEK, ASKED.plus(WEEK).minusMillis(1))).isFalse();
        assertThat(request.overdue(WEEK, ASKED.plus(WEEK))).isTrue();
    }

    @Test
    void anOverdueRequestExpires_decidedByTheExpiryWithNoActionRun() {
        Instant now = ASKED.plus(Duration.ofDays(8));

        ApprovalRequest expired = request.expire(WEEK, now);

        assertThat(expired.status()).isEqualTo(ApprovalRequest.Status.EXPIRED);
        assertThat(expired.decidedBy()).isEqualTo(ApprovalRequest.EXPIRY);
        assertThat(expired.decidedAt()).isEqualTo(now);
        assertThat(expired.note()).contains("PT168H");
        assertThat(expired.outcome()).isNull();
        assertThat(expired.requestedAt()).isEqualTo(ASKED);
    }

    @Test
    void onlyAPendingRequestPastItsLimitCanExpire() {
        ApprovalRequest approved = request.approve(new Checker("carl@acme", false), null, ASKED.plusSeconds(60));

        assertThatThrownBy(() -> request.expire(WEEK, ASKED.plus(Duration.ofDays(6))))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("not past its time limit");
        assertThat(approved.overdue(WEEK, ASKED.plus(Duration.ofDays(30)))).isFalse();
        assertThatThrownBy(() -> approved.expire(WEEK, ASKED.plus(Duration.ofDays(30))))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("approved");
        assertThatThrownBy(() -> request.expire(WEEK, ASKED.plus(WEEK)).expire(WEEK, ASKED.plus(Duration.ofDays(9))))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("expired");
    }
}
