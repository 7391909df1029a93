package health.ordo.adapter.web.user;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.user.ManageUserAccessUseCase;
import health.ordo.application.port.in.user.UserNotFoundException;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.user.Login;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/users/{login}:disable|enable} (TENANT_ADMIN): a disabled user signs in no more, and the tokens they hold
 * stop working within seconds.
 */
@Controller("/api/v1/users")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class UserAccessController {

    @Serdeable
    record UserAccess(String login, boolean enabled) {
    }

    private final ManageUserAccessUseCase users;

    UserAccessController(ManageUserAccessUseCase users) {
        this.users = users;
    }

    @Post("/{login}:disable")
    @Operation(summary = "Disable a user of the tenant: no sign-in, and their live tokens are refused within seconds")
    UserAccess disable(Authentication authentication, @PathVariable String login) {
        return set(authentication, login, false);
    }

    @Post("/{login}:enable")
    @Operation(summary = "Enable a disabled user of the tenant again")
    UserAccess enable(Authentication authentication, @PathVariable String login) {
        return set(authentication, login, true);
    }

    private UserAccess set(Authentication authentication, String login, boolean enabled) {
        Login parsed;
        try {
            parsed = Login.parse(login);
        } catch (InvalidValueException e) {
            throw new UserNotFoundException(login);
        }
        users.setEnabled(Caller.of(authentication).tenant(), parsed, enabled);
        return new UserAccess(parsed.toString(), enabled);
    }
}
