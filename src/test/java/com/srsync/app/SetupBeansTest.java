package com.srsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The check's DATA_DIR line: a folder that can be written, one still to be made, and a file where the folder should be. */
class SetupBeansTest {
    @Test
    void a_writable_folder_and_one_still_to_be_made_inside_it_pass() throws Exception {
        Path dir = Files.createTempDirectory("srsync-data-");
        assertNull(SetupBeans.unwritable(dir));
        assertNull(SetupBeans.unwritable(dir.resolve("not/yet/made")), "made at start in the folder that exists");
    }

    @Test
    void a_file_in_the_way_is_named() throws Exception {
        Path file = Files.createTempFile("srsync-data-", ".txt");
        assertEquals(file.toAbsolutePath() + " is not a folder", SetupBeans.unwritable(file.resolve("data")));
    }
}
