package io.tradeloom.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.platform.ServiceId;

/** A system configuration for tests: free local ports and files under a temporary directory. */
public final class TestSystem {

    private TestSystem() {
    }

    /** Database {@code dir/data/trading_system.db}, logs in {@code dir/logs}, every service on a free port. */
    public static LauncherConfig config(Path dir) throws IOException {
        return new LauncherConfig(dir.resolve("data/trading_system.db"), dir.resolve("logs"), freeLocalUrls(), Map.of());
    }

    /** Nine distinct ports nothing listens on: all held at once while picked, then released. */
    public static Map<ServiceId, URI> freeLocalUrls() throws IOException {
        Map<ServiceId, URI> urls = new EnumMap<>(ServiceId.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (ServiceId s : ServiceId.values()) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                urls.put(s, URI.create("http://127.0.0.1:" + socket.getLocalPort()));
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return urls;
    }
}
