package com.srsync.routes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One command of the service ({@code check}, {@code webhooks}, ...) run as a user runs it, to its end: its exit status and output. */
record CommandProcess(int exit, String out, String err) {
    static CommandProcess run(Map<String, String> settings, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.srsync.Application"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.matches("(SHOTGRID|RESILIO|SYNC|SANDBOX|SAFETY|RETRY|RECONCILE|DELETE|ADMIN|DATA|HTTP|MANAGEMENT|PUBLIC)_.*"
                + "|DRY_RUN|SECRET_TOKEN"));
        pb.environment().putAll(settings);
        pb.directory(new File(System.getProperty("user.dir")));
        File out = File.createTempFile("srsync-command-", ".out");
        File err = File.createTempFile("srsync-command-", ".err");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the command " + String.join(" ", args) + " did not end within 90 s");
        }
        return new CommandProcess(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
