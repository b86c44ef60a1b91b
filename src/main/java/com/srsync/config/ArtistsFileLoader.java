package com.srsync.config;

import com.srsync.reconcile.Artist;
import com.srsync.reconcile.AssetRules;
import com.srsync.reconcile.FolderNames;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.StorageAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads artists.yaml through SnakeYAML's node tree, so that every error names the file, the line
 * and the key. The old tool's file loads unchanged; unknown keys are errors, not silently ignored.
 */
public final class ArtistsFileLoader {
    private static final Set<String> ROOT_KEYS = Set.of("primary_storage", "target_agents", "path_templates", "job_settings", "assets");
    private static final Set<String> AGENT_KEYS = Set.of("agent_name", "agent_id", "base_path", "base_paths");
    private static final Set<String> ARTIST_KEYS = Set.of("agent_name", "agent_id", "base_path", "base_paths", "login", "email");
    private static final Set<String> OS_KEYS = Set.of("linux", "win", "osx");
    private static final Set<String> TEMPLATE_KEYS = Set.of("shots_template", "assets_template", "asset_template");
    private static final Set<String> ASSET_KEYS = Set.of("mode", "builder_permission", "user_permission");
    private static final List<String> ASSET_MODES = List.of("project", "per_asset");
    private static final Set<String> LEGACY_JOB_KEYS = Set.of("auto_create_paths", "folder_permissions", "sync_direction");
    private static final Set<String> JOB_KEYS = Set.of("job_type", "primary_permission", "enduser_permission",
            "file_policy_id", "sequence_fallback", "auto_create_paths", "folder_permissions", "sync_direction");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final String file;

    private ArtistsFileLoader(String file) {
        this.file = file;
    }

