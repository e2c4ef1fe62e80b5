package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a JDK 21+ to run the services and Kafka on: an explicit one, JAVA_HOME, the JVM running the launcher,
 * then the usual install locations. A JDK's version is read from its {@code release} file, without starting it.
 */
final class JavaRuntimes {

    static final int REQUIRED_VERSION = 21;

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern MAJOR_VERSION = Pattern.compile("(?:1\\.)?(\\d+)");
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase().startsWith("windows");

    private JavaRuntimes() {
    }

    /** The {@code java} executable of the first suitable JDK, or a StackException listing what was found. */
    static Path findJava(Optional<Path> explicitHome, Map<String, String> environment) {
        if (explicitHome.isPresent()) {
            Path home = explicitHome.get();
            OptionalInt version = majorVersion(home);
            if (version.orElse(0) < REQUIRED_VERSION || !Files.isExecutable(java(home))) {
                throw new StackException("--java " + home + " is not a JDK " + REQUIRED_VERSION + "+ ("
                        + describe(home, version) + ")");
            }
            return java(home);
        }
        List<Path> preferred = new ArrayList<>();
        Optional.ofNullable(environment.get("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(preferred::add);
        preferred.add(Path.of(System.getProperty("java.home")));
        Set<Path> candidates = new LinkedHashSet<>(preferred);
        candidates.addAll(installed(environment));
        List<String> rejected = new ArrayList<>();
        for (Path home : candidates) {
            OptionalInt version = majorVersion(home);
            if (version.orElse(0) >= REQUIRED_VERSION && Files.isExecutable(java(home))) {
                return java(home);
            }
            if (Files.isDirectory(home)) {
                rejected.add(describe(home, version));
            }
        }
        throw new StackException("no JDK " + REQUIRED_VERSION + " or newer found; the services need one.\n"
                + "  Install one (for example 'apt-get install openjdk-21-jdk-headless', 'brew install openjdk@21',\n"
                + "  or https://adoptium.net) and set JAVA_HOME to it, or pass --java <jdk directory>.",
                rejected.stream().map(line -> "looked at " + line).collect(Collectors.toList()));
    }

    static OptionalInt majorVersion(Path home) {
        return major(releaseVersion(home).orElse(""));
    }

    /**
     * Whether a JVM of this JDK on this system can give the memory glibc keeps back by itself
     * ({@code -XX:TrimNativeHeapInterval}): Linux only (elsewhere the JVM warns at every start that it cannot),
     * from JDK 21.0.1 on (the GA release, "21", does not know the switch).
     */
    static boolean trimsNativeHeap(Path home, String osName) {
        String version = releaseVersion(home).orElse("");
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && major(version).orElse(0) >= REQUIRED_VERSION
                && !version.equals(Integer.toString(REQUIRED_VERSION));
    }

    private static OptionalInt major(String releaseVersion) {
        Matcher matcher = MAJOR_VERSION.matcher(releaseVersion);
        return matcher.lookingAt() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private static Optional<String> releaseVersion(Path home) {
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JDK a {@code bin/java} belongs to: the inverse of {@link #java(Path)}. */
    static Path home(Path java) {
        return java.getParent().getParent();
    }

    static Path java(Path home) {
        return home.resolve("bin").resolve(WINDOWS ? "java.exe" : "java");
    }

    /** JDKs in the usual places, newest first. */
    private static List<Path> installed(Map<String, String> environment) {
        Path userHome = Path.of(System.getProperty("user.home"));
        List<Path> parents = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/opt"), userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"),
                userHome.resolve(".asdf/installs/java"), userHome.resolve("Library/Java/JavaVirtualMachines"),
                Path.of("/Library/Java/JavaVirtualMachines")));
        Optional.ofNullable(environment.get("ProgramFiles")).map(Path::of).ifPresent(programs -> parents.addAll(List.of(
                programs.resolve("Java"), programs.resolve("Eclipse Adoptium"), programs.resolve("Microsoft"),
                programs.resolve("Zulu"), programs.resolve("Amazon Corretto"))));
        return parents.stream()
                .flatMap(JavaRuntimes::children)
                .map(dir -> Files.isDirectory(dir.resolve("Contents/Home")) ? dir.resolve("Contents/Home") : dir)
                .filter(home -> majorVersion(home).isPresent())
                .sorted(Comparator.comparingInt((Path home) -> majorVersion(home).getAsInt()).reversed())
                .collect(Collectors.toList());
    }

    private static Stream<Path> children(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).sorted().collect(Collectors.toList()).stream();
        } catch (IOException | SecurityException e) {
            return Stream.empty();
        }
    }

    private static String describe(Path home, OptionalInt version) {
        return home + (version.isPresent() ? " (Java " + version.getAsInt() + ")" : " (not a JDK)");
    }
}
