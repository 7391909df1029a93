package health.ordo.adapter.web.priority;

import health.ordo.adapter.web.priority.PriorityDtos.ExplanationDto;
import health.ordo.adapter.web.priority.PriorityDtos.FactorContributionDto;
import health.ordo.adapter.web.priority.PriorityDtos.FiredRuleDto;
import health.ordo.adapter.web.priority.PriorityDtos.OverrideDto;
import health.ordo.adapter.web.priority.PriorityDtos.ScoreResponse;
import health.ordo.application.port.in.workitem.WorkItemDetails;
import health.ordo.domain.score.FactorContribution;
import health.ordo.domain.score.FiredRule;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.workitem.WorkItem;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** Maps score explanations and overrides to JSON records (MapStruct generates the record-to-record parts). */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA)
public interface ScoreMapper {

    FactorContributionDto toDto(FactorContribution contribution);

    FiredRuleDto toDto(FiredRule rule);

    @Mapping(target = "baseScore", expression = "java(explanation.baseScore().setScale(2, java.math.RoundingMode.HALF_UP))")
    ExplanationDto toDto(ScoreExplanation explanation);

    @Mapping(target = "target", source = "target.kind")
    @Mapping(target = "score", source = "target.score.value")
    OverrideDto toDto(PriorityOverride override);

    default BigDecimal value(PriorityScore score) {
        return score == null ? null : score.value();
    }

    default String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    default ScoreResponse toScore(WorkItemDetails details) {
        WorkItem item = details.item();
        PriorityOverride override = item.priorityOverride();
        return new ScoreResponse(item.id().toString(), item.priorityScore().value(),
                details.explanation() == null ? null : toDto(details.explanation()),
                item.slaBoost() == null ? java.math.BigDecimal.ZERO : item.slaBoost(),
                override == null ? null : toDto(override),
                override != null && override.appliesAt(Clock.systemUTC().instant()));
    }
}
