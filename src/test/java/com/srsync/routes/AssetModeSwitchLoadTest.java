package com.srsync.routes;

import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.sandbox.ConsoleSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Switching the assets mode live, both ways, against a console that keeps its jobs, while reconciles of the
 * project are asked for again and again: at no sampled moment does an artist of an active shot have neither
 * the project's assets job nor the job of an asset the shot uses. Also: {@code POST /admin/plan} shows a switch
 * before it is made.
 */
class AssetModeSwitchLoadTest extends ServiceTestSupport {
    private static final int SHOTS = 30;
    private static final int ASSETS = 40;
    private static final String[] TYPES = {"Character", "Prop", "Environment"};
    private static final ConsoleSimulator SIMULATOR = startSimulator();
    private static final String SHIPPED = read(Path.of("config/artists.yaml"));
    private Path artists;
    /** shot id -> the agents of its artists; shot id -> the names of the asset jobs it needs. */
    private final Map<Long, Set<Long>> agentsOfShot = new LinkedHashMap<>();
    private final Map<Long, List<String>> assetJobsOfShot = new LinkedHashMap<>();

    private static ConsoleSimulator startSimulator() {
        try {
            return ConsoleSimulator.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Override
    void moreProperties(Properties p) {
        try {
            artists = Files.createTempDirectory("srsync-switch-").resolve("artists.yaml");
            Files.writeString(artists, SHIPPED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.put("artists.file", artists.toString());
        p.put("artists.reload.interval.ms", "100");
        p.put("resilio.url", SIMULATOR.url());
        p.put("resilio.token", SIMULATOR.token());
        p.put("reconcile.retry.delay.ms", "200");       // a switch's second plan, after its new jobs exist
        p.put("reconcile.retry.max.delay.ms", "400");
        p.put("delete.guard.fraction", "1");           // switching back deletes most of the project's jobs
        p.put("sync.debounce.ms", "50");
    }

    /** 30 active shots (Alex on the even ones, Matthew on the odd, both on every fifth), 40 assets, each shot using 3 to 5. */
    private void studio() {
        site.project(155, "TST");
        for (int i = 0; i < ASSETS; i++) site.asset(700 + i, 155, TYPES[i % 3], "A" + i, i % 4 == 0 ? "ip" : "cmpt");
        for (int s = 0; s < SHOTS; s++) {
            long shot = 1300 + s;
            site.shot(shot, 155, "TST_010_%04d".formatted(10 * (s + 1)), "active", "TST_010");
            Set<Long> agents = new HashSet<>();
            if (s % 2 == 0 || s % 5 == 0) agents.add(2L);
            if (s % 2 == 1 || s % 5 == 0) agents.add(3L);
            List<com.fasterxml.jackson.databind.node.ObjectNode> users = new ArrayList<>();
            if (agents.contains(2L)) users.add(user(7, "Alex Trial"));
            if (agents.contains(3L)) users.add(user(8, "Matthew Testuser"));
            site.task(5000 + s, shot, users.toArray(new com.fasterxml.jackson.databind.node.ObjectNode[0]));
            List<String> jobs = new ArrayList<>();
            int uses = 3 + s % 3;
            for (int k = 0; k < uses; k++) {
                int asset = (s * 7 + k * 11) % ASSETS;
                site.uses(shot, 700 + asset);
                jobs.add("HybridWork_TST_Asset_" + TYPES[asset % 3] + "_A" + asset);
            }
            agentsOfShot.put(shot, agents);
            assetJobsOfShot.put(shot, jobs);
        }
        site.install();
    }

    /** Who each job holds, by name, from one read of the console. */
    private static Map<String, Set<Long>> holders() {
        Map<String, Set<Long>> out = new HashMap<>();
        for (JsonNode job : SIMULATOR.jobs()) {
            Set<Long> agents = new HashSet<>();
            job.path("agents").forEach(a -> agents.add(a.path("id").asLong()));
            out.put(job.path("name").asText(), agents);
        }
        return out;
    }

    /** The artists of active shots left without an asset at this moment: "agent 2 lacks HybridWork_TST_Asset_Prop_A7". */
    private List<String> withoutAnAsset(Map<String, Set<Long>> jobs) {
        List<String> missing = new ArrayList<>();
        Set<Long> projectAssets = jobs.getOrDefault("HybridWork_TST_Assets", Set.of());
        for (Map.Entry<Long, Set<Long>> shot : agentsOfShot.entrySet()) {
            for (long agent : shot.getValue()) {
                if (projectAssets.contains(agent)) continue;
                for (String job : assetJobsOfShot.get(shot.getKey())) {
                    if (!jobs.getOrDefault(job, Set.of()).contains(agent)) missing.add("agent " + agent + " lacks " + job);
                }
            }
        }
        return missing;
    }

    private long assetJobsOnConsole() {
        return holders().keySet().stream().filter(n -> n.startsWith("HybridWork_TST_Asset_")).count();
    }

    private boolean projectAssetsJobOnConsole() {
        return holders().containsKey("HybridWork_TST_Assets");
    }

    @Test
    void switching_both_ways_under_load_never_leaves_an_artist_without_an_asset() throws Exception {
        studio();
        long needed = assetJobsOfShot.values().stream().flatMap(List::stream).distinct().count();
        reconcile(155L);
        assertTrue(projectAssetsJobOnConsole(), "project mode first: one assets job");

        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger both = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Map<String, Set<Long>> jobs = holders();
                List<String> missing = withoutAnAsset(jobs);
                if (!missing.isEmpty()) violations.add(missing.get(0) + " (" + missing.size() + " in all)");
                if (jobs.containsKey("HybridWork_TST_Assets") && jobs.keySet().stream().anyMatch(n -> n.startsWith("HybridWork_TST_Asset_"))) {
                    both.incrementAndGet();
                }
                samples.incrementAndGet();
            }
        });
        Thread load = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                template.sendBody("seda:reconcile-requests", 155L);    // a stream of changes to the project, as a busy day brings
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        load.start();
        try {
            Files.writeString(artists, SHIPPED + AssetRoutesTest.PER_ASSET);
            await().atMost(Duration.ofSeconds(60)).until(() -> assetJobsOnConsole() == needed && !projectAssetsJobOnConsole());
            Files.writeString(artists, SHIPPED);
            await().atMost(Duration.ofSeconds(60)).until(() -> assetJobsOnConsole() == 0 && projectAssetsJobOnConsole());
        } finally {
            load.interrupt();
            sampler.interrupt();
            load.join();
            sampler.join();
        }

        assertEquals(List.of(), violations, "moments without access, of " + samples.get() + " sampled");
        assertTrue(samples.get() > 100, "sampled " + samples.get() + " moments");
        assertTrue(both.get() > 0, "the switch was seen in the middle (both kinds of job on the console) in " + both.get() + " samples");
    }

    @Test
    void the_plan_shows_a_switch_before_it_is_made() throws Exception {
        studio();
        reconcile(155L);
        int before = SIMULATOR.jobs().size();

        HttpResponse<String> plan = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/admin/plan?project=155"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(SHIPPED + AssetRoutesTest.PER_ASSET)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("\"kept_until_replaced\":[\"HybridWork_TST_Assets\"]"), plan.body());
        assertTrue(plan.body().contains("\"name\":\"HybridWork_TST_Asset_Character_A0\",\"kind\":\"asset\""), plan.body());
        assertTrue(plan.body().contains("\"delete\":[]"), "nothing goes in the first step: " + plan.body());
        assertEquals(before, SIMULATOR.jobs().size(), "a preview writes nothing");
    }
}
