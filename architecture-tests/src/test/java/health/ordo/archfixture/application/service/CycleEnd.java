package health.ordo.archfixture.application.service;

import health.ordo.archfixture.domain.CycleStart;

/** Fixture: closes the package cycle started in the domain. */
public class CycleEnd {
    CycleStart back;
}
