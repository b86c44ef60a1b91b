package com.srsync.routes;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The real service as a separate JVM (the test classpath, com.srsync.Application), for tests that must kill or launch it. */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int healthPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServiceProcess(Process process, int port, int healthPort) {
        this.process = process;
        this.port = port;
        this.healthPort = healthPort;
    }

    /** Starts it with these environment variables (and no inherited service settings); waits until /observe/health/live answers. */
    static ServiceProcess start(Map<String, String> settings, int port, String logName) throws IOException {
        return start(settings, port, logName, java.util.List.of());
    }

    static ServiceProcess start(Map<String, String> settings, int port, String logName, java.util.List<String> jvmOptions) throws IOException {
        return launch(settings, port, logName, jvmOptions, java.util.List.of("-cp", System.getProperty("java.class.path"), "com.srsync.Application"));
    }

    /** The packaged jar (target/shotgrid-resilio-sync.jar and target/lib), as a user runs it: for benchmarks after mvn package. */
    static ServiceProcess startJar(Map<String, String> settings, int port, String logName, java.util.List<String> jvmOptions) throws IOException {
        return launch(settings, port, logName, jvmOptions, java.util.List.of("-jar", JAR.toString()));
    }

    static final Path JAR = Path.of("target", "shotgrid-resilio-sync.jar");

    private static ServiceProcess launch(Map<String, String> settings, int port, String logName, java.util.List<String> jvmOptions,
                                         java.util.List<String> main) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String option : System.getProperty("bench.childJvm", "").split(" ")) {   // benchmarks: e.g. a GC log or a flight recording
            if (!option.isBlank()) command.add(option);
        }
        command.addAll(main);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.matches("(SHOTGRID|RESILIO|SYNC|SANDBOX|SAFETY|RETRY|RECONCILE|DELETE|ADMIN|DATA|HTTP|MANAGEMENT)_.*|DRY_RUN|SECRET_TOKEN"));
        env.putAll(settings);
        env.put("HTTP_PORT", String.valueOf(port));
        pb.directory(new File(System.getProperty("user.dir")));
        pb.redirectErrorStream(true).redirectOutput(new File("target/" + logName + ".log"));
        int healthPort = settings.containsKey("MANAGEMENT_PORT") ? Integer.parseInt(settings.get("MANAGEMENT_PORT")) : port;
        ServiceProcess service = new ServiceProcess(pb.start(), port, healthPort);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20)).until(() -> service.alive() && service.answers());
        return service;
    }

    HttpResponse<String> send(String method, String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : "http://localhost:" + port + url))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops it: a graceful stop (a flight recording, if any, is written). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) kill();
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private boolean answers() {
        try {
            return send("GET", "http://localhost:" + healthPort + "/observe/health/live", null).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
