package io.tradeloom.trading;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;

import java.util.Map;

/** The trading service alone in a process, on the database given, polling fast; prints its port. */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        ServiceKit.RunningService running = ServiceKit.start(Settings.load(ServiceId.TRADING, Map.of(
                "database.path", args[0], "log.dir", args[1], "server.port", "0", "paper.poll-ms", "10",
                "risk.max-order-notional", "", "risk.max-position-pct", "", "risk.max-open-positions", "",
                "risk.reduce-at-daily-loss-pct", "", "risk.halt-at-daily-loss-pct", "",
                "risk.halt-at-drawdown-pct", "")), Main::routing);
        System.out.println("PORT " + running.port());
        System.out.flush();
    }
}
