package com.srsync.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.reconcile.JobChange;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.OrphanedJobs;
import com.srsync.reconcile.SkippedArtist;
import com.srsync.reconcile.SkippedAsset;
import com.srsync.reconcile.SkippedShot;
import com.srsync.http.Upstreams;
import com.srsync.resilio.JobJson;
import java.util.Collection;
import java.util.List;

/**
 * Plans as {@code GET /admin/plan} answers them (see the README): creates, updates, deletes, skipped artists, shots and
 * assets, the jobs an assets mode switch keeps until their replacements exist, guard, orphaned jobs.
 */
public final class PlanJson {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("com.srsync.admin");

    private final ObjectMapper mapper;
    private final boolean dryRun;
    private final Upstreams upstreams;
    private final java.util.function.Supplier<List<String>> warnings;

    /** @param warnings what an operator should know about the configuration in force (artists matched by display name only) */
    public PlanJson(ObjectMapper mapper, boolean dryRun, Upstreams upstreams, java.util.function.Supplier<List<String>> warnings) {
        this.mapper = mapper;
        this.dryRun = dryRun;
        this.upstreams = upstreams;
        this.warnings = warnings;
    }

    /**
     * The plan of one project, with the jobs recorded as its own that are orphaned while it is left alone.
     *
     * @param plans one {@link ProjectPlan} or a collection of them
     */
    public String render(Object plans) throws JsonProcessingException {
        List<ProjectPlan> list = list(plans);
        return render(list, list.stream().flatMap(p -> p.orphaned().stream()).toList());
    }

    /**
     * The plans of several projects and, once, every orphaned job of the console.
     *
     * @param plans a collection of {@link ProjectPlan}s
     */
    public String render(Object plans, List<OrphanedJobs> orphaned) throws JsonProcessingException {
        ObjectNode root = mapper.createObjectNode();
        root.put("dry_run", dryRun);
        warnings.get().forEach(root.putArray("warnings")::add);
        ArrayNode projects = root.putArray("projects");
        for (ProjectPlan plan : list(plans)) projects.add(projectTree(plan));
        ArrayNode orphans = root.putArray("orphaned");
        for (OrphanedJobs o : orphaned) {
            ObjectNode entry = orphans.addObject();
            if (o.project() == null) entry.putNull("project");
            else entry.put("project", o.project());
            o.jobs().forEach(entry.putArray("jobs")::add);
            entry.put("why", o.why());
        }
        return mapper.writeValueAsString(root);
    }

    private static List<ProjectPlan> list(Object plans) {
        List<?> list = plans instanceof Collection<?> c ? List.copyOf(c) : List.of(plans);
        return list.stream().map(ProjectPlan.class::cast).toList();
    }

    /** What an operator should know about the configuration in force. */
    public List<String> warnings() {
        return warnings.get();
    }

    /** One project's plan, as in {@code GET /admin/plan}'s {@code projects}. */
    public ObjectNode projectTree(ProjectPlan plan) {
        ObjectNode p = mapper.createObjectNode();
        p.put("id", plan.projectId());
        p.put("tank_name", plan.tankName());
        ArrayNode create = p.putArray("create");
        for (JobOperation op : plan.creates()) {
            ObjectNode job = create.addObject();
            job.put("name", op.getJobName());
            job.put("kind", op.getDesired().kind().label());
            job.put("description", op.getDesired().description());
            job.set("agents", agents(op));
        }
        ArrayNode update = p.putArray("update");
        for (JobOperation op : plan.updates()) {
            ObjectNode job = update.addObject();
            job.put("id", op.getJobId());
            job.put("name", op.getJobName());
            ArrayNode changes = job.putArray("changes");
            op.getChanges().stream().map(JobChange::label).forEach(changes::add);
            job.set("agents", agents(op));
        }
        ArrayNode delete = p.putArray("delete");
        for (JobOperation op : plan.deletes()) {
            ObjectNode job = delete.addObject();
            job.put("id", op.getJobId());
            job.put("name", op.getJobName());
            job.put("reason", op.getReason());
        }
        ArrayNode skipped = p.putArray("skipped_artists");
        for (SkippedArtist s : plan.skippedArtists()) skipped.addObject().put("name", s.name()).put("reason", s.reason());
        ArrayNode shots = p.putArray("skipped_shots");
        for (SkippedShot s : plan.skippedShots()) shots.addObject().put("id", s.id()).put("code", s.code()).put("reason", s.reason());
        ArrayNode assets = p.putArray("skipped_assets");
        for (SkippedAsset a : plan.skippedAssets()) {
            assets.addObject().put("id", a.id()).put("code", a.code()).put("type", a.type()).put("reason", a.reason());
        }
        ArrayNode kept = p.putArray("kept_until_replaced");   // the other assets mode's jobs, while the new mode's are made
        plan.keptForSwitch().forEach(kept::add);
        ArrayNode conflicts = p.putArray("name_conflicts");
        plan.conflicts().forEach(conflicts::add);
        ObjectNode guard = p.putObject("guard");
        guard.put("blocked", plan.guard().blocked());
        guard.put("deletes", plan.guard().deletes());
        guard.put("managed", plan.guard().managed());
        if (plan.leftAlone() != null) p.put("left_alone", plan.leftAlone());
        return p;
    }

    /** The agent entries as the console will receive them. */
    private static com.fasterxml.jackson.databind.JsonNode agents(JobOperation op) {
        return JobJson.createBody(op.getDesired()).get("agents");
    }

    /** An admin request that could not be answered because an upstream could not be read: logged, and a short JSON answer. */
    public String unavailable(Throwable failure) throws JsonProcessingException {
        String why = upstreams.describe(failure, null);
        LOG.warn("Admin request failed: {}", why);
        return mapper.writeValueAsString(mapper.createObjectNode().put("error", why));
    }

    /** A short JSON error body naming the failure itself, not Camel's wrappers around it. */
    public String error(Throwable failure) throws JsonProcessingException {
        Throwable t = failure;
        while (t.getCause() != null && t.getClass().getName().startsWith("org.apache.camel.")) t = t.getCause();
        return mapper.writeValueAsString(mapper.createObjectNode().put("error", t.getMessage()));
    }
}
