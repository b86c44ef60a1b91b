package com.srsync.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.reconcile.JobChange;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.SkippedArtist;
import com.srsync.resilio.JobJson;
import java.util.Collection;
import java.util.List;

/** Plans as {@code GET /admin/plan} answers them (contract.md): creates, updates, deletes, skipped artists, guard. */
public final class PlanJson {
    private final ObjectMapper mapper;
    private final boolean dryRun;

    public PlanJson(ObjectMapper mapper, boolean dryRun) {
        this.mapper = mapper;
        this.dryRun = dryRun;
    }

    /** @param plans one {@link ProjectPlan} or a collection of them */
    public String render(Object plans) throws JsonProcessingException {
        List<?> list = plans instanceof Collection<?> c ? List.copyOf(c) : List.of(plans);
        ObjectNode root = mapper.createObjectNode();
        root.put("dry_run", dryRun);
        ArrayNode projects = root.putArray("projects");
        for (Object plan : list) projects.add(project((ProjectPlan) plan));
        return mapper.writeValueAsString(root);
    }

    private ObjectNode project(ProjectPlan plan) {
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

    /** A short JSON error body naming the failure itself, not Camel's wrappers around it. */
    public String error(Throwable failure) throws JsonProcessingException {
        Throwable t = failure;
        while (t.getCause() != null && t.getClass().getName().startsWith("org.apache.camel.")) t = t.getCause();
        return mapper.writeValueAsString(mapper.createObjectNode().put("error", t.getMessage()));
    }
}
