package health.ordo.bootstrap.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The admin command line: {@code java -jar ordo.jar <command> [options]}. A command runs against the same database as
 * the server (the external one configured, or the embedded one in the data directory, which must then not be in use
 * by a running server) with every background round switched off, and exits with {@link #OK}, {@link #FAILED} or
 * {@link #USAGE}. {@code --help} on any command prints its options without touching the database.
 */
@Command(name = "java -jar ordo.jar", mixinStandardHelpOptions = true, versionProvider = OrdoCli.Version.class,
        description = "Ordo's administration commands. Without a command, Ordo starts its server.",
        subcommands = {VerifyAuditCommand.class, RescoreCommand.class, ImportHistoryCommand.class, ExportCommand.class,
                RotateSecretsKeyCommand.class, CreateTenantCommand.class, CreateUserCommand.class, CommandLine.HelpCommand.class})
public final class OrdoCli implements Runnable {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command ran and found a problem (a broken audit chain, a refused value, a failed job). */
    public static final int FAILED = 1;
    /** The command line itself is wrong (unknown command or option, missing value). */
    public static final int USAGE = 2;

    private static final Set<String> TOP_LEVEL = Set.of("help", "--help", "-h", "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether these program arguments name an admin command (otherwise they are for the server). */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return TOP_LEVEL.contains(args[0]) || new CommandLine(new OrdoCli()).getSubcommands().containsKey(args[0]);
    }

    /**
     * Parses first (help and usage errors never start Ordo), then starts an application context without the HTTP
     * server and background rounds, and runs the command in it.
     *
     * @param properties start-up properties resolved by the launcher (signing secret)
     * @return the exit code
     */
    public static int run(String[] args, Map<String, Object> properties, PrintWriter out, PrintWriter err) {
        return run(args, () -> properties, out, err);
    }

    /**
     * Like {@link #run(String[], Map, PrintWriter, PrintWriter)}, the start-up properties resolved only when a command
     * runs (help and usage errors need none, and create nothing on disk).
     */
    public static int run(String[] args, Supplier<Map<String, Object>> properties, PrintWriter out, PrintWriter err) {
        CommandLine parser = configure(new CommandLine(new OrdoCli()), out, err);
        ParseResult parsed;
        try {
            parsed = parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        }
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        if (!parsed.hasSubcommand()) {
            parser.usage(parser.getOut());
            return OK;
        }
        Map<String, Object> cli;
        try {
            cli = new HashMap<>(properties.get());
        } catch (IllegalStateException e) {
            err.println("Ordo cannot start: " + e.getMessage());
            return FAILED;
        }
        cli.putAll(Map.of(
                "ordo.priority.maintenance.enabled", "false",
                "ordo.events.enabled", "false",
                "ordo.insights.maintenance.enabled", "false",
                "ordo.demo.enabled", "false"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).environments("cli")
                .properties(cli).start()) {
            return configure(new CommandLine(OrdoCli.class, new MicronautFactory(context)), out, err).execute(args);
        }
    }

    private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        return commandLine.setOut(out).setErr(err).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("failed: " + e.getMessage());
            return FAILED;
        }).setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        });
    }

    /** The version of the jar (from its manifest when built by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OrdoCli.class.getPackage().getImplementationVersion();
            return new String[] {"Ordo " + (version == null ? "(development build)" : version)};
        }
    }
}
