package health.ordo.adapter.fhir;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.domain.workitem.AttributeClassification;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A work item as a FHIR R4 {@code Task}: status from the lifecycle, {@code priority} from the score (stat ≥ 90, asap ≥ 75,
 * urgent ≥ 50, else routine), {@code businessStatus} from the SLA clock, {@code focus} the source record (the
 * ClaimResponse when the item came from FHIR), {@code for} the patient when known, {@code owner} the assignee,
 * {@code restriction.period.end} the binding deadline, money and attributes as inputs, the resolution as output.
 */
final class TaskMapper {

    static final String ORDO = "https://ordo.health/fhir";
    static final String WORK_ITEM_SYSTEM = ORDO + "/sid/work-item";
    static final String TYPE_SYSTEM = ORDO + "/CodeSystem/work-item-type";
    static final String SLA_SYSTEM = ORDO + "/CodeSystem/sla-state";
    static final String INPUT_SYSTEM = ORDO + "/CodeSystem/task-input";
    static final String USER_SYSTEM = ORDO + "/sid/user";
    static final String SOURCE_SYSTEM_SYSTEM = ORDO + "/sid/source-system";
    static final String PROFILE = ORDO + "/StructureDefinition/ordo-task";
    /** The source system of items from FHIR ClaimResponses (the claims adapter's). */
    static final String FHIR_CLAIM_RESPONSES = "fhir-claimresponse";

    private TaskMapper() {
    }

    static Task.TaskPriority priority(BigDecimal score) {
        if (score == null) {
            return Task.TaskPriority.ROUTINE;
        }
        int value = score.intValue();
        return value >= 90 ? Task.TaskPriority.STAT : value >= 75 ? Task.TaskPriority.ASAP
                : value >= 50 ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE;
    }

    static Task toTask(WorkItem item) {
        return toTask(item, PhiViewerQuery.Viewer.UNRESTRICTED);
    }

