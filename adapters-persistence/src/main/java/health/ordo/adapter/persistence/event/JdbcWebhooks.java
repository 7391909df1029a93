package health.ordo.adapter.persistence.event;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.secret.SecretBox;
import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase.ReplayRange;
import health.ordo.application.port.out.event.WebhookPort;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code webhook_subscription}, {@code webhook_delivery}, {@code webhook_attempt}. Signing secrets are sealed with the
 * secrets key (owner {@code webhook/<tenant>/<id>}), one per line as {@code secret|created|notAfter}.
 */
@Singleton
class JdbcWebhooks implements WebhookPort {

    private static final String SUBSCRIPTION = "select * from webhook_subscription where deleted_at is null";

    private final JdbcOperations jdbc;
    private final SecretBox box;
    private final JdbcEventStore events;

    JdbcWebhooks(JdbcOperations jdbc, SecretBox box, JdbcEventStore events) {
        this.jdbc = jdbc;
        this.box = box;
        this.events = events;
    }

    static String owner(TenantId tenant, UUID id) {
        return "webhook/" + tenant.value() + "/" + id;
    }

    @Override
    public void insert(WebhookSubscription s) {
        Sql.update(jdbc, """
                insert into webhook_subscription (tenant_id, id, url, event_types, description, enabled, phi_allowed, sealed_secrets,
                                                  created_by, created_at, failing_since, disabled_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.tenant().value(), s.id(), s.url(), s.eventTypes().stream().sorted().toArray(String[]::new),
                s.description(), s.enabled(), s.phiAllowed(), seal(s), s.createdBy(), s.createdAt(), s.failingSince(), s.disabledReason());
    }

    @Override
    public Optional<WebhookSubscription> lock(TenantId tenant, UUID id) {
        return Sql.query(jdbc, SUBSCRIPTION + " and tenant_id = ? and id = ? for update", this::subscription, tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public Optional<WebhookSubscription> find(TenantId tenant, UUID id) {
        return Sql.query(jdbc, SUBSCRIPTION + " and tenant_id = ? and id = ?", this::subscription, tenant.value(), id).stream().findFirst();
    }

    @Override
    public List<WebhookSubscription> list(TenantId tenant) {
        return Sql.query(jdbc, SUBSCRIPTION + " and tenant_id = ? order by created_at, id", this::subscription, tenant.value());
    }

    @Override
    public void update(WebhookSubscription s) {
        Sql.update(jdbc, """
                update webhook_subscription set url = ?, event_types = ?, description = ?, enabled = ?, phi_allowed = ?, sealed_secrets = ?,
                       failing_since = ?, disabled_reason = ?
                where tenant_id = ? and id = ?""", s.url(), s.eventTypes().stream().sorted().toArray(String[]::new), s.description(),
                s.enabled(), s.phiAllowed(), seal(s), s.failingSince(), s.disabledReason(), s.tenant().value(), s.id());
    }

    @Override
    public void delete(TenantId tenant, UUID id, Instant at) {
        Sql.update(jdbc, "update webhook_subscription set deleted_at = ?, enabled = false where tenant_id = ? and id = ?", at, tenant.value(), id);
    }

    @Override
    public List<TenantId> tenantsWithDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
                + " and (leased_until is null or leased_until <= ?) group by tenant_id order by min(next_attempt_at)",
                rs -> TenantId.of(rs.getString(1)), now, now);
    }

    @Override
    public List<Due> leaseDue(TenantId tenant, Instant now, Duration lease, int limit) {
        return Sql.query(jdbc, """
                with due as (
                    select d.tenant_id, d.id from webhook_delivery d
                    where d.tenant_id = ? and d.status = 'PENDING' and d.next_attempt_at <= ?
                      and (d.leased_until is null or d.leased_until <= ?)
                      and exists (select 1 from webhook_subscription s where s.tenant_id = d.tenant_id and s.id = d.subscription_id
                                  and s.enabled and s.deleted_at is null)
                      and not exists (select 1 from webhook_delivery e where e.tenant_id = d.tenant_id
                                      and e.subscription_id = d.subscription_id and e.subject = d.subject
                                      and e.status = 'PENDING' and (e.position, e.id) < (d.position, d.id))
                    order by d.next_attempt_at, d.id limit ? for update of d skip locked),
                leased as (
                    update webhook_delivery d set leased_until = ? from due where d.tenant_id = due.tenant_id and d.id = due.id
                    returning d.tenant_id, d.id, d.subscription_id, d.event_id, d.attempts)
                select l.id as delivery_id, l.attempts as delivery_attempts, s.*, %s
                from leased l
                join webhook_subscription s on s.tenant_id = l.tenant_id and s.id = l.subscription_id
                join outbox_event o on o.tenant_id = l.tenant_id and o.event_id = l.event_id""".formatted(JdbcEventStore.COLUMNS.replace("o.tenant_id, ", "")),
                rs -> new Due(rs.getLong("delivery_id"), subscription(rs), rs.getInt("delivery_attempts"), events.event(rs)),
                tenant.value(), now, now, limit, now.plus(lease));
    }

    @Override
    public void recordAttempt(TenantId tenant, long delivery, WebhookDelivery.Attempt a) {
        Sql.update(jdbc, """
                insert into webhook_attempt (tenant_id, delivery_id, attempt, attempted_at, status_code, latency_ms, error)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", tenant.value(), delivery, a.attempt(), a.at(), a.statusCode(),
                a.latencyMillis(), a.error());
    }

