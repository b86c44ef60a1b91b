package com.srsync.failure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.http.Upstreams;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.srsync.durable.AtomicFile;
import com.srsync.durable.DataDirWrites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed writes, one JSON document each under {@code DATA_DIR/dead-letters}, written atomically and
 * durably ({@link AtomicFile}) so a crash or a power cut never leaves half a document. A write that
 * fails again updates its document; a later reconcile in which that write succeeded, or is no longer
 * needed, removes it. The documents are read once at start-up and then kept in memory as well, so
 * listing and counting them (the metrics gauge, every reconcile) reads no file. A folder that cannot be
 * written (full, read-only) never ends a run early: the letter is kept in memory, and {@link DataDirWrites}
 * logs it once and shows it in health.
 */
public final class DeadLetterStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);

    /** A dead letter and the file it is stored in (a file written by an earlier version may have another name). */
    private record Stored(DeadLetter letter, Path file) {}

    private final Path dir;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Upstreams upstreams;
    private final Map<String, Stored> letters = new HashMap<>();
    private final DataDirWrites writes;

    public DeadLetterStore(Path dataDir, ObjectMapper mapper, Clock clock, Upstreams upstreams, DataDirWrites writes) {
        this.writes = writes;
        this.upstreams = upstreams;
        this.dir = dataDir.resolve("dead-letters");
        this.mapper = mapper;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new com.srsync.config.ConfigException("DATA_DIR: cannot create " + dir + " (" + e.getMessage() + ")");
        }
        load();
    }

    /**
     * Records a write that still failed; returns the document as stored.
     *
     * @param call the console call that failed ({@code PUT /jobs/1001}), or null when it failed before any
     * @param tries how many times the write was tried before it was given up (added to an earlier letter's count)
     */
    public synchronized DeadLetter record(JobOperation op, Throwable error, String call, int tries) {
        String now = clock.instant().toString();
        Integer status = error == null ? null : Upstreams.status(error);
        String message = error == null ? "unknown error" : upstreams.describe(error, call);
        DeadLetter fresh = new DeadLetter(op.getProjectId(), op.getAction(), op.getJobId(), op.getJobName(), message, status, Math.max(tries, 1), now, now);
        Stored previous = letters.get(fresh.identity());
        DeadLetter letter = previous == null ? fresh : new DeadLetter(fresh.project(), fresh.action(), fresh.jobId(), fresh.jobName(),
                message, status, previous.letter().attempts() + Math.max(tries, 1), previous.letter().firstFailedAt(), now);
        Path file = dir.resolve(letter.key());
        try {
            AtomicFile.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(letter));
            if (previous != null && !previous.file().equals(file)) AtomicFile.delete(previous.file());
            writes.wrote(dir);
        } catch (IOException e) {
            writes.failed(dir, e);                              // kept in memory: listed, counted, settled as any other
        }
        letters.put(letter.identity(), new Stored(letter, file));
        LOG.error("Dead letter: project {} {} {} failed, tried {} time{} since {}: {}", letter.project(), letter.action(), letter.jobName(),
                letter.attempts(), letter.attempts() == 1 ? "" : "s", letter.firstFailedAt(), message);
        return letter;
    }

    public synchronized List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (Stored s : letters.values()) all.add(s.letter());
        all.sort(Comparator.comparing(DeadLetter::firstFailedAt).thenComparing(DeadLetter::key));
        return all;
    }

    /** How many dead letters there are, from memory. */
    public synchronized int count() {
        return letters.size();
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
        Stored stored = letters.get(d.identity());
        if (stored == null) return;
        try {
            AtomicFile.delete(stored.file());
            writes.wrote(dir);
        } catch (IOException e) {
            writes.failed(dir, e);                              // settled all the same; a restart would list it again, then settle it
        }
        letters.remove(d.identity());
    }

    private void load() {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> {
                DeadLetter d = read(f);
                if (d != null) letters.put(d.identity(), new Stored(d, f));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR: cannot list " + dir, e);
        }
    }

    private DeadLetter read(Path file) {
        try {
            DeadLetter d = mapper.readValue(file.toFile(), DeadLetter.class);
            if (d.action() == null || d.jobName() == null) throw new IOException("no action or jobName");
            return d;
        } catch (IOException e) {
            LOG.error("Dead letter {} cannot be read and is left as it is: {}", file, e.getMessage());
            return null;
        }
    }
}
