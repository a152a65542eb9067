package io.tradeloom.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Background work a service's routes started, stopped (newest first) before the database closes. */
public final class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private final List<AutoCloseable> onStop = new ArrayList<>();

    public synchronized void onStop(AutoCloseable resource) {
        onStop.add(resource);
    }

    /** Stops everything registered, newest first; safe to call twice. */
    public synchronized void stopAll() {
        for (AutoCloseable r : onStop.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + r + " failed", e);
            }
        }
        onStop.clear();
    }
}
