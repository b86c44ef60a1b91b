package com.srsync.routefiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Suspendable;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running routes equal to the route files of one folder, one file at a time and all or
 * nothing. For a changed or added file the new version is parsed, then built beside the running
 * routes under other ids and without starting them (which resolves every endpoint, placeholder, bean
 * and route configuration); only when that succeeds are the file's old routes stopped and the new
 * ones started. A file that fails any step leaves its running routes as they were, is logged with
 * the file and the reason, and shows in health until a good version is saved. A route id renamed
 * in a file replaces the old route; a deleted file's routes stop. A file with route configurations
 * (errors.yaml) reloads with it the routes of other files that use the configurations it changed. A
 * route the edit left as it was ({@link RouteFileSections}) keeps running through the reload: a
 * webhook path stays routed while the intake behind it is swapped.
 */
public final class RouteFileReloader {
    private static final Logger LOG = LoggerFactory.getLogger(RouteFileReloader.class);
    private static final String CANDIDATE = "reload-check-";

    /** A file as it runs: the text of its last good version and what it put in the context. */
    private record Loaded(String text, Set<String> routeIds, List<String> configurationIds) {}

    private final CamelContext context;
    private final Model model;
    private final RouteFileParser parser;
    private final Path dir;
    private final Map<String, Loaded> loaded = new TreeMap<>();
    /** The last text seen of each file, good or not, so a refused text is not tried again every scan. */
    private final Map<String, String> seen = new TreeMap<>();
    private final Map<String, String> refused = new TreeMap<>();

    public RouteFileReloader(CamelContext context, Path dir) {
        this.context = context;
        this.model = context.getCamelContextExtension().getContextPlugin(Model.class);
        this.parser = new RouteFileParser(context);
        this.dir = dir;
    }

    /**
     * At start-up, after Camel Main loaded the files: which routes and route configurations came from
     * which file (read from the files themselves, as the model does not keep a configuration's file).
     */
    public synchronized void adoptRunning() throws Exception {
        for (Map.Entry<String, String> file : readFolder().entrySet()) {
            String name = file.getKey();
            seen.put(name, file.getValue());
            ParsedRouteFile parsed;
            try {
                parsed = parser.parse(dir.resolve(name), file.getValue());
            } catch (Exception e) {
                refused.put(name, reasonOf(e));                 // Camel Main would not have started with it; keep the record
                continue;
            }
            List<String> configurations = parsed.configurationIds().stream()
                    .filter(id -> id != null && model.getRouteConfigurationDefinition(id) != null).toList();
            loaded.put(name, new Loaded(file.getValue(), running(parsed.routeIds()), configurations));
        }
    }

    /** Compares the folder with what runs and reloads what changed; never throws (a failure is logged and kept). */
    public synchronized void scan() {
        Map<String, String> now;
        try {
            now = readFolder();
        } catch (IOException e) {
            LOG.error("Route folder {} cannot be read; the running routes stay as they are: {}", dir, e.getMessage());
            return;
        }
        for (Map.Entry<String, String> file : now.entrySet()) {
            if (!file.getValue().equals(seen.get(file.getKey()))) {
                seen.put(file.getKey(), file.getValue());
                reload(file.getKey(), file.getValue());
            }
        }
        for (String gone : new ArrayList<>(seen.keySet())) {
            if (!now.containsKey(gone)) {
                seen.remove(gone);
                remove(gone);
            }
        }
    }

    /** The files whose latest version was refused, with why; empty when every file runs as saved. */
    public synchronized Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    private void reload(String name, String text) {
        try {
            ParsedRouteFile next = parser.parse(dir.resolve(name), text);
            checkIds(name, next);
            Loaded previous = loaded.get(name);
            Edit edit = edit(previous, text, next);
            Map<String, ParsedRouteFile> dependents = edit.configurations().isEmpty() ? Map.of() : dependents(name, edit.configurations());

            tryBeside(name, text, dependents, edit.configurations());
            swap(name, text, next, previous, dependents, edit);
            refused.remove(name);
            LOG.info("Reloaded {}: routes {}{}{}{}", path(name), next.routeIds().stream().filter(id -> !edit.kept().contains(id)).toList(),
                    edit.kept().isEmpty() ? "" : " (unchanged, kept running: " + edit.kept() + ")", removedNote(previous, next),
                    dependents.isEmpty() ? "" : "; with the routes of " + dependents.keySet() + " that use its changed route configurations");
        } catch (Exception e) {
            String reason = reasonOf(e);
            refused.put(name, reason);
            LOG.error("Route file {} was not loaded: {}. The routes running from its last good version keep running; "
                    + "save a corrected version to load it.", path(name), reason);
        }
    }

