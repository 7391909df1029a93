package health.ordo.bootstrap.demo;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo users with README passwords exist only on the embedded database, never in production. */
class DemoSeedingRuleTest {

    @Test
    void theEmbeddedDemo_isSeeded_unlessTurnedOff() {
        assertThat(DemoDataSeeder.seeds(true, Set.of(), null)).isTrue();
        assertThat(DemoDataSeeder.seeds(true, Set.of("test"), "true")).isTrue();
        assertThat(DemoDataSeeder.seeds(true, Set.of(), "false")).isFalse();
    }

    @Test
    void anExternalDatabase_orAProductionEnvironment_isNeverSeeded_evenWhenTheFlagAsks() {
        assertThat(DemoDataSeeder.seeds(false, Set.of(), "true")).isFalse();
        assertThat(DemoDataSeeder.seeds(true, Set.of("prod"), "true")).isFalse();
        assertThat(DemoDataSeeder.seeds(true, Set.of("Production"), null)).isFalse();
    }
}
