package io.tradeloom.dashboard;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.dashboard.http.ActionsService;
import io.tradeloom.dashboard.http.LoginService;
import io.tradeloom.dashboard.http.LogsService;
import io.tradeloom.dashboard.http.OverviewService;
import io.tradeloom.dashboard.http.ReportsService;
import io.tradeloom.dashboard.http.StaticAssets;
import io.tradeloom.dashboard.http.SymbolService;
import io.tradeloom.dashboard.security.SecurityFilter;
import io.tradeloom.dashboard.security.Sessions;
import io.tradeloom.dashboard.system.LogFiles;
import io.tradeloom.dashboard.system.SystemStatus;
import io.tradeloom.dashboard.upstream.Upstreams;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/**
 * Web Dashboard: the page a user opens first. The browser talks only to this server, which logs the
 * user in, aggregates the other services (each through its own timeout and circuit breaker) and
 * holds the credentials for their state-changing calls.
 */
public final class Main {

    /**
     * Helidon's client and server trace requests with their headers at FINEST, which here would put the
     * service token, the key pair and session cookies in the log: held at INFO whatever LOG_LEVEL says.
     * Kept in a field because java.util.logging holds loggers weakly and would forget the level. In a holder
     * class so that Main's own initialisation touches no logger: that would start JUL before ServiceKit.main
     * installs its LogManager, and JUL's default one closes the log files before the stop is recorded.
     */
    private static final class Quiet {
        static final List<Logger> LOGGERS = Stream.of("io.helidon.webclient", "io.helidon.webserver", "io.helidon.http")
                .map(Logger::getLogger).toList();
    }

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.DASHBOARD, Main::routing);
    }

    /** The login, the page, its live data and the actions, beside the platform's observe endpoints and /api/info. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        Quiet.LOGGERS.forEach(l -> l.setLevel(Level.INFO));
        DashboardSettings settings = DashboardSettings.from(context.settings().config(), context.settings().environment());
        Sessions sessions = new Sessions(settings.password(), settings.sessionIdle(), context.clock());
        Upstreams upstreams = new Upstreams(context.clients(), settings);
        LogFiles logs = new LogFiles(context.settings().logDir());
        LiveView view = new LiveView(new SystemStatus(context, upstreams, logs), upstreams, context.clock(), settings.refresh());
        OverviewService overview = new OverviewService(view);
        context.lifecycle().onStop(overview);
        routing.addFilter(new SecurityFilter(sessions))
                .register(new LoginService(sessions))
                .register(new StaticAssets())
                .register("/api", overview)
                .register("/api", new SymbolService(upstreams))
                .register("/api", new ReportsService(upstreams))
                .register("/api", new ActionsService(upstreams))
                .register("/api/logs", new LogsService(logs));
    }
}
