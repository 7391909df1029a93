package health.ordo.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A denial work item written as a FHIR Task and parsed back by HAPI. */
class TaskMapperTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private final FhirJson json = new FhirJson(FHIR);

    @Test
    void denialItem_roundTripsAsATask() {
        Instant deadline = Instant.parse("2027-02-18T23:59:59Z");
        WorkItemContent denial = new WorkItemContent(WorkItemType.CLAIM_DENIAL, new SourceReference("fhir-claimresponse", "87726:CR-7001"),
                "Claim CR-7001 denied (Acme Health Plan): 50 Not deemed a medical necessity",
                new health.ordo.domain.shared.Money(new BigDecimal("2450.00"), "USD"), deadline.minusSeconds(14L * 86_400), deadline,
                Attributes.of(Map.of("claimResponse", "ClaimResponse/CR-7001", "patientReference", "Patient/pat-4471",
                        "billedAmount", new BigDecimal("2450"), "denialCategory", "MEDICAL_NECESSITY")), null);
        WorkItem item = WorkItem.create(TenantId.of("acme"), denial, Actor.user("ada@acme"), Instant.parse("2026-11-24T09:00:00Z"));
        item.claim(Actor.user("wally@acme"), Instant.parse("2026-11-24T09:05:00Z"), false);

        Task parsed = FHIR.newJsonParser().parseResource(Task.class, json.encode(TaskMapper.toTask(item)));

        assertThat(parsed.getIdElement().getIdPart()).isEqualTo(item.id().toString());
        assertThat(parsed.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        assertThat(parsed.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(parsed.getPriority()).isEqualTo(Task.TaskPriority.ROUTINE);
        assertThat(parsed.getCode().getCodingFirstRep().getCode()).isEqualTo("CLAIM_DENIAL");
        assertThat(parsed.getFocus().getReference()).isEqualTo("ClaimResponse/CR-7001");
        assertThat(parsed.getFor().getReference()).isEqualTo("Patient/pat-4471");
        assertThat(parsed.getOwner().getIdentifier().getValue()).isEqualTo("wally@acme");
        assertThat(parsed.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(Instant.parse("2027-02-18T23:59:59Z"));
        assertThat(parsed.getInput()).anySatisfy(input -> {
            assertThat(input.getType().getText()).isEqualTo("moneyAtStake");
            assertThat(((Money) input.getValue()).getValue()).isEqualByComparingTo("2450.00");
        }).anySatisfy(input -> {
            assertThat(input.getType().getText()).isEqualTo("billedAmount");
            assertThat(((DecimalType) input.getValue()).getValue()).isEqualByComparingTo("2450");
        });
    }

    @Test
    void priority_followsTheScoreBands() {
        assertThat(TaskMapper.priority(new BigDecimal("95"))).isEqualTo(Task.TaskPriority.STAT);
        assertThat(TaskMapper.priority(new BigDecimal("75"))).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(TaskMapper.priority(new BigDecimal("50.5"))).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(TaskMapper.priority(new BigDecimal("49.99"))).isEqualTo(Task.TaskPriority.ROUTINE);
        assertThat(TaskMapper.priority(null)).isEqualTo(Task.TaskPriority.ROUTINE);
    }
}
