package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.reconcile.OsPaths;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How an agent of the console's list is told, and when artists.yaml lacks a base path for the agent's own system. */
class ConsoleAgentsCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void reads_the_consoles_plain_array_with_last_seen_in_unix_seconds_and_the_os_in_lower_case() throws Exception {
        var agents = ConsoleAgentsCheck.agents(new ObjectMapper().readTree(
                "[{\"id\": 2, \"name\": \"Mac\", \"online\": false, \"last_seen\": " + NOW.minusSeconds(3 * 3600).getEpochSecond()
                        + ", \"os\": \"MAC\"}, {\"id\": 4, \"name\": \"Storage\", \"online\": true}]"));

        assertEquals("agent 2 'Mac' (mac), offline, last online 3 hours ago", ConsoleAgentsCheck.describe(agents.get(2L), NOW));
        assertEquals("agent 4 'Storage', online", ConsoleAgentsCheck.describe(agents.get(4L), NOW));
    }

    @Test
    void an_agent_never_seen_says_so() {
        var agent = new ConsoleAgentsCheck.Agent(9, "New", false, null, "linux");
        assertEquals("agent 9 'New' (linux), offline (never seen)", ConsoleAgentsCheck.describe(agent, NOW));
    }

    @Test
    void a_windows_agent_without_a_win_base_path_is_named() {
        var linuxAndMacOnly = new OsPaths("/home/Company", null, "/Volumes/Company");
        assertEquals("artists.yaml gives no win base path, and this agent runs win64",
                ConsoleAgentsCheck.missingBasePath(linuxAndMacOnly, "win64"));
        assertNull(ConsoleAgentsCheck.missingBasePath(linuxAndMacOnly, "mac"));
        assertNull(ConsoleAgentsCheck.missingBasePath(linuxAndMacOnly, null), "a system the console does not give is not guessed");
        assertNull(ConsoleAgentsCheck.missingBasePath(linuxAndMacOnly, "darwin"), "darwin is macOS, though it contains 'win'");
        assertEquals("artists.yaml gives no osx base path, and this agent runs darwin",
                ConsoleAgentsCheck.missingBasePath(new OsPaths("/home/Company", "C:\\Company", null), "darwin"));
    }
}
