package health.ordo.adapter.persistence;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock the application's bootstrap would provide. */
@Factory
class TestClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
