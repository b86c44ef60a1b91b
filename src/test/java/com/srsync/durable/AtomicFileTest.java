package com.srsync.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replaced file survives a power cut: its data is on disk before the rename, the rename before the answer. */
class AtomicFileTest {
    @TempDir Path dir;

    /** The real disk, with each step written down as it is taken and what the file held at that moment. */
    static final class RecordingDisk extends AtomicFile.Disk {
        final List<String> steps = new ArrayList<>();

        @Override void force(Path file, FileChannel channel) throws IOException {
            super.force(file, channel);
            steps.add("force " + file.getFileName() + " (" + channel.size() + " bytes)");
        }

        @Override void rename(Path from, Path to) throws IOException {
            super.rename(from, to);
            steps.add("rename " + from.getFileName() + " -> " + to.getFileName());
        }

        @Override void forceDirectory(Path d) throws IOException {
            super.forceDirectory(d);
            steps.add("force directory " + d.getFileName());
        }
    }

    @Test
    void forces_the_data_then_renames_then_forces_the_directory() throws IOException {
        RecordingDisk disk = new RecordingDisk();
        Path cursor = dir.resolve("state").resolve("eventlog-cursor.json");
        new AtomicFile(disk).replace(cursor, "{\"lastEventId\": 42}".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("force eventlog-cursor.json.tmp (19 bytes)", "rename eventlog-cursor.json.tmp -> eventlog-cursor.json",
                "force directory state"), disk.steps);
        assertEquals("{\"lastEventId\": 42}", Files.readString(cursor));
        assertFalse(Files.exists(cursor.resolveSibling("eventlog-cursor.json.tmp")));
    }

    @Test
    void a_shorter_new_content_leaves_nothing_of_the_old() throws IOException {
        Path file = dir.resolve("letter.json");
        AtomicFile.write(file, "a long first version".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(file, "short".getBytes(StandardCharsets.UTF_8));
        assertEquals("short", Files.readString(file));
    }

    @Test
    void a_delete_forces_the_directory_and_a_missing_file_is_no_error() throws IOException {
        RecordingDisk disk = new RecordingDisk();
        Path file = dir.resolve("letter.json");
        Files.writeString(file, "x");
        new AtomicFile(disk).remove(file);
        new AtomicFile(disk).remove(file);
        assertEquals(List.of("force directory " + dir.getFileName()), disk.steps);
        assertFalse(Files.exists(file));
    }
}
