package health.ordo.spi.folder;

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
import java.util.Optional;
import java.util.function.Function;

/**
 * One inbound folder. A file is taken only once it has not changed for the settle time (so a half-written file is left
 * alone), claimed by an atomic rename into {@code processing/} (so two nodes sharing the folder never take the same file),
 * read by the reader for its extension (or by the reader for every file), and moved with a timestamp prefix into
 * {@code processed/} with its report as {@code <file>.report.json}, or into {@code failed/} with {@code <file>.error.txt}
 * when it could not be read at all. Files no reader takes stay where they are. Nothing is ever deleted.
 *
 * @param <R> what a reader reports of one file
 */
public final class WatchedFolder<R> {

    /** Reads one file: its name (never trusted for its type) and its bytes. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(String fileName, byte[] bytes);
    }

    /** What one run did. */
    public record RunResult(List<String> processed, List<String> failed) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Map<String, Reader<R>> readers;
    private final Reader<R> anyFile;
    private final Function<R, String> reportJson;
    private final Duration settle;
    private final Clock clock;

    /**
     * @param readers    lower-case extension (without dot) → the reader of such files
     * @param reportJson how a report is written next to the processed file
     */
    public WatchedFolder(Path root, Map<String, Reader<R>> readers, Function<R, String> reportJson, Duration settle, Clock clock) {
        this(root, readers, null, reportJson, settle, clock);
    }

    /** A folder whose every file is read by one reader, whatever its name (the reader sniffs the type from the bytes). */
    public static <R> WatchedFolder<R> everyFile(Path root, Reader<R> reader, Function<R, String> reportJson, Duration settle, Clock clock) {
        return new WatchedFolder<>(root, Map.of(), reader, reportJson, settle, clock);
    }

    private WatchedFolder(Path root, Map<String, Reader<R>> readers, Reader<R> anyFile, Function<R, String> reportJson, Duration settle,
                          Clock clock) {
        this.root = root;
        this.readers = Map.copyOf(readers);
        this.anyFile = anyFile;
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
                Reader<R> reader = Optional.ofNullable(readers.get(extension(file))).orElse(anyFile);
                if (reader == null || file.getFileName().toString().startsWith(".") || Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
                    continue;
                }
                Path claimed = claim(file);
                if (claimed == null) {
                    continue;
                }
                String target = STAMP.format(clock.instant()) + "-" + file.getFileName();
                try {
                    R report = reader.read(file.getFileName().toString(), Files.readAllBytes(claimed));
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