    @Override
    public void markDelivered(TenantId tenant, long delivery, int attempts, int statusCode, Instant at) {
        Sql.update(jdbc, """
                update webhook_delivery set status = 'DELIVERED', attempts = ?, last_status = ?, last_error = null, delivered_at = ?,
                       leased_until = null
                where tenant_id = ? and id = ?""", attempts, statusCode, at, tenant.value(), delivery);
    }

    @Override
    public void markFailed(TenantId tenant, long delivery, int attempts, Integer statusCode, String error, Instant next) {
        Sql.update(jdbc, """
                update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
                       leased_until = null
                where tenant_id = ? and id = ?""", next == null ? "DEAD" : "PENDING", attempts, statusCode, error, next, tenant.value(), delivery);
    }

    @Override
    public void succeeded(TenantId tenant, UUID subscription) {
        Sql.update(jdbc, "update webhook_subscription set failing_since = null where tenant_id = ? and id = ? and failing_since is not null",
                tenant.value(), subscription);
    }

    @Override
    public Instant failing(TenantId tenant, UUID subscription, Instant at) {
        return Sql.query(jdbc, """
                update webhook_subscription set failing_since = coalesce(failing_since, ?) where tenant_id = ? and id = ?
                returning failing_since""", rs -> rs.getObject(1, OffsetDateTime.class).toInstant(), at, tenant.value(), subscription).get(0);
    }

    @Override
    public void disable(TenantId tenant, UUID subscription, String reason, Instant at) {
        int changed = Sql.update(jdbc, "update webhook_subscription set enabled = false, disabled_reason = ? where tenant_id = ? and id = ? and enabled",
                reason, tenant.value(), subscription);
        if (changed == 1) {
            Sql.update(jdbc, """
                    insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
                    select tenant_id, ?, 'WebhookSubscriptionDisabled', 'WebhookSubscription', id, ?, 'ordo-webhooks',
                           jsonb_build_object('url', url, 'reason', ?::text, 'owner', created_by)
                    from webhook_subscription where tenant_id = ? and id = ?""", UUID.randomUUID(), at, reason, tenant.value(), subscription);
        }
    }

