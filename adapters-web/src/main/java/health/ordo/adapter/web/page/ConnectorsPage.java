package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.in.connector.ListConnectorTypesQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Connectors for tenant admins: each connector of the tenant with its settings (never a secret: only the names of those
 * that hold a value), and a form that creates or changes one — its type from the types this deployment runs, each type's
 * settings described. Secrets are write-only: typed into password fields, never shown again; left empty they keep their
 * value. The same use case as {@code PUT /api/v1/connectors/{id}}: the outbound policy, the checks and maker-checker on
 * credentials apply; a refused value is shown naming its field.
 */
@Controller("/ui/admin/connectors")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorsPage {

    /** One configured connector. */
    public record Row(String id, String type, String baseUrl, long intervalSeconds, boolean enabled, String options, String secretsSet,
                      long version, String updatedBy) {
    }

    /** A connector type and what it takes. */
    public record Type(String type, String description, String settings) {
    }

    /** The form: values as typed (never secrets), and the refusal with its field. */
    public record Form(Map<String, String> values, String errorField, String error) {
    }

    /** The page. */
    public record Connectors(List<Row> connectors, List<Type> types, List<String> secretNames, Form form, String message) {
    }

    private final Pages pages;
    private final ConnectorUseCase connectors;
    private final ListConnectorTypesQuery types;

    ConnectorsPage(Pages pages, ConnectorUseCase connectors, ListConnectorTypesQuery types) {
        this.pages = pages;
        this.connectors = connectors;
        this.types = types;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String edit,
                         @Nullable @QueryValue("m") String message) {
        Caller caller = Caller.of(authentication);
        Map<String, String> values = new LinkedHashMap<>();
        if (edit != null) {
            try {
                ConnectorConfig c = connectors.config(caller.tenant(), edit);
                values.put("id", c.id());
                values.put("type", c.type());
                values.put("baseUrl", c.shownBaseUrl() == null ? "" : c.shownBaseUrl());
                values.put("intervalSeconds", String.valueOf(c.interval().toSeconds()));
                values.put("pageSize", String.valueOf(c.pageSize()));
                values.put("options", lines(c.options()));
                if (c.enabled()) {
                    values.put("enabled", "on");
                }
            } catch (ConnectorNotFoundException e) {
                values.put("id", edit);
            }
        } else {
            values.put("enabled", "on");
        }
        String shown = "saved".equals(message) || "held".equals(message) ? "connectors.m." + message : null;
        return render(request, authentication, HttpStatus.OK, new Form(values, null, null), shown);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        Map<String, String> typed = new LinkedHashMap<>(form == null ? Map.of() : form);
        ConnectorConfig.SECRET_OPTIONS.forEach(typed::remove);
        typed.remove("_csrf");
        try {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (String name : ConnectorConfig.SECRET_OPTIONS) {
                String value = form == null ? null : form.get(name);
                if (value != null && !value.isEmpty()) {
                    secrets.put(name, value);
                }
            }
            connectors.configure(caller.tenant(), typed.getOrDefault("id", "").strip(), new ConnectorConfigChange(
                    blankToNull(typed.get("type")), blankToNull(typed.get("baseUrl")), number(typed, "pageSize"), number(typed, "intervalSeconds"),
                    typed.containsKey("enabled"), options(typed.get("options")), secrets), caller.actor().name());
            return Pages.seeOther("/ui/admin/connectors?m=saved");
        } catch (ApprovalRequiredException e) {
            return Pages.seeOther("/ui/admin/connectors?m=held");
        } catch (InvalidConnectorException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, new Form(typed, e.field(), e.getMessage()), null);
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, Form form, String message) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@connectors.title", "connectors");
        List<Row> rows = new ArrayList<>();
        for (var status1 : connectors.list(caller.tenant())) {
            try {
                ConnectorConfig c = connectors.config(caller.tenant(), status1.name());
                rows.add(new Row(c.id(), c.type(), c.shownBaseUrl() == null ? "" : c.shownBaseUrl(), c.interval().toSeconds(), c.enabled(),
                        lines(c.options()).replace("\n", ", "), String.join(", ", new java.util.TreeSet<>(c.secretsSet())), c.version(), c.updatedBy()));
            } catch (ConnectorNotFoundException e) {
                rows.add(new Row(status1.name(), status1.type(), "", 0, true, layout.t().get("connectors.fromDeployment"), "", 0, ""));
            }
        }
        List<Type> typeRows = types.connectorTypes().stream().map(t -> new Type(t.type(), t.description(), t.settings().stream()
                .map(s -> s.name() + (s.required() ? "*" : "") + (s.secret() ? " (" + layout.t().get("connectors.secret") + ")" : "")
                        + (s.description().isEmpty() ? "" : ": " + s.description())).collect(Collectors.joining("; ")))).toList();
        return pages.page(request, authentication, status, "connectors", layout, new Connectors(rows, typeRows,
                new ArrayList<>(new java.util.TreeSet<>(ConnectorConfig.SECRET_OPTIONS)), form, message));
    }

    /** {@code name=value} per line. */
    private static Map<String, String> options(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        if (text == null) {
            return options;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new InvalidConnectorException("options", "write each option as name=value on its own line: " + line.strip());
            }
            options.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return options;
    }

    private static String lines(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static Integer number(Map<String, String> form, String field) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConnectorException(field, field + " must be a whole number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
