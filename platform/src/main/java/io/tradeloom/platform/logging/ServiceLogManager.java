package io.tradeloom.platform.logging;

import java.util.logging.LogManager;

/**
 * JUL's LogManager resets itself (closing every handler) from its own shutdown hook, which runs at
 * the same time as the service's hook and so swallows the service's last lines ("... stopped").
 * Installed as {@code java.util.logging.manager}, this manager ignores resets while a service
 * runs; the service resets it with {@link LogSetup#finish()} once it has said its last word.
 */
public final class ServiceLogManager extends LogManager {

    private volatile boolean holding;

    void hold() {
        holding = true;
    }

    void release() {
        holding = false;
        super.reset();
    }

    @Override
    public void reset() {
        if (!holding) {
            super.reset();
        }
    }
}
