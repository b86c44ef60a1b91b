package com.srsync.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.delivery.AgentDelivery;
import com.srsync.delivery.DeliveryBoard;
import com.srsync.delivery.DeliveryJson;
import com.srsync.delivery.DeliveryState;
import com.srsync.delivery.DeliverySummary;
import com.srsync.delivery.DeliveryView;
import com.srsync.delivery.JobDelivery;
import com.srsync.loop.ReconcileRetries;
import java.util.Map;
import com.srsync.failure.DeadLetter;
import com.srsync.failure.DeadLetterStore;
import com.srsync.loop.RunHistory;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.AssetRecord;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.reconcile.SkippedAsset;
import com.srsync.reconcile.SkippedShot;
import com.srsync.reconcile.SyncRules;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /admin/overview[?project=ID]}: everything the status page shows, in one answer, from what the
 * service already holds - each project's last reconcile ({@link ProjectPictures}), the delivery board, the
 * last runs and the dead letters. It makes no ShotGrid or console request. Artists are named everywhere.
 */
public final class OverviewJson {
    private final ObjectMapper mapper;
    private final ProjectPictures pictures;
    private final DeliveryBoard board;
    private final DeliveryJson delivery;
    private final RunHistory runs;
    private final DeadLetterStore deadLetters;
    private final Supplier<SyncRules> rules;
    private final PlanJson plans;
    private final Supplier<java.util.Map<String, Object>> webhook;
    private final Supplier<List<ReconcileRetries.LongFailure>> failing;

    /**
     * @param webhook the webhook watch's summary: last delivery, failed answers, missed events, problems, warnings
     * @param failing the projects whose reconciles have failed for long
     */
    public OverviewJson(ObjectMapper mapper, ProjectPictures pictures, DeliveryBoard board, DeliveryJson delivery, RunHistory runs,
                        DeadLetterStore deadLetters, Supplier<SyncRules> rules, PlanJson plans, Supplier<java.util.Map<String, Object>> webhook,
                        Supplier<List<ReconcileRetries.LongFailure>> failing) {
        this.failing = failing;
        this.mapper = mapper;
        this.pictures = pictures;
        this.board = board;
        this.delivery = delivery;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.plans = plans;
        this.webhook = webhook;
    }

    public String render(Long project) throws JsonProcessingException {
        SyncRules now = rules.get();
        ObjectNode root = mapper.createObjectNode();
        plans.warnings().forEach(root.putArray("warnings")::add);
        now.activeStatuses().stream().sorted().forEach(root.putArray("active_statuses")::add);
        root.put("assets_mode", now.assets().perAsset() ? "per_asset" : "project");
        now.assets().activeStatuses().stream().sorted().forEach(root.putArray("active_asset_statuses")::add);
        root.set("webhook", mapper.valueToTree(webhook.get()));
        ObjectNode all = delivery.tree(board.view(project));
        ObjectNode summary = root.putObject("delivery");
        for (String key : List.of("checked_at", "stale", "failed_at", "error", "artists")) if (all.has(key)) summary.set(key, all.get(key));
        ArrayNode offline = summary.putArray("offline");
        for (JsonNode a : all.path("offline")) offline.add(((ObjectNode) a.deepCopy()).put("artist", artistOn(now, a.path("agent_id").asLong())));
        summary.set("errors", machinesWithErrors(board.view(project), now));
        List<DeadLetter> letters = deadLetters.list();
        Map<String, ReconcileRetries.LongFailure> failingNow = new java.util.HashMap<>();
        for (ReconcileRetries.LongFailure f : failing.get()) failingNow.put(f.project(), f);
        ArrayNode projects = root.putArray("projects");
        for (ProjectPictures.Picture p : pictures.pictures(project)) {
            JsonNode jobs = jobsOf(all, p.project());
            ObjectNode out = project(p, jobs, now, letters);
            ReconcileRetries.LongFailure f = failingNow.get(String.valueOf(p.project()));
            if (f != null) out.putObject("failing").put("since", f.since().toString()).put("why", f.why());
            projects.add(out);
        }
        return mapper.writeValueAsString(root);
    }

    /** Each machine with an error on a job, once, with the console's words (an offline one too). */
    private ArrayNode machinesWithErrors(DeliveryView view, SyncRules now) {
        Map<Long, ObjectNode> byAgent = new java.util.TreeMap<>();
        for (JobDelivery job : view.jobs()) {
            for (AgentDelivery a : job.agents()) {
                if (a.state() != DeliveryState.ERROR || byAgent.containsKey(a.agentId())) continue;
                String detail = a.detail();
                int cut = detail.indexOf(DeliverySummary.ERROR_WHILE_OFFLINE);
                ObjectNode o = mapper.createObjectNode().put("agent_id", a.agentId()).put("artist", artistOn(now, a.agentId()))
                        .put("message", cut >= 0 ? detail.substring(cut + DeliverySummary.ERROR_WHILE_OFFLINE.length()) : detail);
                if (a.online() != null) o.put("online", a.online());
                byAgent.put(a.agentId(), o);
            }
        }
        ArrayNode out = mapper.createArrayNode();
        byAgent.values().forEach(out::add);
        return out;
    }

