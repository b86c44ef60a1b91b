package com.srsync.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.cluster.TermScoped;
import com.srsync.setup.HookGapWords;
import com.srsync.setup.HookPlan;
import com.srsync.setup.HookSpec;
import com.srsync.setup.HookUrls;
import com.srsync.setup.SiteHook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * ShotGrid's own record of the hooks that point at this service (SHOTGRID_WEBHOOK_WATCH): their status and
 * the last 24 hours' failed deliveries, read from the REST webhook API ({@code routes/watch.yaml}). A status
 * other than {@code active} - including a word never seen in public, shown raw - or many failed deliveries
 * is an alarm; a read that finds every hook of ours active ends a status a delivery announced
 * ({@link HookAnnouncements}); a read that was refused (401, 403) or failed (5xx) leaves the check UNKNOWN,
 * never UP. Leader-scoped.
 */
public final class HookRecord implements TermScoped {
    /** A hook whose address ends in one of the paths this service takes deliveries on is ours. */
    private static final java.util.function.Predicate<String> OURS = HookUrls.ours(null);
    /** Failed deliveries in 24 hours that raise the alarm, well before ShotGrid's 100. */
    static final int FAILURES_ALARM = 20;

    /** A hook as last read. @param failedLastDay null until its deliveries were read */
    public record Hook(String id, String url, String status, Integer failedLastDay) {}

    private final Clock clock;
    private final boolean revive;
    private final BooleanSupplier healthy;
    private final String webhooksPage;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final HookAnnouncements announcements;
    private final BooleanSupplier perAsset;
    private final String waitFor;
    private final List<String> filterWarnings = new ArrayList<>();
    private String readProblem;
    private Instant lastRevive;

    /**
     * @param revive       SHOTGRID_WEBHOOK_REVIVE: switch a failed hook back on (at most once an hour)
     * @param healthy      whether the service's own health is green now
     * @param webhooksPage where a person switches it back on
     * @param announcements what deliveries announced: a read that finds our hooks active ends it
     */
    public HookRecord(Clock clock, boolean revive, BooleanSupplier healthy, String webhooksPage, HookAnnouncements announcements) {
        this(clock, revive, healthy, webhooksPage, announcements, () -> false, HookGapWords.waitFor(false));
    }

    /**
     * @param perAsset true while artists.yaml says {@code assets: per_asset} (the Asset webhook is required then)
     * @param waitFor  what picks up what a webhook leaves out ({@link HookGapWords#waitFor})
     */
    public HookRecord(Clock clock, boolean revive, BooleanSupplier healthy, String webhooksPage, HookAnnouncements announcements,
                      BooleanSupplier perAsset, String waitFor) {
        this.perAsset = perAsset;
        this.waitFor = waitFor;
        this.clock = clock;
        this.announcements = announcements;
        this.revive = revive;
        this.healthy = healthy;
        this.webhooksPage = webhooksPage;
    }

    /** {@code GET /webhook/hooks}: keeps those whose URL points at this service. */
    public synchronized void hooksRead(JsonNode answer) {
        List<SiteHook> ours = SiteHook.list(answer).stream().filter(h -> OURS.test(h.url())).toList();
        Map<String, Hook> read = new LinkedHashMap<>();
        for (SiteHook h : ours) {
            Hook before = hooks.get(h.id());
            read.put(h.id(), new Hook(h.id(), h.url(), h.status(), before == null ? null : before.failedLastDay()));
        }
        hooks.clear();
        hooks.putAll(read);
        readProblem = read.isEmpty() ? "no webhook on the site points at this service's /webhooks/shotgrid" : null;
        filterWarnings.clear();
        if (!read.isEmpty()) filterWarnings.addAll(leftOut(ours));
        if (!read.isEmpty() && read.values().stream().allMatch(h -> "active".equalsIgnoreCase(h.status()))) announcements.readActive();
    }

    /** The hooks whose deliveries to read. */
    public synchronized List<String> ours() {
        return List.copyOf(hooks.keySet());
    }

    /** Where one hook's failed deliveries of the last 24 hours are (below /api/v1). */
    public String failedDeliveriesPath(String hookId) {
        long now = clock.instant().getEpochSecond();
        return "/webhook/hooks/" + hookId + "/deliveries?status=failed&from=" + (now - 86_400) + "&to=" + now;
    }

