package com.srsync.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobAttribution;
import com.srsync.reconcile.JobIdentity;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /admin/jobs?project=ID}: the project's managed jobs as the console has them now, each
 * with its shot and its agents named as artists.yaml names them ("why doesn't Alex have
 * TST_010_0020?" answered by looking). Nothing is planned or written.
 */
public final class JobListing {
    private final Supplier<SyncRules> rules;
    private final ObjectMapper mapper;

    public JobListing(Supplier<SyncRules> rules, ObjectMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    /** {@code GET /admin/shots?ids=}: each shot's code by id, from the rows of a shot search ({"1213": "TST_010_0010"}). */
    public String shotCodes(List<?> rows) throws JsonProcessingException {
        ObjectNode out = mapper.createObjectNode();
        for (Object row : rows) {
            var node = mapper.valueToTree(row);
            out.put(node.path("id").asText(), node.path("attributes").path("code").asText());
        }
        return mapper.writeValueAsString(out);
    }

    /** {@code GET /admin/shot-lookup}: each shot (or asset, with its type) found, with its status and project, in any status. */
    public String shotLookup(List<?> rows) throws JsonProcessingException {
        ArrayNode out = mapper.createArrayNode();
        for (Object row : rows) {
            var node = mapper.valueToTree(row);
            var attributes = node.path("attributes");
            var project = node.path("relationships").path("project").path("data");
            ObjectNode shot = out.addObject().put("id", node.path("id").asLong()).put("code", attributes.path("code").asText());
            if ("Asset".equals(node.path("type").asText())) shot.put("entity", "Asset").put("asset_type", attributes.path("sg_asset_type").asText(null));
            shot.put("status", attributes.path("sg_status_list").isNull() ? null : attributes.path("sg_status_list").asText(null));
            if (project.has("id")) shot.putObject("project").put("id", project.path("id").asLong()).put("name", project.path("name").asText(null));
        }
        return mapper.writeValueAsString(out);
    }

    public String render(long project, ProjectDirectory directory, List<ObservedJob> consoleJobs) throws JsonProcessingException {
        SyncRules now = rules.get();
        String tank = directory.active().get(project);
        List<ObservedJob> jobs = new ArrayList<>(JobAttribution.of(directory, consoleJobs).jobsOf(project));
        jobs.sort(Comparator.comparing(ObservedJob::name));
        ArrayNode out = mapper.createArrayNode();
        for (ObservedJob job : jobs) {
            ObjectNode j = out.addObject().put("id", job.id()).put("name", job.name());
            JobIdentity identity = JobIdentity.of(tank, job.name(), job.description());
            if (identity == null) j.put("kind", "other");
            else if (identity.kind() == JobKind.SHOT) j.put("kind", "shot").put("shot", identity.subject());
            else if (identity.kind() == JobKind.ASSET) j.put("kind", "asset").put("asset", identity.subject());
            else j.put("kind", "assets");
            ArrayNode agents = j.putArray("agents");
            for (JobAgent agent : job.agents()) {
                ObjectNode a = agents.addObject().put("id", agent.id()).put("role", agent.role()).put("permission", agent.permission());
                if (agent.id() == now.primaryStorage().id()) a.put("who", "primary storage (" + now.primaryStorage().name() + ")");
                else {
                    List<String> artists = now.artistsOn(agent.id());
                    a.put("who", artists.isEmpty() ? "not in artists.yaml" : String.join(", ", artists));
                }
            }
        }
        return mapper.writeValueAsString(out);
    }
}