    /** The item as a Task; for a viewer who may not see its PHI, the patient ({@code for}) and PHI inputs are masked. */
    static Task toTask(WorkItem item, PhiViewerQuery.Viewer viewer) {
        boolean masked = !viewer.sees(item.assignee(), item.queue());
        WorkItemContent content = item.content();
        Map<String, Object> values = content.attributes().values();
        String title = masked ? AttributeClassification.scrubbed(content.title(), values) : content.title();
        String externalId = masked ? AttributeClassification.scrubbed(content.source().externalId(), values) : content.source().externalId();
        Task task = new Task();
        task.setId(item.id().toString());
        task.getMeta().setVersionId(Long.toString(item.version())).setLastUpdated(date(item.updatedAt())).addProfile(PROFILE);
        task.addIdentifier(new Identifier().setSystem(WORK_ITEM_SYSTEM).setValue(item.id().toString()));
        task.addIdentifier(new Identifier().setSystem(ORDO + "/sid/source/" + content.source().system()).setValue(externalId));
        task.setStatus(Task.TaskStatus.fromCode(item.status().fhirTaskStatus()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(priority(item.priorityScore() == null ? null : item.priorityScore().value()));
        task.setCode(new CodeableConcept(new Coding(TYPE_SYSTEM, content.type().name(), null)));
        task.setDescription(title);
        if (item.sla() != null && item.sla().state() != null) {
            task.setBusinessStatus(new CodeableConcept(new Coding(SLA_SYSTEM, item.sla().state(), null))
                    .setText("SLA " + item.sla().state() + ", queue " + item.queue()));
        } else {
            task.setBusinessStatus(new CodeableConcept().setText("queue " + item.queue()));
        }
        if (item.statusReason() != null) {
            task.setStatusReason(new CodeableConcept().setText(masked ? AttributeClassification.scrubbed(item.statusReason(), values)
                    : item.statusReason()));
        }
        Map<String, Object> attributes = masked ? AttributeClassification.masked(content.attributes().values()) : content.attributes().values();
        Object claimResponse = attributes.get("claimResponse");
        Reference focus = claimResponse != null && content.source().system().equals(FHIR_CLAIM_RESPONSES)
                ? new Reference(claimResponse.toString())
                : new Reference().setIdentifier(new Identifier().setSystem(ORDO + "/sid/source/" + content.source().system())
                .setValue(externalId));
        task.setFocus(focus.setDisplay(title));
        if (masked && AttributeClassification.hasPhi(content.attributes().values().keySet())) {
            task.setFor(new Reference().setDisplay(AttributeClassification.MASK));
        } else if (attributes.get("patientReference") != null) {
            task.setFor(new Reference(attributes.get("patientReference").toString()));
        } else if (attributes.get("patientControlNumber") != null) {
            task.setFor(new Reference().setIdentifier(new Identifier().setSystem(ORDO + "/sid/patient-control-number")
                    .setValue(attributes.get("patientControlNumber").toString())));
        }
        if (item.assignee() != null) {
            task.setOwner(new Reference().setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(item.assignee()))
                    .setDisplay(item.assignee()));
        }
        task.setRequester(new Reference().setIdentifier(new Identifier().setSystem(SOURCE_SYSTEM_SYSTEM)
                .setValue(content.source().system())).setDisplay(content.source().system()));
        task.setAuthoredOn(date(item.createdAt()));
        task.setLastModified(date(item.updatedAt()));
        Instant deadline = deadline(item);
        if (deadline != null) {
            // The deadline alone: a start (such as the creation time) would come after the end for items created overdue.
            task.getRestriction().setPeriod(new Period().setEnd(date(deadline)));
        }
        boolean finished = item.status() == WorkItemStatus.COMPLETED || item.status() == WorkItemStatus.CANCELLED;
        if (item.claimedAt() != null || finished) {
            Period execution = new Period().setStart(date(item.claimedAt()));
            if (finished) {
                execution.setEnd(date(item.updatedAt()));
                if (item.claimedAt() != null && item.claimedAt().isAfter(item.updatedAt())) {
                    execution.setStart(null);
                }
            }
            task.setExecutionPeriod(execution);
        }
        if (content.moneyAtStake() != null) {
            Money money = new Money();
            money.setValue(content.moneyAtStake().value()).setCurrency(content.moneyAtStake().currency());
            task.addInput().setType(input("moneyAtStake")).setValue(money);
        }
        attributes.forEach((name, value) -> task.addInput().setType(input(name)).setValue(
                value instanceof BigDecimal number ? new DecimalType(number)
                        : value instanceof Boolean flag ? new BooleanType(flag) : new StringType(String.valueOf(value))));
        if (item.resolutionCode() != null) {
            task.addOutput().setType(new CodeableConcept(new Coding(INPUT_SYSTEM, "resolution", null)))
                    .setValue(new StringType(item.resolutionCode()));
        }
        task.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString(narrative(task, title, item, deadline));
        return task;
    }

    /** A human-readable summary of the Task, for any FHIR viewer: what it is, its state, its priority, its deadline. */
    private static String narrative(Task task, String title, WorkItem item, Instant deadline) {
        StringBuilder html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>")
                .append(escape(title)).append("</b></p><table><tbody>");
        row(html, "Type", item.content().type().name());
        row(html, "Status", task.getStatus().toCode() + (item.assignee() == null ? "" : ", owner " + item.assignee()));
        row(html, "Priority", task.getPriority().toCode() + (item.priorityScore() == null ? ""
                : " (score " + item.priorityScore().value().toPlainString() + ")"));
        row(html, "Queue", item.queue());
        if (deadline != null) {
            row(html, "Deadline", deadline.toString());
        }
        return html.append("</tbody></table></div>").toString();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The binding deadline: the earlier of the hard external deadline and the SLA deadline. */
    private static Instant deadline(WorkItem item) {
        Instant hard = item.content().hardDeadlineAt();
        Instant sla = item.sla() == null ? null : item.sla().deadlineAt();
        if (hard == null) {
            return sla;
        }
        return sla == null || hard.isBefore(sla) ? hard : sla;
    }

    private static CodeableConcept input(String name) {
        return new CodeableConcept(new Coding(INPUT_SYSTEM, name, null)).setText(name);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
