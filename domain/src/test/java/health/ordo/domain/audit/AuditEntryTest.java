package health.ordo.domain.audit;

import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEntryTest {

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        AuditEntry previous = null;
        for (int i = 0; i < length; i++) {
            previous = AuditEntry.next(previous, TenantId.of("acme"), Instant.parse("2026-11-24T08:00:00Z").plusSeconds(i), "ada@acme",
                    "post /api/v1/work-items", "work-items", "id-" + i, Map.of("status", "201"), "req-" + i, "10.0.0.1");
            entries.add(previous);
        }
        return entries;
    }

    @Test
    void pendingEntries_chainedLater_formTheSameChainAsEntriesChainedWhenWritten() {
        List<AuditEntry> direct = chain(3);
        AuditEntry previous = null;
        List<AuditEntry> deferred = new ArrayList<>();
        for (AuditEntry e : direct) {
            AuditEntry pending = AuditEntry.pending(e.tenant(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.details(),
                    e.requestId(), e.clientIp());
            assertThat(pending.chained()).isFalse();
            previous = pending.chainedAfter(previous);
            deferred.add(previous);
        }

        assertThat(deferred).isEqualTo(direct);
        assertThat(AuditEntry.verify(deferred).intact()).isTrue();
    }

    @Test
    void untouchedChain_isIntact() {
        assertThat(AuditEntry.verify(chain(5))).isEqualTo(new AuditEntry.Verification(true, 5, null, null));
    }

    @Test
    void removedEntry_isNamed() {
        List<AuditEntry> entries = chain(5);
        entries.remove(2);

        assertThat(AuditEntry.verify(entries).firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void alteredEntry_isNamed_evenWhenItsOwnHashWasRecomputed() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(1);
        AuditEntry forged = new AuditEntry(e.tenant(), e.seq(), e.at(), "mallory@acme", e.action(), e.entityType(), e.entityId(),
                e.details(), e.requestId(), e.clientIp(), e.prevHash(), null);
        entries.set(1, new AuditEntry(e.tenant(), e.seq(), e.at(), "mallory@acme", e.action(), e.entityType(), e.entityId(),
                e.details(), e.requestId(), e.clientIp(), e.prevHash(), forged.computeHash()));

        AuditEntry.Verification verification = AuditEntry.verify(entries);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).as("the next entry no longer follows").isEqualTo(3);
    }
}
