package health.ordo.adapter.web.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses JSON bodies whose text holds a C0 control character (NUL and the like; tab, line feed and carriage return are
 * kept in free text) before anything reaches a use case or PostgreSQL: {@code 400} naming the field, e.g.
 * {@code items[2].title}; FHIR uploads too ({@code /oauth/token} takes a form, which its controller checks). X12 files, whose delimiters may themselves be control characters, are checked by
 * their reader (NUL refused).
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^/(login/?|api/v1/(?!inbound/x12|intake/documents/?$).*)$",
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
class ControlCharacterFilter implements Ordered {

    /** An escaped C0 control other than tab, line feed and carriage return: \\u0000-\\u0008, \\u000b, \\u000c, \\u000e-\\u001f, \\b, \\f. */
    private static final Pattern ESCAPED_CONTROL = Pattern.compile("\\\\(u00(0[0-8bBcCeEfF]|1[0-9a-fA-F])|[bf])");
    private static final JsonFactory JSON = new JsonFactory();

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseControlCharacters(HttpRequest<?> request, @Nullable @Body String body) {
        if (body == null || body.isEmpty() || !json(request)) {
            return null;
        }
        boolean raw = body.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        if (!raw && !ESCAPED_CONTROL.matcher(body).find()) {
            return null;
        }
        String field = locate(body);
        if (field == null) {
            return null; // not in a string: the JSON reader refuses it as malformed
        }
        String message = "a control character (such as NUL) is not allowed in text";
        return Problems.response(request, ProblemType.INVALID_REQUEST, message, List.of(new Problem.FieldError(field, message)));
    }

    private static boolean json(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                || type.equals(MediaType.APPLICATION_JSON_TYPE)).orElse(true);
    }

    /** Where the parser is: in an object at a field, or in an array at an index. */
    private static final class Context {
        final boolean array;
        String field;
        int index = -1;

        Context(boolean array) {
            this.array = array;
        }
    }

    /** The JSON path of the first string (value or name) holding a control character; null when there is none. */
    static String locate(String body) {
        Deque<Context> stack = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    stack.peek().field = parser.currentName();
                    if (control(parser.currentName())) {
                        return render(stack);
                    }
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (!stack.isEmpty() && stack.peek().array) {
                    stack.peek().index++;
                }
                if (token == JsonToken.VALUE_STRING && control(parser.getText())) {
                    return render(stack);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Context(token == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException e) {
            return "body";
        }
        return null;
    }

    /** A name with its control characters written as escapes, so the problem itself carries none. */
    private static String visible(String name) {
        StringBuilder out = new StringBuilder();
        name.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static boolean control(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }

    private static String render(Deque<Context> stack) {
        StringBuilder out = new StringBuilder();
        java.util.Iterator<Context> it = stack.descendingIterator();
        while (it.hasNext()) {
            Context context = it.next();
            if (context.array) {
                out.append('[').append(context.index).append(']');
            } else if (context.field != null) {
                out.append(out.length() == 0 ? "" : ".").append(visible(context.field));
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 20;
    }
}
