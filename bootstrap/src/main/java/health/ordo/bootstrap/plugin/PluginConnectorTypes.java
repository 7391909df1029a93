package health.ordo.bootstrap.plugin;

import health.ordo.application.port.out.connector.InstalledConnectorTypesPort;
import health.ordo.spi.plugin.SourceAdapterProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Ordo's own connector types and those of the plug-ins in the plug-in folder ({@code ordo.plugins.dir}, environment
 * {@code ORDO_PLUGINS_DIR}, default {@code plugins/} in the working directory), found once at start-up with
 * {@link ServiceLoader}. A plug-in is a jar in the folder, or a sub-folder whose jars (the adapter and its own
 * libraries) load together; each plug-in has its own class loader whose parent is Ordo's, so it sees the adapter SPI
 * (and Ordo's libraries first) and not the other plug-ins. A plug-in that cannot be loaded, or a type two sources
 * claim, stops the start with a message naming the file: a deployment never runs with a connector type silently
 * missing or ambiguous.
 */
@Singleton
class PluginConnectorTypes implements InstalledConnectorTypesPort {

    private static final Logger LOG = LoggerFactory.getLogger(PluginConnectorTypes.class);

    private final List<Installed> installed;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    PluginConnectorTypes(List<SourceAdapterProvider> builtIns, @Value("${ordo.plugins.dir:plugins}") String dir) {
        Map<String, Installed> byType = new LinkedHashMap<>();
        for (SourceAdapterProvider provider : builtIns) {
            add(byType, new Installed(provider, BUILT_IN));
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        if (Files.isDirectory(folder)) {
            for (Path plugin : plugins(folder)) {
                for (SourceAdapterProvider provider : load(plugin)) {
                    add(byType, new Installed(provider, plugin.getFileName().toString()));
                    LOG.info("Plug-in {}: connector type {}", plugin.getFileName(), provider.type());
                }
            }
        } else {
            LOG.info("No plug-in folder at {}: built-in connector types only", folder);
        }
        this.installed = List.copyOf(byType.values());
    }

    private static void add(Map<String, Installed> byType, Installed type) {
        String name = type.provider().type();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalStateException("Connector type '" + name + "' from " + type.origin()
                    + " is not a valid type name (lower-case letters, digits and dashes)");
        }
        Installed earlier = byType.putIfAbsent(name, type);
        if (earlier != null) {
            throw new IllegalStateException("Connector type " + name + " is provided twice: by " + earlier.origin() + " and by "
                    + type.origin() + "; remove one of them from the plug-in folder");
        }
    }

    /** The jars directly in the folder and its sub-folders, each one plug-in, in name order. */
    private static List<Path> plugins(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plug-in folder " + folder, e);
        }
    }

    private List<SourceAdapterProvider> load(Path plugin) {
        List<URL> jars = new ArrayList<>();
        try {
            if (Files.isDirectory(plugin)) {
                try (Stream<Path> files = Files.list(plugin)) {
                    for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(jar.toUri().toURL());
                    }
                }
            } else {
                jars.add(plugin.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Plug-in " + plugin + " cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Plug-in " + plugin + " cannot be read", e);
        }
        URLClassLoader loader = new URLClassLoader("plugin-" + plugin.getFileName(), jars.toArray(URL[]::new),
                SourceAdapterProvider.class.getClassLoader());
        loaders.add(loader);
        List<SourceAdapterProvider> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<SourceAdapterProvider> candidate : ServiceLoader.load(SourceAdapterProvider.class, loader)
                    .stream().toList()) {
                if (candidate.type().getClassLoader() == loader) { // the plug-in's own, not Ordo's seen through the parent
                    found.add(candidate.get());
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalStateException("Plug-in " + plugin.getFileName() + " cannot be loaded: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            LOG.warn("Plug-in {} names no {} in META-INF/services: it adds no connector type", plugin.getFileName(),
                    SourceAdapterProvider.class.getName());
        }
        return found;
    }

    @Override
    public List<Installed> installed() {
        return installed;
    }

    @PreDestroy
    void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Closing a plug-in class loader failed", e);
            }
        }
    }
}
