package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ServiceSettings;
import com.srsync.durable.DataDirWrites;
import com.srsync.setup.SetupCheck;
import com.srsync.setup.SetupWebhooks;
import com.srsync.shotgrid.ShotGridQueries;
import com.srsync.shotgrid.SnapshotAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.spi.PropertiesComponent;

/** The set-up check and the webhook set-up (routes/setup.yaml): {@code check}, {@code webhooks}, {@code GET /admin/check}. */
final class SetupBeans {
    /** The DATA_DIR the check probes when the command runs the service's beans on a folder of its own (nothing written). */
    static final String CHECKED_DATA_DIR = "check.data.dir";

    private SetupBeans() {}

    static void bind(Beans beans, ServiceSettings settings, PropertiesComponent properties, ObjectMapper mapper, Clock clock) {
        ArtistsFile artists = beans.get(ArtistsFile.class);
        Path dataDir = properties.resolveProperty(CHECKED_DATA_DIR).map(Path::of).orElse(settings.dataDir());
        DataDirWrites writes = beans.get(DataDirWrites.class);
        beans.bind(new SetupCheck(settings, artists::rules, artists::warnings, beans.get(ShotGridQueries.class), beans.get(SnapshotAssembly.class),
                mapper, clock, dataDir, () -> {
                    String failed = writes.problem();
                    return failed != null ? failed : unwritable(dataDir);
                }));
        beans.bind(new SetupWebhooks(settings, artists::rules, mapper));
    }

    /** Why the folder cannot be written (or, when it does not exist yet, the folder it would be made in); null when it can. */
    static String unwritable(Path dir) {
        Path at = dir.toAbsolutePath();
        while (at != null && !Files.exists(at)) at = at.getParent();
        if (at == null) return dir + " cannot be made: no folder of its path exists";
        if (!Files.isDirectory(at)) return at + " is not a folder";
        return Files.isWritable(at) ? null : at + " cannot be written by this user";
    }
}
