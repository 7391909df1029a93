package health.ordo.application.service.insights;

import java.time.Duration;
import java.util.Objects;

/**
 * How the forecasts count work: the share of a worker's time spent on a queue's items ({@code ordo.insights.productive-share})
 * and the handling time of a type without history ({@code ordo.insights.default-handling}).
 */
public record ForecastSettings(double productiveShare, Duration defaultHandling) {

    public ForecastSettings {
        if (!(productiveShare > 0 && productiveShare <= 1)) {
            throw new IllegalArgumentException("the productive share lies in (0, 1]");
        }
        Objects.requireNonNull(defaultHandling, "defaultHandling");
    }
}
