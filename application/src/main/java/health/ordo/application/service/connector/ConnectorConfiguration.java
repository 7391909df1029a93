package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.http.OutboundPolicy;
import health.ordo.spi.http.OutboundRefusedException;
import health.ordo.spi.http.SourceHttp;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tenant's connector configurations and their validation. Every destination a configuration names (the base URL and
 * every option whose name ends in {@code url}) must pass the deployment's {@link OutboundPolicy} when it is saved, and
 * again at every request. Secrets are values: a reference to the server's environment, files or properties is refused,
 * and a change that moves stored credentials to another destination must carry them again (and so passes the tenant's
 * maker-checker for credentials, when that is on).
 */
public final class ConnectorConfiguration {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Option names that hold credentials whatever they are called (client_secret, api-token, …). */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i)(secret|password|passwd|api[-_]?key|private[-_]?key|access[-_]?token|refresh[-_]?token|bearer|(^|[-_])token$)");
    /** What a reference to somewhere on the server looks like: {@code env:HOME}, {@code file:/etc/…}, {@code ${…}}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)^\\s*(env|file|sys|sysprop|system|property|prop|vault|secret|classpath|k8s|aws|gcp|azure)\\s*:.*|.*\\$\\{.*", Pattern.DOTALL);

    private final ConnectorCatalogue catalogue;
    private final TransactionPort transactions;
    private final Clock clock;
    private final ApprovalGate gate;

    /** @param gate maker-checker for connector credentials; null where it does not apply */
    public ConnectorConfiguration(ConnectorCatalogue catalogue, TransactionPort transactions, Clock clock, ApprovalGate gate) {
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.clock = clock;
        this.gate = gate;
    }

    public ConnectorConfig config(TenantId tenant, String id) {
        return transactions.readOnly(tenant, () -> catalogue.configs().find(tenant, id)).map(ConnectorConfigPort.Stored::config)
                .orElseThrow(() -> new ConnectorNotFoundException(id));
    }

    /** The approved change of credentials, in the approval's transaction, in the maker's name. */
    public String configureApproved(TenantId tenant, String id, ConnectorConfigChange change, String maker) {
        ConnectorConfig config = configure(tenant, id, change, maker, true);
        return "connector " + id + " v" + config.version() + " saved with new credentials";
    }

    public ConnectorConfig configure(TenantId tenant, String id, ConnectorConfigChange change, String actor, boolean approved) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidConnectorException("id", "a connector id is 1-63 lower-case letters, digits or dashes");
        }
        if (catalogue.inDeployment(tenant, id)) {
            throw new InvalidConnectorException("id", "connector " + id + " is defined in the deployment's settings");
        }
        if (change.type() == null || !catalogue.types().contains(change.type())) {
            throw new InvalidConnectorException("type", "type must be one of " + new TreeSet<>(catalogue.types()));
        }
        URI baseUrl = catalogue.usesBaseUrl(change.type()) ? destination("baseUrl", change.baseUrl()) : local(change.type(), change.baseUrl());
        int pageSize = change.pageSize() == null ? 100 : change.pageSize();
        if (pageSize < 1 || pageSize > 1000) {
            throw new InvalidConnectorException("pageSize", "pageSize must be between 1 and 1000");
        }
        int interval = change.intervalSeconds() == null ? 300 : change.intervalSeconds();
        if (interval < 30 || interval > 86_400) {
            throw new InvalidConnectorException("intervalSeconds", "intervalSeconds must be between 30 and 86400");
        }
        Map<String, String> options = change.options() == null ? Map.of() : change.options();
        validateOptions(options);
        Map<String, String> requested = change.secrets() == null ? Map.of() : change.secrets();
        validateSecrets(requested);
        Optional<ConnectorConfigPort.Stored> before = transactions.readOnly(tenant, () -> catalogue.configs().find(tenant, id));
        requireCredentialsWithNewDestination(before, baseUrl, options, requested);
        if (!approved && !requested.isEmpty() && gate != null && gate.settings(tenant).requires(ApprovalKind.CONNECTOR_CREDENTIALS)) {
            throw gate.hold(tenant, ApprovalKind.CONNECTOR_CREDENTIALS, "connector " + id,
                    "set credentials " + new TreeSet<>(requested.keySet()) + " of connector " + id + " (" + change.type() + ", "
                            + baseUrl + ")", ConnectorChanges.toParameters(id, change), actor);
        }
        return transactions.inTransaction(tenant, () -> {
            Optional<ConnectorConfigPort.Stored> existing = catalogue.configs().find(tenant, id);
            requireCredentialsWithNewDestination(existing, baseUrl, options, requested);
            Map<String, String> secrets = new HashMap<>(existing.map(ConnectorConfigPort.Stored::secrets).orElse(Map.of()));
            requested.forEach((name, value) -> {
                if (value == null || value.isEmpty()) {
                    secrets.remove(name);
                } else {
                    secrets.put(name, value);
                }
            });
            long version = existing.map(s -> s.config().version() + 1).orElse(1L);
            ConnectorConfig config = new ConnectorConfig(id, change.type(), baseUrl, pageSize, Duration.ofSeconds(interval),
                    change.enabled() == null || change.enabled(), options, secrets.keySet(), version, clock.instant(), actor);
            ConnectorCatalogue.Built check = catalogue.create(new ConnectorConfigPort.Stored(tenant, config, secrets));
            if (check.connector() == null) {
                throw new InvalidConnectorException("options", check.error());
            }
            String system = check.connector().adapter().system();
            requireOnePerSourceSystem(tenant, id, system);
            catalogue.configs().save(tenant, config, secrets, system);
            return config;
        });
    }

    /** The stand-in address of a type that reaches no URL ({@code local:<type>}); naming one is refused. */
    private static URI local(String type, String value) {
        if (value != null && !value.isBlank()) {
            throw new InvalidConnectorException("baseUrl", "a " + type + " connector reaches no URL: leave baseUrl out");
        }
        return URI.create(ConnectorConfig.LOCAL_SCHEME + ":" + type);
    }

    /** A destination the outbound policy admits, or the problem naming the field. */
    private URI destination(String field, String value) {
        URI url;
        try {
            url = value == null ? null : new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("https") || url.getScheme().equalsIgnoreCase("http"))) {
            throw new InvalidConnectorException(field, field + " must be an absolute http(s) URL");
        }
        try {
            catalogue.http().policy().check(url);
        } catch (OutboundRefusedException e) {
            throw new InvalidConnectorException(field, field + " " + e.getMessage());
        }
        return url;
    }

    private void validateOptions(Map<String, String> options) {
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (ConnectorConfig.SECRET_OPTIONS.contains(name) || SECRET_LIKE.matcher(name).find()) {
                throw new InvalidConnectorException("options." + name, name + " looks like a secret: send it under secrets ("
                        + new TreeSet<>(ConnectorConfig.SECRET_OPTIONS) + "), which are stored encrypted and never shown");
            }
            if (option.getValue() == null) {
                throw new InvalidConnectorException("options." + name, "an option needs a text value");
            }
            if (isDestination(name)) {
                destination("options." + name, option.getValue());
            }
        }
        if (options.containsKey("timeout-seconds")) {
            try {
                SourceHttp.timeout("", options.get("timeout-seconds"), 30, catalogue.http().policy());
            } catch (IllegalArgumentException e) {
                throw new InvalidConnectorException("options.timeout-seconds", "timeout-seconds must be a whole number from 1 to "
                        + catalogue.http().policy().maxTimeout().toSeconds());
            }
        }
    }

    private static boolean isDestination(String option) {
        return option.toLowerCase(Locale.ROOT).replace("_", "-").endsWith("url");
    }

    private static void validateSecrets(Map<String, String> requested) {
        for (Map.Entry<String, String> secret : requested.entrySet()) {
            String name = secret.getKey();
            if (!ConnectorConfig.SECRET_OPTIONS.contains(name)) {
                throw new InvalidConnectorException("secrets." + name, "secrets may hold only " + new TreeSet<>(ConnectorConfig.SECRET_OPTIONS));
            }
            if (secret.getValue() != null && REFERENCE.matcher(secret.getValue()).matches()) {
                throw new InvalidConnectorException("secrets." + name, "a secret is sent as its value; references to the server's "
                        + "environment, files or properties are not accepted (an operator configures those in the deployment)");
            }
        }
    }

    /**
     * Credentials stored for one destination are not sent to another unless they come again with the change: otherwise
     * whoever may edit a connector could redirect the stored password to a host of their choosing.
     */
    private static void requireCredentialsWithNewDestination(Optional<ConnectorConfigPort.Stored> existing, URI baseUrl,
                                                             Map<String, String> options, Map<String, String> requested) {
        if (existing.isEmpty() || existing.get().secrets().isEmpty()) {
            return;
        }
        ConnectorConfig before = existing.get().config();
        List<String> moved = new ArrayList<>();
        if (!before.baseUrl().equals(baseUrl)) {
            moved.add("baseUrl");
        }
        java.util.Set<String> names = new TreeSet<>(before.options().keySet());
        names.addAll(options.keySet());
        for (String name : names) {
            if (isDestination(name) && !Objects.equals(before.options().get(name), options.get(name))) {
                moved.add("options." + name);
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        List<String> missing = existing.get().secrets().keySet().stream().sorted()
                .filter(name -> !requested.containsKey(name) || requested.get(name) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidConnectorException("secrets." + missing.get(0), String.join(", ", moved) + " changed while credentials "
                    + "are stored: send the credentials " + missing + " again with the new destination (stored credentials never "
                    + "follow a connector to another destination)");
        }
    }

    /**
     * Items are keyed by (source system, record id) and written back to the system's connector: two connectors of one system
     * in a tenant would overwrite each other's items and send write-backs to the wrong one.
     */
    private void requireOnePerSourceSystem(TenantId tenant, String id, String system) {
        List<String> sameSystem = new ArrayList<>(catalogue.deploymentConnectors(tenant).stream()
                .filter(c -> c.adapter().system().equals(system)).map(Connector::name).toList());
        for (ConnectorConfigPort.Stored other : catalogue.configs().all()) {
            if (other.tenant().equals(tenant) && !other.config().id().equals(id)) {
                Connector built = catalogue.create(other).connector();
                if (built != null && built.adapter().system().equals(system)) {
                    sameSystem.add(other.config().id());
                }
            }
        }
        if (!sameSystem.isEmpty()) {
            throw new InvalidConnectorException("type", "connector " + sameSystem.get(0) + " already serves source system " + system
                    + " in this tenant; change that connector instead (one connector per source system)");
        }
    }
}
