package health.ordo.archfixture.domain;

import health.ordo.archfixture.application.service.CycleEnd;

/** Fixture: domain → application.service → domain, a package cycle. */
public class CycleStart {
    CycleEnd next;
}
