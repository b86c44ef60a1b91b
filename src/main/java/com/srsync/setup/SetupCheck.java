package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.ServiceSettings;
import com.srsync.delivery.ShotFieldSchema;
import com.srsync.reconcile.AgentDirectory;
import com.srsync.reconcile.AgentResolution;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.SyncRules;
import com.srsync.reconcile.UnresolvedAgentException;
import com.srsync.shotgrid.SearchQuery;
import com.srsync.shotgrid.ShotGridQueries;
import com.srsync.shotgrid.SnapshotAssembly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code check} and {@code GET /admin/check} ({@code routes/setup.yaml}): the reads to make, in order, and each answer
 * judged into a line in words. The route makes every call; nothing here writes or calls out.
 */
public final class SetupCheck {
    private final ServiceSettings settings;
    private final Supplier<SyncRules> rules;
    private final Supplier<List<String>> artistWarnings;
    private final ShotGridQueries queries;
    private final SnapshotAssembly assembly;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final java.nio.file.Path dataDir;
    private final Supplier<String> dataDirProblem;

    /**
     * @param artistWarnings what artists.yaml in force should be told about (artists matched by display name only)
     * @param dataDir        the DATA_DIR the service keeps its state in
     * @param dataDirProblem why it cannot be written, or null
     */
    public SetupCheck(ServiceSettings settings, Supplier<SyncRules> rules, Supplier<List<String>> artistWarnings, ShotGridQueries queries,
                      SnapshotAssembly assembly, ObjectMapper mapper, Clock clock, java.nio.file.Path dataDir, Supplier<String> dataDirProblem) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.rules = rules;
        this.artistWarnings = artistWarnings;
        this.queries = queries;
        this.assembly = assembly;
        this.mapper = mapper;
        this.clock = clock;
        this.dataDirProblem = dataDirProblem;
    }

    public CheckRun start() {
        CheckRun run = new CheckRun();
        String data = dataDirProblem.get();
        run.add(data == null ? CheckLine.passed("settings", "DATA_DIR", dataDir + " can be written")
                : CheckLine.failed("settings", "DATA_DIR", data, "give the service's user write access to DATA_DIR, or free some space"));
        for (String w : settings.warnings()) run.add(CheckLine.failed("settings", "settings", w, "see docs/configuration.md").optional());
        for (String w : artistWarnings.get()) run.add(CheckLine.failed("settings", "artists.yaml", w, "add login: to each artist").optional());
        return run;
    }

    /** After the login: null when it worked. */
    public void shotgridLogin(CheckRun run, Exception failure) {
        String site = settings.shotgrid().url().toString();
        if (failure == null) {
            run.shotgridIn = true;
            run.add(CheckLine.passed("shotgrid", "login", "script '" + settings.shotgrid().scriptName() + "' logs in to " + site));
            if (!settings.eventLog().enabled()) run.add(CheckLine.skipped("shotgrid", "event log", "EVENTLOG_POLL_ENABLED is off"));
            if (settings.shotgrid().deliveryField() == null) run.add(CheckLine.skipped("shotgrid", "delivery field", "SHOTGRID_DELIVERY_FIELD is not set"));
            if (settings.webhooks().publicUrl() == null) {
                run.add(CheckLine.skipped("webhooks", "address", "PUBLIC_URL is not set: whether the hooks point at this service's address "
                        + "is not checked" + (settings.webhooks().watch() ? " (hooks ending in its paths count as its own)" : "")));
            }
            return;
        }
        int status = UpstreamFailure.status(failure);
        if (status == 400 || status == 401 || status == 403) {
            run.add(CheckLine.failed("shotgrid", "login", "ShotGrid refused the script's login (" + UpstreamFailure.words(failure) + ")",
                    "check SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY against the site's Scripts page"));
        } else {
            run.add(CheckLine.failed("shotgrid", "login", site + " " + UpstreamFailure.words(failure),
                    "check SHOTGRID_URL, and the proxy (HTTPS_PROXY) if the service reaches the internet through one"));
        }
    }

    /** The ShotGrid reads to make once logged in: every entity the planner reads, then what the settings ask for. */
    public List<SetupRead> shotgridReads(CheckRun run) {
        if (!run.shotgridIn) return List.of();
        List<SetupRead> reads = new ArrayList<>(EntityReads.reads(queries, rules.get().assets().perAsset()));
        if (settings.eventLog().enabled()) {
            reads.add(SetupRead.searching("event log", SearchQuery.first("event_log_entries", List.of(), List.of("id", "event_type"), "-id", 1)));
        }
        if (settings.shotgrid().deliveryField() != null) {
            reads.add(SetupRead.shotgridGet("delivery field", "/schema/Shot/fields/" + settings.shotgrid().deliveryField()));
        }
        if (settings.webhooks().publicUrl() != null || settings.webhooks().watch()) reads.add(SetupRead.shotgridGet("webhooks", "/webhook/hooks"));
        reads.add(SetupRead.searching("projects active", queries.projects(SearchQuery.ACTIVE)));
        reads.add(SetupRead.searching("projects retired", queries.projects(SearchQuery.RETIRED)));
        reads.add(SetupRead.searching("active shots", new SearchQuery("shots", List.of(List.of("sg_status_list", "in",
                List.copyOf(new java.util.TreeSet<>(settings.reconcile().activeStatuses())))), List.of("code", "sg_sequence", "project"),
                SearchQuery.ACTIVE)));
        return reads;
    }

    public List<SetupRead> consoleReads() {
        return List.of(SetupRead.consoleGet("agents", "/agents"), SetupRead.consoleGet("jobs", "/jobs"));
    }

    /** A read's answer: rows for a search, JSON for a ShotGrid GET, the text of a console answer. */
    public void answered(CheckRun run, SetupRead read, Object answer) throws IOException {
        switch (read.name()) {
            case "event log" -> run.add(CheckLine.passed("shotgrid", "event log", "the script reads the event log (EVENTLOG_POLL_ENABLED)"));
            case "delivery field" -> run.add(deliveryField(ShotFieldSchema.problem(settings.shotgrid().deliveryField(), json(answer))));
            case "webhooks" -> run.addAll(hooks(SiteHook.list(json(answer))));
            case "projects active" -> run.activeProjects = (List<?>) answer;
            case "projects retired" -> run.retiredProjects = (List<?>) answer;
            case "active shots" -> run.activeShots = (List<?>) answer;
            case "agents" -> {
                run.consoleIn = true;
                run.agents = ConsoleAgentsCheck.agents(json(answer));
                run.add(CheckLine.passed("console", "token", "the console at " + settings.console().url() + " takes RESILIO_TOKEN; it lists "
                        + run.agents.size() + " agents"));
            }
            case "jobs" -> run.add(CheckLine.passed("console", "job list", "the console lists " + json(answer).size() + " jobs"));
            default -> run.add(entityRead(read, (List<?>) answer));
        }
    }

    public void failed(CheckRun run, SetupRead read, Exception failure) {
        int status = UpstreamFailure.status(failure);
        String words = UpstreamFailure.words(failure);
        switch (read.name()) {
            case "event log" -> run.add(CheckLine.failed("shotgrid", "event log", "reading the event log " + words,
                    "give the script's permission set read access to EventLogEntry, or set EVENTLOG_POLL_ENABLED=false"));
            case "delivery field" -> {
                String why = ShotFieldSchema.refused(settings.shotgrid().deliveryField(), status, words);
                run.add(deliveryField(why == null ? "its schema could not be read (" + words + ")" : why));
            }
            case "webhooks" -> run.add(CheckLine.failed("webhooks", "hooks", "reading the site's webhooks " + words, status == 403
                    ? "give the script the API Admin permission set, or compare the hooks with docs/shotgrid-webhooks.md by hand"
                    : "try again").optional());
            case "projects active", "projects retired", "active shots" -> run.add(CheckLine.unknown("paths", read.name(), "not read: " + words,
                    "try again"));
            case "agents" -> run.add(status == 401 || status == 403
                    ? CheckLine.failed("console", "token", "the console at " + settings.console().url() + " refused RESILIO_TOKEN (" + status + ")",
                    "create an API token on the console (Settings > API) and set RESILIO_TOKEN to it")
                    : CheckLine.failed("console", "agents", "reading the console's agents " + words, "check RESILIO_URL, RESILIO_CA_CERT and the proxy"));
            case "jobs" -> run.add(run.consoleIn ? CheckLine.failed("console", "job list", "reading the job list " + words,
                    "give the token's user access to jobs on the console") : CheckLine.skipped("console", "job list", "not read: see the token"));
            default -> run.add(status == 403 ? CheckLine.failed("shotgrid", read.search().entity(), "the script may not read " + read.search().entity()
                    + " (" + words + ")", "give the script's permission set read access to " + read.search().entity())
                    : CheckLine.unknown("shotgrid", read.search().entity(), "reading it " + words, "try again"));
        }
    }

    /** A peer's Date header (ShotGrid or the console). */
    public void clock(CheckRun run, String peer, String date) {
        run.add(ClockSkew.line(peer, date, clock.instant()));
    }

    /** The checks made from several answers (artists and agents, paths), then every line. */
    public CheckReport finish(CheckRun run) {
        SyncRules now = rules.get();
        if (!run.consoleIn) {
            run.add(CheckLine.skipped("artists", "agents", "not compared: the console's agents were not read (above)"));
        } else {
            run.addAll(ConsoleAgentsCheck.lines(now, run.agents, clock.instant()));
        }
        if (run.activeProjects != null && run.retiredProjects != null && run.activeShots != null) {
            ProjectDirectory directory = assembly.directory(run.activeProjects, run.retiredProjects);
            run.addAll(PathPreview.lines(directory, run.activeShots, resolved(now, run), systems(run)));
        } else if (!run.shotgridIn) {
            run.add(CheckLine.skipped("paths", "projects", "not shown: ShotGrid was not read (above)"));
        }
        return new CheckReport(run.lines());
    }

    /** The report as {@code GET /admin/check} answers it. */
    public String json(CheckReport report) {
        return report.json(mapper);
    }

    private SyncRules resolved(SyncRules now, CheckRun run) {
        if (run.agents == null) return now;
        Map<Long, String> names = new LinkedHashMap<>();
        run.agents.values().forEach(a -> names.put(a.id(), a.name()));
        try {
            return AgentResolution.of(now, new AgentDirectory(names, true)).rules();
        } catch (UnresolvedAgentException e) {
            return now;
        }
    }

    private static Map<Long, String> systems(CheckRun run) {
        Map<Long, String> os = new LinkedHashMap<>();
        if (run.agents != null) run.agents.values().forEach(a -> { if (a.os() != null) os.put(a.id(), a.os()); });
        return os;
    }

    private CheckLine entityRead(SetupRead read, List<?> rows) {
        String entity = read.search().entity();
        List<String> fields = read.search().fields();
        if (rows.isEmpty()) {
            return CheckLine.unknown("shotgrid", entity, "the site has no " + entity + " to read, so whether " + String.join(", ", fields)
                    + " can be read is not known", "run the check again once there is one").optional();
        }
        List<String> hidden = EntityReads.hidden(rows, fields);
        if (hidden.isEmpty()) return CheckLine.passed("shotgrid", entity, "reads " + String.join(", ", fields));
        boolean needed = !entity.equals("human_users") || rules.get().needsUserDetails() || hidden.contains("name");
        CheckLine line = CheckLine.failed("shotgrid", entity, "the script cannot read " + String.join(", ", hidden) + " of " + entity
                + (needed ? "" : " (not needed while no artist is matched by login or e-mail)"), "give the script's permission set read access to "
                + String.join(", ", hidden.stream().map(f -> entity + "." + f).toList()));
        return needed ? line : line.optional();
    }

    private static CheckLine deliveryField(String problem) {
        return problem == null ? CheckLine.passed("shotgrid", "delivery field", "SHOTGRID_DELIVERY_FIELD is a text field on Shot the script may edit")
                : CheckLine.failed("shotgrid", "delivery field", problem, "fix the field, or unset SHOTGRID_DELIVERY_FIELD");
    }

    /** Each row of the webhook table against the site's hooks of this service (at PUBLIC_URL; without it, any ending in its paths). */
    private List<CheckLine> hooks(List<SiteHook> site) {
        java.net.URI publicUrl = settings.webhooks().publicUrl();
        String ourUrl = publicUrl == null ? "" : HookUrls.delivery(HookUrls.base(publicUrl));
        String waitFor = HookGapWords.waitFor(settings.eventLog().enabled());
        List<CheckLine> out = new ArrayList<>();
        String secret = settings.webhooks().secret() == null ? null : settings.webhooks().secret().reveal();   // only whether one is set counts
        for (HookPlan.Change c : HookPlan.of(HookSpec.table(rules.get().assets().perAsset()), site, HookUrls.ours(publicUrl), ourUrl, secret)) {
            String entity = c.spec().entity();
            CheckLine line = c.matches() ? CheckLine.passed("webhooks", entity, "hook " + c.hookId() + " sends what the planner reacts to")
                    : CheckLine.failed("webhooks", entity, String.join("; ", c.gaps().stream().map(g -> HookGapWords.sentence(entity, g, waitFor)).toList()),
                    "run `java -jar shotgrid-resilio-sync.jar webhooks --apply`, or set it on the site's Webhooks page (docs/shotgrid-webhooks.md)");
            out.add(c.spec().required() ? line : line.optional());
        }
        return out;
    }

    private JsonNode json(Object answer) throws IOException {
        if (answer instanceof JsonNode node) return node;
        if (answer instanceof byte[] bytes) return mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
        return mapper.readTree(String.valueOf(answer));
    }
}
