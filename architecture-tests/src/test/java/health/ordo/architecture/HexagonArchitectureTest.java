package health.ordo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordo's production classes (every module, tests excluded) obey the hexagon's rules. */
class HexagonArchitectureTest {

    private static JavaClasses ordo;
    private static final HexagonRules RULES = HexagonRules.under("health.ordo");

    @BeforeAll
    static void importOrdo() {
        ordo = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.ordo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"health.ordo.domain.workitem", "health.ordo.domain.priority", "health.ordo.application.port.in",
            "health.ordo.application.port.out", "health.ordo.application.service", "health.ordo.adapter.web",
            "health.ordo.adapter.persistence", "health.ordo.bootstrap", "health.ordo.spi", "health.ordo.adapter.erp", "health.ordo.adapter.hr",
            "health.ordo.adapter.intake", "health.ordo.domain.intake", "health.ordo.adapter.calendar", "health.ordo.adapter.claims",
            "health.ordo.adapter.fhir", "health.ordo.domain.claims", "health.ordo.application.service.claims"})
    void everyLayerPackage_holdsClasses_soNoRuleChecksNothing(String layer) {
        assertThat(ordo.stream().filter(c -> c.getPackageName().startsWith(layer))).as(layer).isNotEmpty();
    }

    @Test
    void domain_dependsOnNothingButTheJdk() {
        RULES.domainDependsOnNothingButTheJdk().check(ordo);
    }

    @Test
    void adapterSpi_dependsOnNothingButTheJdk() {
        RULES.spiDependsOnNothingButTheJdk().check(ordo);
    }

    @Test
    void application_dependsOnlyOnDomainAndTheAdapterSpi() {
        RULES.applicationDependsOnlyOnDomainAndSpi().check(ordo);
    }

    @Test
    void sourceAdapters_useOnlyTheAdapterSpi() {
        RULES.sourceAdaptersUseOnlyTheSpi().check(ordo);
    }

    @Test
    void adapters_doNotDependOnEachOther() {
        RULES.adaptersDoNotDependOnEachOther().check(ordo);
    }

    @Test
    void onlyBootstrap_dependsOnBootstrap() {
        RULES.onlyBootstrapKnowsBootstrap().check(ordo);
    }

    @Test
    void onlyBootstrap_createsApplicationServices() {
        RULES.onlyBootstrapCreatesApplicationServices().check(ordo);
    }

    @Test
    void onlyApplicationServices_openTheCrossTenantScope() {
        RULES.onlyApplicationServicesOpenTheCrossTenantScope().check(ordo);
    }

    @Test
    void onlySql_preparesStatements() {
        RULES.onlySqlPreparesStatements().check(ordo);
    }

    @Test
    void packages_areFreeOfCycles() {
        RULES.noPackageCycles().check(ordo);
    }

    @Test
    void core_carriesNoFrameworkAnnotations() {
        RULES.coreCarriesNoFrameworkAnnotations().check(ordo);
    }
}
