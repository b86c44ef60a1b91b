package com.srsync.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.config.ConfigException;
import com.srsync.config.ServiceSettings;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code webhooks [--apply]} ({@code routes/setup.yaml}): the site's hooks for PUBLIC_URL against the webhook table,
 * the writes that make them match (only with {@code --apply}, only onto hooks of ours), and the outcome in words.
 * The secret goes into a write's body only, never into a line.
 */
public final class SetupWebhooks {
    private static final String HOOKS = "/webhook/hooks";

    private final ServiceSettings settings;
    private final Supplier<SyncRules> rules;
    private final ObjectMapper mapper;

    public SetupWebhooks(ServiceSettings settings, Supplier<SyncRules> rules, ObjectMapper mapper) {
        this.settings = settings;
        this.rules = rules;
        this.mapper = mapper;
    }

    /** @throws ConfigException when PUBLIC_URL is not set: there is no address to compare the hooks with */
    public HookSetup start(Boolean apply) {
        if (settings.webhooks().publicUrl() == null) {
            throw new ConfigException("PUBLIC_URL: not set; it is the address ShotGrid reaches this service at (https://sync.studio.example), "
                    + "which the webhooks must point to");
        }
        return new HookSetup(Boolean.TRUE.equals(apply), HookUrls.delivery(HookUrls.base(settings.webhooks().publicUrl())));
    }

    public void read(HookSetup setup, JsonNode answer) {
        String secret = settings.webhooks().secret() == null ? null : settings.webhooks().secret().reveal();
        setup.changes = HookPlan.of(table(), SiteHook.list(answer), HookUrls.ours(settings.webhooks().publicUrl()), setup.ourUrl, secret);
    }

    public void readFailed(HookSetup setup, Exception failure) {
        setup.readStatus = UpstreamFailure.status(failure);
        setup.readProblem = "reading the site's webhooks " + UpstreamFailure.words(failure);
    }

    /** The writes to make: none unless applying; a create for each row no hook of ours sends, an update for each one lacking. */
    public List<HookSetup.HookWrite> writes(HookSetup setup) throws JsonProcessingException {
        List<HookSetup.HookWrite> out = new ArrayList<>();
        if (!setup.apply || setup.changes == null) return out;
        for (HookPlan.Change c : setup.changes) {
            if (c.matches()) continue;
            String json = mapper.writeValueAsString(c.body());
            out.add(c.isCreate() ? new HookSetup.HookWrite(c.spec().entity(), "POST", HOOKS, json)
                    : new HookSetup.HookWrite(c.spec().entity(), "PUT", HOOKS + "/" + c.hookId(), json));
        }
        return out;
    }

    public void written(HookSetup setup, HookSetup.HookWrite write) {
        setup.done(write.method().equals("POST") ? "made the " + write.entity() + " webhook for " + setup.ourUrl
                : "updated the " + write.entity() + " webhook (" + write.path().substring(HOOKS.length() + 1) + ")");
    }

    public void writeFailed(HookSetup setup, HookSetup.HookWrite write, Exception failure) {
        setup.failed((write.method().equals("POST") ? "making" : "updating") + " the " + write.entity() + " webhook " + UpstreamFailure.words(failure)
                + (UpstreamFailure.status(failure) == 403 ? " - the script needs the API Admin permission set" : ""));
    }

    /** 0 when the hooks match (or every write of --apply succeeded), 1 otherwise. */
    public int exitStatus(HookSetup setup) {
        if (setup.changes == null || !setup.failed.isEmpty()) return 1;
        if (setup.apply) return 0;
        return setup.changes.stream().allMatch(c -> c.matches() || !c.spec().required()) ? 0 : 1;
    }

    public String text(HookSetup setup) {
        StringBuilder out = new StringBuilder("Webhooks for ").append(setup.ourUrl).append('\n');
        if (setup.changes == null) {
            out.append(setup.readProblem).append('\n');
            if (setup.readStatus == 401 || setup.readStatus == 403) {
                out.append("The script needs the API Admin permission set to read and make webhooks. Or make these by hand on the site's "
                        + "Webhooks page (URL ").append(setup.ourUrl).append(", secret: SECRET_TOKEN, batch deliveries on):\n");
                for (HookSpec spec : table()) out.append("  ").append(row(spec)).append('\n');
            }
            return out.toString();
        }
        String waitFor = HookGapWords.waitFor(settings.eventLog().enabled());
        for (HookPlan.Change c : setup.changes) {
            String entity = c.spec().entity() + (c.spec().required() ? "" : " (optional)");
            if (c.matches()) {
                out.append("[ok]      ").append(entity).append(": hook ").append(c.hookId()).append(" sends what the planner reacts to\n");
                continue;
            }
            out.append(setup.apply ? "[applied] " : "[missing] ").append(entity).append(": ")
                    .append(String.join("; ", c.gaps().stream().map(g -> HookGapWords.sentence(c.spec().entity(), g, waitFor)).toList()))
                    .append(setup.apply ? "" : c.isCreate() ? " (--apply makes it)" : " (--apply updates hook " + c.hookId() + ")").append('\n');
        }
        setup.done.forEach(d -> out.append("  ").append(d).append('\n'));
        setup.failed.forEach(f -> out.append("  FAILED: ").append(f).append('\n'));
        if (!setup.apply && exitStatus(setup) != 0) out.append("Run `java -jar shotgrid-resilio-sync.jar webhooks --apply` to make them match.\n");
        return out.toString();
    }

    public String json(HookSetup setup) throws JsonProcessingException {
        ObjectNode root = mapper.createObjectNode().put("url", setup.ourUrl).put("applied", setup.apply);
        if (setup.readProblem != null) root.put("error", setup.readProblem);
        ArrayNode hooks = root.putArray("hooks");
        if (setup.changes != null) {
            for (HookPlan.Change c : setup.changes) {
                ObjectNode h = hooks.addObject().put("entity", c.spec().entity()).put("required", c.spec().required()).put("matches", c.matches());
                if (c.hookId() != null) h.put("hook", c.hookId());
                ArrayNode gaps = h.putArray("lacks");
                c.gaps().forEach(g -> gaps.add(g.kind().name().toLowerCase(java.util.Locale.ROOT) + (g.what() == null ? "" : " " + g.what())));
            }
        }
        setup.done.forEach(root.putArray("done")::add);
        setup.failed.forEach(root.putArray("failed")::add);
        return mapper.writeValueAsString(root);
    }

    private List<HookSpec> table() {
        return HookSpec.table(rules.get().assets().perAsset());
    }

    /** A row to click by hand: "Task: created, updated (task_assignees, entity, project), deleted, revived". */
    static String row(HookSpec spec) {
        List<String> events = new ArrayList<>();
        for (String e : spec.events()) events.add(e.equals("update") ? "update (" + String.join(", ", spec.fields()) + ")" : e);
        return spec.entity() + (spec.required() ? "" : " (optional)") + ": " + String.join(", ", events);
    }
}
