package health.ordo.adapter.persistence.workitem;

import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The jsonb form of a priority override; the row keeps its own shape. */
@Singleton
class ScoreJson {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // serde would drop empty lists, which must round-trip
    record OverrideRow(UUID id, String target, @Nullable BigDecimal score, String reasonCode, @Nullable String comment,
                       Instant expiresAt, String requestedBy, Instant requestedAt, String status,
                       @Nullable String approvedBy, @Nullable Instant approvedAt) {
    }

    private final JsonMapper json;

    ScoreJson(JsonMapper json) {
        this.json = json;
    }

    String write(PriorityOverride o) {
        if (o == null) {
            return null;
        }
        return write(new OverrideRow(o.id(), o.target().kind().name(), o.target().score().value(), o.reasonCode(), o.comment(),
                o.expiresAt(), o.requestedBy(), o.requestedAt(), o.status().name(), o.approvedBy(), o.approvedAt()));
    }

    PriorityOverride readOverride(String text) {
        if (text == null) {
            return null;
        }
        OverrideRow row = read(text, OverrideRow.class);
        OverrideTarget.Kind kind = OverrideTarget.Kind.valueOf(row.target());
        return new PriorityOverride(row.id(), new OverrideTarget(kind, new PriorityScore(row.score())), row.reasonCode(),
                row.comment(), row.expiresAt(), row.requestedBy(), row.requestedAt(), PriorityOverride.Status.valueOf(row.status()),
                row.approvedBy(), row.approvedAt());
    }

    private String write(Object row) {
        try {
            return new String(json.writeValueAsBytes(row), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
