package health.ordo.adapter.persistence.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.workitem.SkillRequirement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * jsonb forms of skill requirements ({@code [{"skill":"spanish","min":3,"relaxAfterSeconds":1800}]}, the shape the
 * get-next-work SQL reads), routing conditions, worker skills and a worker's time off
 * ({@code [{"from":"2026-12-24","to":"2026-12-26","reason":"leave"}]}).
 */
@Singleton
public class RoutingJson {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SkillRow(String skill, int min, @Nullable Long relaxAfterSeconds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConditionRow(String field, String operator, @Nullable String value) {
    }

    @Serdeable
    record TimeOffRow(LocalDate from, LocalDate to, @Nullable String reason) {
    }

    private final JsonMapper json;

    RoutingJson(JsonMapper json) {
        this.json = json;
    }

    public String writeSkills(List<SkillRequirement> skills) {
        return write(skills.stream().map(s -> new SkillRow(s.skill(), s.minProficiency(),
                s.relaxAfter() == null ? null : s.relaxAfter().toSeconds())).toList());
    }

    public List<SkillRequirement> readSkills(String text) {
        List<SkillRow> rows = read(text, Argument.listOf(SkillRow.class));
        return rows.stream().map(r -> new SkillRequirement(r.skill(), r.min(),
                r.relaxAfterSeconds() == null ? null : Duration.ofSeconds(r.relaxAfterSeconds()))).toList();
    }

    String writeConditions(List<RoutingCondition> conditions) {
        return write(conditions.stream().map(c -> new ConditionRow(c.field(), c.operator(), c.value())).toList());
    }

    List<RoutingCondition> readConditions(String text) {
        List<ConditionRow> rows = read(text, Argument.listOf(ConditionRow.class));
        return rows.stream().map(r -> new RoutingCondition(r.field(), r.operator(), r.value())).toList();
    }

    public String writeLevels(Map<String, Integer> levels) {
        return write(levels);
    }

    Map<String, Integer> readLevels(String text) {
        return read(text, Argument.mapOf(String.class, Integer.class));
    }

    String writeTimeOff(List<WorkerSchedule.TimeOff> timeOff) {
        return write(timeOff.stream().map(t -> new TimeOffRow(t.from(), t.to(), t.reason())).toList());
    }

    List<WorkerSchedule.TimeOff> readTimeOff(String text) {
        List<TimeOffRow> rows = read(text, Argument.listOf(TimeOffRow.class));
        return rows.stream().map(r -> new WorkerSchedule.TimeOff(r.from(), r.to(), r.reason())).toList();
    }

    private String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
