package health.ordo.adapter.claims.inbound;

import health.ordo.adapter.claims.IngestReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One inbound folder. A file is taken only once it has not changed for the settle time (so a half-written file is left
 * alone), claimed by an atomic rename into {@code processing/} (so two nodes sharing the folder never take the same file),
 * ingested by the reader for its extension, and moved with a timestamp prefix into {@code processed/} with its report as
 * {@code <file>.report.json}, or into {@code failed/} with {@code <file>.error.txt} when it could not be read at all.
 * Files with other extensions stay where they are.
 */
public final class InboundFolder {

    /** What one run did. */
    public record RunResult(List<String> processed, List<String> failed) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Map<String, Function<byte[], IngestReport>> readers;
    private final Function<IngestReport, String> reportJson;
    private final Duration settle;
    private final Clock clock;

    /**
     * @param readers    lower-case extension (without dot) → ingestion of one file's bytes
     * @param reportJson how a report is written next to the processed file
     */
    public InboundFolder(Path root, Map<String, Function<byte[], IngestReport>> readers, Function<IngestReport, String> reportJson,
                         Duration settle, Clock clock) {
        this.root = root;
        this.readers = Map.copyOf(readers);
        this.reportJson = reportJson;
        this.settle = settle;
        this.clock = clock;
    }

    public RunResult run() {
        List<String> processed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            Files.createDirectories(root.resolve("processing"));
            Files.createDirectories(root.resolve("processed"));
            Files.createDirectories(root.resolve("failed"));
            List<Path> candidates = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(root, Files::isRegularFile)) {
                files.forEach(candidates::add);
            }
            candidates.sort(null);
            Instant settledBefore = clock.instant().minus(settle);
            for (Path file : candidates) {
                Function<byte[], IngestReport> reader = readers.get(extension(file));
                if (reader == null || Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
                    continue;
                }
                Path claimed = claim(file);
                if (claimed == null) {
                    continue;
                }
                String target = STAMP.format(clock.instant()) + "-" + file.getFileName();
                try {
                    IngestReport report = reader.apply(Files.readAllBytes(claimed));
                    Files.writeString(root.resolve("processed").resolve(target + ".report.json"), reportJson.apply(report));
                    Files.move(claimed, root.resolve("processed").resolve(target), StandardCopyOption.ATOMIC_MOVE);
                    processed.add(file.getFileName().toString());
                } catch (RuntimeException e) {
                    Files.writeString(root.resolve("failed").resolve(target + ".error.txt"),
                            e.getClass().getSimpleName() + ": " + e.getMessage() + System.lineSeparator(), StandardCharsets.UTF_8);
                    Files.move(claimed, root.resolve("failed").resolve(target), StandardCopyOption.ATOMIC_MOVE);
                    failed.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("inbound folder " + root + ": " + e.getMessage(), e);
        }
        return new RunResult(processed, failed);
    }

    /** Moves the file into processing/ atomically; null when another node took it first. */
    private Path claim(Path file) throws IOException {
        Path claimed = root.resolve("processing").resolve(file.getFileName());
        try {
            return Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the inbound folder must allow atomic renames (one file system)", e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
