package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.domain.workitem.AttributeClassification;
import health.ordo.application.port.in.phi.PhiViewerQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PHI minimization on answers: a caller who is only a WORKER sees PHI attributes (see {@link AttributeClassification})
 * only on items assigned to them or unassigned in their queues; elsewhere their values read
 * {@value AttributeClassification#MASK}, and so do those values wherever they occur in the title, external id or status
 * reason. Supervisors, tenant
 * admins and integrations see them.
 */
final class PhiMask {

    private PhiMask() {
    }

    static WorkItemResponse forViewer(WorkItemResponse r, PhiViewerQuery.Viewer viewer) {
        if (viewer.sees(r.assignee(), r.queue()) || !AttributeClassification.hasPhi(r.attributes().keySet())) {
            return r;
        }
        WorkItemDtos.SourceDto source = new WorkItemDtos.SourceDto(r.source().system(),
                AttributeClassification.scrubbed(r.source().externalId(), r.attributes()));
        return new WorkItemResponse(r.id(), r.type(), r.status(), r.fhirTaskStatus(), source,
                AttributeClassification.scrubbed(r.title(), r.attributes()), r.amount(), r.dueAt(),
                r.hardDeadlineAt(), AttributeClassification.masked(r.attributes()), r.queue(), r.assignee(), r.priorityScore(),
                AttributeClassification.scrubbed(r.statusReason(), r.attributes()), r.resolutionCode(), r.createdAt(), r.updatedAt(), r.sla(), r.scoreExplanation(), r.priorityOverride(),
                r.history());
    }
}
