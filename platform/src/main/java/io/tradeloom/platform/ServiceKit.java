package io.tradeloom.platform;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.DirectHandler;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseUnavailableException;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.client.ServiceClients;
import io.tradeloom.platform.http.InfoService;
import io.tradeloom.platform.http.Problems;
import io.tradeloom.platform.logging.LogSetup;
import io.tradeloom.platform.logging.ServiceLogManager;
import io.tradeloom.platform.metrics.DatabaseMetrics;
import io.tradeloom.platform.metrics.HttpMetricsFilter;
import io.tradeloom.platform.registry.ServiceRegistry;

/**
 * Everything the nine services share, so that each {@code Main} is a few lines: settings, logging,
 * the database (refusing an unmigrated or newer schema), the web server with observe endpoints and
 * {@code /api/info}, one error format, registration and heartbeats.
 */
public final class ServiceKit {

    /** Exit code for a configuration or database the service cannot run with; restarting will not help. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code for a failure to start the server, such as a port in use. */
    public static final int EXIT_START = 1;


    private ServiceKit() {
    }

    /** A service's own routes, given the shared context. */
    @FunctionalInterface
    public interface Routes {
        void routing(HttpRouting.Builder routing, ServiceContext context);
    }

    /** Loggers in a holder: ServiceKit's class initialisation must not start java.util.logging. */
    private static final class Log {
        static final Logger LOG = Logger.getLogger(ServiceKit.class.getName());
        static final Logger HEALTH = Logger.getLogger(LogSetup.HEALTH_LOGGER);
    }

