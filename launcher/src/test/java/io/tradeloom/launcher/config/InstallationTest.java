package io.tradeloom.launcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;

class InstallationTest {

    @Test
    void homeIsTheRepositoryRootAboveTheLauncherJarOrItsBuildClasses() {
        Path root = Path.of("/work/repo");

        assertThat(Installation.homeOf(root.resolve("launcher/target/launcher.jar"))).isEqualTo(root);
        assertThat(Installation.homeOf(root.resolve("launcher/target/classes"))).isEqualTo(root);
    }

    @Test
    void locatedFromOwnLocationFindsThisRepository() {
        Installation installation = Installation.locate(Map.of());

        // The tests run from launcher/target, so the root is the directory holding launcher/pom.xml.
        assertThat(installation.home().resolve("launcher/pom.xml")).isRegularFile();
        assertThat(installation.java()).isRegularFile();
    }

    @Test
    void tradeloomHomeOverridesWhereJarsAreLooked() {
        Installation installation = Installation.locate(Map.of("TRADELOOM_HOME", "/opt/tradeloom"));

        assertThat(installation.jar(ServiceId.SCANNER)).isEqualTo(Path.of("/opt/tradeloom/scanner/target/scanner.jar"));
        assertThat(installation.jar(ServiceId.DASHBOARD)).isEqualTo(Path.of("/opt/tradeloom/dashboard/target/dashboard.jar"));
    }

    @Test
    void missingJarsListsOnlyThoseNotBuilt(@TempDir Path root) throws IOException {
        Installation installation = new Installation(root, Path.of("java"));
        for (ServiceId s : ServiceId.values()) {
            if (s != ServiceId.NEWS) {
                Files.createDirectories(installation.jar(s).getParent());
                Files.writeString(installation.jar(s), "jar");
            }
        }

        assertThat(installation.missingJars()).containsExactly(root.resolve("news/target/news.jar"));
    }
}
