package health.ordo.adapter.erp.http;

import health.ordo.spi.plugin.ConnectorSettings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Supplier criticality for the priority factor of the same name, from supplier data the ERP sends with the invoice and
 * from connector options: {@code critical-suppliers} and {@code sole-source-suppliers} (comma-separated supplier ids or
 * names, e.g. the sole-source clinical suppliers procurement keeps a list of), {@code clinical-categories} (supplier
 * categories or types that carry clinical supplies). Sets {@code supplierCriticality} (CRITICAL, HIGH, MEDIUM, LOW),
 * {@code soleSource} and {@code category} on the item.
 */
public final class SupplierCriticality {

    private final Set<String> critical;
    private final Set<String> soleSource;
    private final Set<String> clinicalCategories;

    public SupplierCriticality(Set<String> critical, Set<String> soleSource, Set<String> clinicalCategories) {
        this.critical = lower(critical);
        this.soleSource = lower(soleSource);
        this.clinicalCategories = lower(clinicalCategories);
    }

    /** The settings {@link #from} reads. */
    public static java.util.List<health.ordo.spi.plugin.SettingDescriptor> settings() {
        return java.util.List.of(
                health.ordo.spi.plugin.SettingDescriptor.optional("critical-suppliers", "supplier ids or names, comma-separated, whose holds rank first"),
                health.ordo.spi.plugin.SettingDescriptor.optional("sole-source-suppliers", "supplier ids or names, comma-separated, with no alternative"),
                health.ordo.spi.plugin.SettingDescriptor.optional("clinical-categories", "supplier categories, comma-separated, that supply patient care"));
    }

    public static SupplierCriticality from(ConnectorSettings settings) {
        return new SupplierCriticality(list(settings, "critical-suppliers"), list(settings, "sole-source-suppliers"),
                list(settings, "clinical-categories"));
    }

    private static Set<String> list(ConnectorSettings settings, String key) {
        return settings.option(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Adds the criticality attributes for a supplier (id and name as the ERP knows them, category or type if any). */
    public void describe(String supplierId, String supplierName, String category, Map<String, Object> attributes) {
        boolean sole = matches(soleSource, supplierId, supplierName);
        boolean clinical = category != null && clinicalCategories.contains(category.toLowerCase(Locale.ROOT));
        String level = sole || matches(critical, supplierId, supplierName) ? "CRITICAL" : clinical ? "HIGH" : "LOW";
        attributes.put("supplierCriticality", level);
        attributes.put("soleSource", sole);
        if (category != null && !category.isBlank()) {
            attributes.put("category", category);
        }
    }

    private static boolean matches(Set<String> set, String id, String name) {
        return (id != null && set.contains(id.toLowerCase(Locale.ROOT))) || (name != null && set.contains(name.toLowerCase(Locale.ROOT)));
    }
}
