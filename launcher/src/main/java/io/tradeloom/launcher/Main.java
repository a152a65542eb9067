package io.tradeloom.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.DatabaseUnavailableException;
import io.tradeloom.db.Migrations;
import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.diagnose.Diagnosis;
import io.tradeloom.launcher.diagnose.DiagnosisReport;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.launcher.health.StatusReport;
import io.tradeloom.launcher.supervise.HealthLog;
import io.tradeloom.launcher.supervise.RestartPolicy;
import io.tradeloom.launcher.supervise.StartupException;
import io.tradeloom.launcher.supervise.Supervisor;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.logging.LineFormatter;

/** {@code java -jar launcher/target/launcher.jar up|status|diagnose|migrate}. */
public final class Main {

    static final int EXIT_OK = 0;
    /** Something is down or failed to start. */
    static final int EXIT_UNHEALTHY = 1;
    /** The configuration or the database cannot be used (as the services' own exit code 2). */
    static final int EXIT_UNUSABLE = 2;
    /** EX_USAGE from sysexits.h. */
    static final int EXIT_USAGE = 64;

    /** How long each service may take to become ready. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    static final String USAGE = """
            Usage: java -jar launcher/target/launcher.jar <command>

            Commands:
              up        migrate the database, then start all nine services in order and supervise them
                        (a service that dies is restarted); Ctrl-C stops everything
              status    show each service's port, health, version, uptime and log file
              diagnose  check services, database integrity, disk space and configuration;
                        exit code 0 only when all is well
              migrate   apply pending database migrations and print the schema version

            Configuration comes from the environment and from a .env file in the working directory
            (the environment wins): DATABASE_PATH, LOG_DIR, LOG_LEVEL, TRADING_ENV, the *_URL of each
            service (its port is the URL's port) and TRADELOOM_HOME (the repository root holding the
            service jars; by default the one above this launcher's jar).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(List.of(args), System.getenv(), Path.of(""), System.out, System.err));
    }

    /** Runs one command; returns the process exit code. */
    static int run(List<String> args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        String command = args.getFirst();
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            out.print(USAGE);
            return EXIT_OK;
        }
        if (!List.of("up", "status", "diagnose", "migrate").contains(command)) {
            err.println("Unknown command '" + command + "'.");
            err.print(USAGE);
            return EXIT_USAGE;
        }
        LauncherConfig config;
        Installation installation;
        try {
            config = LauncherConfig.load(env, workingDir.toAbsolutePath());
            Map<String, String> vars = new HashMap<>(config.dotEnv());
            vars.putAll(env);
            installation = Installation.locate(vars);
        } catch (ConfigurationException | UncheckedIOException e) {
            err.println("Configuration error: " + e.getMessage());
            return EXIT_UNUSABLE;
        }
        return switch (command) {
            case "migrate" -> migrate(config, out, err);
            case "status" -> status(config, out);
            case "diagnose" -> diagnose(config, installation, out);
            default -> up(config, installation, out, err);
        };
    }

    private static int migrate(LauncherConfig config, PrintStream out, PrintStream err) {
        try {
            String version = migrate(config.databasePath());
            out.println("Database " + config.databasePath() + " is at schema version " + version + ".");
            return EXIT_OK;
        } catch (DatabaseUnavailableException e) {
            err.println("Migration failed: " + e.getMessage());
            return EXIT_UNUSABLE;
        }
    }

    /** Applies pending migrations to the database at {@code path}; returns the schema version. */
    static String migrate(Path path) {
        try (Database db = Database.open(DatabaseSettings.defaults(path))) {
            return Migrations.migrate(db);
        }
    }

    private static int status(LauncherConfig config, PrintStream out) {
        try (HealthProbe probe = new HealthProbe()) {
            StatusReport report = StatusReport.collect(config, probe);
            out.print(report.table());
            return report.allUp() ? EXIT_OK : EXIT_UNHEALTHY;
        }
    }

    private static int diagnose(LauncherConfig config, Installation installation, PrintStream out) {
        try (HealthProbe probe = new HealthProbe()) {
            DiagnosisReport report = new Diagnosis(config, installation, probe).run();
            out.print(report.render());
            return report.healthy() ? EXIT_OK : EXIT_UNHEALTHY;
        }
    }

    private static int up(LauncherConfig config, Installation installation, PrintStream out, PrintStream err) {
        List<Path> missing = installation.missingJars();
        if (!missing.isEmpty()) {
            err.println("Not built: " + missing + ".\nBuild the services with ./mvnw -B -DskipTests package,"
                    + " or set TRADELOOM_HOME to the repository root.");
            return EXIT_UNUSABLE;
        }
        int migrated = migrate(config, out, err);
        if (migrated != EXIT_OK) {
            return migrated;
        }
        try (HealthLog log = HealthLog.open(config.logDir()); HealthProbe probe = new HealthProbe()) {
            Supervisor supervisor = new Supervisor(config, installation, RestartPolicy.DEFAULT, READY_TIMEOUT,
                    log, probe, out::println);
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "launcher-shutdown"));
            out.println("Starting TradeLoom; each service's output goes to " + config.logDir() + "/<module>.out");
            try {
                supervisor.start();
            } catch (StartupException e) {
                err.println(e.getMessage());
                return EXIT_UNHEALTHY;
            }
            out.println();
            out.print(StatusReport.collect(config, probe).table());
            out.println();
            out.println("All services are up and supervised. Press Ctrl-C to stop them.");
            supervisor.awaitStopped();
            return EXIT_OK;
        } catch (IOException e) {
            err.println("Cannot open the health log in " + config.logDir() + ": " + e.getMessage());
            return EXIT_UNUSABLE;
        }
    }

    /**
     * Flyway, HikariCP and Helidon log through JUL at INFO; the launcher's console is for its own
     * progress and reports, so only their warnings show.
     */
    private static void quietLibraryLogging() {
        LogManager.getLogManager().reset();
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new LineFormatter("launcher"));
        console.setLevel(Level.WARNING);
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(console);
    }
}
