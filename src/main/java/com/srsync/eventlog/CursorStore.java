package com.srsync.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.srsync.durable.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cursor as {@code DATA_DIR/eventlog-cursor.json}, written atomically (temporary file, then
 * rename). A file that cannot be understood is an error, never a silent start from zero.
 */
public final class CursorStore {
    private final Path file;
    private final ObjectMapper mapper;
    private final com.srsync.durable.DataDirWrites writes;

    public CursorStore(Path dataDir, ObjectMapper mapper, com.srsync.durable.DataDirWrites writes) {
        this.file = dataDir.resolve("eventlog-cursor.json");
        this.mapper = mapper;
        this.writes = writes;
    }

    public Path file() {
        return file;
    }

    /** The saved cursor, or empty when there is none yet. */
    public Optional<Cursor> load() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || !root.path("last_id").canConvertToLong() || !root.path("last_id").isIntegralNumber()) {
                throw new CorruptCursorException(file + " has no whole-number last_id");
            }
            Map<Long, Instant> backlog = new TreeMap<>();
            JsonNode b = root.path("backlog");
            if (!b.isMissingNode() && !b.isObject()) throw new CorruptCursorException(file + ": backlog is not an object");
            var fields = b.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                backlog.put(Long.parseLong(e.getKey()), Instant.parse(e.getValue().asText()));
            }
            return Optional.of(new Cursor(root.path("last_id").asLong(), backlog));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptCursorException c) throw c;
            throw new CorruptCursorException(file + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Fix or remove it; the poller will not guess where to start.");
        }
    }

    public void save(Cursor cursor) {
        ObjectNode root = mapper.createObjectNode();
        root.put("last_id", cursor.lastId());
        ObjectNode backlog = root.putObject("backlog");
        cursor.backlog().forEach((id, expiry) -> backlog.put(String.valueOf(id), expiry.toString()));
        try {
            AtomicFile.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            writes.wrote(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            writes.failed(file.toAbsolutePath().getParent(), e);
            throw new UncheckedIOException("cannot write " + file, e);   // the poll fails: its events are read again
        }
    }
}
