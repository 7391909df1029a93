package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.domain.workitem.AttributeClassification;
import health.ordo.application.port.in.phi.PhiViewerQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PHI minimization on answers: a caller who is only a WORKER sees PHI attributes (see {@link AttributeClassification})
 * only on items assigned to them; elsewhere their values read {@value AttributeClassification#MASK}. Supervisors, tenant
 * admins and integrations see them.
 */
final class PhiMask {

    private PhiMask() {
    }

    static WorkItemResponse forViewer(WorkItemResponse r, PhiViewerQuery.Viewer viewer) {
        if (viewer.sees(r.assignee(), r.queue()) || !AttributeClassification.hasPhi(r.attributes().keySet())) {
            return r;
        }
        return new WorkItemResponse(r.id(), r.type(), r.status(), r.fhirTaskStatus(), r.source(), r.title(), r.amount(), r.dueAt(),
                r.hardDeadlineAt(), AttributeClassification.masked(r.attributes()), r.queue(), r.assignee(), r.priorityScore(),
                r.statusReason(), r.resolutionCode(), r.createdAt(), r.updatedAt(), r.sla(), r.scoreExplanation(), r.priorityOverride(),
                r.history());
    }
}
