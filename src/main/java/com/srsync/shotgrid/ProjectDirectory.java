package com.srsync.shotgrid;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The site's projects: tank name by id for those outside the trash (null when a project has none),
 * and the tank names of those in it.
 */
public record ProjectDirectory(Map<Long, String> active, Set<String> retired) {
    public ProjectDirectory {
        active = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(active));
        retired = Set.copyOf(retired);
    }

    /** Every tank name known, from projects in and out of the trash: what job names are attributed against. */
    public Set<String> tankNames() {
        Set<String> names = new HashSet<>(retired);
        active.values().stream().filter(Objects::nonNull).forEach(names::add);
        return names;
    }
}
