package com.srsync.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's promtool (package prometheus; .ci/run installs it), run to its end: exit status and output. */
public record Promtool(int exit, String output) {
    static final Path BINARY = Path.of("/usr/bin/promtool");

    /** Skips the calling test, saying why, when promtool is not installed. */
    public static void required() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "promtool is not installed (Debian: apt-get install prometheus); .ci/run installs it");
    }

    /** @param stdin what to feed it, or null */
    public static Promtool run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Promtool(p.exitValue(), out);
    }
}
