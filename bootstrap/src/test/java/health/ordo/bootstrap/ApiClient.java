package health.ordo.bootstrap;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for black-box tests against the started app: raw status, headers and JSON body. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    ApiClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    record Response(int status, HttpResponse<String> raw, Map<String, Object> body) {

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }

        String string(String field) {
            Object value = body.get(field);
            return value == null ? null : value.toString();
        }
    }

    String login(String username, String password) {
        Response response = post("/login", null, Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed for " + username + ": " + response.status());
        }
        return response.string("access_token");
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token);
    }

    /** A GET asking for CSV; the body is in {@code raw().body()}. */
    Response getCsv(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Accept", "text/csv"), token);
    }

    Response post(String path, String token, Object body) {
        return postRaw(path, token, write(body), "application/json");
    }

    Response put(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).header("Content-Type", "application/json");
        return send(request, token);
    }

    Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), token);
    }

    Response postRaw(String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        return send(request, token);
    }

    Response postBytes(String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return send(request, token);
    }

    /** A multipart/form-data POST with one file part. */
    Response postFile(String path, String token, String part, String fileName, byte[] content, String contentType) {
        String boundary = "ordo-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return postBytes(path, token, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().startsWith("{")
                    ? json.readValue(response.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
