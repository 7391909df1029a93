package health.ordo.spi.plugin;

import java.util.Objects;

/**
 * One setting a connector type takes.
 *
 * @param name        the option's name, e.g. {@code company}; secrets use Ordo's secret names ({@code password},
 *                    {@code client-secret}, {@code refresh-token}, {@code bearer-token}), stored encrypted
 * @param required    whether a connector without it cannot be built
 * @param secret      whether it is a credential (sent under {@code secrets}, never shown again)
 * @param description what it is, with an example value
 */
public record SettingDescriptor(String name, boolean required, boolean secret, String description) {

    public SettingDescriptor {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    public static SettingDescriptor required(String name, String description) {
        return new SettingDescriptor(name, true, false, description);
    }

    public static SettingDescriptor optional(String name, String description) {
        return new SettingDescriptor(name, false, false, description);
    }

    public static SettingDescriptor secret(String name, boolean required, String description) {
        return new SettingDescriptor(name, required, true, description);
    }

    /**
     * The settings of {@link health.ordo.spi.http.Auth#fromOptions}: {@code auth} and the credentials each kind needs.
     */
    public static java.util.List<SettingDescriptor> auth() {
        return java.util.List.of(
                optional("auth", "none (default), basic, bearer, oauth-client-credentials or oauth-refresh-token"),
                optional("username", "with auth=basic"),
                secret("password", false, "with auth=basic"),
                secret("bearer-token", false, "with auth=bearer"),
                optional("token-url", "with auth=oauth-*: the OAuth 2.0 token endpoint"),
                optional("client-id", "with auth=oauth-*"),
                secret("client-secret", false, "with auth=oauth-*"),
                secret("refresh-token", false, "with auth=oauth-refresh-token"),
                optional("scope", "with auth=oauth-*: the scope to ask for"),
                optional("timeout-seconds", "per call, default 30"));
    }
}
