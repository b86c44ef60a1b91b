package com.srsync.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The site's webhooks against the table ({@link HookSpec}): for each row, the hook of ours that sends it (the first by
 * id), and what it lacks - events, fields of "updated", batch deliveries, the secret, an active status - with the
 * request that would make it match; or, when no hook of ours sends that entity type, the request that makes one.
 * A hook whose address is not ours is never in a request. Pure.
 */
public final class HookPlan {
    /** What a hook lacks. @param what the event, the field, or null */
    public record Gap(Kind kind, String what) {
        public enum Kind { NO_HOOK, EVENT, FIELD, BATCH, SECRET, STATUS }
    }

    /**
     * One row: {@code hookId} null and {@code body} a create when no hook of ours sends it; an update body (only
     * what changes) when ours lacks something; no body when it matches.
     */
    public record Change(HookSpec spec, String hookId, List<Gap> gaps, Map<String, Object> body) {
        public Change {
            gaps = List.copyOf(gaps);
        }

        public boolean matches() {
            return gaps.isEmpty();
        }

        public boolean isCreate() {
            return hookId == null && !gaps.isEmpty();
        }
    }

    private HookPlan() {}

    /**
     * @param ours      whether a hook's address is this service's
     * @param ourUrl    the address a new hook gets (PUBLIC_URL + /webhooks/shotgrid)
     * @param secret    SECRET_TOKEN, for the bodies only (never in a gap's words); null or blank: none sent
     */
    public static List<Change> of(List<HookSpec> table, List<SiteHook> site, Predicate<String> ours, String ourUrl, String secret) {
        List<SiteHook> mine = site.stream().filter(h -> ours.test(h.url())).sorted(Comparator.comparing(SiteHook::id)).toList();
        List<Change> out = new ArrayList<>();
        for (HookSpec spec : table) {
            SiteHook hook = mine.stream().filter(h -> h.entityTypes().containsKey(spec.entity())).findFirst().orElse(null);
            if (hook == null) {
                out.add(new Change(spec, null, List.of(new Gap(Gap.Kind.NO_HOOK, null)), create(spec, ourUrl, secret)));
                continue;
            }
            List<Gap> gaps = gaps(spec, hook, secret != null && !secret.isBlank());
            out.add(new Change(spec, hook.id(), gaps, gaps.isEmpty() ? Map.of() : update(spec, hook, gaps, secret)));
        }
        return out;
    }

    /** What the hook lacks for the row. */
    static List<Gap> gaps(HookSpec spec, SiteHook hook, boolean secretSet) {
        List<Gap> gaps = new ArrayList<>();
        Map<String, List<String>> events = hook.entityTypes().get(spec.entity());
        for (String event : spec.events()) {
            if (!events.containsKey(event)) gaps.add(new Gap(Gap.Kind.EVENT, event));
        }
        List<String> filter = events.get("update");
        if (spec.events().contains("update") && filter != null && !filter.isEmpty()) {        // an empty filter sends every field
            for (String field : spec.fields()) if (!filter.contains(field)) gaps.add(new Gap(Gap.Kind.FIELD, field));
        }
        if (!hook.batch()) gaps.add(new Gap(Gap.Kind.BATCH, null));
        if (!hook.tokenSet() && secretSet) gaps.add(new Gap(Gap.Kind.SECRET, null));   // with no SECRET_TOKEN, none is asked for
        if (hook.status() == null || !"active".equals(hook.status().toLowerCase(Locale.ROOT))) gaps.add(new Gap(Gap.Kind.STATUS, hook.status()));
        return gaps;
    }

    private static Map<String, Object> create(HookSpec spec, String ourUrl, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", ourUrl);
        body.put("entity_types", Map.of(spec.entity(), events(spec, Map.of())));
        body.put("batch_deliveries", true);
        if (secret != null && !secret.isBlank()) body.put("token", secret);
        body.put("name", "shotgrid-resilio-sync: " + spec.entity());
        return body;
    }

    /** Only what changes: the hook's entity types with this row's events and fields added, batch on, the secret, active. */
    private static Map<String, Object> update(HookSpec spec, SiteHook hook, List<Gap> gaps, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        Set<Gap.Kind> kinds = new LinkedHashSet<>();
        gaps.forEach(g -> kinds.add(g.kind()));
        if (kinds.contains(Gap.Kind.EVENT) || kinds.contains(Gap.Kind.FIELD)) {
            Map<String, Object> types = new LinkedHashMap<>(hook.entityTypes());
            types.put(spec.entity(), events(spec, hook.entityTypes().get(spec.entity())));
            body.put("entity_types", types);
        }
        if (kinds.contains(Gap.Kind.BATCH)) body.put("batch_deliveries", true);
        if (kinds.contains(Gap.Kind.SECRET) && secret != null && !secret.isBlank()) body.put("token", secret);
        if (kinds.contains(Gap.Kind.STATUS)) body.put("status", "active");
        return body;
    }

    /** The row's events over what the hook sends now: missing events added, the update filter widened (never narrowed). */
    private static Map<String, List<String>> events(HookSpec spec, Map<String, List<String>> now) {
        Map<String, List<String>> out = new LinkedHashMap<>(now);
        for (String event : spec.events()) {
            List<String> had = now.get(event);
            if (!event.equals("update")) {
                out.putIfAbsent(event, List.of());
                continue;
            }
            if (had != null && had.isEmpty()) continue;                                         // every field already
            TreeSet<String> fields = new TreeSet<>(spec.fields());
            if (had != null) fields.addAll(had);
            out.put(event, List.copyOf(fields));
        }
        return out;
    }
}
