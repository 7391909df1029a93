package health.ordo.adapter.web.insights;

import health.ordo.application.port.in.insights.ImportHistoryUseCase.Format;
import health.ordo.application.port.out.insights.HistoryFilePort;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads history files: CSV per RFC 4180 with a header row (Apache Commons CSV; comma, or semicolon or tab when the
 * header holds no comma), or JSON lines (one object per line). A row that cannot be read is handed over with its error;
 * a file that cannot be read at all is refused.
 */
@Singleton
class HistoryFiles implements HistoryFilePort {

    private final JsonMapper json;

    HistoryFiles(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void read(Format format, String body, Consumer<Row> rows) {
        if (format == Format.JSON_LINES) {
            readJsonLines(body, rows);
        } else {
            readCsv(body, rows);
        }
    }

    private static char delimiter(String body) {
        int end = body.indexOf('\n');
        String header = end < 0 ? body : body.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        return header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static void readCsv(String body, Consumer<Row> rows) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        int number = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (parser.getHeaderNames().isEmpty()) {
                throw new UnreadableFileException("the CSV file has no header row naming its columns");
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new UnreadableFileException("the CSV file cannot be read after row " + number + ": " + rootMessage(e));
                }
                number++;
                if (!record.isConsistent()) {
                    rows.accept(new Row(number, Map.of(), "the row has " + record.size() + " fields, the header "
                            + parser.getHeaderNames().size()));
                    continue;
                }
                rows.accept(new Row(number, record.toMap(), null));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableFileException("the CSV file cannot be read: " + rootMessage(e));
        }
    }

    private void readJsonLines(String body, Consumer<Row> rows) {
        int number = 0;
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            Map<String, Object> object;
            try {
                object = json.readValue(line, Argument.mapOf(String.class, Object.class));
            } catch (IOException | RuntimeException e) {
                rows.accept(new Row(number, Map.of(), "the line is not a JSON object"));
                continue;
            }
            if (object == null) {
                rows.accept(new Row(number, Map.of(), "the line is not a JSON object"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            object.forEach((name, value) -> {
                if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                    fields.put(name, value.toString());
                }
            });
            rows.accept(new Row(number, fields, null));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
