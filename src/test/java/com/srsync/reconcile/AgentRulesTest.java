package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.ALEX;
import static com.srsync.reconcile.Studio.MATTHEW;
import static com.srsync.reconcile.Studio.PRIMARY;
import static com.srsync.reconcile.Studio.TEMPLATES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * artists.yaml's agents against the console's list. Each row: Alex's agent in artists.yaml (an id, or
 * "name:..." for agent_name alone), the console's agents ("id=name;..."), then the id the job gets (0: Alex
 * is skipped) and the reason or warning said.
 */
class AgentRulesTest {
    private static final OsPaths VOLUMES = OsPaths.fromSingleBase("/Volumes/Company");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an id the console lists                     | 2                     | 4=Linux_Remote;2=Cameron's MacBook Pro             | 2 | ",
        "a name alone: the one agent of that name    | name:Alex's MacBook   | 4=Linux_Remote;7=Alex's MacBook;8=Other            | 7 | ",
        "a name no agent has                         | name:Alex's MacBook   | 4=Linux_Remote;8=Other                             | 0 | no agent on the console is named 'Alex's MacBook'",
        "a name two agents have: never a guess       | name:Alex's MacBook   | 4=Linux_Remote;7=Alex's MacBook;9=Alex's MacBook   | 0 | 2 agents on the console are named 'Alex's MacBook' (ids [7, 9])",
        "an id the console does not list             | 9                     | 4=Linux_Remote;2=Cameron's MacBook Pro             | 0 | agent 9 is not on the console",
        "a name that differs from the console's      | 2                     | 4=Linux_Remote;2=Renamed Laptop                    | 2 | named 'Cameron's MacBook Pro' in artists.yaml but 'Renamed Laptop' on the console",
    })
    void an_artists_agent_is_the_consoles(String rule, String configured, String console, long id, String said) {
        StorageAgent agent = configured.startsWith("name:") ? new StorageAgent(StorageAgent.BY_NAME, configured.substring(5), VOLUMES)
                : new StorageAgent(Long.parseLong(configured), "Cameron's MacBook Pro", VOLUMES);
        Artist alex = new Artist("Alex Trial", null, null, agent);
        AgentResolution r = AgentResolution.of(Studio.rules(alex), directory(console));

        ProjectPlan plan = new Reconciler(r.rules(), new DeleteGuard(0.5, 5)).plan(Studio.project("TST", Studio.shot("TST_010_0010", "active", "Alex Trial")), List.of());
        if (id == 0) {
            assertEquals(List.of(), plan.creates().stream().flatMap(c -> c.getDesired().agents().stream())
                    .filter(a -> a.role().equals(JobAgent.END_USER)).toList(), rule);
            assertEquals("Alex Trial", plan.skippedArtists().get(0).name());
            assertTrue(plan.skippedArtists().get(0).reason().contains(said), rule + ": " + plan.skippedArtists());
        } else {
            assertEquals(Set.of(id), plan.creates().stream().flatMap(c -> c.getDesired().agents().stream())
                    .filter(a -> a.role().equals(JobAgent.END_USER)).map(JobAgent::id).collect(java.util.stream.Collectors.toSet()), rule);
            assertEquals(List.of(), plan.skippedArtists(), rule);
            if (said != null) assertTrue(r.warnings().get(0).contains(said), rule + ": " + r.warnings());
            else assertEquals(List.of(), r.warnings(), rule);
        }
    }

    @Test
    void a_primary_storage_the_console_does_not_have_stops_the_plan() {
        SyncRules byName = new SyncRules(new StorageAgent(StorageAgent.BY_NAME, "Linux_Remote", PRIMARY.basePaths()), List.of(ALEX),
                TEMPLATES, com.srsync.reconcile.JobSettings.defaults(), Set.of("active"));
        UnresolvedAgentException none = assertThrows(UnresolvedAgentException.class, () -> AgentResolution.of(byName, directory("2=Laptop")));
        assertTrue(none.getMessage().contains("no agent on the console is named 'Linux_Remote'"), none.getMessage());
        assertThrows(UnresolvedAgentException.class, () -> AgentResolution.of(Studio.RULES, directory("2=Laptop;3=Mini")));
        assertEquals(4, AgentResolution.of(byName, directory("4=Linux_Remote;2=x")).rules().primaryStorage().id());
    }

    @Test
    void a_console_that_lists_no_agents_checks_no_ids_and_finds_no_names() {
        AgentResolution ids = AgentResolution.of(Studio.RULES, AgentDirectory.UNLISTED);
        assertSame(Studio.RULES.artists().get(0).agent(), ids.rules().artists().get(0).agent());
        assertEquals(java.util.Optional.empty(), ids.rules().unavailable(ALEX));

        Artist byName = new Artist("Alex Trial", null, null, new StorageAgent(StorageAgent.BY_NAME, "Alex's MacBook", VOLUMES));
        AgentResolution names = AgentResolution.of(Studio.rules(byName, MATTHEW), AgentDirectory.UNLISTED);
        assertTrue(names.rules().unavailable(byName).orElseThrow().contains("give its agent_id"));
    }

    @Test
    void an_agent_one_read_lacked_is_added_to_no_job_but_not_taken_off_a_job_that_holds_it() {
        ShotRecord both = Studio.shot("TST_010_0010", "active", "Alex Trial", "Matthew Testuser");
        ShotRecord newShot = Studio.shot("TST_010_0020", "active", "Alex Trial", "Matthew Testuser");
        ProjectSnapshot snapshot = Studio.project("TST", both, newShot);
        List<ObservedJob> applied = Studio.applied(Studio.project("TST", both), 1001);    // 0010 and the assets job hold agents 2 and 3
        AgentResolution lacking = AgentResolution.of(Studio.RULES, directory("4=Linux_Remote;3=Cameron's Mac mini"));   // agent 2 missing

        ProjectPlan plan = new Reconciler(lacking.rules(), new DeleteGuard(0.5, 5)).plan(snapshot, applied);

        assertEquals(List.of(), plan.updates(), "agent 2 stays on the shot job and the assets job that hold it");
        assertEquals(List.of(), plan.deletes());
        assertEquals(1, plan.creates().size());
        assertEquals(Set.of(4L, 3L), plan.creates().get(0).getDesired().agents().stream().map(JobAgent::id)
                .collect(java.util.stream.Collectors.toSet()), "the new shot's job does not get agent 2");
        assertTrue(plan.skippedArtists().get(0).reason().contains("agent 2 is not on the console; added to no job, and left on the jobs"),
                plan.skippedArtists().toString());
    }

    @Test
    void rules_that_need_nothing_resolved_are_the_same_rules() {
        assertSame(Studio.RULES, AgentResolution.of(Studio.RULES, directory("4=Linux_Remote;2=Cameron's MacBook Pro;3=Cameron's Mac mini")).rules());
    }

    private static AgentDirectory directory(String agents) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (String a : agents.split(";")) names.put(Long.parseLong(a.substring(0, a.indexOf('='))), a.substring(a.indexOf('=') + 1));
        return new AgentDirectory(names, true);
    }
}
