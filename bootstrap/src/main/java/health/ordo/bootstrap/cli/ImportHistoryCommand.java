package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.insights.ImportHistoryUseCase;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Format;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.HistoryImport;
import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Imports a legacy work-queue system's history (the same job as {@code POST /api/v1/history:import}, validated row by
 * row and idempotent by source reference), running it in this process and printing its progress and refused rows.
 */
@Prototype
@Command(name = "import-history", mixinStandardHelpOptions = true,
        description = "Import closed and open items of a legacy work-queue system (CSV or JSON lines) into a tenant's history.")
final class ImportHistoryCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "the tenant the history belongs to")
    String tenant;
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "the CSV or JSON-lines file")
    Path file;
    @Option(names = "--format", paramLabel = "csv|jsonl", description = "the file's format (default: from its name, .jsonl/.ndjson or else csv)")
    String format;
    @Option(names = "--source-system", defaultValue = "legacy", description = "the system the rows come from (default: ${DEFAULT-VALUE})")
    String sourceSystem;
    @Option(names = "--show-rejections", defaultValue = "20", description = "refused rows to print (default: ${DEFAULT-VALUE})")
    int showRejections;

    @Inject
    ImportHistoryUseCase imports;
    @Inject
    MaintainInsightsUseCase insights;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isReadable(file)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--file " + file + " cannot be read");
        }
        TenantId tenantId = TenantId.of(tenant);
        HistoryImport job = imports.submit(tenantId, "cli", format(), sourceSystem, Files.readString(file, StandardCharsets.UTF_8));
        out.printf("import %s queued%n", job.id());
        out.flush();
        int lastRead = -1;
        while (!job.finished()) {
            if (!insights.runNextImport()) {
                sleep();
            }
            job = imports.find(tenantId, job.id()).orElseThrow();
            if (job.rowsRead() != lastRead) {
                lastRead = job.rowsRead();
                out.printf("%s: %d rows read, %d accepted, %d refused%n", job.status(), job.rowsRead(), job.accepted(), job.rejected());
                out.flush();
            }
        }
        imports.rejections(tenantId, job.id(), showRejections)
                .forEach(r -> out.printf("  row %d, %s: %s%n", r.row(), r.field(), r.message()));
        if ("FAILED".equals(job.status())) {
            out.printf("import FAILED: %s%n", job.failure());
            return OrdoCli.FAILED;
        }
        out.printf("import COMPLETED: %d accepted, %d refused%n", job.accepted(), job.rejected());
        return OrdoCli.OK;
    }

    private Format format() {
        String name = format != null ? format.toLowerCase(Locale.ROOT) : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (format != null && !name.equals("csv") && !name.equals("jsonl")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be csv or jsonl");
        }
        return name.equals("jsonl") || name.endsWith(".jsonl") || name.endsWith(".ndjson") ? Format.JSON_LINES : Format.CSV;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
