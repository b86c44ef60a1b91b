package com.srsync.reconcile;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The site's projects as the plan needs them: the tank name of each project outside the trash (null
 * when it has none), and the tank names of projects in the trash, which still count when an old job
 * without an ownership record is attributed by its name.
 */
public record ProjectDirectory(Map<Long, String> active, Set<String> retired) {
    public ProjectDirectory {
        active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
        retired = Set.copyOf(retired);
    }

    /** Every tank name known, in and out of the trash. */
    public Set<String> tankNames() {
        Set<String> names = new HashSet<>(retired);
        active.values().stream().filter(Objects::nonNull).forEach(names::add);
        return names;
    }

    public boolean isActive(long projectId) {
        return active.containsKey(projectId);
    }

    public String tankName(long projectId) {
        return active.get(projectId);
    }

    /** The projects outside the trash with this tank name. */
    public List<Long> projectsWithTank(String tankName) {
        return active.entrySet().stream().filter(e -> tankName.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /**
     * Why the project gets no plan and its jobs are left alone, or empty when it can be planned: it has
     * no tank name, its tank name is not a safe folder name, or another project has the same one (the
     * two would make jobs of the same names).
     */
    public Optional<String> leftAlone(long projectId) {
        String tank = active.get(projectId);
        if (tank == null || tank.isBlank()) return Optional.of("project has no tank_name; its jobs are left alone");
        Optional<String> unsafe = FolderNames.problem(tank);
        if (unsafe.isPresent()) {
            return Optional.of("tank_name '" + FolderNames.printable(tank) + "' " + unsafe.get() + "; the project and its jobs are left alone");
        }
        List<Long> same = projectsWithTank(tank).stream().filter(id -> id != projectId).toList();
        if (!same.isEmpty()) {
            return Optional.of("tank_name '" + tank + "' is also project " + same.get(0) + "'s; both projects and their jobs are left alone");
        }
        return Optional.empty();
    }
}
