package health.ordo.archfixture.bootstrap;

/** Fixture: bootstrap code adapters must not know. */
public class FixtureWiring {
    public static final String NAME = "wiring";
}
