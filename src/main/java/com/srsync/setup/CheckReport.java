package com.srsync.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Every check's line, once, by area in a fixed order; exit status 0 when every required check passed, 1 otherwise. */
public record CheckReport(List<CheckLine> lines) {
    private static final List<String> AREAS = List.of("settings", "shotgrid", "console", "artists", "paths", "clocks", "webhooks");

    public CheckReport {
        List<CheckLine> sorted = new java.util.ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingInt(l -> AREAS.indexOf(l.area())));   // stable: the order within an area stays
        lines = List.copyOf(sorted);
    }

    public boolean passed() {
        return lines.stream().allMatch(CheckLine::fine);
    }

    public int exitStatus() {
        return passed() ? 0 : 1;
    }

    /** One line per check, {@code [ok] shotgrid  login: ...}, each failure with what to do, then the verdict. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (CheckLine l : lines) {
            String mark = l.status() == CheckStatus.FAILED && !l.required() ? "warning" : l.status().word();
            out.append(String.format("[%s] %-9s %s: %s%n", mark, l.area(), l.name(), l.message()));
            if (l.todo() != null) out.append("          ").append(" ".repeat(10)).append("-> ").append(l.todo()).append('\n');
        }
        long failed = lines.stream().filter(l -> !l.fine()).count();
        out.append(failed == 0 ? "Every required check passed." : failed + " required check" + (failed == 1 ? "" : "s") + " did not pass.");
        return out.append('\n').toString();
    }

    public String json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode().put("passed", passed());
        ArrayNode checks = root.putArray("checks");
        for (CheckLine l : lines) {
            ObjectNode c = checks.addObject().put("area", l.area()).put("name", l.name()).put("status", l.status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("required", l.required()).put("message", l.message());
            if (l.todo() != null) c.put("todo", l.todo());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
