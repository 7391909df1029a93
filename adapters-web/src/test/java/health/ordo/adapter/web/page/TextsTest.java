package health.ordo.adapter.web.page;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void texts_comeFromTheBundle_inTheTenantsOwnWords() {
        Texts ordo = new Texts(Locale.ENGLISH, Map.of());
        Texts clinic = new Texts(Locale.ENGLISH, Map.of("work items", "cases", "get next work", "next case", "queue", "desk"));

        assertThat(ordo.get("workbench.mine")).isEqualTo("My work items");
        assertThat(clinic.get("workbench.mine")).isEqualTo("My cases");
        assertThat(clinic.get("workbench.getNext")).isEqualTo("Next case (n)");
        assertThat(clinic.term("Queue")).isEqualTo("Desk");
        assertThat(ordo.get("item.scoreIs", "41.7")).isEqualTo("Score 41.7");
        assertThat(ordo.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void textOnABrandColour_isBlackOrWhite_whicheverContrastsMore() {
        assertThat(BrandingPage.onColour("#1A5FB4")).isEqualTo("#FFFFFF");
        assertThat(BrandingPage.onColour("#F4B400")).isEqualTo("#000000");
        assertThat(BrandingPage.onColour("#7B1FA2")).isEqualTo("#FFFFFF");
    }
}
