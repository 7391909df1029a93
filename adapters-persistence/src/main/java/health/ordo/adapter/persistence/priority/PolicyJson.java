package health.ordo.adapter.persistence.priority;

import health.ordo.domain.priority.DecisionRule;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.priority.RuleCondition;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The jsonb form of a policy definition. */
@Singleton
class PolicyJson {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // serde would drop empty lists, which must round-trip
    record DefinitionRow(List<FactorRow> factors, List<RuleRow> rules) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // serde would drop empty lists, which must round-trip
    record FactorRow(String factor, BigDecimal weight, @Nullable Map<String, BigDecimal> parameters) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // serde would drop empty lists, which must round-trip
    record RuleRow(String name, List<ConditionRow> when, String effect, BigDecimal value) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // serde would drop empty lists, which must round-trip
    record ConditionRow(String field, String operator, @Nullable String value) {
    }

    private final JsonMapper json;

    PolicyJson(JsonMapper json) {
        this.json = json;
    }

    String write(PolicyDefinition definition) {
        DefinitionRow row = new DefinitionRow(
                definition.factors().stream().map(f -> new FactorRow(f.factor().name(), f.weight(), f.parameters())).toList(),
                definition.rules().stream().map(r -> new RuleRow(r.name(),
                        r.when().stream().map(c -> new ConditionRow(c.field(), c.operator(), c.value())).toList(),
                        r.effect().name(), r.value())).toList());
        try {
            return new String(json.writeValueAsBytes(row), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PolicyDefinition read(String text) {
        try {
            DefinitionRow row = json.readValue(text, DefinitionRow.class);
            return new PolicyDefinition(
                    row.factors().stream().map(f -> new FactorWeight(PriorityFactor.valueOf(f.factor()), f.weight(), f.parameters())).toList(),
                    row.rules().stream().map(r -> new DecisionRule(r.name(),
                            r.when().stream().map(c -> new RuleCondition(c.field(), c.operator(), c.value())).toList(),
                            DecisionRule.Effect.valueOf(r.effect()), r.value())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
