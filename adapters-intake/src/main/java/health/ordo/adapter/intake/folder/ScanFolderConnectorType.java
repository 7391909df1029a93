package health.ordo.adapter.intake.folder;

import health.ordo.spi.SourceAdapter;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SettingDescriptor;
import health.ordo.spi.plugin.SourceAdapterProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@value #TYPE} connector type: a tenant's scan folder, which a fax server, a scanner or an SFTP job writes documents
 * into, each taken in by document intake on the connector's schedule. A tenant names its folder, never a path: the folder is
 * {@code <root>/<tenant>/<folder>} under the deployment's scan root ({@code ordo.intake.folders-root}, environment
 * {@code ORDO_INTAKE_FOLDERS_ROOT}), so what a tenant administrator configures never reaches another tenant's folder or
 * anything else on the server.
 */
@Singleton
public class ScanFolderConnectorType implements SourceAdapterProvider {

    public static final String TYPE = "scan-folder";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Path root;
    private final JsonMapper json;
    private final Clock clock;

    /**
     * @param root    the deployment's scan root; blank: {@code <data-dir>/intake}
     * @param dataDir the deployment's data folder
     */
    public ScanFolderConnectorType(@Value("${ordo.intake.folders-root:}") String root, @Value("${ordo.data-dir:data}") String dataDir,
                                   JsonMapper json, Clock clock) {
        this.root = (root == null || root.isBlank() ? Path.of(dataDir, "intake") : Path.of(root)).toAbsolutePath().normalize();
        this.json = json;
        this.clock = clock;
    }

    /** The deployment's scan root: tenant {@code t}'s folder {@code f} is {@code <root>/t/f}. */
    public Path root() {
        return root;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "A scan folder on the deployment's storage: each PDF, image, e-mail or text file a fax server or scanner drops there "
                + "becomes an intake document, classified and turned into work or review";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required("folder", "the folder's name, e.g. fax-inbox (1-63 lower-case letters, digits, - or _): "
                        + "the folder <scan root>/<tenant>/<name> on the deployment's storage, never a path"),
                SettingDescriptor.optional("settle-seconds", "how long a file must stay unchanged before it is taken, default 2 "
                        + "(0-3600), so a file still being written is left alone"));
    }

    @Override
    public boolean usesBaseUrl() {
        return false;
    }

    @Override
    public SourceAdapter create(ConnectorSettings settings) {
        String folder = settings.required("folder");
        if (!NAME.matcher(folder).matches()) {
            throw new IllegalArgumentException("option folder must be a folder name of 1-63 lower-case letters, digits, - or _ "
                    + "(the folder lives under the deployment's scan root; a path is not accepted)");
        }
        if (settings.tenant() == null || !TENANT.matcher(settings.tenant()).matches()) {
            throw new IllegalArgumentException("connector " + settings.name() + ": tenant id " + settings.tenant() + " cannot name a folder");
        }
        Duration settle = Duration.ofSeconds(settleSeconds(settings.option("settle-seconds").orElse("2")));
        Path folderPath = root.resolve(settings.tenant()).resolve(folder).normalize();
        if (!folderPath.startsWith(root)) {
            throw new IllegalArgumentException("option folder must stay under the deployment's scan root");
        }
        return new ScanFolderSource(folderPath, folder, settle, json, clock);
    }

    private static long settleSeconds(String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 0 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // the message below names the option
        }
        throw new IllegalArgumentException("option settle-seconds must be a whole number of seconds from 0 to 3600");
    }
}
