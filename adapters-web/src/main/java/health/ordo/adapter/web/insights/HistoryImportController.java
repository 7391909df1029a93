package health.ordo.adapter.web.insights;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.ImportHistoryUseCase;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Format;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.HistoryImport;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Rejection;
import health.ordo.domain.insights.HistoryRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/history:import}: a legacy work-queue system's history (CSV with a header row, or JSON lines) in,
 * a job out ({@code 202}, {@code Location} of its progress); rows are validated one by one and refused rows reported
 * with the field at fault.
 */
@Controller("/api/v1")
@Secured({"TENANT_ADMIN", "INTEGRATION"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@SerdeImport(Rejection.class)
class HistoryImportController {

    private final ImportHistoryUseCase imports;

    HistoryImportController(ImportHistoryUseCase imports) {
        this.imports = imports;
    }

    @Serdeable
    record ImportDto(UUID id, String format, String sourceSystem, String status, int rowsRead, int accepted, int rejected,
                     String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt, String failure,
                     String rejections) {

        static ImportDto of(HistoryImport job) {
            return new ImportDto(job.id(), job.format().name(), job.sourceSystem(), job.status(), job.rowsRead(), job.accepted(),
                    job.rejected(), job.requestedBy(), job.requestedAt(), job.startedAt(), job.finishedAt(), job.failure(),
                    "/api/v1/history-imports/" + job.id() + "/rejections");
        }
    }

    @Serdeable
    record ColumnsDto(Map<String, String> columns) {
    }

    @Post(value = "/history:import", consumes = {Tables.TEXT_CSV, "application/x-ndjson", "application/jsonl", "application/json-lines",
            MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a legacy work-queue history (CSV with a header row, or JSON lines) as a job",
            description = "Columns: type, queue, source_reference, received (required); source_system, claimed, started, "
                    + "completed, deadline, outcome, facility, payer, supplier, specialty, team, worker, amount, currency, "
                    + "held_hours, reopened. Re-importing a source reference replaces it. Timestamps ISO 8601; without an "
                    + "offset they are UTC.")
    HttpResponse<?> submit(HttpRequest<?> request, Authentication authentication, @Body byte[] body,
                           @Nullable @QueryValue String source) {
        Format format = request.getContentType().map(type -> type.getName().equals(Tables.TEXT_CSV) || type.getName().equals(MediaType.TEXT_PLAIN)
                ? Format.CSV : Format.JSON_LINES).orElse(Format.CSV);
        String text = utf8(body);
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("body", "a control character (such as NUL) is not allowed in a history file");
        }
        Caller caller = Caller.of(authentication);
        HistoryImport job = imports.submit(caller.tenant(), caller.actor().name(), format, source, text);
        return HttpResponse.status(HttpStatus.ACCEPTED).body(ImportDto.of(job))
                .headers(headers -> headers.location(URI.create("/api/v1/history-imports/" + job.id())));
    }

    @Get("/history-imports/columns")
    @Operation(summary = "The columns a history file may hold, with what each means")
    ColumnsDto columns() {
        return new ColumnsDto(new java.util.TreeMap<>(HistoryRecord.COLUMNS));
    }

    @Get("/history-imports/{id}")
    @Operation(summary = "A history import's status and progress")
    HttpResponse<?> find(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        UUID uuid = uuid(id);
        return imports.find(Caller.of(authentication).tenant(), uuid).<HttpResponse<?>>map(job -> HttpResponse.ok(ImportDto.of(job)))
                .orElseGet(() -> Problems.response(request, ProblemType.NOT_FOUND, "history import " + id + " not found", List.of()));
    }

    @Get("/history-imports/{id}/rejections")
    @Produces({MediaType.APPLICATION_JSON, Tables.TEXT_CSV})
    @Operation(summary = "The rows a history import refused: row number (1 = first data row), field at fault, why")
    HttpResponse<?> rejections(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @QueryValue(defaultValue = "1000") int limit) {
        UUID uuid = uuid(id);
        var tenant = Caller.of(authentication).tenant();
        if (imports.find(tenant, uuid).isEmpty()) {
            return Problems.response(request, ProblemType.NOT_FOUND, "history import " + id + " not found", List.of());
        }
        List<Rejection> rejections = imports.rejections(tenant, uuid, limit);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            rejections.forEach(r -> rows.add(List.of(r.row(), r.field(), r.message())));
            return Tables.csv("history-import-rejections", List.of("row", "field", "message"), rows);
        }
        return HttpResponse.ok(rejections);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "an import id is a UUID");
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("body", "a history file is UTF-8 text");
        }
    }
}