    /** What an edit changed: the file's route configurations that changed, and its routes that stay running as they are. */
    private record Edit(List<String> configurations, Set<String> kept) {}

    private Edit edit(Loaded previous, String text, ParsedRouteFile next) {
        if (previous == null) return new Edit(next.configurationIds(), Set.of());
        RouteFileSections before = RouteFileSections.of(previous.text());
        RouteFileSections after = RouteFileSections.of(text);
        List<String> changed = after.changedConfigurations(before);
        Set<String> same = before.sameRoutes(after);
        Set<String> kept = new LinkedHashSet<>();
        for (RouteDefinition r : next.routes()) {
            String id = r.getRouteId();
            if (same.contains(id) && previous.routeIds().contains(id) && !ParsedRouteFile.uses(r, changed)) kept.add(id);
        }
        return new Edit(changed, kept);
    }

    private void remove(String name) {
        Loaded previous = loaded.get(name);
        refused.remove(name);
        if (previous == null) return;
        try {
            for (String id : previous.configurationIds()) {
                for (Map.Entry<String, Loaded> other : loaded.entrySet()) {
                    if (other.getKey().equals(name)) continue;
                    for (RouteDefinition r : parser.parse(dir.resolve(other.getKey()), other.getValue().text()).routes()) {
                        if (ParsedRouteFile.uses(r, java.util.Collections.singletonList(id))) {
                            throw new IllegalStateException("its route configuration " + id + " is used by route " + r.getRouteId()
                                    + " in " + other.getKey());
                        }
                    }
                }
            }
            removeRoutes(previous.routeIds());
            for (String id : previous.configurationIds()) removeConfiguration(id);
            loaded.remove(name);
            LOG.warn("Route file {} was deleted: its routes {} are stopped and removed", path(name), previous.routeIds());
        } catch (Exception e) {
            String reason = "deleted, but " + reasonOf(e);
            refused.put(name, reason);
            LOG.error("Route file {} was {}; its routes keep running until that is resolved", path(name), reason);
        }
    }

    /** No route id may be defined twice: not within the file, not by another file. */
    private void checkIds(String name, ParsedRouteFile next) {
        Set<String> own = new HashSet<>();
        for (String id : next.routeIds()) {
            if (!own.add(id)) throw new IllegalArgumentException("route id " + id + " appears twice in it");
            if (id.startsWith(CANDIDATE)) throw new IllegalArgumentException("route ids starting with " + CANDIDATE + " are reserved");
            for (Map.Entry<String, Loaded> other : loaded.entrySet()) {
                if (!other.getKey().equals(name) && other.getValue().routeIds().contains(id)) {
                    throw new IllegalArgumentException("route id " + id + " is already the id of a route in " + other.getKey());
                }
            }
        }
    }

    /** Other loaded files with routes that use one of these route configurations, freshly parsed from their running text. */
    private Map<String, ParsedRouteFile> dependents(String name, List<String> configurationIds) throws Exception {
        Map<String, ParsedRouteFile> out = new LinkedHashMap<>();
        for (Map.Entry<String, Loaded> other : loaded.entrySet()) {
            if (other.getKey().equals(name)) continue;
            ParsedRouteFile parsed = parser.parse(dir.resolve(other.getKey()), other.getValue().text());
            if (parsed.routes().stream().anyMatch(r -> ParsedRouteFile.uses(r, configurationIds))) out.put(other.getKey(), parsed);
        }
        return out;
    }

