package com.srsync.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.cluster.TermScoped;
import com.srsync.shotgrid.SearchQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which shots' delivery summaries to write onto ShotGrid (SHOTGRID_DELIVERY_FIELD, optional), compared with
 * what the Shot holds - never with what this replica remembers writing - so a restart or a takeover writes
 * only what differs:
 * <ul>
 *   <li>First, once a term, ShotGrid's schema is asked whether the field exists, is text and editable
 *       ({@link ShotFieldSchema}); in the first term of the process a refusal stops the service (exit 2).</li>
 *   <li>Then, once a term and project, the project's shots whose field holds anything are read (one paged
 *       search): what ShotGrid has.</li>
 *   <li>A shot with a followed job gets its job's summary ({@link DeliverySummary}); a shot that holds a
 *       summary but has no job any more (shot put on hold, last artist gone) gets a final one ("no sync job:
 *       shot on hold"), with its status read first; two active shots of one code both get theirs.</li>
 *   <li>Only from a current delivery state (a stale one is not written), at most once a minute per shot (a
 *       final summary at once), within {@link WriteBackPacing}'s budget, pause and stop.</li>
 * </ul>
 * Leader-scoped: a change of term forgets what ShotGrid was read to hold.
 */
public final class DeliveryWriteBack implements TermScoped {
    /** One write: the shot and its project, its field's new text, and the request body. */
    public record ShotSummary(long shotId, long project, String text, String body) {}

    private static final String FINAL = "no sync job: ";
    private static final Map<String, String> STATUS_WORDS = Map.of("hld", "on hold", "fin", "final", "omt", "omitted", "wtg", "waiting to start",
            "rdy", "ready to start", "ip", "in progress", "cmpt", "complete", "na", "not applicable", "cbb", "could be better");

    private final String field;
    private final Supplier<DeliveryView> view;
    private final Function<Long, Set<Long>> activeShots;
    private final BiFunction<Long, Long, String> whyNoJob;
    private final Clock clock;
    private final Duration minInterval;
    private final ObjectMapper mapper;
    private final WriteBackPacing pacing;
    private final Consumer<String> refuseAtStart;
    private final Map<Long, String> onShotGrid = new HashMap<>();          // shot -> what its field holds, as far as known
    private final Map<Long, Long> projectOf = new HashMap<>();
    private final Map<Long, Instant> writtenAt = new HashMap<>();
    private final Map<Long, String> statusOf = new HashMap<>();            // shots without a job: their status, read for the final summary
    private final Set<Long> projectsRead = new HashSet<>();
    private final Set<Long> gone = new HashSet<>();                         // shots ShotGrid no longer has
    private boolean schemaChecked;
    private boolean firstVerdict = true;

    /**
     * @param field         the Shot's text field; null: the write-back is off
     * @param view          the delivery state now
     * @param activeShots   a project's active shot ids as its last reconcile read them (null: not reconciled in this term)
     * @param whyNoJob      why an active shot has no job (project, shot), from the last plan; null when it gave none
     * @param refuseAtStart told once when the first schema verdict of the process refuses the field (the service stops)
     */
    public DeliveryWriteBack(String field, Supplier<DeliveryView> view, Function<Long, Set<Long>> activeShots,
                             BiFunction<Long, Long, String> whyNoJob, Clock clock, Duration minInterval, ObjectMapper mapper,
                             WriteBackPacing pacing, Consumer<String> refuseAtStart) {
        this.field = field;
        this.view = view;
        this.activeShots = activeShots;
        this.whyNoJob = whyNoJob;
        this.clock = clock;
        this.minInterval = minInterval;
        this.mapper = mapper;
        this.pacing = pacing;
        this.refuseAtStart = refuseAtStart;
    }

    public boolean isEnabled() {
        return field != null;
    }

    // --- the field's schema, once a term ------------------------------------------------------------

    /** The path of the field's schema (below /api/v1), when it is to be read now; null otherwise. */
    public synchronized String schemaPath() {
        return field == null || schemaChecked || !pacing.mayCall() ? null : "/schema/Shot/fields/" + field;
    }

    public synchronized void schemaRead(JsonNode answer) {
        pacing.succeeded();
        verdict(ShotFieldSchema.problem(field, answer));
    }

    /** The schema could not be read: the field refused (400, 403, 404), or the site failed (a pause, asked again later). */
    public synchronized void schemaFailed(int status, String detail) {
        String refused = ShotFieldSchema.refused(field, status, detail);
        if (refused != null) verdict(refused);
        else pacing.pause("reading Shot." + field + "'s schema failed (" + (status == 0 ? "no answer" : status) + "): " + detail);
    }

    private void verdict(String problem) {
        schemaChecked = true;
        boolean first = firstVerdict;
        firstVerdict = false;
        if (problem == null) return;
        pacing.stop(problem);
        if (first) refuseAtStart.accept("SHOTGRID_DELIVERY_FIELD: " + problem);
    }

    // --- what ShotGrid holds, once a term and project ----------------------------------------------

    /** The projects whose shots' values are to be read now: those with followed jobs not read in this term. */
    public synchronized List<Long> projectsToRead() {
        if (!ready()) return List.of();
        Set<Long> out = new TreeSet<>();
        for (JobDelivery j : view.get().jobs()) if (!projectsRead.contains(j.job().project())) out.add(j.job().project());
        return new ArrayList<>(out);
    }

    /** The project's shots whose field holds something, with their status. */
    public SearchQuery valuesQuery(long project) {
        return new SearchQuery("shots", List.of(List.of("project", "is", Map.of("type", "Project", "id", project)),
                java.util.Arrays.asList(field, "is_not", null)),
                List.of("code", "sg_status_list", field), SearchQuery.ACTIVE);
    }

    public synchronized void valuesRead(long project, List<?> rows) {
        pacing.succeeded();
        projectsRead.add(project);
        for (Object r : rows) {
            JsonNode row = (JsonNode) r;
            long shot = row.path("id").asLong();
            JsonNode attributes = row.path("attributes");
            onShotGrid.put(shot, attributes.path(field).asText(""));
            projectOf.put(shot, project);
        }
    }

    /** A read failed: the site pauses (a refusal of the field itself stops). */
    public synchronized void readFailed(int status, String detail) {
        String refused = status == 400 || status == 403 ? ShotFieldSchema.refused(field, status, detail) : null;
        if (refused != null) pacing.stop(refused);
        else pacing.pause("reading the shots' summaries failed (" + (status == 0 ? "no answer" : status) + "): " + detail);
    }

    /**
     * The status of the shots that hold a summary but have neither a job nor an active status any more, read
     * afresh for their final summary (a status read earlier may be out of date); null when none waits.
     */
    public synchronized SearchQuery statusQuery() {
        if (!ready()) return null;
        Set<Long> withJob = shotsWithJobs(view.get());
        List<Object> ids = new ArrayList<>();
        for (Map.Entry<Long, String> e : onShotGrid.entrySet()) {
            long shot = e.getKey();
            Long project = projectOf.get(shot);
            Set<Long> active = project == null ? null : activeShots.apply(project);
            if (active == null || active.contains(shot) || withJob.contains(shot)) continue;
            if (!e.getValue().isEmpty() && !e.getValue().startsWith(FINAL) && !statusOf.containsKey(shot) && !gone.contains(shot)
                    && ids.size() < 200) ids.add(shot);
        }
        return ids.isEmpty() ? null : new SearchQuery("shots", List.of(List.of("id", "in", ids)), List.of("sg_status_list", "project"),
                SearchQuery.ACTIVE);
    }

    /** The asked shots' statuses; a shot not returned is gone (retired or deleted): nothing is written to it. */
    public synchronized void statusesRead(List<?> rows, SearchQuery asked) {
        pacing.succeeded();
        Set<Long> returned = new HashSet<>();
        for (Object r : rows) {
            JsonNode row = (JsonNode) r;
            returned.add(row.path("id").asLong());
            statusOf.put(row.path("id").asLong(), row.path("attributes").path("sg_status_list").asText(""));
        }
        for (Object id : (List<?>) asked.filters().get(0).get(2)) {
            if (!returned.contains(((Number) id).longValue())) gone.add(((Number) id).longValue());
        }
    }

    // --- the writes ---------------------------------------------------------------------------------

    /** The summaries to write now, within this tick's budget. */
    public synchronized List<ShotSummary> due() throws JsonProcessingException {
        List<ShotSummary> out = new ArrayList<>();
        if (!ready()) return out;
        DeliveryView now = view.get();
        if (now.isStale() || now.checkedAt() == null) return out;
        Map<Long, String> wanted = new HashMap<>();
        Map<Long, Long> projects = new HashMap<>(projectOf);
        for (JobDelivery job : now.jobs()) {
            if (!projectsRead.contains(job.job().project())) continue;       // what ShotGrid holds is not known yet
            String text = DeliverySummary.of(job);
            for (Long shot : job.job().shotIds()) {
                wanted.put(shot, text);
                projects.put(shot, job.job().project());
                statusOf.remove(shot);                                      // a status read while it had no job is no longer its
            }
        }
        for (Map.Entry<Long, String> e : onShotGrid.entrySet()) {
            if (wanted.containsKey(e.getKey()) || e.getValue().isEmpty() || e.getValue().startsWith(FINAL)) continue;
            String last = finalSummary(e.getKey());
            if (last != null) wanted.put(e.getKey(), last);
        }
        Instant at = clock.instant();
        for (Map.Entry<Long, String> e : new java.util.TreeMap<>(wanted).entrySet()) {
            long shot = e.getKey();
            if (gone.contains(shot) || e.getValue().equals(onShotGrid.get(shot))) continue;
            Instant last = writtenAt.get(shot);
            boolean closing = e.getValue().startsWith(FINAL);                 // a shot's last summary is not held back by the minute
            if (!closing && last != null && at.isBefore(last.plus(minInterval))) continue;
            out.add(new ShotSummary(shot, projects.get(shot), e.getValue(),
                    mapper.writeValueAsString(mapper.createObjectNode().put(field, e.getValue()))));
            if (out.size() >= pacing.writesPerTick()) break;
        }
        return out;
    }

    /** The last summary of a shot that holds one but has no job: why it has none; null while its status is not known. */
    private String finalSummary(long shot) {
        Long project = projectOf.get(shot);
        Set<Long> active = project == null ? null : activeShots.apply(project);
        if (active == null) return null;                                   // its project not reconciled in this term yet
        if (active.contains(shot)) {
            String why = whyNoJob.apply(project, shot);
            return FINAL + (why == null ? "no artist of artists.yaml on its tasks" : why);
        }
        String status = statusOf.get(shot);
        if (status == null) return null;
        return FINAL + "shot " + STATUS_WORDS.getOrDefault(status, "not active (status " + status + ")");
    }

    private boolean ready() {
        return field != null && schemaChecked && pacing.mayCall();
    }

    private static Set<Long> shotsWithJobs(DeliveryView view) {
        Set<Long> out = new HashSet<>();
        for (JobDelivery j : view.jobs()) out.addAll(j.job().shotIds());
        return out;
    }

    /** Where the summary goes: the shot's record, below /api/v1. */
    public String path(ShotSummary summary) {
        return "/entity/shots/" + summary.shotId();
    }

    /** ShotGrid took it: the Shot holds it now. */
    public synchronized void written(ShotSummary summary) {
        pacing.succeeded();
        onShotGrid.put(summary.shotId(), summary.text());
        projectOf.put(summary.shotId(), summary.project());
        writtenAt.put(summary.shotId(), clock.instant());
        if (summary.text().startsWith(FINAL)) statusOf.remove(summary.shotId());
    }

    /**
     * A write failed: no answer, a failed login, 429 or 5xx pause the whole site; 404 means the shot is gone
     * (not written again in this term); 400 and 403 say the field is wrong (the write-back stops).
     */
    public synchronized void failed(ShotSummary summary, int status, String detail) {
        String refused = status == 400 || status == 403 ? ShotFieldSchema.refused(field, status, detail) : null;
        if (refused != null) pacing.stop(refused);
        else if (status == 404) gone.add(summary.shotId());
        else if (status == 0 || status == 401 || status == 429 || status >= 500) {
            pacing.pause("writing shot " + summary.shotId() + "'s summary failed (" + (status == 0 ? "no answer" : status) + "): " + detail);
        } else {
            gone.add(summary.shotId());
            org.slf4j.LoggerFactory.getLogger(DeliveryWriteBack.class).warn("Shot {}'s delivery summary was refused ({}): {}; it is not tried "
                    + "again until this replica leads anew", summary.shotId(), status, detail);
        }
    }

    /** For health: why nothing is written, or null. */
    public String problem() {
        return field == null ? null : pacing.stopped();
    }

    @Override
    public synchronized void forgetTerm() {
        onShotGrid.clear();
        projectOf.clear();
        writtenAt.clear();
        statusOf.clear();
        projectsRead.clear();
        gone.clear();
        schemaChecked = false;
    }
}
