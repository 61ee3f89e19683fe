package io.leadproof.ops.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What the manifests must agree with in src/main/docker/Dockerfile.jvm (no Docker engine here to build it). */
final class Dockerfile {

    static final Path FILE = Path.of("src/main/docker/Dockerfile.jvm");

    private Dockerfile() {
    }

    static List<String> instructions() {
        try {
            return Files.readString(FILE).replace("\\\n", " ").lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Long user() {
        var users = instructions().stream().filter(l -> l.startsWith("USER ")).toList();
        return Long.valueOf(users.getLast().substring(5).strip());
    }

    static List<Integer> exposed() {
        return instructions().stream().filter(l -> l.startsWith("EXPOSE "))
                .flatMap(l -> Pattern.compile("\\s+").splitAsStream(l.substring(7).strip())).map(Integer::valueOf).toList();
    }
}
