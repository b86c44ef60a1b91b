package com.srsync.observe;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A health check of {@code /observe/health} that is neither readiness nor liveness: something an operator must
 * fix, while the service goes on (a project that keeps failing, the Shot field refused, a data folder that
 * cannot be written). DOWN while {@code problem} says something, UP otherwise. On a standby, a check of what only
 * the leader does says so and stays UP: it is not DOWN for the leader's reasons.
 */
public final class ProblemCheck extends AbstractHealthCheck {
    private final Supplier<String> problem;
    private final BooleanSupplier standby;

    /** @param standby true while another replica leads and this check is about the leader's work; () -> false otherwise */
    public ProblemCheck(String id, Supplier<String> problem, BooleanSupplier standby) {
        super("srsync", id);
        this.problem = problem;
        this.standby = standby;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (standby.getAsBoolean()) {
            builder.up().message("standby: the replica that leads does this");
            return;
        }
        String p = problem.get();
        if (p == null) builder.up();
        else builder.down().message(p);
    }
}
