package health.ordo.adapter.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Sign-in with a form, on the same accounts, throttling and audit as the API's {@code POST /login} (the same
 * authenticator runs), and sign-out. The form's CSRF token is bound to a pre-session cookie, so another site cannot
 * sign a browser into an account of its choosing.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInPage {

    /** What the sign-in form shows again after a failure. */
    public record SignInView(String username, String error, String next, String message) {
    }

    private final Pages pages;
    private final Authenticator<HttpRequest<?>> authenticator;

    SignInPage(Pages pages, Authenticator<HttpRequest<?>> authenticator) {
        this.pages = pages;
        this.authenticator = authenticator;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> home(@Nullable Authentication authentication) {
        return Pages.seeOther(authentication == null ? "/ui/sign-in" : "/ui/workbench");
    }

    @Get("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next, @Nullable @QueryValue("m") String message) {
        return signInPage(request, HttpStatus.OK, new SignInView("", null, safeNext(next),
                "signed-out".equals(message) ? "signin.signedOut" : "expired".equals(message) ? "signin.expired" : null));
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        pages.csrf().verifySignIn(request, form);
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        String next = safeNext(form.get("next"));
        if (username.isEmpty() || password.isEmpty() || username.length() > 200 || password.length() > 200) {
            return signInPage(request, HttpStatus.UNAUTHORIZED, new SignInView(username, "signin.failed", next, null));
        }
        AuthenticationResponse response = Mono.from(authenticator.authenticate(request, new UsernamePasswordCredentials(username, password)))
                .block();
        if (response == null || !response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            boolean locked = response instanceof AuthenticationFailed failed && failed.getReason() == AuthenticationFailureReason.ACCOUNT_LOCKED;
            return signInPage(request, HttpStatus.UNAUTHORIZED, new SignInView(username, locked ? "signin.locked" : "signin.failed", next, null));
        }
        Authentication authentication = response.getAuthentication().get();
        MutableHttpResponse<?> redirect = Pages.seeOther(next == null ? "/ui/workbench" : next);
        pages.session().start(request, redirect, authentication);
        return redirect;
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        MutableHttpResponse<?> redirect = Pages.seeOther("/ui/sign-in?m=signed-out");
        pages.session().end(request, redirect);
        return redirect;
    }

    private MutableHttpResponse<String> signInPage(HttpRequest<?> request, HttpStatus status, SignInView view) {
        String pre = PageSession.preSession(request).orElse(null);
        boolean fresh = pre == null;
        if (fresh) {
            pre = pages.session().newPreSession();
        }
        MutableHttpResponse<String> response = pages.render(status, "signin", Map.of("layout",
                pages.anonymous(request, pre, "signin.title"), "view", view));
        if (fresh) {
            pages.session().setPreSession(request, response, pre);
        }
        return response;
    }

    /** Only a page of Ordo's own ({@code /ui/…}) is a place to go back to after signing in. */
    static String safeNext(@Nullable String next) {
        return next != null && next.matches("/ui(/[A-Za-z0-9._~-]+)*/?") && !next.startsWith("/ui/sign-") ? next : null;
    }
}
