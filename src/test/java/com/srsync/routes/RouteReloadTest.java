package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** routes/*.yaml edited while the service runs: live without a restart; a broken edit changes nothing. */
class RouteReloadTest extends ServiceTestSupport {
    static final Path ROUTES = copyOfRoutes();

    private static Path copyOfRoutes() {
        try {
            Path dir = Files.createTempDirectory("srsync-routes-");
            try (var files = Files.list(Path.of("routes"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void moreProperties(Properties p) {
        p.put("camel.main.routes-include-pattern", "file:" + ROUTES + "/*.yaml");
        p.put("camel.main.routes-reload-enabled", "true");
        p.put("camel.main.routes-reload-directory", ROUTES.toString());
    }

    private static String route(String answer) {
        return """
            - route:
                id: hello
                from:
                  uri: platform-http:/hello
                  steps:
                    - setBody: {constant: "%s"}
            """.formatted(answer);
    }

    private String hello() {
        try {
            var answer = admin("GET", "/hello", null);
            return answer.statusCode() + " " + answer.body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void an_added_or_edited_route_file_is_live_without_a_restart_and_a_broken_edit_changes_nothing() throws Exception {
        Files.writeString(ROUTES.resolve("hello.yaml"), route("hi"));
        await().atMost(Duration.ofSeconds(20)).until(() -> hello().equals("200 hi"));

        Files.writeString(ROUTES.resolve("hello.yaml"), route("hello again"));
        await().atMost(Duration.ofSeconds(20)).until(() -> hello().equals("200 hello again"));

        Files.writeString(ROUTES.resolve("hello.yaml"), "- route:\n    id: hello\n    from: [this is not a route\n");
        Thread.sleep(4000);
        assertEquals("200 hello again", hello());
        assertEquals(202, admin("POST", "/admin/sync?project=155", ADMIN_TOKEN).statusCode());   // the sync routes run on
    }
}
