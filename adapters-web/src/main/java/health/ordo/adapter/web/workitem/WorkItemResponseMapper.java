package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.workitem.WorkItemDtos.AmountDto;
import health.ordo.adapter.web.workitem.WorkItemDtos.HistoryEntryDto;
import health.ordo.adapter.web.workitem.WorkItemDtos.SourceDto;
import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.adapter.web.priority.ScoreMapper;
import health.ordo.application.port.in.workitem.WorkItemDetails;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.SlaSummary;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import jakarta.inject.Inject;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Maps domain objects to the API's JSON records (MapStruct generates the record-to-record parts). */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA)
abstract class WorkItemResponseMapper {

    @Inject
    protected ScoreMapper scores;

    abstract SourceDto toDto(SourceReference source);

    abstract AmountDto toDto(Money money);

    abstract HistoryEntryDto toDto(HistoryEntry entry);

    abstract List<HistoryEntryDto> toDtos(List<HistoryEntry> history);

    String actorName(Actor actor) {
        return actor == null ? null : actor.name();
    }

    String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The item with its history and score explanation. */
    WorkItemResponse toResponse(WorkItemDetails details) {
        return toResponse(details.item(), details.history(), details.explanation());
    }

    /** The item alone, as in lists and action results. */
    WorkItemResponse toResponse(WorkItem item) {
        return toResponse(item, null, null);
    }

    private static WorkItemDtos.SlaSummaryDto sla(WorkItem item) {
        SlaSummary sla = item.sla();
        if (sla.state() == null) {
            return null;
        }
        Long remaining = sla.deadlineAt() == null ? null
                : java.time.Duration.between(java.time.Instant.now(), sla.deadlineAt()).toSeconds();
        return new WorkItemDtos.SlaSummaryDto(sla.state(), sla.deadlineAt() == null ? null : sla.deadlineAt().toString(), remaining);
    }

    private WorkItemResponse toResponse(WorkItem item, List<HistoryEntry> history, ScoreExplanation explanation) {
        WorkItemContent content = item.content();
        boolean details = history != null;
        return new WorkItemResponse(item.id().toString(), content.type().name(), item.status().name(),
                item.status().fhirTaskStatus(), toDto(content.source()), content.title(), toDto(content.moneyAtStake()),
                iso(content.dueAt()), iso(content.hardDeadlineAt()), content.attributes().values(), item.queue(),
                item.assignee(), item.priorityScore().value(), item.statusReason(), item.resolutionCode(),
                iso(item.createdAt()), iso(item.updatedAt()), sla(item),
                explanation == null ? null : scores.toDto(explanation),
                item.priorityOverride() == null ? null : scores.toDto(item.priorityOverride()),
                details ? toDtos(history) : null);
    }

}
