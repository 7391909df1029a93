package health.ordo.adapter.web.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders a precompiled jte template (Micronaut Views' jte renderer) into an HTML response with the status asked. */
@Singleton
class PageRenderer {

    private final HtmlJteViewsRenderer<Map<String, Object>> jte;

    PageRenderer(HtmlJteViewsRenderer<Map<String, Object>> jte) {
        this.jte = jte;
    }

    MutableHttpResponse<String> render(HttpStatus status, String template, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            jte.render(template, model, null).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).body(html.toString()).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-store");
    }
}
