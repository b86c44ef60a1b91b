package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * artists.yaml's agents against the console's list, before each plan. Pure.
 * <ul>
 *   <li>an agent given by {@code agent_name} alone is the console's agent with exactly that name; none, or
 *       several, and the artist is skipped with the reason, never guessed;</li>
 *   <li>an {@code agent_id} the console does not list skips its artist, with the reason (the console would
 *       refuse the job, every reconcile);</li>
 *   <li>an {@code agent_name} that differs from the console's name for that id is a warning.</li>
 * </ul>
 * The primary storage is in every job: if it cannot be found, nothing is planned.
 *
 * @param rules    the rules with every usable agent's id, and the artists that cannot be used, with why
 * @param warnings name mismatches, in words
 */
public record AgentResolution(SyncRules rules, List<String> warnings) {
    public AgentResolution {
        warnings = List.copyOf(warnings);
    }

    /** @throws UnresolvedAgentException when the primary storage is not on the console */
    public static AgentResolution of(SyncRules rules, AgentDirectory console) {
        List<String> warnings = new ArrayList<>();
        StorageAgent primary = rules.primaryStorage();
        if (!console.listed()) {
            if (primary.isByName()) {
                throw new UnresolvedAgentException("the primary storage is given by agent_name '" + primary.name()
                        + "' alone, and the console lists no agents (GET /agents answered 404): give its agent_id in artists.yaml");
            }
            Map<Artist, String> unavailable = new LinkedHashMap<>();
            for (Artist a : rules.artists()) {
                if (a.agent().isByName()) {
                    unavailable.put(a, "agent '" + a.agent().name() + "' cannot be found: the console lists no agents; give its agent_id in artists.yaml");
                }
            }
            return new AgentResolution(rules.resolved(primary, rules.artists(), unavailable, java.util.Set.of()), warnings);
        }
        Outcome p = resolve(primary, console, warnings, "the primary storage");
        if (p.problem() != null) throw new UnresolvedAgentException("the primary storage: " + p.problem() + "; nothing is planned until it is");
        Map<Artist, String> unavailable = new LinkedHashMap<>();
        java.util.Set<Artist> unlisted = new java.util.HashSet<>();
        List<Artist> artists = new ArrayList<>();
        for (Artist a : rules.artists()) {
            Outcome o = resolve(a.agent(), console, warnings, a.displayName() + "'s agent");
            Artist resolved = o.agent() == a.agent() ? a : new Artist(a.displayName(), a.login(), a.email(), o.agent());
            artists.add(resolved);
            if (o.problem() != null) unavailable.put(resolved, o.problem());
            if (o.problem() != null && !resolved.agent().isByName()) unlisted.add(resolved);   // an id the list lacked
        }
        boolean same = p.agent() == primary && unavailable.isEmpty() && artists.equals(rules.artists());
        return new AgentResolution(same ? rules : rules.resolved(p.agent(), artists, unavailable, unlisted), warnings);
    }

    private record Outcome(StorageAgent agent, String problem) {}

    private static Outcome resolve(StorageAgent agent, AgentDirectory console, List<String> warnings, String whose) {
        if (agent.isByName()) {
            List<Long> ids = console.idsNamed(agent.name());
            if (ids.isEmpty()) return new Outcome(agent, "no agent on the console is named '" + agent.name() + "'");
            if (ids.size() > 1) {
                return new Outcome(agent, ids.size() + " agents on the console are named '" + agent.name() + "' (ids " + ids
                        + "): give the agent_id in artists.yaml");
            }
            return new Outcome(agent.withId(ids.get(0)), null);
        }
        String listedName = console.names().get(agent.id());
        if (listedName == null) return new Outcome(agent, "agent " + agent.id() + " is not on the console");
        if (agent.name() != null && !agent.name().equals(listedName)) {
            warnings.add(whose + " is agent " + agent.id() + ", named '" + agent.name() + "' in artists.yaml but '" + listedName
                    + "' on the console: check that it is the right machine");
        }
        return new Outcome(agent, null);
    }
}
