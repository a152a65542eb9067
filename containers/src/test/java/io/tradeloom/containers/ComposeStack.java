package io.tradeloom.containers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.CommandLine;

/**
 * The repository's docker-compose.yml brought up by Testcontainers under a project name of its own,
 * with its own free host ports (never 5000-5010), the documented settings of .env.example, and images
 * tagged {@code :it}. Compose v1 ({@code docker-compose}) is used when installed, else v2
 * ({@code docker compose}). {@link #close} takes everything down, volumes included.
 */
final class ComposeStack implements AutoCloseable {

    /** The nine services in the seed's start order, with their container ports. */
    static final Map<String, Integer> SERVICES = servicesInOrder();

    /** A local base image made by docker/build-base-image, used when present: nothing to pull. */
    static final String LOCAL_JRE_IMAGE = "tradeloom-jre:local";

    private final Startable compose;
    private final String projectPrefix;
    private final Map<String, Integer> hostPorts;
    private final DockerClient docker = DockerClientFactory.instance().client();

    private ComposeStack(Startable compose, String projectPrefix, Map<String, Integer> hostPorts) {
        this.compose = compose;
        this.projectPrefix = projectPrefix;
        this.hostPorts = hostPorts;
    }

    /** Builds the images and runs {@code up}: returns once compose has started the dashboard. */
    static ComposeStack up(Path root) {
        File composeFile = root.resolve("docker-compose.yml").toFile();
        Path context = root.resolve("containers/target/docker");
        if (!Files.isDirectory(context.resolve("libs"))) {
            throw new IllegalStateException("No image build context at " + context + ": run ./mvnw -B -DskipTests package");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRADELOOM_ENV_FILE", root.resolve(".env.example").toString());
        env.put("TRADELOOM_TAG", "it");
        String jre = System.getenv("JRE_IMAGE");
        if (jre != null && !jre.isBlank()) {
            env.put("JRE_IMAGE", jre);
        } else if (imageExists(LOCAL_JRE_IMAGE)) {
            env.put("JRE_IMAGE", LOCAL_JRE_IMAGE);
        }
        Map<String, Integer> hostPorts = new LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            int port = freePort();
            hostPorts.put(service, port);
            env.put(service.toUpperCase(Locale.ROOT) + "_HOST_PORT", Integer.toString(port));
        }
        // Testcontainers appends a random suffix to this identifier to make the project name.
        String identifier = "tradeloomit" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Startable compose = usesComposeV1()
                ? new DockerComposeContainer<>(identifier, composeFile)
                        .withEnv(env).withBuild(true).withPull(false).withRemoveVolumes(true)
                : new ComposeContainer(identifier, composeFile)
                        .withEnv(env).withBuild(true).withPull(false).withRemoveVolumes(true);
        ComposeStack stack = new ComposeStack(compose, identifier, hostPorts);
        try {
            compose.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Compose v1 when its binary is installed (Debian's docker-compose), otherwise the v2 plugin. */
    static boolean usesComposeV1() {
        return CommandLine.executableExists("docker-compose");
    }

    static boolean composeAvailable() {
        if (usesComposeV1()) {
            return true;
        }
        try {
            return CommandLine.runShellCommand("docker", "compose", "version").contains("version");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean imageExists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the test reaches a service: its port published on 127.0.0.1. */
    URI url(String service, String path) {
        return URI.create("http://127.0.0.1:" + hostPorts.get(service) + path);
    }

    /** The service's one container (each service runs once). */
    String containerId(String service) {
        List<Container> found = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.service", service)).exec().stream()
                .filter(c -> c.getLabels().getOrDefault("com.docker.compose.project", "").startsWith(projectPrefix))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " containers for service " + service);
        }
        return found.getFirst().getId();
    }

    InspectContainerResponse inspect(String service) {
        return docker.inspectContainerCmd(containerId(service)).exec();
    }

    /** What a command run in the service's container printed, and its exit code. */
    record Exec(long exitCode, String stdout, String stderr) {
    }

    Exec exec(String service, String... command) {
        String execId = docker.execCreateCmd(containerId(service)).withCmd(command)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try {
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    (frame.getStreamType() == StreamType.STDERR ? err : out)
                            .append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new Exec(code == null ? -1 : code, out.toString(), err.toString());
    }

    /** The container's health as Docker sees it: starting, healthy or unhealthy. */
    String health(String service) {
        InspectContainerResponse.ContainerState state = inspect(service).getState();
        return state.getHealth() == null ? "none" : state.getHealth().getStatus();
    }

    @Override
    public void close() {
        compose.stop();
    }

    private static Map<String, Integer> servicesInOrder() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("coordination", 5000);
        m.put("scanner", 5001);
        m.put("pattern", 5002);
        m.put("technical", 5003);
        m.put("trading", 5005);
        m.put("recognition", 5006);
        m.put("news", 5008);
        m.put("reporting", 5009);
        m.put("dashboard", 5010);
        return Collections.unmodifiableMap(m);
    }
}
