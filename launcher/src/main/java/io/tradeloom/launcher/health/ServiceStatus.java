package io.tradeloom.launcher.health;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import io.tradeloom.platform.ServiceId;

/** One service as seen from outside: ready or not, and its own details when it gave them. */
public record ServiceStatus(ServiceId service, URI url, boolean up, Optional<ServiceInfo> info, Path logFile) {

    public int port() {
        return url.getPort();
    }
}
