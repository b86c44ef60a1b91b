package com.srsync.delivery;

import com.srsync.reconcile.JobAgent;
import java.time.Instant;

/**
 * What one agent has of one job.
 *
 * @param artist         null for the primary storage
 * @param online         null when the console does not list the agent
 * @param lastSeen       null when unknown
 * @param filesCompleted null when its run row is not read or gave none
 * @param filesTotal     the primary storage's file count, which the agent's must reach; null when unknown
 * @param detail         the state in words, with the console's own message where it gave one
 * @param permission     its permission on the job as the service wrote it ({@code srw}, {@code sro} ...); null when not known
 */
public record AgentDelivery(long agentId, String role, String artist, DeliveryState state, Boolean online, Instant lastSeen,
                            Long filesCompleted, Long filesTotal, String detail, String permission) {
    public boolean isPrimary() {
        return JobAgent.PRIMARY_STORAGE.equals(role);
    }
}
