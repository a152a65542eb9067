package io.tradeloom.containers;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * Whether the container tests can run here. Without a Docker engine or compose they are skipped with
 * a message saying why, unless {@code tradeloom.containers.required} is true (as .ci/run sets it):
 * then that is a failure, so CI can never pass by silently skipping them.
 */
final class DockerPrerequisite {

    static final String REQUIRED_PROPERTY = "tradeloom.containers.required";

    private DockerPrerequisite() {
    }

    /** Skips (aborts) or fails the calling test when Docker or compose is missing. */
    static void check() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        decide(docker, docker && ComposeStack.composeAvailable(), Boolean.getBoolean(REQUIRED_PROPERTY))
                .ifPresent(verdict -> {
                    if (verdict.fail()) {
                        fail(verdict.message());
                    }
                    Assumptions.abort(verdict.message());
                });
    }

    /** What to do when something is missing; empty when the tests can run. */
    static Optional<Verdict> decide(boolean dockerAvailable, boolean composeAvailable, boolean required) {
        String missing = !dockerAvailable ? "no Docker engine is reachable"
                : !composeAvailable ? "neither docker-compose (v1) nor docker compose (v2) is installed"
                : null;
        if (missing == null) {
            return Optional.empty();
        }
        return Optional.of(required
                ? new Verdict(true, "The container tests must run here (" + REQUIRED_PROPERTY + "=true), but "
                        + missing + ". Install docker.io and docker-compose and start dockerd, as .ci/run does.")
                : new Verdict(false, "Container tests skipped: " + missing
                        + ". They run whenever a Docker engine and compose are available (README, Tests)."));
    }

    record Verdict(boolean fail, String message) {
    }
}
