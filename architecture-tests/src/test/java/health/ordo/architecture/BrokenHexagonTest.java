package health.ordo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule, applied to a small code base that breaks it on purpose ({@code health.ordo.archfixture}), reports the
 * violation: a rule that cannot fail would protect nothing.
 */
class BrokenHexagonTest {

    private static JavaClasses broken;
    private static final HexagonRules RULES = HexagonRules.under("health.ordo.archfixture");

    @BeforeAll
    static void importFixtures() {
        broken = new ClassFileImporter().importPackages("health.ordo.archfixture");
    }

    private static void assertViolated(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(broken);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(offender));
    }

    @Test
    void domainImportingTheFramework_breaksTheDomainRule() {
        assertViolated(RULES.domainDependsOnNothingButTheJdk(), "FrameworkAwareEntity");
    }

    @Test
    void spiUsingTheDomain_breaksTheSpiRule() {
        assertViolated(RULES.spiDependsOnNothingButTheJdk(), "LeakyCommand");
    }

    @Test
    void applicationUsingJdbc_breaksTheApplicationRule() {
        assertViolated(RULES.applicationDependsOnlyOnDomainAndSpi(), "JdbcUsingService");
    }

    @Test
    void erpAdapterUsingTheCore_breaksThePluginRule() {
        assertViolated(RULES.sourceAdaptersUseOnlyTheSpi(), "CoreAwareErpSource");
    }

    @Test
    void webAdapterCallingPersistence_breaksTheAdapterRule() {
        assertViolated(RULES.adaptersDoNotDependOnEachOther(), "ShortcutController");
    }

    @Test
    void adapterUsingBootstrap_breaksTheBootstrapRule() {
        assertViolated(RULES.onlyBootstrapKnowsBootstrap(), "ShortcutController");
    }

    @Test
    void adapterCreatingAService_breaksTheWiringRule() {
        assertViolated(RULES.onlyBootstrapCreatesApplicationServices(), "ShortcutController");
    }

    @Test
    void adapterOpeningTheCrossTenantScope_breaksTheTenancyRule() {
        assertViolated(RULES.onlyApplicationServicesOpenTheCrossTenantScope(), "EveryTenantQuery");
    }

    @Test
    void repositoryPreparingItsOwnStatement_breaksTheSqlRule() {
        assertViolated(RULES.onlySqlPreparesStatements(), "DirectJdbcQuery");
    }

    @Test
    void packagesReferringToEachOther_breakTheCycleRule() {
        assertViolated(RULES.noPackageCycles(), "Cycle");
    }

    @Test
    void annotatedDomainType_breaksTheAnnotationRule() {
        assertViolated(RULES.coreCarriesNoFrameworkAnnotations(), "FrameworkAwareEntity");
    }
}
