package health.ordo.archfixture.domain;

import io.micronaut.core.annotation.Introspected;

/** Fixture that breaks the domain rules: a domain type annotated with, and so depending on, Micronaut. */
@Introspected
public class FrameworkAwareEntity {
}
