package health.ordo.adapter.web.page;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refusals on pages are pages: no session sends the browser to the sign-in page (and back afterwards), a role that may
 * not open a page gets a 403 page in the tenant's look, an expired or forged form a 403 page that says so. The API keeps
 * its RFC 9457 problems.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class PageErrors extends DefaultAuthorizationExceptionHandler {

    /** What an error page shows. */
    public record ErrorView(String heading, String message) {
    }

    private final Pages pages;

    PageErrors(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
               List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges, @Nullable PriorToLoginPersistence priorToLogin,
               Pages pages) {
        super(errors, redirects, redirectService, challenges, priorToLogin);
        this.pages = pages;
    }

    static boolean isPage(HttpRequest<?> request) {
        return request.getPath().equals("/ui") || request.getPath().startsWith("/ui/");
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!isPage(request)) {
            return super.handle(request, exception);
        }
        Authentication authentication = exception.getAuthentication();
        if (authentication == null || !exception.isForbidden()) {
            String back = request.getMethod().name().equals("GET") ? "?next=" + URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8) : "";
            return Pages.seeOther("/ui/sign-in" + back);
        }
        return forbidden(request, authentication, "error.forbidden");
    }

    MutableHttpResponse<String> forbidden(HttpRequest<?> request, @Nullable Authentication authentication, String messageKey) {
        Layout layout;
        try {
            layout = authentication == null ? null : pages.layout(request, authentication, "@error.forbidden.title", "");
        } catch (AuthorizationException e) {
            layout = null; // a caller without a tenant (a platform operator) sees Ordo's own frame
        }
        if (layout == null) {
            layout = pages.anonymous(request, "none", "error.forbidden.title");
        }
        return pages.render(HttpStatus.FORBIDDEN, "error", Map.of("layout", layout,
                "view", new ErrorView(layout.t().get("error.forbidden.title"), layout.t().get(messageKey))));
    }

    /** A form without its CSRF token: 403, nothing done. */
    @Singleton
    static final class CsrfRefused implements ExceptionHandler<PageCsrf.CsrfRefusedException, HttpResponse<?>> {
        private final PageErrors errors;

        CsrfRefused(PageErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, PageCsrf.CsrfRefusedException exception) {
            Authentication authentication = (Authentication) request.getUserPrincipal(Authentication.class).orElse(null);
            return errors.forbidden(request, authentication, "error.csrf");
        }
    }
}
