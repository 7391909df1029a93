package health.ordo.archfixture.adapter.persistence;

/** Fixture: a persistence adapter class another adapter should never touch. */
public class FixtureRepository {
    public void save() {
    }
}
