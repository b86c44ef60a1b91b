package com.srsync.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.http.Upstreams;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failed write gets its own dead letter, whatever its job is called, and the count costs no file read. */
class DeadLetterStoreTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir Path dataDir;

    private DeadLetterStore store() {
        return new DeadLetterStore(dataDir, MAPPER, Clock.systemUTC(),
                new Upstreams(URI.create("https://studio.shotgrid.autodesk.com"), URI.create("https://console.example:8443")), writes);
    }

    private final com.srsync.durable.DataDirWrites writes = new com.srsync.durable.DataDirWrites();

    private static JobOperation delete(long project, String name) {
        return JobOperation.delete(project, 1001, name, "the shot is no longer active");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dataDir.resolve("dead-letters"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void names_that_read_alike_get_a_dead_letter_each() throws IOException {
        DeadLetterStore store = store();
        List<String> names = List.of("HybridWork_TST A B", "HybridWork_TST A_B", "HybridWork_TST_Ünï", "HybridWork_TST_ÜnÏ",
                "HybridWork_TST_日本", "HybridWork_TST_中文", "HybridWork_" + "X".repeat(300) + "1", "HybridWork_" + "X".repeat(300) + "2");
        for (String name : names) store.record(delete(155, name), new IOException("Connection refused"), "DELETE /api/v2/jobs/1001", 1);

        assertEquals(names.size(), store.count());
        assertEquals(names.size(), files().size());
        assertEquals(Set.copyOf(names), Set.copyOf(store.list().stream().map(DeadLetter::jobName).toList()));
        for (String file : files()) assertTrue(file.length() < 200, file);
    }

    @Test
    void the_file_name_keeps_a_readable_part_of_the_job_name() {
        String key = new DeadLetter(155, "delete", 1001L, "HybridWork_TST A B", "e", 0, 1, "t", "t").key();
        assertTrue(key.startsWith("155-delete-HybridWork_TST_A_B-"), key);
        assertTrue(key.matches("155-delete-HybridWork_TST_A_B-[0-9a-f]{32}\\.json"), key);
    }

    @Test
    void a_repeat_failure_updates_its_letter_counting_every_try_and_a_restart_finds_it() throws IOException {
        DeadLetterStore first = store();
        first.record(delete(155, "HybridWork_TST_010"), new IOException("Connection refused"), "DELETE /api/v2/jobs/1001", 6);
        first.record(delete(155, "HybridWork_TST_010"), new IOException("Connection refused"), "DELETE /api/v2/jobs/1001", 1);

        DeadLetterStore second = store();
        assertEquals(1, second.count());
        assertEquals(7, second.list().get(0).attempts(), "six tries, then one more");
        assertEquals(1, files().size());
    }

    @Test
    void the_count_is_kept_in_memory_not_read_from_the_folder() throws IOException {
        DeadLetterStore store = store();
        store.record(delete(155, "HybridWork_TST_010"), new IOException("Connection refused"), null, 1);
        try (Stream<Path> s = Files.list(dataDir.resolve("dead-letters"))) {
            for (Path p : s.toList()) Files.delete(p);
        }
        assertEquals(1, store.count());
    }

    @Test
    void a_letter_written_under_the_old_file_name_is_read_and_cleared() throws IOException {
        Path old = dataDir.resolve("dead-letters").resolve("155-delete-HybridWork_TST_010.json");
        Files.createDirectories(old.getParent());
        MAPPER.writeValue(old.toFile(), new DeadLetter(155, "delete", 1001L, "HybridWork_TST_010", "Connection refused", 0, 3,
                "2026-11-30T10:00:00Z", "2026-11-30T10:05:00Z"));
        DeadLetterStore store = store();
        assertEquals(1, store.count());

        store.settle(new ProjectPlan(155, "TST", List.of(), List.of(), List.of(), List.of(), new com.srsync.reconcile.GuardVerdict(false, 0, 0), null, List.of()), Set.of(), true);
        assertEquals(0, store.count());
        assertFalse(Files.exists(old));
    }
}
