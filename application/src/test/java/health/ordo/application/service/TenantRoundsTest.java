package health.ordo.application.service;

import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Platform rounds claim tenant by tenant, each tenant in its own unit of work and with its fair share of the round. */
class TenantRoundsTest {

    private static final TenantId BIG = TenantId.of("big");
    private static final TenantId SMALL = TenantId.of("small");
    private static final TenantId IDLE = TenantId.of("idle");

    /** Claims what a tenant has due, up to the room it is given, and records the room. */
    private static final class Backlogs {
        final Map<TenantId, Integer> due = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        int claim(TenantId tenant, int room) {
            int taken = Math.min(room, due.getOrDefault(tenant, 0));
            due.merge(tenant, -taken, Integer::sum);
            calls.add(tenant + ":" + room);
            return taken;
        }
    }

    @Test
    void aTenantsBacklogWaitsForTheOthersShares_thenTakesTheRoomTheyLeft() {
        DirectTransactions transactions = new DirectTransactions();
        Backlogs backlogs = new Backlogs();
        backlogs.due.put(BIG, 10_000);
        backlogs.due.put(SMALL, 3);

        int taken = TenantRounds.tenantByTenant(transactions, () -> List.of(BIG, SMALL), 100, backlogs::claim);

        // equal shares first; the room the small tenant left goes to the big one, so the round comes back full
        assertThat(backlogs.calls).containsExactly("big:50", "small:50", "big:47");
        assertThat(taken).isEqualTo(100);
        assertThat(backlogs.due).containsEntry(SMALL, 0).containsEntry(BIG, 10_000 - 97);
        assertThat(transactions.transactions).as("one unit of work per claim").isEqualTo(3);
    }

    @Test
    void theRoundStopsAtItsLimit_andATenantWithNothingLeftTakesNoRoom() {
        DirectTransactions transactions = new DirectTransactions();
        Backlogs backlogs = new Backlogs();
        backlogs.due.put(BIG, 10);
        backlogs.due.put(SMALL, 10);

        // three tenants listed, limit 4: shares of 2; the idle one (its rows taken by another node) claims none
        int taken = TenantRounds.tenantByTenant(transactions, () -> List.of(IDLE, BIG, SMALL), 4, backlogs::claim);

        assertThat(taken).isEqualTo(4);
        assertThat(backlogs.calls).containsExactly("idle:2", "big:2", "small:2");
        assertThat(TenantRounds.tenantByTenant(transactions, List::of, 4, backlogs::claim)).isZero();
        assertThat(TenantRounds.tenantByTenant(transactions, () -> List.of(BIG), 0, backlogs::claim)).isZero();
    }
}
