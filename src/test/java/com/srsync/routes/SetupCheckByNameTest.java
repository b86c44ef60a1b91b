package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.srsync.setup.CheckLine;
import com.srsync.setup.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code check} with an artist given by {@code agent_name} alone: found when one agent has the name, never guessed when two do. */
class SetupCheckByNameTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        try {
            Path file = Files.createTempDirectory("srsync-byname-").resolve("artists.yaml");
            Files.writeString(file, Files.readString(Path.of("config/artists.yaml")).replace("    agent_id: 2\n", ""));
            p.put("artists.file", file.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CheckLine alex(String agents) throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson(agents)));
        org.apache.camel.Exchange done = template.send("direct:check", e -> { });
        CheckReport report = done.getMessage().getBody(CheckReport.class);
        return report.lines().stream().filter(l -> l.name().equals("Alex Trial")).findFirst().orElseThrow();
    }

    @Test
    void two_agents_of_one_name_are_never_guessed_between() throws Exception {
        CheckLine alex = alex(SetupCheckTest.AGENTS.replace("\"id\": 3, \"name\": \"Cameron's Mac mini\"", "\"id\": 3, \"name\": \"Cameron's MacBook Pro\""));
        assertEquals("2 agents on the console are named 'Cameron's MacBook Pro' (ids [2, 3]): give the agent_id in artists.yaml", alex.message());
        assertEquals(false, alex.fine());
    }

    @Test
    void one_agent_of_the_name_is_found() throws Exception {
        CheckLine alex = alex(SetupCheckTest.AGENTS);
        assertEquals(true, alex.fine(), alex.message());
    }
}
