package health.ordo.adapter.intake.remittance;

import health.ordo.application.port.in.claims.IngestReport;
import health.ordo.spi.folder.WatchedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InboundFolderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path root;

    private final List<String> ingested = new ArrayList<>();

    private WatchedFolder<IngestReport> folder() {
        WatchedFolder.Reader<IngestReport> reader = (name, bytes) -> {
            String text = new String(bytes);
            if (text.startsWith("broken")) {
                throw new IllegalStateException("ISA: the interchange envelope cannot be read");
            }
            ingested.add(text);
            return new IngestReport(1, 1, 1, 0, 0, 0, 0, 0, List.of(), List.of());
        };
        return new WatchedFolder<>(root, Map.of("835", reader), report -> "{\"itemsCreated\":" + report.itemsCreated() + "}",
                Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path drop(String name, String content, Instant modified) throws IOException {
        Path file = Files.writeString(root.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private List<String> names(String dir) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void settledFiles_areIngestedAndMovedWithTheirReport_brokenOnesGoToFailed_nothingIsDeleted() throws IOException {
        drop("a.835", "ISA good", NOW.minusSeconds(60));
        drop("b.835", "broken file", NOW.minusSeconds(60));
        drop("c.835", "ISA still being written", NOW.minusMillis(500));
        drop("notes.pdf", "other", NOW.minusSeconds(60));

        WatchedFolder.RunResult result = folder().run();

        assertThat(result.processed()).containsExactly("a.835");
        assertThat(result.failed()).containsExactly("b.835");
        assertThat(ingested).containsExactly("ISA good");
        assertThat(names("processed")).containsExactly("20261124T080000Z-a.835", "20261124T080000Z-a.835.report.json");
        assertThat(Files.readString(root.resolve("processed/20261124T080000Z-a.835.report.json"))).contains("\"itemsCreated\":1");
        assertThat(names("failed")).containsExactly("20261124T080000Z-b.835", "20261124T080000Z-b.835.error.txt");
        assertThat(Files.readString(root.resolve("failed/20261124T080000Z-b.835.error.txt"))).contains("ISA");
        assertThat(Files.exists(root.resolve("c.835"))).as("not settled yet").isTrue();
        assertThat(Files.exists(root.resolve("notes.pdf"))).isTrue();
        assertThat(names("processing")).isEmpty();
    }

    @Test
    void aSecondRun_takesNothingTwice() throws IOException {
        drop("a.835", "ISA good", NOW.minusSeconds(60));

        folder().run();
        WatchedFolder.RunResult again = folder().run();

        assertThat(again.processed()).isEmpty();
        assertThat(ingested).hasSize(1);
    }
}
