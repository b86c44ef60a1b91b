package com.srsync.reconcile;

/**
 * One agent entry of a Hybrid Work job. Desired entries carry every field; entries read from the
 * console carry what it reported (absent fields are null).
 *
 * @param priorityAgents set on the primary storage entry
 * @param filePolicyId   set on end-user entries
 */
public record JobAgent(long id, String role, String permission, OsPaths path, Boolean priorityAgents, Integer filePolicyId) {
    public static final String PRIMARY_STORAGE = "primary_storage";
    public static final String END_USER = "enduser";

    /**
     * True when {@code observed} already is this entry: id, role, permission and path always; the
     * priority and file policy flags when the console reports them.
     */
    public boolean isSatisfiedBy(JobAgent observed) {
        return observed != null
                && id == observed.id
                && role.equals(observed.role)
                && permission.equals(observed.permission)
                && path.isSatisfiedBy(observed.path)
                && (observed.priorityAgents == null || observed.priorityAgents.equals(priorityAgents))
                && (observed.filePolicyId == null || observed.filePolicyId.equals(filePolicyId));
    }
}
