package health.ordo.adapter.persistence.migration;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a database distributed by tenant (Citus), {@code SELECT … FOR UPDATE [SKIP LOCKED]} runs only when the statement
 * goes to one shard (docs/scale-out.md). So every statement that takes row locks with {@code SKIP LOCKED} names its
 * tenant ({@code tenant_id = ?}), or locks a platform table that stays on the coordinator
 * ({@link DistributableSchemaTest#PLATFORM_TABLES}). Platform rounds list the tenants with due work first, then claim
 * tenant by tenant. A new cross-tenant sweep fails this test, which names the method.
 */
class DistributableLocksTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern SKIP_LOCKED = Pattern.compile("skip\\s+locked", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_START = Pattern.compile("\\n    (?:@Override|public |private |protected |static |[A-Z][\\w<>, ]* \\w+\\()");

    @Test
    void everyStatementThatSkipsLockedRowsNamesItsTenantOrLocksAPlatformTable() throws IOException {
        List<String> crossTenant = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher lock = SKIP_LOCKED.matcher(source);
                while (lock.find()) {
                    String method = enclosingMethod(source, lock.start());
                    if (method.startsWith("*") || method.startsWith("/")) {
                        continue; // a comment that mentions SKIP LOCKED, not a statement
                    }
                    statements++;
                    if (!namesTenant(method) && !locksPlatformTable(method)) {
                        crossTenant.add(file.getFileName() + ": " + signature(method));
                    }
                }
            }
        }
        assertThat(statements).as("the scan found the locking statements").isGreaterThanOrEqualTo(15);
        assertThat(crossTenant).as("statements that lock rows across tenants").isEmpty();
    }

    @Test
    void theScanTellsACrossTenantSweepFromATenantsClaim() {
        String sweep = "\n    @Override\n    public List<Timer> claimDue(Instant now, int limit) {\n        return query(\"select * from"
                + " sla_timer where due_at <= ? limit ? for update skip locked\");\n";
        String claim = sweep.replace("where due_at", "where tenant_id = ? and due_at");
        String platform = sweep.replace("sla_timer", "insight_watermark");
        assertThat(namesTenant(enclosingMethod(sweep, sweep.indexOf("skip")))).isFalse();
        assertThat(locksPlatformTable(enclosingMethod(sweep, sweep.indexOf("skip")))).isFalse();
        assertThat(namesTenant(enclosingMethod(claim, claim.indexOf("skip")))).isTrue();
        assertThat(locksPlatformTable(enclosingMethod(platform, platform.indexOf("skip")))).isTrue();
    }

    /** The text from the start of the method (or constant) around {@code at} up to it. */
    private static String enclosingMethod(String source, int at) {
        int start = 0;
        Matcher m = METHOD_START.matcher(source);
        while (m.find() && m.start() < at) {
            start = m.start();
        }
        String before = source.substring(start, at);
        int lineStart = before.lastIndexOf('\n');
        String line = before.substring(lineStart + 1).strip();
        return line.startsWith("*") || line.startsWith("/*") || line.startsWith("//") ? line : before;
    }

    private static boolean namesTenant(String statement) {
        return statement.replaceAll("\\s+", " ").matches("(?s).*\\b(\\w+\\.)?tenant_id = \\?.*");
    }

    private static boolean locksPlatformTable(String statement) {
        String text = statement.toLowerCase(Locale.ROOT);
        return DistributableSchemaTest.PLATFORM_TABLES.keySet().stream().anyMatch(t -> text.matches("(?s).*\\bfrom " + t + "\\b.*"));
    }

    private static String signature(String method) {
        return method.strip().lines().filter(l -> l.contains("(")).findFirst().orElse(method.strip()).strip();
    }
}
