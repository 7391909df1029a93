package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.bootstrap.cli.OrdoCli;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar ordo.jar <command>}: each admin command run as an operator would against the running node's
 * database (its own context, the application login, no server), with its exit code and output; help and usage errors
 * never start Ordo.
 */
@MicronautTest(transactional = false)
class AdminCliTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    EmbeddedPostgresServer postgres;
    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndAUsageErrorExitsWithTwoWithoutStartingOrdo() {
        Run help = cli("--help");
        Run commandHelp = cli("create-user", "--help");
        Run unknownOption = cli("verify-audit", "--bogus");
        Run missing = cli("import-history", "--tenant", "demo");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("verify-audit", "rescore", "import-history", "export", "rotate-secrets-key", "create-tenant",
                "create-user");
        assertThat(commandHelp.code()).isZero();
        assertThat(commandHelp.out()).contains("--username", "--role", "--password-file");
        assertThat(unknownOption.code()).isEqualTo(OrdoCli.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'");
        assertThat(missing.code()).isEqualTo(OrdoCli.USAGE);
        assertThat(missing.err()).contains("Missing required option: '--file=FILE'");
        assertThat(OrdoCli.handles(new String[] {"rescore"})).isTrue();
        assertThat(OrdoCli.handles(new String[] {"--micronaut.server.port=9000"})).isFalse();
        assertThat(OrdoCli.handles(new String[0])).isFalse();
    }

    @Test
    void createTenantThenCreateUserGiveAccountsThatSignIn() throws IOException {
        String tenant = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        Path password = Files.writeString(dir.resolve("password"), "cli-admin-password-1\n");

        Run created = cli("create-tenant", "--id", tenant, "--name", "CLI Health", "--admin", "root@" + tenant,
                "--password-file", password.toString());
        Run again = cli("create-tenant", "--id", tenant, "--name", "CLI Health", "--admin", "root@" + tenant,
                "--password-file", password.toString());
        Run worker = cli("create-user", "--username", "wendy@" + tenant, "--role", "WORKER", "--password-file", password.toString());
        Run twice = cli("create-user", "--username", "wendy@" + tenant, "--role", "WORKER", "--password-file", password.toString());
        Run nowhere = cli("create-user", "--username", "wendy@no-such-tenant", "--role", "WORKER", "--password-file", password.toString());
        Run shortPassword = cli("create-user", "--username", "will@" + tenant, "--role", "WORKER", "--password-file",
                Files.writeString(dir.resolve("short"), "short").toString());

        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("created tenant " + tenant);
        assertThat(again.code()).isEqualTo(OrdoCli.FAILED);
        assertThat(worker.code()).as(worker.toString()).isZero();
        assertThat(worker.out()).contains("created user wendy@" + tenant);
        assertThat(twice.code()).isEqualTo(OrdoCli.FAILED);
        assertThat(twice.err()).contains("already exists");
        assertThat(nowhere.code()).isEqualTo(OrdoCli.FAILED);
        assertThat(nowhere.err()).contains("tenant no-such-tenant does not exist");
        assertThat(shortPassword.code()).isEqualTo(OrdoCli.FAILED);
        assertThat(shortPassword.err()).contains("at least 12 characters");
        ApiClient api = new ApiClient(server.getURI(), json);
        assertThat(api.login("root@" + tenant, "cli-admin-password-1")).isNotBlank();
        assertThat(api.login("wendy@" + tenant, "cli-admin-password-1")).isNotBlank();
    }

    @Test
    void verifyAuditExitsZeroOnAnIntactChainAndOneOnATamperedOne() throws Exception {
        String tenant = tenantWithThreeItems("cli-audit-");

        Run intact = cli("verify-audit", "--tenant", tenant);
        execute("alter table audit_log disable trigger audit_log_append_only");
        try {
            execute("update audit_log set actor = 'someone-else' where tenant_id = '" + tenant + "' and seq = 2");
        } finally {
            execute("alter table audit_log enable trigger audit_log_append_only");
        }
        Run broken = cli("verify-audit", "--tenant", tenant);

        assertThat(intact.code()).as(intact.toString()).isZero();
        assertThat(intact.out()).containsPattern(tenant + ": intact, \\d+ entries").contains("every chain intact");
        assertThat(broken.code()).isEqualTo(OrdoCli.FAILED);
        assertThat(broken.out()).contains(tenant + ": BROKEN at entry 2");
    }

    @Test
    void importHistoryRunsTheJobAndReportsRefusedRowsWithTheirField() throws IOException {
        Path csv = Files.writeString(dir.resolve("legacy.csv"), """
                type,queue,source_reference,received,started,completed,outcome
                CLAIM_DENIAL,denials,cli-legacy-1,2026-10-01T08:00:00Z,2026-10-01T09:00:00Z,2026-10-02T10:00:00Z,APPEAL_SUBMITTED
                INVOICE_HOLD,ap-exceptions,cli-legacy-2,2026-10-03T08:00:00Z,,,
                CLAIM_DENIAL,denials,cli-legacy-3,not-a-time,,,
                """);

        Run run = cli("import-history", "--tenant", "demo", "--file", csv.toString(), "--source-system", "cli-legacy");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("queued").contains("rows read").contains("row 3, received")
                .contains("import COMPLETED: 2 accepted, 1 refused");
    }

    @Test
    void exportWritesWorkItemsAndTheAuditChainAsJsonLines() throws IOException {
        String tenant = tenantWithThreeItems("cli-export-");
        Path items = dir.resolve("items.jsonl");
        Path audit = dir.resolve("audit.jsonl");

        Run exportItems = cli("export", "--tenant", tenant, "--out", items.toString());
        Run exportAudit = cli("export", "--tenant", tenant, "--what", "AUDIT", "--out", audit.toString());

        assertThat(exportItems.code()).as(exportItems.toString()).isZero();
        assertThat(exportItems.out()).contains("exported 3 work items of tenant " + tenant);
        List<String> itemLines = Files.readAllLines(items, StandardCharsets.UTF_8);
        assertThat(itemLines).hasSize(3);
        assertThat(itemLines.stream().map(line -> readMap(line).get("title"))).containsExactlyInAnyOrder("Invoice 0", "Invoice 1", "Invoice 2");
        assertThat(readMap(itemLines.get(0))).containsKeys("id", "type", "status", "priorityScore");
        assertThat(exportAudit.code()).as(exportAudit.toString()).isZero();
        List<String> auditLines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        assertThat(auditLines).hasSizeGreaterThanOrEqualTo(3);
        // oldest first, from the chain's start
        assertThat(readMap(auditLines.get(0))).containsEntry("seq", 1).containsEntry("prevHash", "0".repeat(64)).containsKeys("action", "hash");
    }

    private String tenantWithThreeItems(String prefix) throws IOException {
        String tenant = prefix + UUID.randomUUID().toString().substring(0, 6);
        Path password = Files.writeString(dir.resolve(tenant + "-password"), "cli-admin-password-1");
        assertThat(cli("create-tenant", "--id", tenant, "--name", "CLI", "--admin", "ada@" + tenant, "--password-file",
                password.toString()).code()).isZero();
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "cli-admin-password-1");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/work-items", admin, Map.of("type", "INVOICE_HOLD", "source",
                    Map.of("system", "cli", "externalId", "inv-" + i), "title", "Invoice " + i)).status()).isEqualTo(201);
        }
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String line) {
        try {
            return json.readValue(line, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rescoreAndRotateSecretsKeyReportProgressAndFinish() {
        Run rescore = cli("rescore", "--batch", "200");
        Run rotate = cli("rotate-secrets-key");
        Run badBatch = cli("rescore", "--batch", "0");

        assertThat(rescore.code()).as(rescore.toString()).isZero();
        assertThat(rescore.out()).contains("re-scored 200 items").containsPattern("done: \\d+ open items re-scored");
        assertThat(rotate.code()).as(rotate.toString()).isZero();
        assertThat(rotate.out()).contains("every stored secret is under the current key");
        assertThat(badBatch.code()).isEqualTo(OrdoCli.USAGE);
    }

    private Run cli(String... args) {
        Map<String, Object> properties = SecondNode.properties(postgres, "cli-node-secret-that-is-long-enough-0123456789");
        properties.put("ordo.secrets.key", "test-only-secrets-key-that-is-long-enough-0123456789");
        properties.put("ordo.security.bcrypt-strength", "4");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OrdoCli.run(args, properties, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Run(int code, String out, String err) {
    }
}
