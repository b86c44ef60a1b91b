package com.srsync.routes;

import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.deploy.Promtool;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A real scrape of /observe/metrics (the delivery poll and the event log on, so their meters are in it) passes
 * {@code promtool check metrics} - every metric with its HELP text, label names in snake_case - and holds every
 * metric the shipped alerts (deploy/prometheus/alerts.yaml) ask about.
 */
class MetricsLintTest extends ServiceTestSupport {
    @Override
    void moreProperties(java.util.Properties p) {
        p.put("delivery.poll.interval.ms", "1000");
        p.put("eventlog.poll.enabled", "true");
    }

    @Test
    void a_scrape_passes_promtool_check_metrics() throws Exception {
        Promtool.required();
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        reconcile(155L);                                           // reconcile, plan and write metrics have values

        HttpResponse<String> scrape = admin("GET", "/observe/metrics", ADMIN_TOKEN);
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("srsync_leader"), scrape.body());
        Promtool lint = Promtool.run(scrape.body(), "check", "metrics");

        String offending = lint.output().lines().map(l -> l.split(" ")[0]).distinct()
                .flatMap(name -> scrape.body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))).limit(10)
                .reduce("", (a, b) -> a + "\n" + b);
        assertEquals("", lint.output().trim(), "promtool's findings, on:" + offending);
        assertEquals(0, lint.exit());
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("srsync_[a-z_]+")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("deploy/prometheus/alerts.yaml")));
        while (names.find()) assertTrue(scrape.body().contains("\n" + names.group() + " ") || scrape.body().contains("\n" + names.group() + "{"),
                "the alerts ask about " + names.group() + ", which the scrape lacks");
    }
}
