package health.ordo.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hexagon's rules, for any root package: the real code is checked under {@code health.ordo}, and
 * deliberately broken fixtures under another root prove that each rule fails when it is broken.
 */
final class HexagonRules {

    /** JDK packages that are I/O and belong in adapters: JDBC, HTTP client, RMI. */
    private static final DescribedPredicate<JavaClass> IO_APIS =
            resideInAnyPackage("java.sql..", "java.net.http..", "java.rmi..", "javax..").as("JDK I/O APIs");

    private final String root;

    private HexagonRules(String root) {
        this.root = root;
    }

    static HexagonRules under(String root) {
        return new HexagonRules(root);
    }

    /**
     * The domain is plain Java: it depends on the JDK and itself only (no framework, JDBC, JSON, mapping). One exception,
     * for the process-intelligence maths only: Apache Commons Math, a pure computation library (no I/O, no state) that
     * fits and tests the forecasting models.
     */
    ArchRule domainDependsOnNothingButTheJdk() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(root + ".domain..", "java..",
                        "org.apache.commons.math3..").and(not(IO_APIS)))
                .as("domain depends on nothing but the JDK (and Commons Math for the insights maths)");
    }

    /**
     * The application layer depends on the domain and the published adapter SPI (the port partner adapters implement),
     * and jakarta.inject if it must: no framework, no I/O.
     */
    ArchRule applicationDependsOnlyOnDomainAndSpi() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(root + ".application..", root + ".domain..",
                        root + ".spi..", "java..", "jakarta.inject..").and(not(IO_APIS)))
                .as("application depends only on the domain and the published adapter SPI");
    }

    /**
     * The adapter SPI partners compile against depends on the JDK only: no Ordo internals, no framework; its model uses no
     * I/O API, its optional HTTP helpers ({@code spi.http}) may use {@code java.net.http}.
     */
    ArchRule spiDependsOnNothingButTheJdk() {
        ArchRule model = classes().that().resideInAPackage(root + ".spi..").and().resideOutsideOfPackage(root + ".spi.http..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(root + ".spi..", "java..").and(not(IO_APIS)))
                .as("the adapter SPI's model depends on the JDK only, without I/O APIs");
        ArchRule helpers = classes().that().resideInAPackage(root + ".spi.http..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(root + ".spi..", "java.."))
                .allowEmptyShould(true).as("the adapter SPI's HTTP helpers depend on the JDK only");
        return CompositeArchRule.of(model).and(helpers).as("the adapter SPI depends on nothing but the JDK");
    }

    /**
     * Source adapters (ERP, HR, claims) are built as a partner builds a plug-in: against the published adapter SPI only,
     * never the application core or the domain, so whatever they need a partner has too. The claims adapter reads payer
     * documents into the SPI's payment model; the claims rules that judge them are the core's.
     */
    ArchRule sourceAdaptersUseOnlyTheSpi() {
        return noClasses().that().resideInAnyPackage(root + ".adapter.erp..", root + ".adapter.hr..", root + ".adapter.claims..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..")
                .as("source adapters (ERP, HR, claims) depend on the adapter SPI, not on the application or the domain");
    }

    /** Adapters may use application and domain, never one another. */
    ArchRule adaptersDoNotDependOnEachOther() {
        return SlicesRuleDefinition.slices().matching(root + ".adapter.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .as("adapters do not depend on each other");
    }

    /** Nothing but bootstrap knows bootstrap. */
    ArchRule onlyBootstrapKnowsBootstrap() {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("only bootstrap depends on bootstrap");
    }

    /** Application services are created in bootstrap's wiring only, never by an adapter or another service. */
    ArchRule onlyBootstrapCreatesApplicationServices() {
        DescribedPredicate<JavaConstructorCall> serviceConstructor = new DescribedPredicate<>("a constructor of an application service") {
            @Override
            public boolean test(JavaConstructorCall call) {
                return call.getTargetOwner().getPackageName().startsWith(root + ".application.service");
            }
        };
        return noClasses().that().resideOutsideOfPackages(root + ".bootstrap..", root + ".application.service..")
                .should().callConstructorWhere(serviceConstructor)
                .as("only bootstrap wires the application services");
    }

    /**
     * The cross-tenant unit of work ({@code TransactionPort.acrossTenants}, {@code readAcrossTenants}), which the row-level
     * security policies let see every tenant, is opened by application services (platform jobs) only: never by an
     * adapter, so no request handler or repository can widen its own scope.
     */
    ArchRule onlyApplicationServicesOpenTheCrossTenantScope() {
        DescribedPredicate<JavaMethodCall> crossTenant = new DescribedPredicate<>("a call of TransactionPort's cross-tenant scope") {
            @Override
            public boolean test(JavaMethodCall call) {
                String name = call.getName();
                return call.getTargetOwner().getSimpleName().equals("TransactionPort")
                        && (name.equals("acrossTenants") || name.equals("readAcrossTenants"));
            }
        };
        return noClasses().that().resideOutsideOfPackage(root + ".application.service..")
                .should().callMethodWhere(crossTenant)
                .as("only application services open the cross-tenant scope");
    }

    /**
     * Statements reach PostgreSQL through {@code Sql.prepare} only (and its helpers): it puts what the unit of work holds
     * back (its tenant setting for row-level security, deferred writes) in front of each statement. A repository calling
     * {@code JdbcOperations} itself would run without them.
     */
    ArchRule onlySqlPreparesStatements() {
        DescribedPredicate<JavaMethodCall> direct = new DescribedPredicate<>("a call preparing or executing on JdbcOperations") {
            @Override
            public boolean test(JavaMethodCall call) {
                String name = call.getName();
                return call.getTargetOwner().getName().equals("io.micronaut.data.jdbc.runtime.JdbcOperations")
                        && (name.equals("prepareStatement") || name.equals("execute") || name.equals("getConnection"));
            }
        };
        return noClasses().that().doNotHaveFullyQualifiedName(root + ".adapter.persistence.Sql")
                .should().callMethodWhere(direct)
                .as("only Sql prepares statements on JdbcOperations");
    }

    /** No cycles between packages anywhere. */
    ArchRule noPackageCycles() {
        return SlicesRuleDefinition.slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no cycles between packages");
    }

    /** Domain and application carry no framework annotation (they are wired by bootstrap's factory). */
    ArchRule coreCarriesNoFrameworkAnnotations() {
        DescribedPredicate<JavaAnnotation<?>> framework = new DescribedPredicate<>("a Micronaut or serialization annotation") {
            @Override
            public boolean test(JavaAnnotation<?> annotation) {
                String name = annotation.getRawType().getName();
                return name.startsWith("io.micronaut.") || name.startsWith("com.fasterxml.") || name.startsWith("jakarta.persistence.");
            }
        };
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().beAnnotatedWith(framework)
                .as("domain and application carry no framework annotations");
    }
}
