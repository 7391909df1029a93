package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemSearch;
import health.ordo.application.port.in.workitem.WorkItemSearch.Condition;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.workitem.SearchWorkItemsPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

import static health.ordo.adapter.persistence.workitem.WorkItemRows.DEADLINE_KEY;

/**
 * A {@link WorkItemSearch} as one SQL statement: each condition a bound predicate (never a value spliced into the text),
 * keyset paging in the search's order, so that page 1,000 costs what page 1 does.
 */
@Singleton
class JdbcWorkItemSearch implements SearchWorkItemsPort, FindWorkItemsPort {

    private final WorkItemRows rows;
    private final JdbcOperations jdbc;

    JdbcWorkItemSearch(WorkItemRows rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** The backlog page of a simple filter, in backlog order (score, deadline, id). */
    @Override
    public List<WorkItem> find(TenantId tenant, WorkItemFilter filter, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder("where tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.type() != null) {
            sql.append(" and type = ?");
            params.add(filter.type().name());
        }
        if (filter.queue() != null) {
            sql.append(" and queue = ?");
            params.add(filter.queue());
        }
        if (filter.assignee() != null) {
            sql.append(" and assignee = ?");
            params.add(filter.assignee());
        }
        if (filter.slaState() != null) {
            sql.append(" and sla_state = ? and status not in ('COMPLETED', 'CANCELLED')");
            params.add(filter.slaState());
        }
        if (after != null) {
            afterInBacklog(after, sql, params);
        }
        sql.append(" order by priority_score desc, ").append(DEADLINE_KEY).append(", id limit ?");
        params.add(limit);
        return rows.selectWhere(sql.toString(), params);
    }

    @Override
    public List<WorkItem> search(TenantId tenant, WorkItemSearch search, WorkItemSearch.Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = where(tenant, search, params);
        WorkItemSearch.Order order = search.order();
        if (!order.byTime()) {
            if (after != null) {
                afterInBacklog(after.backlog(), sql, params);
            }
            sql.append(" order by priority_score desc, ").append(DEADLINE_KEY).append(", id");
        } else {
            String column = column(order.field());
            if (after != null) {
                sql.append(" and (").append(column).append(order.descending() ? " < ?" : " > ?")
                        .append(" or (").append(column).append(" = ? and id > ?))");
                params.add(utc(after.at()));
                params.add(utc(after.at()));
                params.add(after.id());
            }
            sql.append(" order by ").append(column).append(order.descending() ? " desc" : "").append(", id");
        }
        sql.append(" limit ?");
        params.add(limit);
        return rows.selectWhere(sql.toString(), params);
    }

    /** Keyset: rows strictly after the cursor in (score desc, binding deadline asc with none last, id asc) order. */
    static void afterInBacklog(PageCursor after, StringBuilder sql, List<Object> params) {
        params.add(after.score());
        params.add(after.score());
        if (after.deadline() == null) {
            sql.append(" and (priority_score < ? or (priority_score = ? and deadline_at is null and id > ?))");
        } else {
            sql.append(" and (priority_score < ? or (priority_score = ? and (").append(DEADLINE_KEY)
                    .append(" > ? or (").append(DEADLINE_KEY).append(" = ? and id > ?))))");
            params.add(utc(after.deadline()));
            params.add(utc(after.deadline()));
        }
        params.add(after.id());
    }

    @Override
    public long count(TenantId tenant, WorkItemSearch search) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from work_item " + where(tenant, search, params);
        return Sql.prepare(jdbc, sql, statement -> {
            Sql.bind(statement, params.toArray());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static StringBuilder where(TenantId tenant, WorkItemSearch search, List<Object> params) {
        StringBuilder sql = new StringBuilder("where tenant_id = ?");
        params.add(tenant.value());
        for (Condition condition : search.conditions()) {
            sql.append(" and ");
            predicate(condition, sql, params);
        }
        return sql;
    }

    private static void predicate(Condition condition, StringBuilder sql, List<Object> params) {
        if (condition instanceof WorkItemSearch.AnyOf c) {
            StringJoiner any = new StringJoiner(" or ", "(", ")").setEmptyValue("false");
            for (Condition one : c.any()) {
                StringBuilder part = new StringBuilder();
                predicate(one, part, params);
                any.add(part);
            }
            sql.append(any);
        } else if (condition instanceof WorkItemSearch.IdIn c) {
            in("id", c.ids(), sql, params);
        } else if (condition instanceof WorkItemSearch.StatusIn c) {
            in("status", c.statuses().stream().map(Enum::name).toList(), sql, params);
        } else if (condition instanceof WorkItemSearch.TypeIn c) {
            in("type", c.types().stream().map(Enum::name).toList(), sql, params);
        } else if (condition instanceof WorkItemSearch.SlaStateIn c) {
            in("sla_state", c.states(), sql, params);
        } else if (condition instanceof WorkItemSearch.AssigneeIn c) {
            in("assignee", c.logins(), sql, params);
        } else if (condition instanceof WorkItemSearch.SourceSystemIn c) {
            in("source_system", c.systems(), sql, params);
        } else if (condition instanceof WorkItemSearch.SourceIn c) {
            StringJoiner any = new StringJoiner(" or ", "(", ")").setEmptyValue("false");
            for (WorkItemSearch.SourceKey key : c.sources()) {
                if (key.system() == null) {
                    any.add("external_id = ?");
                } else {
                    any.add("(source_system = ? and external_id = ?)");
                    params.add(key.system());
                }
                params.add(key.externalId());
            }
            sql.append(any);
        } else if (condition instanceof WorkItemSearch.TimeIn c) {
            String column = column(c.field());
            StringJoiner both = new StringJoiner(" and ", "(", ")").add(column + " is not null");
            if (c.from() != null) {
                both.add(column + " >= ?");
                params.add(utc(c.from()));
            }
            if (c.until() != null) {
                both.add(column + " < ?");
                params.add(utc(c.until()));
            }
            sql.append(both);
        } else if (condition instanceof WorkItemSearch.ScoreIn c) {
            StringJoiner any = new StringJoiner(" or ", "(", ")").setEmptyValue("false");
            for (WorkItemSearch.Band band : c.bands()) {
                StringJoiner both = new StringJoiner(" and ", "(", ")").setEmptyValue("true");
                if (band.from() != null) {
                    both.add("priority_score >= ?");
                    params.add(band.from());
                }
                if (band.until() != null) {
                    both.add("priority_score < ?");
                    params.add(band.until());
                }
                any.add(both.toString());
            }
            sql.append(any);
        } else {
            throw new IllegalArgumentException("unknown condition " + condition);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void in(String column, Collection<?> values, StringBuilder sql, List<Object> params) {
        if (values.isEmpty()) {
            sql.append("false");
            return;
        }
        StringJoiner marks = new StringJoiner(", ", column + " in (", ")");
        for (Object value : values) {
            marks.add("?");
            params.add(value);
        }
        sql.append(marks);
    }

    private static String column(WorkItemSearch.TimeField field) {
        return switch (field) {
            case UPDATED -> "updated_at";
            case CREATED -> "created_at";
            case STARTED -> "claimed_at";
        };
    }
}
