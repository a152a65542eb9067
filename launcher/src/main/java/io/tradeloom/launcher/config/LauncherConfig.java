package io.tradeloom.launcher.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;

/**
 * What the launcher needs to run, check or diagnose the system, from the same variables the
 * services read (with the same defaults as the platform's tradeloom-defaults.yaml).
 * A service's port is the port of its {@code *_URL}, so moving a service means setting one variable.
 *
 * @param databasePath absolute path of the shared SQLite file
 * @param logDir       absolute log directory
 * @param urls         where each service is reached
 * @param dotEnv       variables from {@code .env} that the real environment does not set; the
 *                     children inherit the launcher's environment, so they need these on top
 * @param javaOptions  the JVM options of every child: {@link #DEFAULT_JAVA_OPTIONS}, then
 *                     {@code SERVICE_JAVA_OPTS} (whitespace-separated), which win
 */
public record LauncherConfig(Path databasePath, Path logDir, Map<ServiceId, URI> urls, Map<String, String> dotEnv,
                             List<String> javaOptions) {

    private static final String DEFAULT_DATABASE_PATH = "data/trading_system.db";
    private static final String DEFAULT_LOG_DIR = "logs";

    /** Extra JVM options for every service, after the defaults (the same variable the images read). */
    public static final String JAVA_OPTIONS_VARIABLE = "SERVICE_JAVA_OPTS";

    /**
     * Small by default, so nine idle services fit in well under 1.5 GB: one serial collector and no
     * parallel GC threads, a capped heap, C1 only (a quicker start and far less compiler memory),
     * smaller thread stacks, and a service out of memory dies, and so is restarted, rather than limp on.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    public LauncherConfig {
        databasePath = databasePath.toAbsolutePath().normalize();
        logDir = logDir.toAbsolutePath().normalize();
        for (ServiceId s : ServiceId.values()) {
            URI url = urls.get(s);
            if (url == null) {
                throw new IllegalArgumentException("no URL for " + s);
            }
            if (url.getPort() < 1) {
                throw new ConfigurationException(s.urlVariable() + " must name a port, such as " + s.defaultUrl()
                        + ", was '" + url + "'");
            }
        }
        Map<Integer, ServiceId> byPort = new HashMap<>();
        for (ServiceId s : ServiceId.values()) {
            ServiceId other = byPort.putIfAbsent(urls.get(s).getPort(), s);
            if (other != null) {
                throw new ConfigurationException(other.urlVariable() + " and " + s.urlVariable()
                        + " name the same port " + urls.get(s).getPort() + "; each service needs its own");
            }
        }
        urls = Map.copyOf(urls);
        dotEnv = Map.copyOf(dotEnv);
        javaOptions = List.copyOf(javaOptions);
    }

    /** With the default JVM options. */
    public LauncherConfig(Path databasePath, Path logDir, Map<ServiceId, URI> urls, Map<String, String> dotEnv) {
        this(databasePath, logDir, urls, dotEnv, DEFAULT_JAVA_OPTIONS);
    }

    /**
     * Reads {@code environment} and, under it, {@code .env} in {@code workingDir}; relative paths are
     * resolved against {@code workingDir}.
     */
    public static LauncherConfig load(Map<String, String> environment, Path workingDir) {
        Map<String, String> dotEnv = new LinkedHashMap<>(DotEnv.load(workingDir.resolve(".env")));
        dotEnv.keySet().removeAll(environment.keySet());
        Map<String, String> vars = new HashMap<>(dotEnv);
        vars.putAll(environment);
        Map<ServiceId, URI> urls = new EnumMap<>(ServiceId.class);
        for (ServiceId s : ServiceId.values()) {
            urls.put(s, url(s, value(vars, s.urlVariable(), s.defaultUrl())));
        }
        List<String> javaOptions = new ArrayList<>(DEFAULT_JAVA_OPTIONS);
        javaOptions.addAll(words(value(vars, JAVA_OPTIONS_VARIABLE, "")));
        return new LauncherConfig(
                workingDir.resolve(value(vars, "DATABASE_PATH", DEFAULT_DATABASE_PATH)),
                workingDir.resolve(value(vars, "LOG_DIR", DEFAULT_LOG_DIR)),
                urls, dotEnv, javaOptions);
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    private static String value(Map<String, String> vars, String name, String dflt) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static URI url(ServiceId s, String raw) {
        try {
            URI uri = URI.create(raw);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(s.urlVariable() + " must be an http(s) URL such as " + s.defaultUrl()
                    + ", was '" + raw + "'");
        }
    }

    public URI url(ServiceId service) {
        return urls.get(service);
    }

    public int port(ServiceId service) {
        return urls.get(service).getPort();
    }

    public Path logFile(ServiceId service) {
        return logDir.resolve(service.logFile());
    }

    /**
     * The variables a child gets on top of the launcher's environment: its port, every service's URL
     * (so non-default ports reach everyone), and absolute paths, whatever directory it runs in.
     */
    public Map<String, String> childEnvironment(ServiceId service) {
        Map<String, String> env = new LinkedHashMap<>(dotEnv);
        env.put("SERVER_PORT", Integer.toString(port(service)));
        env.put("DATABASE_PATH", databasePath.toString());
        env.put("LOG_DIR", logDir.toString());
        for (ServiceId s : ServiceId.values()) {
            env.put(s.urlVariable(), urls.get(s).toString());
        }
        return env;
    }
}
