package health.ordo.domain.insights;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRecordTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aRowWithAliasesAndLocalTimes_isReadWithItsDimensionsAndOutcome() {
        HistoryRecord.Reading reading = HistoryRecord.read(Map.of("Item Type", "claim_denial", "work_queue", "denials",
                "External-ID", "WQ-1", "received_at", "2026-03-02 08:00", "started", "2026-03-02T09:00:00Z", "closed", "2026-03-02",
                "resolution", "written-off", "site", "North Clinic", "amount", "1,250.50", "held_hours", "1.5"),
                "legacy", ZoneOffset.UTC, NOW);

        assertThat(reading.errors()).extracting(HistoryRecord.FieldError::field).containsOnly("completed");
        HistoryRecord fixed = HistoryRecord.read(Map.of("type", "claim_denial", "queue", "denials", "source_reference", "WQ-1",
                "received", "2026-03-02 08:00", "started", "2026-03-02T09:00:00Z", "completed", "2026-03-02T11:00:00-00:00",
                "outcome", "written-off", "facility", "North Clinic", "amount", "1,250.50", "held_hours", "1.5"),
                "legacy", ZoneOffset.UTC, NOW).record();
        assertThat(fixed.sourceSystem()).isEqualTo("legacy");
        assertThat(fixed.currency()).isEqualTo("USD");
        assertThat(fixed.fact().value(Dimension.TYPE)).isEqualTo("CLAIM_DENIAL");
        assertThat(fixed.fact().value(Dimension.SITE)).isEqualTo("North Clinic");
        assertThat(fixed.fact().writtenOff()).isTrue();
        assertThat(fixed.fact().amount()).isEqualByComparingTo("1250.50");
        assertThat(fixed.fact().touchTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void everyFieldAtFault_isNamed() {
        HistoryRecord.Reading reading = HistoryRecord.read(Map.of("type", "bad type!", "received", "2026-02-30",
                "started", "2027-01-01T00:00:00Z", "amount", "-3", "currency", "dollars", "reopened", "x"), "legacy", ZoneOffset.UTC, NOW);

        assertThat(reading.ok()).isFalse();
        assertThat(reading.errors()).extracting(HistoryRecord.FieldError::field)
                .contains("type", "queue", "source_reference", "received", "started", "amount", "currency", "reopened");
    }
}
