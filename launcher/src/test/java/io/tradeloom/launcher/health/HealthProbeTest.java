package io.tradeloom.launcher.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a stand-in service: a JDK HTTP server answering the two endpoints the probe reads. */
class HealthProbeTest {

    private final HealthProbe probe = new HealthProbe(Duration.ofSeconds(2));
    private HttpServer server;

    @AfterEach
    void stop() {
        probe.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void serviceAnswering200OnReadyIsUpAndItsInfoIsRead() throws IOException {
        URI url = serve(200, """
                {"name":"scanner","version":"0.1.0","pid":4242,"uptime_seconds":75,"port":5001}""");

        assertThat(probe.ready(url)).isTrue();
        assertThat(probe.info(url)).contains(new ServiceInfo("0.1.0", 4242, Duration.ofSeconds(75)));
    }

    @Test
    void serviceAnswering503OnReadyIsNotReady() throws IOException {
        URI url = serve(503, "{}");

        assertThat(probe.ready(url)).isFalse();
    }

    @Test
    void nothingListeningIsNotReadyAndHasNoInfo() throws IOException {
        URI url;
        try (ServerSocket s = new ServerSocket(0)) {
            url = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }

        assertThat(probe.ready(url)).isFalse();
        assertThat(probe.info(url)).isEmpty();
    }

    @Test
    void infoThatIsNotJsonIsIgnored() {
        assertThat(HealthProbe.parseInfo("<html>")).isEmpty();
        assertThat(HealthProbe.parseInfo("[1]")).isEmpty();
    }

    private URI serve(int readyStatus, String info) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(HealthProbe.READY_PATH, ex -> respond(ex, readyStatus, "{\"status\":\"UP\"}"));
        server.createContext(HealthProbe.INFO_PATH, ex -> respond(ex, 200, info));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
