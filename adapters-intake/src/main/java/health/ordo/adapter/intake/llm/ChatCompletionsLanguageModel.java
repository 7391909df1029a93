package health.ordo.adapter.intake.llm;

import health.ordo.application.port.out.intake.LanguageModelPort;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The deployment's own language model behind an OpenAI-compatible chat-completions endpoint (vLLM, Ollama, Azure OpenAI,
 * a hosted model under a business associate agreement), asked for document summaries. Off unless
 * {@code ordo.intake.language-model.url} is set; the deployment, never a tenant, chooses the endpoint. Patient documents
 * are sent only when {@code allow-phi} is true (see {@link health.ordo.domain.intake.OutboundText}). Redirects are not
 * followed, the answer is read within one deadline, and a summary is cut to {@value #MAX_SUMMARY} characters.
 */
@Singleton
@Requires(property = "ordo.intake.language-model.url", pattern = "https?://.+")
public class ChatCompletionsLanguageModel implements LanguageModelPort {

    static final int MAX_SUMMARY = 1000;
    private static final String INSTRUCTION = "You summarise correspondence for a healthcare back-office worker. In at most three short "
            + "sentences, state the decision or request, the amounts, the dates and deadlines, and what the reader must do next. "
            + "Use only facts stated in the document; never guess a value that was masked.";

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final boolean phiAllowed;
    private final Duration timeout;
    private final int maxChars;
    private final JsonMapper json;
    private final HttpClient http;

    public ChatCompletionsLanguageModel(@Value("${ordo.intake.language-model.url}") String url,
                                        @Value("${ordo.intake.language-model.model:}") String model,
                                        @Value("${ordo.intake.language-model.api-key:}") String apiKey,
                                        @Value("${ordo.intake.language-model.allow-phi:false}") boolean phiAllowed,
                                        @Value("${ordo.intake.language-model.timeout:10s}") Duration timeout,
                                        @Value("${ordo.intake.language-model.max-chars:12000}") int maxChars, JsonMapper json) {
        if (model == null || model.isBlank()) {
            throw new IllegalStateException("ordo.intake.language-model.model (ORDO_INTAKE_LLM_MODEL) is required with "
                    + "ordo.intake.language-model.url");
        }
        this.endpoint = URI.create(url.strip());
        this.model = model.strip();
        this.apiKey = apiKey;
        this.phiAllowed = phiAllowed;
        this.timeout = timeout;
        this.maxChars = maxChars;
        this.json = json;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "llm:" + model;
    }

    @Override
    public boolean phiAllowed() {
        return phiAllowed;
    }

    @Override
    public int maxChars() {
        return maxChars;
    }

    @Override
    public String summarize(String text, String typeLabel) {
        Map<String, Object> request = Map.of("model", model, "temperature", 0, "max_tokens", 200, "messages", List.of(
                Map.of("role", "system", "content", INSTRUCTION),
                Map.of("role", "user", "content", "Document type: " + typeLabel + "\n\n" + text)));
        HttpRequest.Builder call = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (apiKey != null && !apiKey.isBlank()) {
            call.header("Authorization", "Bearer " + apiKey.strip());
        }
        try {
            HttpResponse<byte[]> response = http.send(call.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request),
                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the language model answered " + response.statusCode());
            }
            return content(json.readValue(response.body(), Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("the language model cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the language model", e);
        }
    }

    /** {@code choices[0].message.content}, without control characters, cut to its limit. */
    private static String content(Map<String, Object> answer) {
        if (answer.get("choices") instanceof List<?> choices && !choices.isEmpty() && choices.get(0) instanceof Map<?, ?> choice
                && choice.get("message") instanceof Map<?, ?> message && message.get("content") instanceof String content) {
            String clean = content.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
            return clean.length() <= MAX_SUMMARY ? clean : clean.substring(0, MAX_SUMMARY);
        }
        throw new IllegalStateException("the language model's answer has no choices[0].message.content");
    }
}
