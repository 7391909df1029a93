package health.ordo.adapter.web.insights;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Answers as JSON or, when the caller accepts {@code text/csv} (or asks {@code format=csv}), as CSV (RFC 4180). */
final class Tables {

    static final String TEXT_CSV = "text/csv";

    private Tables() {
    }

    static boolean wantsCsv(HttpRequest<?> request) {
        String format = request.getParameters().get("format");
        if (format != null) {
            return format.toLowerCase(Locale.ROOT).equals("csv");
        }
        return request.accept().stream().anyMatch(type -> type.getName().equalsIgnoreCase(TEXT_CSV));
    }

    /** A CSV answer: the header, then each row's values; text that could start a spreadsheet formula is quoted with a '. */
    static HttpResponse<String> csv(String name, List<String> columns, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Tables::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType(MediaType.of(TEXT_CSV + ";charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }

    private static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
