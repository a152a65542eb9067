package io.tradeloom.launcher.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tradeloom.platform.ServiceId;

/**
 * Where the built service jars are and which Java runs them.
 *
 * @param home the repository root, holding {@code M/target/M.jar} for each service module M
 * @param java the Java executable for the children: the one running the launcher
 */
public record Installation(Path home, Path java) {

    /** Overrides the repository root found from the launcher's own location. */
    public static final String HOME_VARIABLE = "TRADELOOM_HOME";

    public Installation {
        home = home.toAbsolutePath().normalize();
    }

    /** {@code TRADELOOM_HOME} when set, otherwise the root above this launcher's jar. */
    public static Installation locate(Map<String, String> vars) {
        String home = vars.get(HOME_VARIABLE);
        Path root = home == null || home.isBlank() ? homeOf(launcherLocation()) : Path.of(home.strip());
        return new Installation(root, currentJava());
    }

    /**
     * The repository root for a launcher at {@code location}: {@code launcher/target/launcher.jar},
     * or {@code launcher/target/classes} when run from the build, are both two levels below it.
     */
    static Path homeOf(Path location) {
        Path target = location.toAbsolutePath().normalize().getParent();
        return target.getParent().getParent();
    }

    private static Path launcherLocation() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the launcher runs from; set " + HOME_VARIABLE, e);
        }
    }

    private static Path currentJava() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    public Path jar(ServiceId service) {
        return home.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    /** Jars not built yet. */
    public List<Path> missingJars() {
        return ServiceId.startOrder().stream().map(this::jar).filter(p -> !Files.isRegularFile(p)).toList();
    }
}