    public static ArtistsConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(path.toString(), text);
    }

    public static ArtistsConfig parse(String fileName, String text) {
        return new ArtistsFileLoader(fileName).read(text);
    }

    private ArtistsConfig read(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) throw new ConfigException(file + ": is empty; it needs primary_storage, target_agents and path_templates");
        Map<String, NodeTuple> top = mapping(root, "(top level)", ROOT_KEYS);

        StorageAgent primary = agent(required(top, "primary_storage", root, ""), "primary_storage", AGENT_KEYS);
        Node templateNode = required(top, "path_templates", root, "");
        PathTemplates templates = templates(templateNode);
        AssetRules assets = assets(top.containsKey("assets") ? top.get("assets").getValueNode() : null, templateNode, templates);
        Map<String, Object> legacy = new LinkedHashMap<>();
        JobSettings settings = top.containsKey("job_settings")
                ? jobSettings(top.get("job_settings").getValueNode(), legacy) : JobSettings.defaults();
        List<Artist> artists = artists(required(top, "target_agents", root, ""), primary);
        return new ArtistsConfig(primary, artists, templates, settings, assets, legacy);
    }

    private List<Artist> artists(Node node, StorageAgent primary) {
        Map<String, NodeTuple> entries = mapping(node, "target_agents", null);
        List<Artist> artists = new ArrayList<>();
        Map<Long, String> agentOwner = new HashMap<>();
        Map<Long, OsPaths> agentPaths = new HashMap<>();
        Map<String, String> logins = new HashMap<>();
        Map<String, String> emails = new HashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String name = e.getKey();
            String where = "target_agents." + name;
            Node value = e.getValue().getValueNode();
            Map<String, NodeTuple> fields = mapping(value, where, ARTIST_KEYS);
            StorageAgent agent = agent(value, where, ARTIST_KEYS);
            if (agent.isByName() && primary.name() != null && agent.name().equals(primary.name())) {
                throw error(fields.get("agent_name").getValueNode(), where + ".agent_name",
                        "'" + agent.name() + "' is the primary storage; an artist needs an agent of their own");
            }
            if (!agent.isByName() && agent.id() == primary.id()) {
                throw error(fields.get("agent_id").getValueNode(), where + ".agent_id",
                        "agent " + agent.id() + " is the primary storage; an artist needs an agent of their own");
            }
            String other = agent.isByName() ? null : agentOwner.putIfAbsent(agent.id(), name);
            if (other != null && !agentPaths.get(agent.id()).equals(agent.basePaths())) {
                throw error(value, where, "agent " + agent.id() + " is also " + other + "'s with other base paths; a shared agent needs the same paths");
            }
            agentPaths.putIfAbsent(agent.id(), agent.basePaths());
            String login = optionalString(fields, "login", where);
            String email = optionalString(fields, "email", where);
            unique(logins, login, name, fields, "login", where);
            unique(emails, email, name, fields, "email", where);
            artists.add(new Artist(name, login, email, agent));
        }
        return artists;
    }

    private void unique(Map<String, String> seen, String value, String artist, Map<String, NodeTuple> fields, String key, String where) {
        if (value == null) return;
        String previous = seen.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), artist);
        if (previous != null) {
            throw error(fields.get(key).getValueNode(), where + "." + key, "'" + value + "' is also " + previous + "'s");
        }
    }

    private StorageAgent agent(Node node, String where, Set<String> allowed) {
        Map<String, NodeTuple> fields = mapping(node, where, allowed);
        String name = optionalString(fields, "agent_name", where);
        if (!fields.containsKey("agent_id") && name == null) throw error(node, where, "agent_id (or agent_name, the agent's name on the console) is required");
        long id = fields.containsKey("agent_id") ? positiveInteger(fields.get("agent_id").getValueNode(), where + ".agent_id")
                : StorageAgent.BY_NAME;                   // the console's agent of that name, found at each plan
        boolean single = fields.containsKey("base_path");
        boolean perOs = fields.containsKey("base_paths");
        if (single == perOs) {
            throw error(node, where, single ? "give base_path or base_paths, not both" : "base_path (or base_paths with linux, win, osx) is required");
        }
        OsPaths paths;
        if (single) {
            paths = OsPaths.fromSingleBase(string(fields.get("base_path").getValueNode(), where + ".base_path"));
        } else {
            Node osNode = fields.get("base_paths").getValueNode();
            Map<String, NodeTuple> os = mapping(osNode, where + ".base_paths", OS_KEYS);
            if (os.isEmpty()) throw error(osNode, where + ".base_paths", "needs at least one of linux, win, osx");
            paths = new OsPaths(optionalString(os, "linux", where + ".base_paths"),
                    optionalString(os, "win", where + ".base_paths"), optionalString(os, "osx", where + ".base_paths"));
        }
        return new StorageAgent(id, name, paths);
    }

    private PathTemplates templates(Node node) {
        Map<String, NodeTuple> fields = mapping(node, "path_templates", TEMPLATE_KEYS);
        String shots = template(required(fields, "shots_template", node, "path_templates"), "path_templates.shots_template",
                Set.of("PROJECT", "SEQUENCE", "SHOT"));
        String assets = template(required(fields, "assets_template", node, "path_templates"), "path_templates.assets_template",
                Set.of("PROJECT"));
        if (!shots.contains(PathTemplates.SHOT)) {
            throw error(fields.get("shots_template").getValueNode(), "path_templates.shots_template",
                    "must contain ${SHOT}, or every shot would share one folder");
        }
        return new PathTemplates(shots, assets);
    }

    /**
     * The {@code assets:} section (absent: {@code mode: project}) and {@code path_templates.asset_template} (absent: the
     * assets template, then type, then name). Active statuses come later, from ACTIVE_ASSET_STATUSES.
     */
    private AssetRules assets(Node section, Node templateNode, PathTemplates templates) {
        Map<String, NodeTuple> fields = section == null ? Map.of() : mapping(section, "assets", ASSET_KEYS);
        String mode = optionalString(fields, "mode", "assets");
        if (mode != null && !ASSET_MODES.contains(mode)) {
            throw error(fields.get("mode").getValueNode(), "assets.mode", "unknown mode '" + mode + "'; allowed: " + ASSET_MODES);
        }
        String builder = permission(fields, "builder_permission", "srw");
        String user = permission(fields, "user_permission", "sro");
        NodeTuple given = mapping(templateNode, "path_templates", TEMPLATE_KEYS).get("asset_template");
        String template = AssetRules.defaultTemplate(templates.assets());
        if (given != null) {
            String key = "path_templates.asset_template";
            template = template(given.getValueNode(), key, Set.of("PROJECT", "ASSET_TYPE", "ASSET"));
            if (template.startsWith("/") || template.startsWith("\\") || template.matches("^[A-Za-z]:.*")) {
                throw error(given.getValueNode(), key, "must be relative: an asset's folder lies below each agent's base path");
            }
            for (String needed : List.of(PathTemplates.PROJECT, AssetRules.ASSET_TYPE, AssetRules.ASSET)) {
                if (!template.contains(needed)) {
                    throw error(given.getValueNode(), key, "must contain " + needed + ": an asset's folder lies in its project's, "
                            + "by type and name, as its job's name does");
                }
            }
        }
        return new AssetRules("per_asset".equals(mode), builder, user, template, Set.of());
    }

    private String permission(Map<String, NodeTuple> fields, String key, String fallback) {
        String value = optionalString(fields, key, "assets");
        if (value == null) return fallback;
        if (!AssetRules.PERMISSIONS.contains(value)) {
            throw error(fields.get(key).getValueNode(), "assets." + key, "unknown permission '" + value + "'; allowed: "
                    + AssetRules.PERMISSIONS.stream().sorted().toList());
        }
        return value;
    }

    private String template(Node node, String key, Set<String> allowed) {
        String value = string(node, key);
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw error(node, key, "unknown placeholder ${" + m.group(1) + "}; allowed here: " + allowed.stream().sorted().map(p -> "${" + p + "}").toList());
            }
        }
        for (String part : value.replace('\\', '/').split("/")) {
            if (part.equals("..") || part.equals(".")) throw error(node, key, "must not use '" + part + "': every folder lies below the base path");
        }
        return value;
    }

    private JobSettings jobSettings(Node node, Map<String, Object> legacy) {
        Map<String, NodeTuple> fields = mapping(node, "job_settings", JOB_KEYS);
        JobSettings d = JobSettings.defaults();
        for (String key : LEGACY_JOB_KEYS) {
            if (fields.containsKey(key)) legacy.put(key, ((ScalarNode) scalar(fields.get(key).getValueNode(), "job_settings." + key)).getValue());
        }
        return new JobSettings(
                orDefault(fields, "job_type", d.jobType()),
                orDefault(fields, "primary_permission", d.primaryPermission()),
                orDefault(fields, "enduser_permission", d.endUserPermission()),
                fields.containsKey("file_policy_id")
                        ? (int) positiveInteger(fields.get("file_policy_id").getValueNode(), "job_settings.file_policy_id")
                        : d.filePolicyId(),
                folderName(fields, "sequence_fallback", d.sequenceFallback()));
    }

    /** A setting that becomes one folder of a path: a safe single folder name. */
    private String folderName(Map<String, NodeTuple> fields, String key, String fallback) {
        String value = orDefault(fields, key, fallback);
        FolderNames.problem(value).ifPresent(p -> {
            throw error(fields.get(key).getValueNode(), "job_settings." + key, "'" + FolderNames.printable(value) + "' " + p);
        });
        return value;
    }

    private String orDefault(Map<String, NodeTuple> fields, String key, String fallback) {
        String value = optionalString(fields, key, "job_settings");
        return value == null ? fallback : value;
    }

    // --- node helpers -------------------------------------------------------------------------

    /** The entries of a mapping by key; with {@code allowed}, any other key is an error. */
    private Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, where, "must be a mapping of keys to values");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = ((ScalarNode) scalar(t.getKeyNode(), where)).getValue();
            if (allowed != null && !allowed.contains(key)) {
                throw error(t.getKeyNode(), qualified(where, key), "unknown key; allowed: " + allowed.stream().sorted().toList());
            }
            if (out.put(key, t) != null) throw error(t.getKeyNode(), qualified(where, key), "appears twice");
        }
        return out;
    }

    private Node required(Map<String, NodeTuple> fields, String key, Node parent, String where) {
        NodeTuple t = fields.get(key);
        if (t == null) throw error(parent, qualified(where, key), "is required");
        return t.getValueNode();
    }

    private String optionalString(Map<String, NodeTuple> fields, String key, String where) {
        NodeTuple t = fields.get(key);
        return t == null ? null : string(t.getValueNode(), qualified(where, key));
    }

    private String string(Node node, String key) {
        String value = ((ScalarNode) scalar(node, key)).getValue();
        if (value == null || value.isBlank()) throw error(node, key, "must not be empty");
        return value;
    }

    private long positiveInteger(Node node, String key) {
        String value = ((ScalarNode) scalar(node, key)).getValue();
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(node, key, "must be a whole number above 0, got '" + value + "'");
    }

    private Node scalar(Node node, String key) {
        if (!(node instanceof ScalarNode)) throw error(node, key, "must be a single value");
        return node;
    }

    private static String qualified(String where, String key) {
        return where == null || where.isEmpty() || where.startsWith("(") ? key : where + "." + key;
    }

    private ConfigException error(Node node, String key, String problem) {
        int line = node.getStartMark().getLine() + 1;
        return new ConfigException(file + ":" + line + ": " + key + ": " + problem);
    }
}
