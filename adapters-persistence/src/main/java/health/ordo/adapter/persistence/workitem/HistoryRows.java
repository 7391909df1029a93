package health.ordo.adapter.persistence.workitem;

import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItemStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** An item's history as stored in {@code work_item_history}: the query (tenant and item id as parameters) and its rows. */
public final class HistoryRows {

    /** The item's history in the order it happened; parameters: tenant id, item id. */
    public static final String SELECT = """
            select at, action, from_status, to_status, actor, note from work_item_history
            where tenant_id = ? and work_item_id = ? order by seq""";

    private HistoryRows() {
    }

    public static HistoryEntry map(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        return new HistoryEntry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("action"),
                from == null ? null : WorkItemStatus.valueOf(from), WorkItemStatus.valueOf(rs.getString("to_status")),
                Actor.user(rs.getString("actor")), rs.getString("note"));
    }
}
