package health.ordo.application.port.out.insights;

import health.ordo.application.port.in.insights.ImportHistoryUseCase.Format;

import java.util.Map;
import java.util.function.Consumer;

/** Reads a history file's rows as named fields (the wire formats live in an adapter). */
public interface HistoryFilePort {

    /**
     * Hands each data row, numbered from 1, to {@code rows}.
     *
     * @throws UnreadableFileException when the file cannot be read as the format at all
     */
    void read(Format format, String body, Consumer<Row> rows);

    record Row(int number, Map<String, String> fields, String error) {
    }

    final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }
}