    /**
     * Builds the new version beside the running one: its route configurations and routes (and the
     * routes depending on those configurations) under candidate ids, routes not started, then removes
     * them again. Anything that would fail when the file is loaded for real fails here.
     */
    private void tryBeside(String name, String text, Map<String, ParsedRouteFile> dependents, List<String> changedConfigurations)
            throws Exception {
        ParsedRouteFile fresh = parser.parse(dir.resolve(name), text);
        List<RouteConfigurationDefinition> candidateConfigurations = new ArrayList<>();
        List<RouteDefinition> candidateRoutes = new ArrayList<>();
        for (RouteConfigurationDefinition c : fresh.configurations()) {
            if (c.getId() != null) c.setId(CANDIDATE + c.getId());
            candidateConfigurations.add(c);
        }
        List<RouteDefinition> routes = new ArrayList<>(fresh.routes());
        for (ParsedRouteFile dependent : dependents.values()) {
            routes.addAll(parser.parse(dir.resolve(dependent.name()), loaded.get(dependent.name()).text()).routes());
        }
        for (RouteDefinition r : routes) {
            r.setId(CANDIDATE + r.getRouteId());
            r.setAutoStartup("false");
            r.setRoutePolicyRef(null);                          // a candidate is never started, by a policy either
            r.setRoutePolicies(null);
            if (r.getRouteConfigurationId() != null) r.setRouteConfigurationId(candidateConfigurationIds(r.getRouteConfigurationId(), changedConfigurations));
            candidateRoutes.add(r);
        }
        try {
            if (!candidateConfigurations.isEmpty()) model.addRouteConfigurations(candidateConfigurations);
            model.addRouteDefinitions(candidateRoutes);
        } finally {
            for (RouteDefinition r : candidateRoutes) removeRoute(r.getRouteId());
            for (RouteConfigurationDefinition c : candidateConfigurations) {
                if (model.getRouteConfigurationDefinitions().contains(c)) model.removeRouteConfiguration(c);
            }
        }
    }

    private static String candidateConfigurationIds(String ids, List<String> changed) {
        List<String> out = new ArrayList<>();
        for (String part : ids.split(",")) out.add(changed.contains(part.trim()) ? CANDIDATE + part.trim() : part.trim());
        return String.join(",", out);
    }

    /**
     * Stops the routes the edit changed (and the routes of other files that use its changed route
     * configurations), replaces the changed configurations, starts the new routes; on failure puts the old
     * ones back. Routes the edit left as they were keep running throughout.
     */
    private void swap(String name, String text, ParsedRouteFile next, Loaded previous, Map<String, ParsedRouteFile> dependents, Edit edit)
            throws Exception {
        Set<String> oldRoutes = new LinkedHashSet<>(previous == null ? Set.of() : previous.routeIds());
        oldRoutes.removeAll(edit.kept());
        Map<String, List<RouteDefinition>> dependentRoutes = new LinkedHashMap<>();
        for (ParsedRouteFile dependent : dependents.values()) {
            List<RouteDefinition> using = dependent.routes().stream().filter(r -> ParsedRouteFile.uses(r, edit.configurations())).toList();
            dependentRoutes.put(dependent.name(), using);
            for (RouteDefinition r : using) oldRoutes.add(r.getRouteId());
        }
        List<RouteDefinition> fresh = next.routes().stream().filter(r -> !edit.kept().contains(r.getRouteId())).toList();
        List<RouteConfigurationDefinition> freshConfigurations = next.configurations().stream()
                .filter(c -> edit.configurations().contains(c.getId())).toList();
        removeRoutes(oldRoutes);
        if (previous != null) for (String id : previous.configurationIds()) if (edit.configurations().contains(id)) removeConfiguration(id);
        try {
            if (!freshConfigurations.isEmpty()) model.addRouteConfigurations(freshConfigurations);
            model.addRouteDefinitions(fresh);
            for (List<RouteDefinition> using : dependentRoutes.values()) model.addRouteDefinitions(using);
        } catch (Exception e) {
            LOG.error("Route file {} passed its check but failed to start ({}); putting its last good version back", path(name), reasonOf(e));
            removeRoutes(fresh.stream().map(RouteDefinition::getRouteId).toList());
            for (List<RouteDefinition> using : dependentRoutes.values()) removeRoutes(using.stream().map(RouteDefinition::getRouteId).toList());
            for (RouteConfigurationDefinition c : freshConfigurations) removeConfiguration(c.getId());
            putBack(name, previous, dependentRoutes, edit);
            throw e;
        }
        loaded.put(name, new Loaded(text, running(next.routeIds()), next.configurationIds()));
    }

    /** After a failed swap: the last good version of what the swap had removed, as it ran before. */
    private void putBack(String name, Loaded previous, Map<String, List<RouteDefinition>> dependentRoutes, Edit edit) throws Exception {
        if (previous != null) {
            ParsedRouteFile old = parser.parse(dir.resolve(name), previous.text());
            List<RouteConfigurationDefinition> oldConfigurations = old.configurations().stream()
                    .filter(c -> edit.configurations().contains(c.getId())).toList();
            if (!oldConfigurations.isEmpty()) model.addRouteConfigurations(oldConfigurations);
            model.addRouteDefinitions(old.routes().stream().filter(r -> !edit.kept().contains(r.getRouteId())).toList());
        }
        for (Map.Entry<String, List<RouteDefinition>> dependent : dependentRoutes.entrySet()) {
            Set<String> ids = new LinkedHashSet<>(dependent.getValue().stream().map(RouteDefinition::getRouteId).toList());
            model.addRouteDefinitions(parser.parse(dir.resolve(dependent.getKey()), loaded.get(dependent.getKey()).text()).routes()
                    .stream().filter(r -> ids.contains(r.getRouteId())).toList());
        }
    }

