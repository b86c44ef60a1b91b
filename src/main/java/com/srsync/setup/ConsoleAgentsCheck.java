package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.reconcile.AgentDirectory;
import com.srsync.reconcile.AgentResolution;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.StorageAgent;
import com.srsync.reconcile.SyncRules;
import com.srsync.reconcile.UnresolvedAgentException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * artists.yaml against the console's agent list ({@code GET /agents}): the studio storage and each artist resolve to
 * exactly one agent (by id, or by name alone), with the console's name, its system and when it was last online;
 * the storage is online; each agent has a base path for its own system. Pure.
 */
public final class ConsoleAgentsCheck {
    /** A console agent as the check needs it. @param os the console's word, lower case; null when it gives none */
    public record Agent(long id, String name, boolean online, Instant lastSeen, String os) {}

    private ConsoleAgentsCheck() {}

    public static Map<Long, Agent> agents(JsonNode answer) {
        Map<Long, Agent> out = new LinkedHashMap<>();
        JsonNode items = answer.isArray() ? answer : answer.path("data");
        for (JsonNode a : items) {
            JsonNode seen = a.get("last_seen");
            out.put(a.path("id").asLong(), new Agent(a.path("id").asLong(), a.path("name").asText(""), a.path("online").asBoolean(false),
                    seen == null || !seen.canConvertToLong() ? null : Instant.ofEpochSecond(seen.asLong()),
                    a.hasNonNull("os") ? a.path("os").asText().toLowerCase(Locale.ROOT) : null));
        }
        return out;
    }

    public static List<CheckLine> lines(SyncRules rules, Map<Long, Agent> console, Instant now) {
        Map<Long, String> names = new LinkedHashMap<>();
        console.values().forEach(a -> names.put(a.id(), a.name()));
        List<CheckLine> out = new ArrayList<>();
        AgentResolution resolution;
        try {
            resolution = AgentResolution.of(rules, new AgentDirectory(names, true));
        } catch (UnresolvedAgentException e) {
            out.add(CheckLine.failed("artists", "studio storage", e.getMessage(), "set primary_storage's agent_id in artists.yaml to the "
                    + "studio storage's id on the console (Agents page)"));
            return out;
        }
        SyncRules resolved = resolution.rules();
        out.add(storage(resolved.primaryStorage(), console.get(resolved.primaryStorage().id()), now));
        for (Artist artist : resolved.artists()) out.add(artist(resolved, artist, console.get(artist.agent().id()), now));
        for (String warning : resolution.warnings()) {
            out.add(CheckLine.failed("artists", "agent names", warning, "correct agent_name in artists.yaml, or the agent_id").optional());
        }
        return out;
    }

    private static CheckLine storage(StorageAgent storage, Agent agent, Instant now) {
        String who = describe(agent, now);
        if (!agent.online()) {
            return CheckLine.failed("artists", "studio storage", who, "start the Resilio agent on the studio storage: no job syncs without it");
        }
        String noPath = missingBasePath(storage.basePaths(), agent.os());
        if (noPath != null) return CheckLine.failed("artists", "studio storage", who + "; " + noPath, "add it under primary_storage.base_paths");
        return CheckLine.passed("artists", "studio storage", who);
    }

    private static CheckLine artist(SyncRules rules, Artist artist, Agent agent, Instant now) {
        String name = artist.displayName();
        var problem = rules.unavailable(artist);
        if (problem.isPresent()) {
            return CheckLine.failed("artists", name, problem.get(), "give the agent_id the console shows for " + name
                    + "'s machine (Agents page), or its exact agent_name");
        }
        String who = describe(agent, now);
        String noPath = missingBasePath(artist.agent().basePaths(), agent.os());
        if (noPath != null) return CheckLine.failed("artists", name, who + "; " + noPath, "add it under the artist's base_paths in artists.yaml");
        return CheckLine.passed("artists", name, who);
    }

    /** "agent 2 'Cameron's MacBook Pro' (mac), online" or "..., offline, last online 3 h ago". */
    static String describe(Agent agent, Instant now) {
        String text = "agent " + agent.id() + " '" + agent.name() + "'" + (agent.os() == null ? "" : " (" + agent.os() + ")");
        if (agent.online()) return text + ", online";
        return text + ", offline" + (agent.lastSeen() == null ? " (never seen)" : ", last online " + ago(agent.lastSeen(), now));
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toDays() >= 2) return d.toDays() + " days ago";
        if (d.toHours() >= 2) return d.toHours() + " hours ago";
        return Math.max(0, d.toMinutes()) + " minutes ago";
    }

    /** Why the agent's own system has no base path; null when it has one, or its system is not known. */
    static String missingBasePath(OsPaths paths, String os) {
        String key = OsPaths.systemKey(os);
        if (key == null || paths.forSystem(key) != null) return null;
        return "artists.yaml gives no " + key + " base path, and this agent runs " + os;
    }
}
