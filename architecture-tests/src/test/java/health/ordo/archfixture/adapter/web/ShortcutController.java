package health.ordo.archfixture.adapter.web;

import health.ordo.archfixture.adapter.persistence.FixtureRepository;
import health.ordo.archfixture.application.service.JdbcUsingService;
import health.ordo.archfixture.bootstrap.FixtureWiring;

/** Fixture that breaks three rules: it calls another adapter, creates a service itself and uses bootstrap. */
public class ShortcutController {

    String handle() {
        new FixtureRepository().save();
        new JdbcUsingService();
        return FixtureWiring.class.getName();
    }
}
