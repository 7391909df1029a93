package health.ordo.domain.event;

import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.domain.workitem.WorkItemType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsOutTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final TenantId TENANT = TenantId.of("demo");

    @Test
    void theRetrySchedule_spansMoreThanADay_thenDeadLetters_withBoundedJitter() {
        RetrySchedule schedule = RetrySchedule.STANDARD;
        Random random = new Random(7);

        assertThat(schedule.span()).isGreaterThan(Duration.ofHours(24));
        assertThat(schedule.after(1, random)).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5500)));
        assertThat(schedule.after(schedule.attempts() - 1, random)).isPresent();
        assertThat(schedule.after(schedule.attempts(), random)).as("the last attempt failed: dead-lettered").isEmpty();
    }

    @Test
    void everyEventTheDomainRecords_isInTheCatalogue() {
        for (LifecycleAction action : LifecycleAction.values()) {
            assertThat(EventCatalogue.find(action.eventType())).as(action.eventType()).isPresent();
        }
        for (SlaStage stage : SlaStage.values()) {
            assertThat(EventCatalogue.find(stage.eventType())).as(stage.eventType()).isPresent();
        }
        WorkItem item = WorkItem.create(TENANT, aClaimDenial().build(), Actor.SYSTEM, T0);
        item.claim(Actor.user("kim@demo"), T0.plusSeconds(60), false);
        item.start(Actor.user("kim@demo"), T0.plusSeconds(61));
        for (WorkItemEvent event : item.pullChanges().events()) {
            assertThat(EventCatalogue.find(event.eventType())).as(event.eventType()).isPresent();
        }
    }

    @Test
    void publishedData_leavesOutFreeTextUnlessPhiIsAllowed_andUndeclaredFieldsOfClosedTypes() {
        EventType completed = EventCatalogue.find("WorkItemCompleted").orElseThrow();
        Map<String, Object> data = Map.of("action", "complete", "from", "IN_PROGRESS", "to", "COMPLETED", "note", "patient called", "x", "y");

        assertThat(completed.publishable(data, false)).containsOnlyKeys("action", "from", "to");
        assertThat(completed.publishable(data, true)).containsOnlyKeys("action", "from", "to", "note");
        assertThat(EventCatalogue.typeOf("PartnerThingHappened").publishable(Map.of("a", "b"), false)).containsEntry("a", "b");
        PublishedEvent event = new PublishedEvent(UUID.randomUUID(), TENANT, "WorkItemCompleted", "WorkItem", UUID.randomUUID().toString(),
                T0, "kim@demo", 42, data);
        assertThat(event.envelope(false)).containsEntry("specversion", "1.0").containsEntry("source", "/ordo/tenants/demo")
                .containsEntry("ordoposition", 42L).containsEntry("dataschema", "urn:ordo:event-type:WorkItemCompleted:1");
    }

    @Test
    void aDenialEntering_isClassified_andAHoldCompleted_isReleased() {
        WorkItem denial = WorkItem.create(TENANT, aClaimDenial().withAttributes(Map.of("denialCategory", "CODING", "carc", "16",
                "payerId", "60054", "patientName", "Jane Doe")).build(), Actor.SYSTEM, T0);
        List<WorkItemEvent> created = BusinessEvents.withBusinessEvents(denial, denial.pullChanges().events());

        assertThat(created).extracting(WorkItemEvent::eventType).contains("WorkItemCreated", "DenialClassified");
        WorkItemEvent classified = created.stream().filter(e -> e.eventType().equals("DenialClassified")).findFirst().orElseThrow();
        assertThat(classified.details()).containsEntry("category", "CODING").containsEntry("carc", "16").containsEntry("payerId", "60054")
                .doesNotContainKey("patientName");

        WorkItem hold = WorkItem.create(TENANT, aClaimDenial().withType(WorkItemType.INVOICE_HOLD).build(), Actor.SYSTEM, T0);
        hold.pullChanges();
        Actor kim = Actor.user("kim@demo");
        hold.claim(kim, T0, false);
        hold.start(kim, T0);
        hold.complete("RELEASED", kim, T0);
        assertThat(BusinessEvents.withBusinessEvents(hold, hold.pullChanges().events())).extracting(WorkItemEvent::eventType)
                .containsSubsequence("WorkItemCompleted", "InvoiceHoldReleased");
    }

    @Test
    void aSubscription_refusesUnknownTypesNamingTheEntry_andARotationKeepsThePreviousSecretForTheOverlap() {
        assertThatThrownBy(() -> WebhookSubscription.create(TENANT, "https://erp.example.org/hooks", List.of("WorkItemCreated", "Nope"),
                null, false, "ada@demo", T0)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getMessage()).contains("Nope"));
        assertThatThrownBy(() -> WebhookSubscription.create(TENANT, "ftp://erp.example.org/", List.of(), null, false, "ada@demo", T0))
                .isInstanceOf(InvalidValueException.class);
        WebhookSubscription s = WebhookSubscription.create(TENANT, "https://erp.example.org/hooks", List.of(), null, false, "ada@demo", T0);
        String first = s.current().value();

        WebhookSubscription rotated = s.rotate(T0.plusSeconds(10), Duration.ofHours(2));

        assertThat(rotated.current().value()).isNotEqualTo(first).startsWith(WebhookSecrets.PREFIX);
        assertThat(rotated.signingSecrets(T0.plusSeconds(20))).containsExactly(rotated.current().value(), first);
        assertThat(rotated.signingSecrets(T0.plusSeconds(10).plus(Duration.ofHours(2)))).containsExactly(rotated.current().value());
        assertThat(rotated.rotate(T0.plusSeconds(30), Duration.ofHours(2)).secrets()).hasSize(2).noneMatch(x -> x.value().equals(first));
        assertThat(s.accepts("SlaBreached")).isTrue();
        assertThat(s.change(null, null, null, false, null).disabledReason()).contains("administrator");
    }
}
