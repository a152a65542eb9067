package io.tradeloom.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The nine services. Declaration order is the seed's start-up order: coordination, the critical
 * trading services, the auxiliary services, then the dashboard.
 */
public enum ServiceId {
    COORDINATION("coordination", "Coordination", 5000, true, "coordination_service.log"),
    SCANNER("scanner", "Security Scanner", 5001, true, "security_scanner.log"),
    PATTERN("pattern", "Pattern Analysis", 5002, true, "pattern_analysis.log"),
    TECHNICAL("technical", "Technical Analysis", 5003, true, "technical_analysis.log"),
    TRADING("trading", "Paper Trading", 5005, true, "paper_trading.log"),
    RECOGNITION("recognition", "Pattern Recognition", 5006, false, "pattern_recognition.log"),
    NEWS("news", "News", 5008, false, "news_service.log"),
    REPORTING("reporting", "Reporting", 5009, false, "reporting_service.log"),
    DASHBOARD("dashboard", "Web Dashboard", 5010, true, "web_dashboard.log");

    /** Log file, shared by every process, for database retries and failures. */
    public static final String DATABASE_LOG = "database_operations.log";
    /** Log file for health changes and restarts, written by the launcher and the services. */
    public static final String HEALTH_LOG = "system_health.log";

    private final String module;
    private final String displayName;
    private final int defaultPort;
    private final boolean critical;
    private final String logFile;

    ServiceId(String module, String displayName, int defaultPort, boolean critical, String logFile) {
        this.module = module;
        this.displayName = displayName;
        this.defaultPort = defaultPort;
        this.critical = critical;
        this.logFile = logFile;
    }

    /** Maven module, jar name and the short name used in config keys and the registry. */
    public String module() {
        return module;
    }

    public String displayName() {
        return displayName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** A critical service down stops new entries; a non-critical one only degrades a cycle. */
    public boolean critical() {
        return critical;
    }

    public String logFile() {
        return logFile;
    }

    /** Environment variable holding this service's URL for the others, e.g. SCANNER_URL. */
    public String urlVariable() {
        return module.toUpperCase(Locale.ROOT) + "_URL";
    }

    public String defaultUrl() {
        return "http://localhost:" + defaultPort;
    }

    public static List<ServiceId> startOrder() {
        return List.of(values());
    }

    public static Optional<ServiceId> byModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module.equals(module)).findFirst();
    }
}
