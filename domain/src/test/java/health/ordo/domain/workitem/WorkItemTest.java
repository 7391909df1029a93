package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkItemTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Actor ALICE = Actor.user("alice@demo");
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private WorkItem newItem() {
        return WorkItem.create(TENANT, aClaimDenial().build(), Actor.SYSTEM, T0);
    }

    @Test
    void givenNewItem_create_isReadyInDefaultQueueWithCreationRecorded() {
        WorkItem item = newItem();

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.queue()).isEqualTo("denials");
        assertThat(item.assignee()).isNull();
        WorkItem.Changes changes = item.pullChanges();
        assertThat(changes.history()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("create");
            assertThat(entry.toStatus()).isEqualTo(WorkItemStatus.READY);
        });
        assertThat(changes.events()).singleElement().isInstanceOf(WorkItemEvent.WorkItemCreated.class);
        assertThat(item.pullChanges().events()).as("changes are handed over once").isEmpty();
    }

    @Test
    void givenReadyItem_fullLifecycle_reachesCompletedWithHistoryAndEvents() {
        WorkItem item = newItem();
        item.pullChanges();

        item.claim(ALICE, T0.plusSeconds(60), false);
        item.start(ALICE, T0.plusSeconds(120));
        item.hold("waiting on payer call-back", ALICE, T0.plusSeconds(180));
        item.resume(ALICE, T0.plusSeconds(240));
        item.complete("APPEAL_SUBMITTED", ALICE, T0.plusSeconds(300));

        assertThat(item.status()).isEqualTo(WorkItemStatus.COMPLETED);
        assertThat(item.assignee()).isEqualTo("alice@demo");
        assertThat(item.resolutionCode()).isEqualTo("APPEAL_SUBMITTED");
        assertThat(item.updatedAt()).isEqualTo(T0.plusSeconds(300));
        WorkItem.Changes changes = item.pullChanges();
        assertThat(changes.history()).extracting(HistoryEntry::action)
                .containsExactly("claim", "start", "hold", "resume", "complete");
        assertThat(changes.history().get(2).note()).isEqualTo("waiting on payer call-back");
        assertThat(changes.events()).extracting(WorkItemEvent::eventType).containsExactly(
                "WorkItemClaimed", "WorkItemStarted", "WorkItemPutOnHold", "WorkItemResumed", "WorkItemCompleted");
    }

    @Test
    void givenClaimedItem_release_returnsItToReadyUnassigned() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);

        item.release(ALICE, T0.plusSeconds(5));

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.assignee()).isNull();
    }

    @Test
    void givenReadyItem_complete_isRefusedNamingTheRule() {
        WorkItem item = newItem();

        assertThatThrownBy(() -> item.complete("PAID", ALICE, T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.rule()).isEqualTo("COMPLETE_REQUIRES_IN_PROGRESS");
                    assertThat(e.currentStatus()).isEqualTo(WorkItemStatus.READY);
                });
        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
    }

    @Test
    void givenClaimedItem_secondClaim_isRefused() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);

        assertThatThrownBy(() -> item.claim(Actor.user("bob@demo"), T0, false))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CLAIMED", false);
        assertThat(item.assignee()).isEqualTo("alice@demo");
    }

    @Test
    void givenSomeoneElsesItem_aWorkerMayNotMoveIt_butASupervisorMay() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);

        assertThatThrownBy(() -> item.start(Actor.user("bob@demo"), T0.plusSeconds(5)))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.getMessage()).contains("assigned to someone else"));
        item.release(Actor.supervisor("sue@demo"), T0.plusSeconds(10));

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.claimedAt()).isNull();
    }

    @Test
    void givenHeldItem_resume_clearsTheReason_andCompletion_keepsItsCodeInCapitals() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);
        item.start(ALICE, T0);
        item.hold("  waiting on payer  ", ALICE, T0);
        assertThat(item.statusReason()).isEqualTo("waiting on payer");

        item.resume(ALICE, T0);
        item.complete(" appeal_submitted ", ALICE, T0);

        assertThat(item.statusReason()).isNull();
        assertThat(item.resolutionCode()).isEqualTo("APPEAL_SUBMITTED");
    }

    @Test
    void assignAndTransfer_areASupervisorsMoves_fromReadyOrClaimedOnly() {
        WorkItem item = newItem();
        Actor sue = Actor.supervisor("sue@demo");

        assertThatThrownBy(() -> item.assignTo("bob@demo", ALICE, T0))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.getMessage()).contains("only a supervisor may assign"));
        item.assignTo("bob@demo", sue, T0.plusSeconds(5));
        assertThat(item.status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(item.assignee()).isEqualTo("bob@demo");
        assertThat(item.claimedAt()).isEqualTo(T0.plusSeconds(5));

        item.transferTo("denials-appeals", sue, T0.plusSeconds(10));
        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.queue()).isEqualTo("denials-appeals");
        assertThat(item.assignee()).isNull();
        assertThat(item.claimedAt()).isNull();
        assertThat(item.pullChanges().history()).extracting(HistoryEntry::action, HistoryEntry::note).endsWith(
                org.assertj.core.groups.Tuple.tuple("assign", "to bob@demo"),
                org.assertj.core.groups.Tuple.tuple("transfer", "from denials to denials-appeals"));

        item.claim(ALICE, T0, false);
        item.start(ALICE, T0);
        assertThatThrownBy(() -> item.transferTo("denials", sue, T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.rule()).isEqualTo("TRANSFER_REQUIRES_READY_OR_CLAIMED"));
        assertThatThrownBy(() -> item.assignTo("bob@demo", sue, T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.rule()).isEqualTo("ASSIGN_REQUIRES_READY_OR_CLAIMED"));
        assertThat(item.assignee()).isEqualTo("alice@demo");
    }

    @Test
    void givenClaimNotStarted_theReservation_expiresAfterItsTimeoutOnly() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);

        assertThat(item.releaseIfReservationExpired(java.time.Duration.ofMinutes(15), T0.plusSeconds(899))).isFalse();
        assertThat(item.assignee()).isEqualTo("alice@demo");
        assertThat(item.releaseIfReservationExpired(java.time.Duration.ofMinutes(15), T0.plusSeconds(900))).isTrue();

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.assignee()).isNull();
        assertThat(item.claimedAt()).isNull();
    }

    @Test
    void anEscalationThatReassigns_claimsAReadyItemForTheNewAssignee() {
        WorkItem item = newItem();

        item.escalate("SlaWarning", "warning stage", null, null, "sue@demo", false, false, T0.plusSeconds(30));

        assertThat(item.status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(item.assignee()).isEqualTo("sue@demo");
        assertThat(item.claimedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(value = WorkItemStatus.class, names = {"COMPLETED", "CANCELLED"})
    void givenFinishedItem_everyAction_isRefused(WorkItemStatus finished) {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);
        item.start(ALICE, T0);
        if (finished == WorkItemStatus.COMPLETED) {
            item.complete("PAID", ALICE, T0);
        } else {
            item.cancel("duplicate of another item", ALICE, T0);
        }

        assertThatThrownBy(() -> item.claim(ALICE, T0, false)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> item.release(ALICE, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> item.cancel("again", ALICE, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(item.status()).isEqualTo(finished);
    }

    @Test
    void givenInProgressItem_holdWithoutReason_isRefusedNamingTheField() {
        WorkItem item = newItem();
        item.claim(ALICE, T0, false);
        item.start(ALICE, T0);

        assertThatThrownBy(() -> item.hold(" ", ALICE, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(item.status()).isEqualTo(WorkItemStatus.IN_PROGRESS);
    }

    @Test
    void everyStatus_mapsToAFhirTaskStatus() {
        assertThat(WorkItemStatus.CLAIMED.fhirTaskStatus()).isEqualTo("accepted");
        assertThat(WorkItemStatus.ON_HOLD.fhirTaskStatus()).isEqualTo("on-hold");
        assertThat(WorkItemStatus.values()).allSatisfy(s -> assertThat(s.fhirTaskStatus()).isNotBlank());
    }
}