    /** The ids that are running now (a route whose precondition is false is not added). */
    private Set<String> running(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) if (context.getRoute(id) != null) out.add(id);
        return out;
    }

    /** Stops and removes routes, each caller before the routes it sends to ({@link StopOrder}). */
    private void removeRoutes(java.util.Collection<String> ids) throws Exception {
        List<StopOrder.Route> routes = new ArrayList<>();
        for (String id : ids) {
            RouteDefinition d = model.getRouteDefinition(id);
            routes.add(d == null ? new StopOrder.Route(id, null, "")
                    : new StopOrder.Route(id, d.getInput() == null ? null : d.getInput().getEndpointUri(), d.toString()));
        }
        for (String id : StopOrder.callersFirst(routes)) {
            quiesce(id);
            removeRoute(id);
        }
    }

    /**
     * Lets a running route finish what it has in hand before it is stopped: its consumer is suspended
     * (a webhook path answers 503, with no Retry-After, for those milliseconds; a caller of a direct:
     * route waits for the new one), then this waits until nothing is in flight in it, at most the
     * graceful-stop timeout. Camel's graceful stop looks at in-flight work only once a second, so a
     * webhook route with a request in hand kept its path suspended a whole second. A seda: route is left
     * to Camel: its graceful stop also waits for the queue to empty, and a suspended consumer would
     * never empty it.
     */
    private void quiesce(String id) throws Exception {
        Route route = context.getRoute(id);
        if (route == null || !context.getRouteController().getRouteStatus(id).isStarted()) return;
        if (route.getEndpoint().getEndpointUri().startsWith("seda:") || !(route.getConsumer() instanceof Suspendable)) return;
        ServiceHelper.suspendService(route.getConsumer());
        long deadline = System.nanoTime() + context.getShutdownStrategy().getTimeUnit().toNanos(context.getShutdownStrategy().getTimeout());
        // idle twice, 20 ms apart: a request taken just before the consumer was suspended may not be counted in flight yet
        int idle = 0;
        while (idle < 2 && System.nanoTime() < deadline) {
            idle = context.getInflightRepository().size(id) > 0 ? 0 : idle + 1;
            Thread.sleep(idle == 0 ? 5 : 20);
        }
    }

    private void removeRoute(String id) throws Exception {
        RouteDefinition definition = model.getRouteDefinition(id);
        if (definition != null) {
            model.removeRouteDefinition(definition);
        } else if (context.getRoute(id) != null) {
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
    }

    private void removeConfiguration(String id) throws Exception {
        RouteConfigurationDefinition c = id == null ? null : model.getRouteConfigurationDefinition(id);
        if (c != null) model.removeRouteConfiguration(c);
    }

    private static String removedNote(Loaded previous, ParsedRouteFile next) {
        if (previous == null) return "";
        Set<String> gone = new LinkedHashSet<>(previous.routeIds());
        next.routeIds().forEach(gone::remove);
        return gone.isEmpty() ? "" : " (stopped and removed: " + gone + ")";
    }

    private Map<String, String> readFolder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    /** The innermost useful message: Camel wraps the real reason (unknown component, missing property, ...) in several layers. */
    static String reasonOf(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && messages.stream().noneMatch(m -> m.contains(message))) messages.add(message);
        }
        String reason = messages.isEmpty() ? e.getClass().getSimpleName() : messages.get(messages.size() - 1);
        java.util.regex.Matcher camel = java.util.regex.Pattern.compile("^Failed to create route: (\\S+) .* because: (.*)$",
                java.util.regex.Pattern.DOTALL).matcher(reason);
        if (camel.matches()) reason = "route " + camel.group(1) + ": " + camel.group(2);   // not Camel's dump of the whole route
        String outer = messages.isEmpty() ? "" : messages.get(0);
        if (messages.size() > 1 && !reason.equals(outer) && outer.length() <= 160) reason = reason + " (" + outer + ")";   // Camel's long route dumps add nothing
        reason = reason.replace(CANDIDATE, "");
        return reason.length() > 600 ? reason.substring(0, 600) + "…" : reason;
    }
}
