package io.tradeloom.containers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerPrerequisiteTest {

    @Test
    void runsWhenDockerAndComposeAreThere() {
        assertThat(DockerPrerequisite.decide(true, true, true)).isEmpty();
        assertThat(DockerPrerequisite.decide(true, true, false)).isEmpty();
    }

    @Test
    void missingDockerSkipsWithAMessageUnlessRequired() {
        DockerPrerequisite.Verdict verdict = DockerPrerequisite.decide(false, false, false).orElseThrow();

        assertThat(verdict.fail()).isFalse();
        assertThat(verdict.message()).startsWith("Container tests skipped: no Docker engine is reachable");
    }

    @Test
    void missingDockerFailsWhenCiRequiresTheContainerTests() {
        DockerPrerequisite.Verdict verdict = DockerPrerequisite.decide(false, false, true).orElseThrow();

        assertThat(verdict.fail()).isTrue();
        assertThat(verdict.message()).contains("must run here", "no Docker engine is reachable");
    }

    @Test
    void missingComposeIsNamed() {
        assertThat(DockerPrerequisite.decide(true, false, true).orElseThrow().message())
                .contains("neither docker-compose (v1) nor docker compose (v2) is installed");
    }
}
