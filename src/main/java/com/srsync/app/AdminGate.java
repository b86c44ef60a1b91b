package com.srsync.app;

import com.srsync.config.Secret;

/**
 * The bearer-token check of {@code /admin/*}. Without {@code ADMIN_TOKEN} the admin endpoints do not
 * exist (404); with it, a request needs {@code Authorization: Bearer <token>} (401 otherwise).
 */
public final class AdminGate {
    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";
    public static final String DISABLED = "disabled";
    private static final String BEARER = "Bearer ";

    private final Secret token;

    public AdminGate(Secret token) {
        this.token = token;
    }

    /** {@value #ALLOWED}, {@value #DENIED} or {@value #DISABLED}, for the value of an Authorization header. */
    public String decide(String authorization) {
        if (token == null) return DISABLED;
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) return DENIED;
        return token.matches(authorization.substring(BEARER.length()).trim()) ? ALLOWED : DENIED;
    }

    /** True when the Authorization header carries the admin token. */
    public boolean allows(String authorization) {
        return ALLOWED.equals(decide(authorization));
    }

    /** Lets an admin request through, or throws {@link AdminAccessException} with its 404 or 401. */
    public void check(String authorization) {
        switch (decide(authorization)) {
            case DISABLED -> throw new AdminAccessException(404, "not found");
            case DENIED -> throw new AdminAccessException(401, "a valid bearer token is required");
            default -> { }
        }
    }

    /** Ids from a query parameter such as {@code 1213,1214}: at most 100, each a whole number above 0. */
    /** One shot code to look up: non-blank, at most 255 characters, no control character (400 otherwise). */
    public static String shotCode(String value) {
        String code = value == null ? "" : value.trim();
        if (code.isEmpty() || code.length() > 255 || code.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("give ?ids=ID,... or ?code=SHOT_CODE (one code, at most 255 characters)");
        }
        return code;
    }

    public static java.util.List<Long> idList(String value) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            if (part.isBlank()) continue;
            long id;
            try {
                id = Long.parseLong(part.trim());
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) throw new IllegalArgumentException("ids must be whole numbers above 0, separated by commas");
            ids.add(id);
        }
        if (ids.isEmpty() || ids.size() > 100) throw new IllegalArgumentException("ids: give 1 to 100 ids, e.g. ?ids=1213,1214");
        return ids;
    }

    /** A project id from a query parameter that must be there. */
    public static long requiredProject(String value) {
        Long id = projectParameter(value);
        if (id == null) throw new IllegalArgumentException("project is required: ?project=ID (a ShotGrid project id)");
        return id;
    }

    /** A project id from a query parameter: null for "all" (absent), or a positive number. */
    public static Long projectParameter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("project must be a ShotGrid project id (a whole number above 0)");
    }
}
