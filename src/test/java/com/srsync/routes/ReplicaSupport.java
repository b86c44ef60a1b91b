package com.srsync.routes;

import com.srsync.sandbox.Sandbox;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Settings and probes for tests that run several real service processes against the sandbox simulators. */
final class ReplicaSupport {
    static final String ADMIN = "admin-token-for-tests";

    private ReplicaSupport() {}

    /** The simulators on free ports; their webhooks go to a port no one listens on (changes are heard by no one). */
    static Sandbox simulators() throws Exception {
        return Sandbox.start(Map.of("SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())), ServiceTestSupport.freePort());
    }

    /** A replica's environment: the simulators' settings, its own DATA_DIR, no safety net (only a takeover reconciles). */
    static Map<String, String> replica(Sandbox sandbox, String id, Map<String, String> election) throws Exception {
        Map<String, String> env = new HashMap<>();
        sandbox.properties().forEach((key, value) -> env.put(key.toUpperCase().replace('.', '_'), value));
        env.remove("SANDBOX");                                       // a real, replicated service against the simulators
        env.put("ADMIN_TOKEN", ADMIN);
        env.put("LEADER_ELECTION_ID", id);
        env.put("DATA_DIR", Files.createTempDirectory("srsync-replica-" + id + "-").toString());
        env.put("SAFETY_NET_INITIAL_DELAY_MS", "3600000");
        env.putAll(election);
        return env;
    }

    static boolean leads(ServiceProcess p) {
        try {
            return p.send("GET", "/observe/leader", null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
