package com.srsync.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status page's files (HTML, CSS, JS from the jar's {@code ui/}; no build step, nothing from a
 * CDN) and the target of ShotGrid's Action Menu Item. The page holds no data: it asks the admin API
 * with the token the operator types. The AMI post is not signed, so it only ever redirects.
 */
public final class StatusPage {
    /** A file of the page: its content type and bytes. */
    public record File(String type, byte[] content) {}

    private static final Map<String, String> FILES = Map.of(
            "", "index.html", "/", "index.html", "/status.js", "status.js", "/status.css", "status.css", "/favicon.svg", "favicon.svg");

    /** @param path the request path, {@code /ui...}; any other is an {@link AdminAccessException} 404 */
    public File file(String path) throws IOException {
        String name = FILES.get(path == null ? "" : path.replaceFirst("^/ui", ""));
        if (name == null) throw new AdminAccessException(404, "not found");
        try (InputStream in = StatusPage.class.getResourceAsStream("/ui/" + name)) {
            if (in == null) throw new AdminAccessException(404, "not found");
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8";
            return new File(type, in.readAllBytes());
        }
    }

    /**
     * Where ShotGrid's Action Menu Item post goes: the page for its project with the selected entities
     * named. Only numbers pass, so nothing typed in ShotGrid reaches the page's address.
     */
    public String amiLocation(Object body) {
        Map<String, String> form = form(body);
        StringBuilder to = new StringBuilder("/ui");
        String project = digits(form.get("project_id"));
        String selected = form.getOrDefault("selected_ids", "").replaceAll("[^0-9,]", "");
        if (project != null) to.append("?project=").append(project);
        if (!selected.isEmpty() && "Shot".equals(form.get("entity_type"))) to.append(project == null ? "?" : "&").append("shots=").append(selected);
        return to.toString();
    }

    private static String digits(String value) {
        return value != null && value.matches("\\d{1,18}") ? value : null;
    }

    private static Map<String, String> form(Object body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        }
        String text = body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body == null ? "" : String.valueOf(body);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
