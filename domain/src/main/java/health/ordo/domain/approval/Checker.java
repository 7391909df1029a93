package health.ordo.domain.approval;

import health.ordo.domain.shared.InvalidValueException;

/**
 * The second person deciding a held action: their login, and whether they administer the tenant (only a tenant admin
 * decides on configuration; a supervisor may decide write-offs).
 */
public record Checker(String login, boolean tenantAdmin) {

    public Checker {
        InvalidValueException.require(login != null && !login.isBlank(), "checker", "a checker is required");
    }
}
