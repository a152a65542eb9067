package io.tradeloom.launcher.health;

import java.time.Duration;

/** What a service says about itself on {@code /api/info}. */
public record ServiceInfo(String version, long pid, Duration uptime) {
}
