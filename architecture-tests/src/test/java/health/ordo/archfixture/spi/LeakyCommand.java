package health.ordo.archfixture.spi;

import health.ordo.archfixture.domain.FrameworkAwareEntity;

/** Fixture that breaks the SPI rule: a partner-facing type exposing an internal domain type. */
public class LeakyCommand {
    FrameworkAwareEntity entity;
}
