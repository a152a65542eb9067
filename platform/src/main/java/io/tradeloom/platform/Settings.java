package io.tradeloom.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import io.tradeloom.db.DatabaseSettings;

/**
 * A service's typed settings. Sources, highest first: explicit overrides (tests), environment
 * variables, system properties, the service's {@code application.yaml}, {@code tradeloom-defaults.yaml}.
 *
 * @param config the merged configuration, for service-specific keys
 */
public record Settings(ServiceId service,
                       int port,
                       String environment,
                       DatabaseSettings database,
                       Path logDir,
                       Level logLevel,
                       Map<ServiceId, URI> urls,
                       ClientSettings client,
                       Duration heartbeat,
                       Config config) {

    /** Timeouts and limits for calls to other services. */
    public record ClientSettings(Duration timeout, int retries, int breakerVolume, int breakerErrorRatio,
                                 Duration breakerDelay, int bulkheadLimit) {
    }

    /**
     * Limits every service's web server applies before a request reaches a route.
     *
     * @param maxPayloadBytes   the largest request body; a larger one is answered 413
     * @param maxHeaderBytes    the most bytes of request headers; more is answered 431
     * @param maxPrologueBytes  the longest request line (method, path and query); longer is answered 414
     */
    public record ServerLimits(long maxPayloadBytes, int maxHeaderBytes, int maxPrologueBytes) {
    }

    public static Settings load(ServiceId service) {
        return load(service, Map.of());
    }

    /** Loads settings with {@code overrides} (config keys, e.g. {@code server.port}) above every other source. */
    public static Settings load(ServiceId service, Map<String, String> overrides) {
        Config files = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml").optional())
                .addSource(ConfigSources.classpath("tradeloom-defaults.yaml"))
                .build();
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.create(environmentFor(files, System.getenv())))
                .addSource(ConfigSources.systemProperties())
                .addSource(ConfigSources.classpath("application.yaml").optional())
                .addSource(ConfigSources.classpath("tradeloom-defaults.yaml"))
                .build();
        return from(service, config);
    }

    /**
     * Every key the files define can be set by its upper-snake environment name: database.busy-timeout-ms
     * by DATABASE_BUSY_TIMEOUT_MS, scanner.url by SCANNER_URL, server.port by SERVER_PORT.
     */
    static Map<String, String> environmentFor(Config files, Map<String, String> env) {
        Set<String> keys = new HashSet<>(Set.of("server.port"));
        files.traverse().filter(Config::isLeaf).forEach(node -> keys.add(node.key().toString()));
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            String value = env.get(environmentName(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Settings from(ServiceId service, Config config) {
        int port = intValue(config, "server.port", service.defaultPort());
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("SERVER_PORT must be between 0 and 65535, was " + port);
        }
        String env = config.get("trading.env").asString().orElse("development");
        if (!env.equals("development") && !env.equals("production")) {
            throw new ConfigurationException("TRADING_ENV must be development or production, was '" + env + "'");
        }
        Path dbPath = Path.of(required(config, "database.path", "DATABASE_PATH"));
        DatabaseSettings db = DatabaseSettings.defaults(dbPath)
                .withBusyTimeout(Duration.ofMillis(positive(config, "database.busy-timeout-ms", 30_000)))
                .withMaxConcurrency(positive(config, "database.max-concurrency", 4))
                .withRetries(positive(config, "database.max-attempts", 8), Duration.ofMillis(10), Duration.ofSeconds(1));
        Map<ServiceId, URI> urls = new EnumMap<>(ServiceId.class);
        for (ServiceId s : ServiceId.values()) {
            String raw = config.get(s.module() + ".url").asString().orElse(s.defaultUrl());
            urls.put(s, parseUrl(s.urlVariable(), raw));
        }
        ClientSettings client = new ClientSettings(
                Duration.ofMillis(positive(config, "client.timeout-ms", 2000)),
                nonNegative(config, "client.retries", 3),
                positive(config, "client.breaker-volume", 10),
                positive(config, "client.breaker-error-ratio", 60),
                Duration.ofMillis(positive(config, "client.breaker-delay-ms", 5000)),
                positive(config, "client.bulkhead-limit", 32));
        Settings settings = new Settings(service, port, env, db,
                Path.of(config.get("log.dir").asString().orElse("logs")),
                parseLevel(config.get("log.level").asString().orElse("INFO")),
                Map.copyOf(urls), client,
                Duration.ofMillis(positive(config, "registry.heartbeat-ms", 5000)),
                config);
        settings.serverLimits(); // refuse bad limits at start, not at the first request
        return settings;
    }

    /** The web server's request limits: SERVER_MAX_PAYLOAD_BYTES, SERVER_MAX_HEADER_BYTES, SERVER_MAX_PROLOGUE_BYTES. */
    public ServerLimits serverLimits() {
        return new ServerLimits(
                positive(config, "server.max-payload-bytes", 32 * 1024 * 1024),
                positive(config, "server.max-header-bytes", 16 * 1024),
                positive(config, "server.max-prologue-bytes", 4 * 1024));
    }

    /** This service's URL as the others reach it. */
    public URI selfUrl() {
        return urls.get(service);
    }

    public URI url(ServiceId target) {
        return urls.get(target);
    }

    /**
     * The client settings for calls to {@code target}: {@link #client()} with the timeout and retries a service may
     * set per target as {@code client.<module>.timeout-ms} / {@code client.<module>.retries} in its application.yaml
     * (then overridable as CLIENT_SCANNER_TIMEOUT_MS, ...).
     */
    public ClientSettings client(ServiceId target) {
        String prefix = "client." + target.module() + ".";
        return new ClientSettings(
                Duration.ofMillis(positive(config, prefix + "timeout-ms", (int) client.timeout().toMillis())),
                nonNegative(config, prefix + "retries", client.retries()),
                client.breakerVolume(), client.breakerErrorRatio(), client.breakerDelay(), client.bulkheadLimit());
    }

    private static String required(Config config, String key, String variable) {
        String v = config.get(key).asString().orElse("").trim();
        if (v.isEmpty()) {
            throw new ConfigurationException(variable + " must not be empty");
        }
        return v;
    }

    private static int positive(Config config, String key, int dflt) {
        int v = intValue(config, key, dflt);
        if (v < 1) {
            throw new ConfigurationException(variable(key) + " must be at least 1, was " + v);
        }
        return v;
    }

    private static int nonNegative(Config config, String key, int dflt) {
        int v = intValue(config, key, dflt);
        if (v < 0) {
            throw new ConfigurationException(variable(key) + " must not be negative, was " + v);
        }
        return v;
    }

    private static int intValue(Config config, String key, int dflt) {
        String raw = config.get(key).asString().orElse(null);
        if (raw == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable(key) + " must be a whole number, was '" + raw + "'");
        }
    }

    /** How a message names a setting: its environment variable, then the config key, e.g. CLIENT_RETRIES (client.retries). */
    private static String variable(String key) {
        return environmentName(key) + " (" + key + ")";
    }

    private static URI parseUrl(String variable, String raw) {
        try {
            URI uri = URI.create(raw.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(variable + " must be an http(s) URL such as http://localhost:5001, was '" + raw + "'");
        }
    }

    /** Accepts JUL names and the usual TRACE/DEBUG/WARN/ERROR. */
    static Level parseLevel(String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> {
                try {
                    yield Level.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, was '" + raw + "'");
                }
            }
        };
    }
}