    /** {@code GET /webhook/hooks/{id}/deliveries?status=failed}: counts them (a delivered one with a code outside 200-399 too). */
    public synchronized void deliveriesRead(String hookId, JsonNode answer) {
        int failed = 0;
        for (JsonNode d : items(answer)) {
            JsonNode a = d.has("attributes") ? d.path("attributes") : d;
            String status = a.path("status").asText("failed");
            int code = a.path("response_code").asInt(0);
            if (!"delivered".equalsIgnoreCase(status) || code < 200 || code > 399) failed++;
        }
        Hook h = hooks.get(hookId);
        if (h != null) hooks.put(hookId, new Hook(h.id(), h.url(), h.status(), failed));
    }

    /** A read of the webhook API was refused or failed: the state is not known. */
    public synchronized void readFailed(int status, String why) {
        readProblem = status == 401 || status == 403
                ? "ShotGrid refused to show the webhooks (" + status + "): the script needs the API Admin permission set to read them"
                : "the webhooks could not be read: " + why;
    }

    /** The alarm, or null. */
    public synchronized String problem() {
        List<String> out = new ArrayList<>();
        for (Hook h : hooks.values()) {
            if (!"active".equals(h.status())) out.add("the webhook to " + h.url() + " is '" + h.status() + "' on ShotGrid");
            else if (h.failedLastDay() != null && h.failedLastDay() >= FAILURES_ALARM) {
                out.add("the webhook to " + h.url() + " had " + h.failedLastDay() + " failed deliveries in 24 hours (ShotGrid switches it off at 100)");
            }
        }
        if (out.isEmpty()) return null;
        return String.join("; ", out) + (revive ? "; the service switches it back on once its own health is green"
                : "; it sends nothing until a person switches it back on: " + webhooksPage);
    }

    /**
     * What our hooks leave out that the planner reacts to (a required entity type no hook of ours sends, an event or a
     * field of "updated" missing): the service still works, later - warnings, not the alarm.
     */
    public synchronized List<String> warnings() {
        return List.copyOf(filterWarnings);
    }

    private List<String> leftOut(List<SiteHook> ours) {
        List<String> out = new ArrayList<>();
        for (HookPlan.Change c : HookPlan.of(HookSpec.table(perAsset.getAsBoolean()), ours, url -> true, "", null)) {
            if (!c.spec().required()) continue;
            for (HookPlan.Gap gap : c.gaps()) {
                if (gap.kind() == HookPlan.Gap.Kind.STATUS || gap.kind() == HookPlan.Gap.Kind.BATCH) continue;   // the alarm, and no loss
                out.add(HookGapWords.sentence(c.spec().entity(), gap, waitFor));
            }
        }
        return out;
    }

    /** Why the state is not known, or null. */
    public synchronized String unknown() {
        return readProblem;
    }

    /**
     * The hooks to switch back on now (SHOTGRID_WEBHOOK_REVIVE): not active, at most once an hour, and only
     * while the service's own health is green (a hook revived into a failing service fails again).
     */
    public synchronized List<String> reviveDue() {
        if (!revive || !healthy.getAsBoolean() || (lastRevive != null && clock.instant().isBefore(lastRevive.plus(Duration.ofHours(1))))) return List.of();
        return hooks.values().stream().filter(h -> h.status() != null && !"active".equals(h.status())
                && !"disabled".equals(h.status().toLowerCase(Locale.ROOT))).map(Hook::id).toList();
    }

    /** The body of a revive. */
    public String reviveBody() {
        return "{\"status\":\"active\"}";
    }

    public synchronized void revived(String hookId) {
        lastRevive = clock.instant();
        Hook h = hooks.get(hookId);
        if (h != null) hooks.put(hookId, new Hook(h.id(), h.url(), "active", h.failedLastDay()));
        announcements.readActive();
    }

    @Override
    public synchronized void forgetTerm() {
        hooks.clear();
        filterWarnings.clear();
        readProblem = null;
        lastRevive = null;
    }

    private static Iterable<JsonNode> items(JsonNode answer) {
        if (answer == null) return List.of();
        if (answer.isArray()) return answer;
        JsonNode data = answer.path("data");
        return data.isArray() ? data : List.of();
    }

}