    /** Entry point for a service's {@code main}: starts it, or explains why not and exits non-zero. */
    public static void main(ServiceId service, Routes routes) {
        // Before anything starts java.util.logging (LogSetup's own static loggers would): a class
        // literal loads ServiceLogManager without initialising it or LogManager.
        System.setProperty("java.util.logging.manager", ServiceLogManager.class.getName());
        Settings settings;
        try {
            settings = Settings.load(service);
            LogSetup.configure(service, settings.logDir(), settings.logLevel());
        } catch (ConfigurationException | IOException e) {
            fail(service, EXIT_CONFIG, "configuration error: " + e.getMessage(), null);
            return;
        }
        try {
            start(settings, routes);
        } catch (ConfigurationException | DatabaseUnavailableException e) {
            fail(service, EXIT_CONFIG, e.getMessage(), null);
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                fail(service, EXIT_START, "port " + settings.port() + " is already in use; set SERVER_PORT or stop the other process", null);
            } else {
                fail(service, EXIT_START, "failed to start: " + Database.rootMessage(e), e);
            }
        }
    }

    private static void fail(ServiceId service, int code, String message, Throwable e) {
        Log.LOG.log(Level.SEVERE, message, e);
        System.err.println(service.displayName() + ": " + message);
        System.exit(code);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Opens the database, checks its schema and builds the context the routes use. */
    public static ServiceContext context(Settings settings) {
        MeterRegistry metrics = Metrics.globalRegistry();
        Database db = Database.open(settings.database(), new DatabaseMetrics(metrics));
        try {
            String schema = Migrations.requireCurrent(db);
            Clock clock = Clock.systemUTC();
            return new ServiceContext(settings, db, new ServiceClients(settings, metrics),
                    new ServiceRegistry(db, clock), metrics, clock, version(), clock.instant(), schema, new Lifecycle());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The observe endpoints: health with details (readiness includes the database) and metrics. */
    static ObserveFeature observe(ServiceContext context) {
        return ObserveFeature.builder()
                .observersDiscoverServices(false)
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .addCheck(new DatabaseHealthCheck(context))
                        .addCheck(new DependenciesHealthCheck(context))
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    /** Platform routes around the service's own: metrics filter, /api/info, errors, the /api 404. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context, Routes routes) {
        routing.addFilter(new HttpMetricsFilter(context.metrics()))
                .register("/api/info", new InfoService(context));
        routes.routing(routing, context);
        Problems.register(routing);
        Problems.registerFallback(routing);
    }

    /** Starts a service and registers it; the returned handle stops it. */
    public static RunningService start(Settings settings, Routes routes) {
        ServiceContext context = context(settings);
        WebServer server;
        try {
            WebServerConfig.Builder config = WebServer.builder()
                    .port(settings.port())
                    .shutdownHook(false)
                    .routing(r -> routing(r, context, routes));
            server(config, context);
            server = config.build().start();
            if (!server.isRunning()) {
                // Helidon 4.2 logs a listener that cannot bind and returns a stopped server rather than throwing.
                throw new IllegalStateException("the web server did not start",
                        new BindException("cannot listen on port " + settings.port()));
            }
        } catch (RuntimeException e) {
            context.db().close();
            throw e;
        }
        RunningService running = new RunningService(context, server);
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "tradeloom-shutdown"));
        return running;
    }

    /** Server-level setup shared by {@link #start} and tests: observe endpoints and transport errors. */
    public static void server(WebServerConfig.Builder server, ServiceContext context) {
        Settings.ServerLimits limits = context.settings().serverLimits();
        // Helidon 4.2.0 refuses a ':' in a query (helidon-io/helidon#9862; RFC 3986 allows it), and Alpaca clients
        // send one unencoded in orders:by_client_order_id?client_order_id=strategy:cycle:symbol:leg. The prologue
        // check is off for that; paths and headers are still validated.
        server.addProtocol(Http1Config.builder()
                        .validatePrologue(false)
                        .maxHeadersSize(limits.maxHeaderBytes())
                        .maxPrologueLength(limits.maxPrologueBytes())
                        .build())
                .maxPayloadSize(limits.maxPayloadBytes())
                .directHandlers(ServiceKit::directHandlers)
                .addFeature(observe(context));
    }

    private static void directHandlers(DirectHandlers.Builder handlers) {
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, Problems.directHandler());
        }
    }

    static String version() {
        String v = ServiceKit.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** A started service: registered in the database, heartbeating until stopped. */
    public static final class RunningService {

        private final ServiceContext context;
        private final WebServer server;
        private final ScheduledExecutorService heartbeat;
        private final long pid = ProcessHandle.current().pid();
        private boolean stopped;

        RunningService(ServiceContext context, WebServer server) {
            this.context = context;
            this.server = server;
            ServiceId id = context.service();
            URI configured = context.settings().selfUrl();
            // The bound port, not the configured URL's: SERVER_PORT alone may have moved this service.
            String url = configured.getScheme() + "://" + configured.getHost() + ":" + server.port();
            context.registry().register(id.module(), url, server.port(), context.version(), pid);
            this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("heartbeat").factory());
            long every = context.settings().heartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
            Log.HEALTH.info(() -> id.displayName() + " started on port " + server.port() + " (pid " + pid
                    + ", schema " + context.schemaVersion() + ")");
        }

        private void beat() {
            try {
                context.registry().heartbeat(context.service().module(), pid);
            } catch (RuntimeException e) {
                Log.LOG.log(Level.WARNING, "heartbeat failed: " + Database.rootMessage(e));
            }
        }

        public int port() {
            return server.port();
        }

        public ServiceContext context() {
            return context;
        }

        /** Stops serving, records the stop and closes the database; safe to call twice. */
        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            heartbeat.shutdownNow();
            server.stop();
            context.lifecycle().stopAll();
            try {
                context.registry().markStopped(context.service().module(), pid);
            } catch (RuntimeException e) {
                Log.LOG.log(Level.WARNING, "could not record the stop: " + Database.rootMessage(e));
            }
            Log.HEALTH.info(() -> context.service().displayName() + " stopped (pid " + pid + ")");
            context.db().close();
            LogSetup.finish();
        }
    }

}