    private ObjectNode project(ProjectPictures.Picture p, JsonNode jobs, SyncRules now, List<DeadLetter> letters) {
        ObjectNode out = plans.projectTree(p.plan());
        out.put("reconciled_at", p.plannedAt().toString());
        named(out.path("create"), now);
        named(out.path("update"), now);
        out.set("shots", shots(p, jobs, now));
        out.set("assets", assets(p, jobs, now));
        out.set("jobs", jobs);
        ArrayNode last = out.putArray("runs");
        runs.recent(p.project()).stream().limit(5).forEach(r -> last.add(mapper.valueToTree(r)));
        ArrayNode dead = out.putArray("dead_letters");
        letters.stream().filter(d -> d.project() == p.project()).forEach(d -> dead.add(mapper.valueToTree(d)));
        return out;
    }

    /** Each active shot the last reconcile saw: its artists, and its job or why it has none. */
    private ArrayNode shots(ProjectPictures.Picture p, JsonNode jobs, SyncRules now) {
        Set<String> withJobs = new HashSet<>();
        jobs.forEach(j -> withJobs.add(j.path("name").asText()));
        p.plan().creates().forEach(c -> withJobs.add(c.getJobName()));
        ArrayNode out = mapper.createArrayNode();
        for (ShotRecord shot : p.activeShots()) {
            ObjectNode s = out.addObject().put("id", shot.id()).put("code", shot.code()).put("status", shot.status());
            ArrayNode listed = s.putArray("artists");
            ArrayNode unlisted = s.putArray("not_in_artists_yaml");
            for (ShotGridUser u : shot.assignees()) {
                Optional<Artist> a = now.artistFor(u);
                if (a.isPresent()) listed.add(a.get().displayName());
                else if (u.name() != null) unlisted.add(u.name());
            }
            String job = p.tankName() == null ? null : JobNames.shotJob(p.tankName(), shot.code());
            Optional<SkippedShot> skipped = p.plan().skippedShots().stream().filter(k -> k.id() == shot.id()).findFirst();
            if (job != null && withJobs.contains(job)) s.put("job", job);
            else s.put("why", skipped.map(SkippedShot::reason).orElse(p.plan().leftAlone() != null ? p.plan().leftAlone()
                    : shot.assignees().isEmpty() ? "no one is assigned to its tasks" : "no one assigned to it is listed in artists.yaml"));
        }
        return out;
    }

    /**
     * With {@code assets: per_asset}: each asset the last reconcile read, its builders while it is active, and its job
     * or why it has none. Its users (the artists of the shots that use it) are its job's chips.
     */
    private ArrayNode assets(ProjectPictures.Picture p, JsonNode jobs, SyncRules now) {
        Set<String> withJobs = new HashSet<>();
        jobs.forEach(j -> withJobs.add(j.path("name").asText()));
        p.plan().creates().forEach(c -> withJobs.add(c.getJobName()));
        ArrayNode out = mapper.createArrayNode();
        for (AssetRecord asset : p.assets()) {
            ObjectNode a = out.addObject().put("id", asset.id()).put("code", asset.code()).put("type", asset.type()).put("status", asset.status());
            ArrayNode builders = a.putArray("builders");
            if (now.assets().isActive(asset.status())) {
                for (ShotGridUser u : asset.builders()) now.artistFor(u).ifPresent(artist -> builders.add(artist.displayName()));
            }
            String job = p.tankName() == null || asset.type() == null ? null : JobNames.assetJob(p.tankName(), asset.type(), asset.code());
            Optional<SkippedAsset> skipped = p.plan().skippedAssets().stream().filter(k -> k.id() == asset.id()).findFirst();
            if (job != null && withJobs.contains(job) && skipped.isEmpty()) a.put("job", job);
            else a.put("why", skipped.map(SkippedAsset::reason).orElse(p.plan().leftAlone() != null ? p.plan().leftAlone()
                    : "no one in artists.yaml is on its tasks while it is active, and no active shot with artists uses it"));
        }
        return out;
    }

    /** Adds {@code artists}: each agent entry of a planned job, named as artists.yaml names it. */
    private static void named(JsonNode operations, SyncRules now) {
        for (JsonNode op : operations) {
            ArrayNode names = ((ObjectNode) op).putArray("artists");
            for (JsonNode agent : op.path("agents")) {
                if (!JobAgent.PRIMARY_STORAGE.equals(agent.path("role").asText())) names.add(artistOn(now, agent.path("id").asLong()));
            }
        }
    }

    private static String artistOn(SyncRules now, long agentId) {
        if (agentId == now.primaryStorage().id()) return "the studio storage";
        List<String> names = now.artistsOn(agentId);
        return names.isEmpty() ? "agent " + agentId : String.join(", ", names);
    }

    private JsonNode jobsOf(ObjectNode delivery, long project) {
        for (JsonNode p : delivery.path("projects")) if (p.path("id").asLong() == project) return p.path("jobs");
        return mapper.createArrayNode();
    }

}