    @Override
    public List<WebhookDelivery> deliveries(TenantId tenant, UUID subscription, WebhookDelivery.Status status, int limit) {
        List<WebhookDelivery> deliveries = Sql.query(jdbc, "select * from webhook_delivery where tenant_id = ? and subscription_id = ?"
                        + " and (?::text is null or status = ?) order by id desc limit ?",
                rs -> new WebhookDelivery(rs.getLong("id"), rs.getObject("subscription_id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("subject"), rs.getLong("position"), rs.getBoolean("replay"),
                        WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"),
                        List.of()), tenant.value(), subscription, status == null ? null : status.name(),
                status == null ? null : status.name(), limit);
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, List<WebhookDelivery.Attempt>> attempts = new HashMap<>();
        Sql.query(jdbc, "select * from webhook_attempt where tenant_id = ? and delivery_id = any (?) order by delivery_id, attempt", rs ->
                attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>()).add(new WebhookDelivery.Attempt(rs.getInt("attempt"),
                        instant(rs, "attempted_at"), (Integer) rs.getObject("status_code"), rs.getLong("latency_ms"), rs.getString("error"))),
                tenant.value(), deliveries.stream().map(WebhookDelivery::id).toArray(Long[]::new));
        return deliveries.stream().map(d -> d.withAttempts(attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    /** The range as a condition on {@code o} (outbox_event) with its parameters; the subscription's types too. */
    private static Object[] range(TenantId tenant, WebhookSubscription s, ReplayRange range, StringBuilder where) {
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        where.append("o.tenant_id = ? and o.position is not null");
        if (range.eventIds() != null) {
            where.append(" and o.event_id = any (?)");
            params.add(range.eventIds().toArray(UUID[]::new));
        } else if (range.from() != null) {
            where.append(" and o.occurred_at >= ? and o.occurred_at <= ?");
            params.addAll(Arrays.asList(range.from(), range.to()));
        } else {
            where.append(" and o.position between ? and ?");
            params.addAll(Arrays.asList(range.fromPosition(), range.toPosition()));
        }
        if (!s.eventTypes().isEmpty()) {
            where.append(" and o.event_type = any (?)");
            params.add(s.eventTypes().toArray(String[]::new));
        }
        return params.toArray();
    }

    @Override
    public int countReplayable(TenantId tenant, WebhookSubscription s, ReplayRange range) {
        StringBuilder where = new StringBuilder();
        Object[] params = range(tenant, s, range, where);
        return Sql.query(jdbc, "select count(*) from outbox_event o where " + where, rs -> rs.getInt(1), params).get(0);
    }

    @Override
    public int replay(TenantId tenant, WebhookSubscription s, ReplayRange range, Instant now) {
        StringBuilder where = new StringBuilder();
        Object[] params = range(tenant, s, range, where);
        List<Object> all = new ArrayList<>(List.of(s.id(), now, now));
        all.addAll(Arrays.asList(params));
        return Sql.update(jdbc, """
                insert into webhook_delivery (tenant_id, subscription_id, event_id, position, subject, event_type, replay, status,
                                              next_attempt_at, created_at)
                select o.tenant_id, ?, o.event_id, o.position, o.aggregate_id::text, o.event_type, true, 'PENDING', ?, ?
                from outbox_event o""" + " where " + where + " order by o.position", all.toArray());
    }

    private String seal(WebhookSubscription s) {
        StringBuilder lines = new StringBuilder();
        for (WebhookSubscription.Secret secret : s.secrets()) {
            lines.append(secret.value()).append('|').append(secret.createdAt()).append('|')
                    .append(secret.notAfter() == null ? "" : secret.notAfter().toString()).append('\n');
        }
        return box.seal(lines.toString(), owner(s.tenant(), s.id()));
    }

    private WebhookSubscription subscription(ResultSet rs) throws SQLException {
        TenantId tenant = TenantId.of(rs.getString("tenant_id"));
        UUID id = rs.getObject("id", UUID.class);
        List<WebhookSubscription.Secret> secrets = new ArrayList<>();
        for (String line : box.open(rs.getString("sealed_secrets"), owner(tenant, id)).split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split("\\|", -1);
                secrets.add(new WebhookSubscription.Secret(parts[0], Instant.parse(parts[1]), parts[2].isEmpty() ? null : Instant.parse(parts[2])));
            }
        }
        String[] types = (String[]) rs.getArray("event_types").getArray();
        return new WebhookSubscription(id, tenant, rs.getString("url"), new LinkedHashSet<>(Arrays.asList(types)), rs.getString("description"),
                rs.getBoolean("enabled"), rs.getBoolean("phi_allowed"), secrets, rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "failing_since"), rs.getString("disabled_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
