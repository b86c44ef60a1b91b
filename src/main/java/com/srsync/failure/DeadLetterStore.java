package com.srsync.failure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.http.Upstreams;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.srsync.durable.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed writes, one JSON document each under {@code DATA_DIR/dead-letters}, written atomically
 * (temporary file, then rename) so a crash never leaves half a document. A write that fails again
 * updates its document; a later reconcile in which that write succeeded, or is no longer needed,
 * removes it.
 */
public final class DeadLetterStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);

    private final Path dir;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Upstreams upstreams;

    public DeadLetterStore(Path dataDir, ObjectMapper mapper, Clock clock, Upstreams upstreams) {
        this.upstreams = upstreams;
        this.dir = dataDir.resolve("dead-letters");
        this.mapper = mapper;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR: cannot create " + dir, e);
        }
    }

    /**
     * Records a write that still failed; returns the document as stored.
     *
     * @param call the console call that failed ({@code PUT /jobs/1001}), or null when it failed before any
     */
    public synchronized DeadLetter record(JobOperation op, Throwable error, String call) {
        String now = clock.instant().toString();
        Integer status = error == null ? null : Upstreams.status(error);
        String message = error == null ? "unknown error" : upstreams.describe(error, call);
        DeadLetter fresh = new DeadLetter(op.getProjectId(), op.getAction(), op.getJobId(), op.getJobName(), message, status, 1, now, now);
        DeadLetter previous = read(dir.resolve(fresh.key()));
        DeadLetter letter = previous == null ? fresh : new DeadLetter(fresh.project(), fresh.action(), fresh.jobId(), fresh.jobName(),
                message, status, previous.attempts() + 1, previous.firstFailedAt(), now);
        write(letter);
        LOG.error("Dead letter: project {} {} {} failed ({} time{}): {}", letter.project(), letter.action(), letter.jobName(),
                letter.attempts(), letter.attempts() == 1 ? "" : "s", message);
        return letter;
    }

    public synchronized List<DeadLetter> list() {
        try (Stream<Path> files = Files.list(dir)) {
            List<DeadLetter> letters = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> {
                DeadLetter d = read(f);
                if (d != null) letters.add(d);
            });
            letters.sort(Comparator.comparing(DeadLetter::firstFailedAt).thenComparing(DeadLetter::key));
            return letters;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The projects that have dead letters: what a replay reconciles. */
    public Set<Long> projects() {
        return list().stream().map(DeadLetter::project).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * After a reconcile of the plan's project: its dead letters whose write succeeded this time, or
     * that the plan no longer needs, are removed. Nothing is removed when nothing was written
     * (guard blocked, dry run) unless the write is no longer planned at all.
     */
    public synchronized void settle(ProjectPlan plan, Set<String> failedThisTime, boolean written) {
        for (DeadLetter d : list()) {
            if (d.project() != plan.projectId()) continue;
            JobOperation planned = plan.operations().stream()
                    .filter(op -> op.getAction().equals(d.action()) && op.getJobName().equals(d.jobName()))
                    .findFirst().orElse(null);
            boolean succeeded = planned != null && written && !failedThisTime.contains(keyOf(planned));
            if (planned == null || succeeded) {
                remove(d);
                LOG.info("Dead letter cleared: project {} {} {} ({})", d.project(), d.action(), d.jobName(),
                        planned == null ? "no longer needed" : "succeeded");
            }
        }
    }

    /** The key a failed operation is known by within one reconcile. */
    public static String keyOf(JobOperation op) {
        return op.getAction() + " " + op.getJobName();
    }

    private void remove(DeadLetter d) {
        try {
            Files.deleteIfExists(dir.resolve(d.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + d.key(), e);
        }
    }

    private void write(DeadLetter letter) {
        Path target = dir.resolve(letter.key());
        try {
            AtomicFile.write(target, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(letter));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + target, e);
        }
    }

    private DeadLetter read(Path file) {
        if (!Files.exists(file)) return null;
        try {
            return mapper.readValue(file.toFile(), DeadLetter.class);
        } catch (IOException e) {
            LOG.error("Dead letter {} cannot be read and is left as it is: {}", file, e.getMessage());
            return null;
        }
    }
}
