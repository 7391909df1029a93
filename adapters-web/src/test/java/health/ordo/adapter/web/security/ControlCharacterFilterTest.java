package health.ordo.adapter.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The field a control character hides in is named by its JSON path. */
class ControlCharacterFilterTest {

    @Test
    void aNulInAFieldOrAnArrayElement_isNamedByItsPath() {
        assertThat(ControlCharacterFilter.locate("{\"title\":\"a\\u0000b\"}")).isEqualTo("title");
        assertThat(ControlCharacterFilter.locate("{\"source\":{\"system\":\"x\",\"externalId\":\"\\u0001\"}}")).isEqualTo("source.externalId");
        assertThat(ControlCharacterFilter.locate("{\"items\":[{\"title\":\"ok\"},{\"title\":\"ok\"},{\"title\":\"\\u0000\"}]}"))
                .isEqualTo("items[2].title");
        assertThat(ControlCharacterFilter.locate("{\"tags\":[\"a\",\"b\\u001f\"]}")).isEqualTo("tags[1]");
        assertThat(ControlCharacterFilter.locate("{\"a\\u0000\":1}")).isEqualTo("a\\u0000");
    }

    @Test
    void tabsAndLineBreaksInFreeText_areKept() {
        assertThat(ControlCharacterFilter.locate("{\"note\":\"line one\\nline two\\tand\\r\\n\"}")).isNull();
    }
}
