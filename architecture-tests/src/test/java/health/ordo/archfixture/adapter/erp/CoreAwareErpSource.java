package health.ordo.archfixture.adapter.erp;

import health.ordo.archfixture.domain.CycleStart;

/** Fixture that breaks the plug-in rule: a source adapter using the domain, which a partner's plug-in cannot see. */
public class CoreAwareErpSource {

    String source() {
        return CycleStart.class.getName();
    }
}
