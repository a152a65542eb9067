package io.tradeloom.launcher.diagnose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.diagnose.Finding.Section;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.launcher.health.Ports;
import io.tradeloom.launcher.health.ServiceStatus;
import io.tradeloom.launcher.health.StatusReport;

/**
 * The seed's diagnostic toolkit: each service's health, the database's integrity and schema, free
 * disk, and the configuration problems that keep a service from starting. Only reads: a missing
 * database file is reported, never created.
 */
public final class Diagnosis {

    /** Below this, the database and the logs may soon fill the disk. */
    static final long MIN_FREE_BYTES = 1L << 30;
    /**
     * SQLite folds the write-ahead log back at about 4 MB; one far larger means checkpoints cannot
     * complete, usually because a reader never lets go.
     */
    static final long MAX_WAL_BYTES = 100L << 20;

    private final LauncherConfig config;
    private final Installation installation;
    private final HealthProbe probe;

    public Diagnosis(LauncherConfig config, Installation installation, HealthProbe probe) {
        this.config = config;
        this.installation = installation;
        this.probe = probe;
    }

    public DiagnosisReport run() {
        StatusReport status = StatusReport.collect(config, probe);
        List<Finding> findings = new ArrayList<>(services(status));
        findings.addAll(database());
        findings.addAll(disk());
        findings.addAll(config(status));
        return new DiagnosisReport(findings);
    }

    public List<Finding> services(StatusReport status) {
        return status.services().stream().map(s -> s.up()
                ? Finding.ok(Section.SERVICES, s.service().displayName() + " is UP at " + s.url()
                        + s.info().map(i -> " (version " + i.version() + ", pid " + i.pid() + ")").orElse(""))
                : Finding.problem(Section.SERVICES, s.service().displayName() + " is DOWN: no ready answer from "
                        + s.url().resolve(HealthProbe.READY_PATH) + "; see " + s.logFile()))
                .toList();
    }

    public List<Finding> database() {
        Path file = config.databasePath();
        if (!Files.isRegularFile(file)) {
            return List.of(Finding.problem(Section.DATABASE, "The database " + file
                    + " does not exist. Create it with: java -jar launcher/target/launcher.jar migrate"));
        }
        if (sizeOf(file) == 0) {
            // Opening it would write a fresh header: leave that to migrate.
            return List.of(Finding.problem(Section.DATABASE, "The database " + file
                    + " is empty. Create the schema with: java -jar launcher/target/launcher.jar migrate"));
        }
        List<Finding> findings = new ArrayList<>();
        // A short busy timeout: a diagnosis should report a locked database, not wait 30 s on it.
        DatabaseSettings settings = DatabaseSettings.defaults(file).withBusyTimeout(Duration.ofSeconds(5));
        try (Database db = Database.open(settings)) {
            Database.FileSizes sizes = db.fileSizes();
            findings.add(Finding.ok(Section.DATABASE, "file " + file + " (" + bytes(sizes.databaseBytes()) + ")"));
            findings.add(sizes.walBytes() > MAX_WAL_BYTES
                    ? Finding.problem(Section.DATABASE, "write-ahead log is " + bytes(sizes.walBytes())
                            + ": checkpoints are not completing; a long-running reader may hold them back")
                    : Finding.ok(Section.DATABASE, "write-ahead log " + bytes(sizes.walBytes())));
            List<String> integrity = db.integrityCheck();
            findings.add(integrity.equals(List.of("ok"))
                    ? Finding.ok(Section.DATABASE, "integrity_check: ok")
                    : Finding.problem(Section.DATABASE, "integrity_check found damage: "
                            + String.join("; ", integrity.subList(0, Math.min(5, integrity.size())))
                            + (integrity.size() > 5 ? " (and " + (integrity.size() - 5) + " more)" : "")
                            + ". Restore the database from a backup."));
            findings.add(schema(Migrations.status(db)));
        } catch (RuntimeException e) {
            findings.add(Finding.problem(Section.DATABASE, "cannot check the database: " + Database.rootMessage(e)));
        }
        return findings;
    }

    private static Finding schema(Migrations.SchemaStatus s) {
        if (s.newerThanKnown()) {
            return Finding.problem(Section.DATABASE, "schema version " + s.current() + " is newer than this build knows ("
                    + s.latestKnown() + "); run the matching TradeLoom version");
        }
        if (s.pending() > 0) {
            return Finding.problem(Section.DATABASE, "schema version " + s.current() + ", " + s.pending()
                    + " migration(s) pending up to " + s.latestKnown() + ". Run: java -jar launcher/target/launcher.jar migrate");
        }
        return Finding.ok(Section.DATABASE, "schema version " + s.current() + " (the latest this build knows)");
    }

    public List<Finding> disk() {
        Path dir = existingAncestor(config.databasePath().getParent());
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            return List.of(free < MIN_FREE_BYTES
                    ? Finding.problem(Section.DISK, "only " + bytes(free) + " free at " + dir + " (under 1 GB)")
                    : Finding.ok(Section.DISK, bytes(free) + " free at " + dir));
        } catch (IOException e) {
            return List.of(Finding.problem(Section.DISK, "cannot tell the free space at " + dir + ": " + e.getMessage()));
        }
    }

    /** Paths, built jars, and the ports of services that are down. */
    public List<Finding> config(StatusReport status) {
        List<Finding> findings = new ArrayList<>();
        findings.add(writable("LOG_DIR", config.logDir()));
        findings.add(writable("database directory", config.databasePath().getParent()));
        List<Path> missing = installation.missingJars();
        findings.add(missing.isEmpty()
                ? Finding.ok(Section.CONFIG, "service jars built under " + installation.home())
                : Finding.problem(Section.CONFIG, "not built: " + missing
                        + ". Build with ./mvnw -B -DskipTests package, or set TRADELOOM_HOME to the repository root"));
        for (ServiceStatus s : status.services()) {
            if (s.up() || !Ports.isLocal(s.url())) {
                continue;
            }
            findings.add(Ports.inUse(s.port())
                    ? Finding.problem(Section.CONFIG, "port " + s.port() + " is held by another process, so "
                            + s.service().displayName() + " cannot start; stop it or set " + s.service().urlVariable()
                            + " to another port")
                    : Finding.ok(Section.CONFIG, "port " + s.port() + " is free for " + s.service().displayName()));
        }
        return findings;
    }

    private static Finding writable(String what, Path dir) {
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir)
                    ? Finding.ok(Section.CONFIG, what + " " + dir + " is writable")
                    : Finding.problem(Section.CONFIG, what + " " + dir + " is not writable");
        }
        if (Files.exists(dir)) {
            return Finding.problem(Section.CONFIG, what + " " + dir + " is a file, not a directory");
        }
        Path parent = existingAncestor(dir);
        return Files.isWritable(parent)
                ? Finding.ok(Section.CONFIG, what + " " + dir + " does not exist yet; it will be created")
                : Finding.problem(Section.CONFIG, what + " " + dir + " does not exist and " + parent + " is not writable");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.getRoot() : p;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
