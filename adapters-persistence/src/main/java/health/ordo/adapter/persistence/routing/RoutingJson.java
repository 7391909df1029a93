package health.ordo.adapter.persistence.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.domain.routing.RoutingCondition;
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
import java.util.List;
import java.util.Map;

/**
 * jsonb forms of skill requirements ({@code [{"skill":"spanish","min":3,"relaxAfterSeconds":1800}]}, the shape the
 * get-next-work SQL reads), routing conditions and worker skills.
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
