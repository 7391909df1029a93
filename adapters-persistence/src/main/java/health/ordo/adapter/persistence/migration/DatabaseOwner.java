package health.ordo.adapter.persistence.migration;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The login that owns the schema and runs the migrations ({@code ordo.database.owner.*}, or
 * {@code ORDO_DATABASE_OWNER_USERNAME} / {@code _PASSWORD}). Unset, the application's own login migrates.
 * The embedded PostgreSQL sets it to its superuser and lets the application log in as {@code ordo_app}.
 */
@ConfigurationProperties("ordo.database.owner")
public class DatabaseOwner {

    private String username;
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
