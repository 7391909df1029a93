package health.ordo.adapter.claims;

import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.util.Map;

/** Claims settings from configuration: {@code ordo.claims.appeal-days} and {@code ordo.claims.appeal-days-by-payer.<payer>}. */
@Factory
class ClaimsFactory {

    @Singleton
    AppealDeadlineRule appealDeadlineRule(@Property(name = "ordo.claims.appeal-days", defaultValue = "90") int defaultDays,
                                          @Nullable @Property(name = "ordo.claims.appeal-days-by-payer")
                                          @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, Integer> byPayer) {
        return new AppealDeadlineRule(defaultDays, byPayer);
    }
}
