package health.ordo.adapter.fhir;

import health.ordo.application.port.in.workitem.WorkItemSearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskSearchParametersTest {

    private static WorkItemSearch.TimeIn time(String value) {
        return (WorkItemSearch.TimeIn) TaskSearchParameters.time("_lastUpdated", value, WorkItemSearch.TimeField.UPDATED);
    }

    @Test
    void datePrefixes_meanTheRangeTheirPrecisionDenotes() {
        assertThat(time("2026-03")).isEqualTo(new WorkItemSearch.TimeIn(WorkItemSearch.TimeField.UPDATED,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")));
        assertThat(time("gt2026-01-01").from()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(time("ge2026").from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(time("lt2026-01-01T10:00Z").until()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(time("le2026-01-01T10:00:05+02:00").until()).isEqualTo(Instant.parse("2026-01-01T08:00:06Z"));
        assertThat(time("eq2026-01-01T10:00:05.250Z")).isEqualTo(new WorkItemSearch.TimeIn(WorkItemSearch.TimeField.UPDATED,
                Instant.parse("2026-01-01T10:00:05.250Z"), Instant.parse("2026-01-01T10:00:05.251Z")));
        for (String bad : List.of("ne2026-01-01", "2026-13-01", "2026-01-01T", "2026-01-01T10:00", "yesterday", "2026-01-01T25:00Z")) {
            assertThatThrownBy(() -> time(bad)).as(bad).isInstanceOf(FhirSearchException.class);
        }
    }

    @Test
    void unknownParameters_areIgnoredAndLeftOutOfTheSelfLink_orRefusedWhenStrict() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("status", List.of("ready,on-hold"));
        query.put("bogus", List.of("1"));
        query.put("_count", List.of("5"));
        query.put("_sort", List.of("-_lastUpdated"));

        TaskSearchParameters.Parsed parsed = TaskSearchParameters.parse(query, false);

        assertThat(parsed.query()).isEqualTo("_count=5&_sort=-_lastUpdated&status=ready,on-hold");
        assertThat(parsed.ignored()).containsExactly("bogus");
        assertThat(parsed.search().order()).isEqualTo(WorkItemSearch.Order.UPDATED_DESC);
        assertThat(parsed.search().conditions()).singleElement().isInstanceOf(WorkItemSearch.StatusIn.class);
        assertThatThrownBy(() -> TaskSearchParameters.parse(query, true)).isInstanceOf(FhirSearchException.class)
                .hasMessageContaining("bogus");
    }

    @Test
    void tokens_ofAnotherSystemMatchNothing_unknownCodesOfOrdosSystemAreRefused() {
        TaskSearchParameters.Parsed other = TaskSearchParameters.parse(Map.of("code", List.of("http://loinc.org|1234-5")), false);
        assertThat(((WorkItemSearch.TypeIn) other.search().conditions().get(0)).types()).isEmpty();
        assertThatThrownBy(() -> TaskSearchParameters.parse(Map.of("code", List.of("NOT_A_TYPE")), false))
                .isInstanceOf(FhirSearchException.class).hasMessageContaining("NOT_A_TYPE");
        assertThatThrownBy(() -> TaskSearchParameters.parse(Map.of("status:missing", List.of("true")), false))
                .isInstanceOf(FhirSearchException.class).hasMessageContaining(":missing");
    }
}
