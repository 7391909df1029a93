package health.ordo.adapter.persistence.workitem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads flat JSON objects of scalars for jsonb columns with Jackson's streaming API, so decimals
 * stay exact (a tree or data-binding read would turn 0.1234567890123456789 into a double).
 */
@Singleton
public class FlatJson {

    private final JsonFactory factory = new JsonFactory();

    public String write(Map<String, ?> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                generator.writeFieldName(entry.getKey());
                Object value = entry.getValue();
                if (value instanceof BigDecimal d) {
                    generator.writeNumber(d);
                } else if (value instanceof Boolean b) {
                    generator.writeBoolean(b);
                } else {
                    generator.writeString(String.valueOf(value));
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public Map<String, Object> read(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("jsonb column does not hold an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                Object value = switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_STRING -> parser.getText();
                    default -> throw new IllegalStateException("attribute " + name + " is not a scalar");
                };
                values.put(name, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
