package health.ordo.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo tenant a newcomer meets: the README's users can sign in and see a realistic backlog. */
@MicronautTest(transactional = false)
class DemoDataTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void readmeDemoUsers_canSignInWithTheirRoles() throws IOException {
        Map<String, String[]> users = readmeUsers();
        ApiClient api = new ApiClient(server.getURI(), json);

        assertThat(users).containsKeys("alice@demo", "sam@demo", "ada@demo");
        users.forEach((user, roleAndPassword) -> {
            ApiClient.Response login = api.post("/login", null, Map.of("username", user, "password", roleAndPassword[1]));
            assertThat(login.status()).as(user).isEqualTo(200);
            assertThat(login.body().get("roles")).as(user).isEqualTo(List.of(roleAndPassword[0]));
        });
    }

    @Test
    void demoBacklog_holdsAbout500ItemsOfEveryType() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String token = api.login("sam@demo", "sam-ordo-demo1");
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/api/v1/work-items?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token);
            all.addAll(page.list("items"));
            cursor = page.string("nextCursor");
        } while (cursor != null);

        assertThat(all).filteredOn(i -> ((Map<?, ?>) i.get("source")).get("system").toString().matches(
                "payer-835|epic-referrals|oracle-fusion|sap-s4hana|workday")).hasSizeGreaterThanOrEqualTo(500);
        assertThat(all).extracting(i -> i.get("type")).contains("CLAIM_DENIAL", "UNDERPAYMENT", "PRIOR_AUTHORIZATION",
                "INVOICE_HOLD", "PAYMENT_BLOCK", "SUPPLIER_ONBOARDING", "EMPLOYEE_ONBOARDING", "PAYMENT_EXCEPTION");
        assertThat(all).filteredOn(i -> "CLAIM_DENIAL".equals(i.get("type")))
                .allSatisfy(i -> assertThat(((Map<?, ?>) i.get("attributes")).keySet().containsAll(List.of("payer", "carc"))).isTrue());
    }

    /** user → {role, password} from the README's demo users table. */
    private static Map<String, String[]> readmeUsers() throws IOException {
        Path readme = Path.of("..", "README.md");
        Pattern row = Pattern.compile("^\\|\\s*`?([a-z]+@demo)`?\\s*\\|\\s*`?([A-Z_]+)`?\\s*\\|\\s*`?([^`|]+?)`?\\s*\\|$");
        Map<String, String[]> users = new HashMap<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher matcher = row.matcher(line.strip());
            if (matcher.matches()) {
                users.put(matcher.group(1), new String[]{matcher.group(2), matcher.group(3)});
            }
        }
        return users;
    }
}
