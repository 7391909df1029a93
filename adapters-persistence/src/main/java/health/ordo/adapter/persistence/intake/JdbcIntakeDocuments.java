package health.ordo.adapter.persistence.intake;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.intake.IntakeDocumentPort;
import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code intake_document} and {@code intake_document_content}. */
@Singleton
class JdbcIntakeDocuments implements IntakeDocumentPort {

    private static final String COLUMNS = """
            tenant_id, id, sha256, file_name, media_type, size_bytes, channel, received_by, received_at, status, text, text_source, pages,
            doc_type, confidence, probabilities, model, degraded, fields, summary, summary_by, work_item_id, review_item_id, review_reason, failure,
            reviewed_type, reviewed_by, reviewed_at, automatic, corrected, updated_at""";

    private final JdbcOperations jdbc;
    private final IntakeJson json;

    JdbcIntakeDocuments(JdbcOperations jdbc, IntakeJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<IntakeDocument> insertIfAbsent(IntakeDocument d, byte[] bytes) {
        int inserted = Sql.update(jdbc, """
                insert into intake_document (tenant_id, id, sha256, file_name, media_type, size_bytes, channel, received_by, received_at, status,
                                             updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, sha256) do nothing""", d.tenant().value(), d.id(), d.sha256(), d.fileName(), d.mediaType(), d.size(),
                d.channel(), d.receivedBy(), d.receivedAt(), d.status().name(), d.updatedAt());
        if (inserted == 0) {
            return Sql.query(jdbc, "select " + COLUMNS + " from intake_document where tenant_id = ? and sha256 = ?", this::document,
                    d.tenant().value(), d.sha256()).stream().findFirst();
        }
        Sql.update(jdbc, "insert into intake_document_content (tenant_id, document_id, bytes) values (?, ?, ?)", d.tenant().value(), d.id(), bytes);
        return Optional.empty();
    }

    @Override
    public Optional<IntakeDocument> find(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select " + COLUMNS + " from intake_document where tenant_id = ? and id = ?", this::document, tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public Optional<IntakeDocument> lock(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select " + COLUMNS + " from intake_document where tenant_id = ? and id = ? for update", this::document,
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public Optional<byte[]> content(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select bytes from intake_document_content where tenant_id = ? and document_id = ?", rs -> rs.getBytes(1),
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public void update(IntakeDocument d) {
        Classification c = d.classification();
        Sql.update(jdbc, """
                update intake_document set status = ?, text = ?, text_source = ?, pages = ?, doc_type = ?, confidence = ?, probabilities = ?::jsonb,
                       model = ?, degraded = ?, fields = ?::jsonb, summary = ?, summary_by = ?, work_item_id = ?, review_item_id = ?, review_reason = ?,
                       failure = ?, reviewed_type = ?, reviewed_by = ?, reviewed_at = ?, automatic = ?, corrected = ?, updated_at = ?,
                       classified_at = coalesce(classified_at, case when ?::text is not null then ?::timestamptz end)
                where tenant_id = ? and id = ?""", d.status().name(), d.text(), d.textSource() == null ? null : d.textSource().name(), d.pages(),
                c == null ? null : c.type().name(), c == null ? null : c.confidence(), c == null ? null : json.probabilities(c.probabilities()),
                c == null ? null : c.model(), c != null && c.degraded(), json.fields(d.fields()), d.summary(), d.summaryBy(), id(d.workItem()), id(d.reviewItem()),
                d.reviewReason(), d.failure(), d.reviewedType() == null ? null : d.reviewedType().name(), d.reviewedBy(), d.reviewedAt(), d.automatic(), d.corrected(), d.updatedAt(),
                c == null ? null : c.type().name(), d.updatedAt(), d.tenant().value(), d.id());
    }

    @Override
    public List<IntakeDocument> list(TenantId tenant, IntakeDocument.Status status, Instant before, int limit) {
        return Sql.query(jdbc, "select " + COLUMNS + " from intake_document where tenant_id = ? and (?::text is null or status = ?)"
                        + " and (?::timestamptz is null or received_at < ?) order by received_at desc, id limit ?", this::document,
                tenant.value(), status == null ? null : status.name(), status == null ? null : status.name(), before, before, limit);
    }

    @Override
    public List<UUID> degradedInReview(TenantId tenant, int limit) {
        return Sql.query(jdbc, "select id from intake_document where tenant_id = ? and status = 'IN_REVIEW' and degraded order by received_at limit ?",
                rs -> rs.getObject(1, UUID.class), tenant.value(), limit);
    }

    @Override
    public List<UUID> unfinished(TenantId tenant, Instant receivedBefore, int limit) {
        return Sql.query(jdbc, "select id from intake_document where tenant_id = ? and status in ('RECEIVED', 'FAILED') and received_at < ?"
                + " order by received_at limit ?", rs -> rs.getObject(1, UUID.class), tenant.value(), receivedBefore, limit);
    }

    private static UUID id(WorkItemId id) {
        return id == null ? null : id.value();
    }

    private IntakeDocument document(ResultSet rs) throws SQLException {
        String type = rs.getString("doc_type");
        Classification classification = null;
        if (type != null) {
            classification = new Classification(health.ordo.domain.intake.DocumentType.valueOf(type), rs.getDouble("confidence"),
                    json.probabilities(rs.getString("probabilities")), rs.getString("model"), rs.getBoolean("degraded"));
        }
        UUID work = rs.getObject("work_item_id", UUID.class);
        UUID review = rs.getObject("review_item_id", UUID.class);
        String source = rs.getString("text_source");
        return IntakeDocument.restore(rs.getObject("id", UUID.class), new TenantId(rs.getString("tenant_id")), rs.getString("sha256"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("channel"), rs.getString("received_by"),
                instant(rs, "received_at"), IntakeDocument.Status.valueOf(rs.getString("status")), rs.getString("text"),
                source == null ? null : IntakeDocument.TextSource.valueOf(source), rs.getInt("pages"), classification,
                json.fields(rs.getString("fields")), rs.getString("summary"), rs.getString("summary_by"), work == null ? null : new WorkItemId(work),
                review == null ? null : new WorkItemId(review), rs.getString("review_reason"), rs.getString("failure"),
                rs.getString("reviewed_type") == null ? null : health.ordo.domain.intake.DocumentType.valueOf(rs.getString("reviewed_type")),
                rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"), rs.getBoolean("automatic"), rs.getBoolean("corrected"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
