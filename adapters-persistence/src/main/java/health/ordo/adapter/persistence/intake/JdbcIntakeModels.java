package health.ordo.adapter.persistence.intake;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.IntakeSettings;
import health.ordo.domain.intake.LabelledText;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code intake_model}, {@code intake_label}, {@code intake_settings}, and the monitoring counts over {@code intake_document}. */
@Singleton
class JdbcIntakeModels implements IntakeModelPort {

    private static final String MODEL = """
            select tenant_id, version, status, training_snapshot, training_documents, labels, evaluation, trained_by, trained_at, activated_by,
                   activated_at from intake_model""";

    private final JdbcOperations jdbc;
    private final IntakeJson json;

    JdbcIntakeModels(JdbcOperations jdbc, IntakeJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public IntakeSettings settings(TenantId tenant) {
        return Sql.query(jdbc, "select default_threshold, thresholds, model_enabled from intake_settings where tenant_id = ?",
                rs -> new IntakeSettings(rs.getDouble(1), json.thresholds(rs.getString(2)), rs.getBoolean(3)), tenant.value())
                .stream().findFirst().orElse(IntakeSettings.DEFAULTS);
    }

    @Override
    public void saveSettings(TenantId tenant, IntakeSettings s) {
        Sql.update(jdbc, """
                insert into intake_settings (tenant_id, default_threshold, thresholds, model_enabled) values (?, ?, ?::jsonb, ?)
                on conflict (tenant_id) do update set default_threshold = excluded.default_threshold, thresholds = excluded.thresholds,
                                                      model_enabled = excluded.model_enabled""",
                tenant.value(), s.defaultThreshold(), json.thresholds(s.thresholds()), s.modelEnabled());
    }

    @Override
    public List<IntakeModel> models(TenantId tenant) {
        return Sql.query(jdbc, MODEL + " where tenant_id = ? order by version desc", this::model, tenant.value());
    }

    @Override
    public Optional<IntakeModel> model(TenantId tenant, int version) {
        return Sql.query(jdbc, MODEL + " where tenant_id = ? and version = ?", this::model, tenant.value(), version).stream().findFirst();
    }

    @Override
    public Optional<byte[]> modelBytes(TenantId tenant, int version) {
        return Sql.query(jdbc, "select bytes from intake_model where tenant_id = ? and version = ? and bytes is not null", rs -> rs.getBytes(1),
                tenant.value(), version).stream().findFirst();
    }

    @Override
    public int latestVersion(TenantId tenant) {
        return Sql.query(jdbc, "select coalesce(max(version), 0) from intake_model where tenant_id = ?", rs -> rs.getInt(1), tenant.value()).get(0);
    }

    @Override
    public void insertModel(IntakeModel m, byte[] bytes) {
        Sql.update(jdbc, """
                insert into intake_model (tenant_id, version, status, training_snapshot, training_documents, labels, evaluation, trained_by,
                                          trained_at, activated_by, activated_at, bytes)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""", m.tenant().value(), m.version(), m.status().name(), m.trainingSnapshot(),
                m.trainingDocuments(), m.labels(), json.evaluation(m.evaluation()), m.trainedBy(), m.trainedAt(), m.activatedBy(), m.activatedAt(),
                bytes);
    }

    @Override
    public void updateModel(IntakeModel m) {
        Sql.update(jdbc, "update intake_model set status = ?, activated_by = ?, activated_at = ? where tenant_id = ? and version = ?",
                m.status().name(), m.activatedBy(), m.activatedAt(), m.tenant().value(), m.version());
    }

    @Override
    public void saveLabel(TenantId tenant, UUID documentId, DocumentType type, boolean corrected, String text, String by, Instant at) {
        Sql.update(jdbc, """
                insert into intake_label (tenant_id, document_id, doc_type, corrected, text, labelled_by, labelled_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, document_id) do update set doc_type = excluded.doc_type, corrected = excluded.corrected,
                    text = excluded.text, labelled_by = excluded.labelled_by, labelled_at = excluded.labelled_at""",
                tenant.value(), documentId, type.name(), corrected, text, by, at);
    }

    @Override
    public List<LabelledText> labels(TenantId tenant) {
        return Sql.query(jdbc, "select document_id, doc_type, text from intake_label where tenant_id = ? order by labelled_at, document_id",
                rs -> new LabelledText("label/" + rs.getString(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3)), tenant.value());
    }

    @Override
    public List<TenantId> tenantsWithNewLabels(int atLeast) {
        return Sql.query(jdbc, """
                select l.tenant_id from (select tenant_id, count(*) as n from intake_label group by tenant_id) l
                left join (select tenant_id, max(labels) as m from intake_model group by tenant_id) t on t.tenant_id = l.tenant_id
                where l.n - coalesce(t.m, 0) >= ? order by l.tenant_id""", rs -> TenantId.of(rs.getString(1)), atLeast);
    }

    @Override
    public boolean leaseRetraining(TenantId tenant, Instant now, Instant until) {
        return Sql.update(jdbc, """
                insert into intake_retraining (tenant_id, lease_until) values (?, ?)
                on conflict (tenant_id) do update set lease_until = excluded.lease_until
                where intake_retraining.lease_until <= ?""", tenant.value(), until, now) == 1;
    }

    @Override
    public void releaseRetraining(TenantId tenant) {
        Sql.update(jdbc, "delete from intake_retraining where tenant_id = ?", tenant.value());
    }

    @Override
    public Map<String, Long> typeMix(TenantId tenant, Instant from, Instant to) {
        return counts("""
                select doc_type, count(*) from intake_document
                where tenant_id = ? and classified_at >= ? and classified_at < ? and not degraded
                group by doc_type order by doc_type""", tenant, from, to);
    }

    @Override
    public Map<String, Long> confidenceBins(TenantId tenant, Instant from, Instant to) {
        return counts("""
                select least(9, floor(confidence * 10))::int::text, count(*) from intake_document
                where tenant_id = ? and classified_at >= ? and classified_at < ? and not degraded
                group by 1 order by 1""", tenant, from, to);
    }

    @Override
    public long[] acceptance(TenantId tenant, Instant from, Instant to) {
        return Sql.query(jdbc, """
                select count(*), count(*) filter (where corrected) from intake_document
                where tenant_id = ? and automatic and classified_at >= ? and classified_at < ?""",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, tenant.value(), from, to).get(0);
    }

    private Map<String, Long> counts(String sql, TenantId tenant, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Sql.query(jdbc, sql, rs -> counts.put(rs.getString(1), rs.getLong(2)), tenant.value(), from, to);
        return counts;
    }

    private IntakeModel model(ResultSet rs) throws SQLException {
        return new IntakeModel(new TenantId(rs.getString("tenant_id")), rs.getInt("version"), IntakeModel.Status.valueOf(rs.getString("status")),
                rs.getString("training_snapshot"), rs.getInt("training_documents"), rs.getInt("labels"), json.evaluation(rs.getString("evaluation")),
                rs.getString("trained_by"), JdbcIntakeDocuments.instant(rs, "trained_at"), rs.getString("activated_by"),
                JdbcIntakeDocuments.instant(rs, "activated_at"));
    }
}
