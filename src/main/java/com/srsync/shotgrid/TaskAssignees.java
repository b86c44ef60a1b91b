package com.srsync.shotgrid;

import com.srsync.reconcile.ShotGridUser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Who is on the tasks of one project's shots and assets: the users and groups each entity's tasks name, the
 * groups' members, and the users' details when they were read; {@link #expand} gives one entity's users, groups
 * expanded, each once.
 */
final class TaskAssignees {
    /** The users and groups on one entity's tasks. */
    static final class OnTasks {
        final Set<Long> users = new LinkedHashSet<>();
        final Set<Long> groups = new LinkedHashSet<>();
    }

    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> members = new LinkedHashMap<>();
    private final Map<Long, ShotGridUser> details = new LinkedHashMap<>();

    /** Takes a user named on one of the entity's tasks. */
    BiConsumer<Long, String> user(OnTasks on) {
        return (id, name) -> {
            on.users.add(id);
            names.putIfAbsent(id, name);
        };
    }

    void member(long groupId, long userId, String name) {
        members.computeIfAbsent(groupId, g -> new LinkedHashSet<>()).add(userId);
        names.putIfAbsent(userId, name);
    }

    void details(ShotGridUser user) {
        details.put(user.id(), user);
    }

    /** The entity's users: those named on its tasks, then its groups' members; with login and e-mail when read. */
    List<ShotGridUser> expand(OnTasks on) {
        Set<Long> ids = new LinkedHashSet<>(on.users);
        for (Long group : on.groups) ids.addAll(members.getOrDefault(group, Set.of()));
        return ids.stream().map(id -> details.getOrDefault(id, ShotGridUser.named(id, names.get(id)))).toList();
    }
}
