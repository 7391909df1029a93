package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.domain.workitem.AttributeClassification;
import io.micronaut.security.authentication.Authentication;

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

    static boolean masks(Authentication authentication) {
        return authentication.getRoles().contains("WORKER") && authentication.getRoles().stream()
                .noneMatch(r -> r.equals("SUPERVISOR") || r.equals("TENANT_ADMIN") || r.equals("INTEGRATION"));
    }

    static WorkItemResponse forViewer(WorkItemResponse r, Authentication authentication) {
        if (!masks(authentication) || authentication.getName().equals(r.assignee())
                || r.attributes().keySet().stream().noneMatch(k -> AttributeClassification.classify(k) == AttributeClassification.Kind.PHI)) {
            return r;
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        r.attributes().forEach((k, v) -> masked.put(k, AttributeClassification.classify(k) == AttributeClassification.Kind.PHI
                ? AttributeClassification.MASK : v));
        return new WorkItemResponse(r.id(), r.type(), r.status(), r.fhirTaskStatus(), r.source(), r.title(), r.amount(), r.dueAt(),
                r.hardDeadlineAt(), masked, r.queue(), r.assignee(), r.priorityScore(), r.statusReason(), r.resolutionCode(),
                r.createdAt(), r.updatedAt(), r.sla(), r.scoreExplanation(), r.priorityOverride(), r.history());
    }
}
