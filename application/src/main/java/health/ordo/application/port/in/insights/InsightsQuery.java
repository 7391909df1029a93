package health.ordo.application.port.in.insights;

import health.ordo.domain.shared.TenantId;

import java.time.LocalDate;

/**
 * Reads insights. A tenant administrator sees the whole tenant; a supervisor who is a worker of a team sees that team's
 * items only (a filter on the team no request can lift). No insight carries PHI: only counts, durations, money and the
 * dimensions' values.
 */
public interface InsightsQuery {

    /** Today in the tenant's zone: the day its insights and forecasts count up to, and the default end of a range. */
    LocalDate today(TenantId tenant);

    InsightTable insight(Viewer viewer, Insight insight, InsightRequest request);

    /** Who asks: their tenant, login, and whether they see the whole tenant. */
    record Viewer(TenantId tenant, String login, boolean tenantWide) {
    }
}
