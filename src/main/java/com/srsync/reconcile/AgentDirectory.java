package com.srsync.reconcile;

import java.util.List;
import java.util.Map;

/**
 * The console's agents as {@code GET /agents} listed them, by id: what an artist's {@code agent_id} is
 * checked against and an {@code agent_name} resolved with.
 *
 * @param names  each listed agent's name, by id
 * @param listed false when the console serves no agent list (its API answered 404): ids cannot be checked
 */
public record AgentDirectory(Map<Long, String> names, boolean listed) {
    public static final AgentDirectory UNLISTED = new AgentDirectory(Map.of(), false);

    public AgentDirectory {
        names = Map.copyOf(names);
    }

    /** The ids of the agents listed with exactly this name. */
    public List<Long> idsNamed(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).sorted().toList();
    }
}
