package health.ordo.bootstrap.cli;

import health.ordo.adapter.web.workitem.WorkItemViews;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.workitem.WorkItemPage;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Writes a tenant's work items (in the REST API's shape) or its audit log (oldest first, with the hash chain) as JSON
 * lines, to a file or standard output. The data is the tenant's and may carry PHI: keep the file as you keep the database.
 */
@Prototype
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a tenant's work items or audit log as JSON lines (one object per line).")
final class ExportCommand implements Callable<Integer> {

    enum What { WORK_ITEMS, AUDIT }

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "the tenant to export")
    String tenant;
    @Option(names = "--what", defaultValue = "WORK_ITEMS", description = "WORK_ITEMS or AUDIT (default: ${DEFAULT-VALUE})")
    What what;
    @Option(names = "--out", paramLabel = "FILE", description = "the file to write (default: standard output)")
    Path out;
    @Option(names = "--max-audit-entries", defaultValue = "1000000", description = "at most this many newest audit entries (default: ${DEFAULT-VALUE})")
    int maxAuditEntries;

    @Inject
    ListWorkItemsQuery workItems;
    @Inject
    WorkItemViews views;
    @Inject
    AuditUseCase audit;
    @Inject
    JsonMapper json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        TenantId tenantId = TenantId.of(tenant);
        long written;
        try (Writer writer = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            BufferedWriter lines = new BufferedWriter(writer);
            written = what == What.WORK_ITEMS ? workItems(tenantId, lines, console) : audit(tenantId, lines);
            lines.flush();
        }
        if (out != null) {
            console.printf("exported %d %s of tenant %s to %s%n", written, what == What.WORK_ITEMS ? "work items" : "audit entries", tenant, out);
        }
        return OrdoCli.OK;
    }

    private long workItems(TenantId tenantId, BufferedWriter lines, PrintWriter console) throws IOException {
        long written = 0;
        PageCursor after = null;
        do {
            WorkItemPage page = workItems.list(tenantId, WorkItemFilter.ANY, after, ListWorkItemsQuery.MAX_LIMIT);
            for (var item : page.items()) {
                lines.write(json.writeValueAsString(views.summary(item)));
                lines.newLine();
            }
            written += page.items().size();
            after = page.next();
            if (out != null) {
                console.printf("%d work items written%n", written);
                console.flush();
            }
        } while (after != null);
        return written;
    }

    private long audit(TenantId tenantId, BufferedWriter lines) throws IOException {
        // entries written moments ago may still wait for the background round that chains them: chain them now, so the
        // export carries every entry's place and hash
        audit.chainPending();
        List<AuditEntry> entries = new ArrayList<>(audit.list(tenantId, null, null, maxAuditEntries));
        java.util.Collections.reverse(entries);
        for (AuditEntry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", e.seq());
            row.put("at", e.at() == null ? null : e.at().toString());
            row.put("actor", e.actor());
            row.put("action", e.action());
            row.put("entityType", e.entityType());
            row.put("entityId", e.entityId());
            row.put("details", e.details());
            row.put("requestId", e.requestId());
            row.put("prevHash", e.prevHash());
            row.put("hash", e.hash());
            lines.write(json.writeValueAsString(row));
            lines.newLine();
        }
        return entries.size();
    }
}
