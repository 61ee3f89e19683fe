package io.leadproof.ops.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with the real kustomize: {@code kubectl kustomize} (kubectl embeds kustomize) or a standalone
 * {@code kustomize build}. This machine kind ships kubectl with kustomize 5.x; Debian's own kubectl (1.20) embeds a
 * kustomize too old for these files, and neither npm nor Maven Central carries one, so a missing binary is a failure
 * that says what to install, not a skipped test.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path kustomization) {
        List<String> command = command(kustomization);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> command(Path dir) {
        String target = dir.toAbsolutePath().toString();
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize", target);
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", target);
        }
        throw new AssertionError("Rendering k8s/ needs kustomize 5: install kubectl (it embeds kustomize) or kustomize "
                + "and put it on the PATH.");
    }

    private static boolean onPath(String binary) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, binary)).anyMatch(Files::isExecutable);
    }
}
