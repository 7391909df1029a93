package health.ordo.adapter.persistence;

import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads an item's SLA clock inputs behind another statement, in the same round trip (the SLA repository answers it):
 * the work item repository locks an item for a change that moves its clock and has the inputs read right after the lock.
 */
public interface ClockInputsReads {

    /** Reads what the lead statement answered. */
    @FunctionalInterface
    interface LeadReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What the lead statement answered, and the clock inputs read after it. */
    record Read<T>(T lead, SlaTimerPort.ClockInputs inputs) {
    }

    /** Runs {@code leadSql} (one statement, one result set) then the clock-input queries of the item, in one round trip. */
    <T> Read<T> behind(String leadSql, List<Object> leadParams, LeadReader<T> lead, TenantId tenant, WorkItemId id);
}
