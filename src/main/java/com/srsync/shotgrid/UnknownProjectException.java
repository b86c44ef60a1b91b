package com.srsync.shotgrid;

/** The project id names no project in ShotGrid (or one in the trash): its jobs are left alone. */
public class UnknownProjectException extends RuntimeException {
    private final long projectId;

    public UnknownProjectException(long projectId) {
        super("project " + projectId + " is not in ShotGrid (or is in the trash); its jobs are left alone");
        this.projectId = projectId;
    }

    public long getProjectId() {
        return projectId;
    }
}
