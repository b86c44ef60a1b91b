package com.srsync.config;

import java.nio.file.Path;

/**
 * Which replica leads.
 *
 * @param election none, file or kubernetes (LEADER_ELECTION)
 * @param dir      with file: the folder every replica shares (LEADER_ELECTION_DIR), else null
 * @param lease    with kubernetes: the Lease's name (LEADER_ELECTION_LEASE)
 */
public record ClusterSettings(String election, Path dir, String lease) {}
