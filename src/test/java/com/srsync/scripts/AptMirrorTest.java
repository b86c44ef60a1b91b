package com.srsync.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/apt-mirror.sh: debootstrap uses the archive this machine's apt names, and the repository names none. */
class AptMirrorTest {
    @TempDir Path apt;

    private record Run(int exit, String out, String err) {}

    private Run run() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/apt-mirror.sh");
        pb.environment().put("APT_ETC", apt.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Run(p.waitFor(), out, err);
    }

    private void write(String relative, String text) throws IOException {
        Files.createDirectories(apt.resolve(relative).getParent());
        Files.writeString(apt.resolve(relative), text);
    }

    @Test
    void takes_the_first_archive_of_a_deb822_source_that_is_not_security() throws Exception {
        write("sources.list.d/debian.sources", """
            Types: deb
            URIs: http://mirror.studio.lan/debian-security
            Suites: bookworm-security

            Types: deb-src
            URIs: http://src.studio.lan/debian

            Types: deb
            URIs: http://disabled.studio.lan/debian
            Enabled: no

            Types: deb
            # a comment
            URIs: http://mirror.studio.lan/debian
            Suites: bookworm bookworm-updates
            """);
        assertEquals(new Run(0, "http://mirror.studio.lan/debian", ""), run());
    }

    @Test
    void reads_the_one_line_format_with_options() throws Exception {
        write("sources.list", "# deb http://commented.lan/debian bookworm main\n"
                + "deb [arch=amd64 signed-by=/usr/share/keyrings/debian.gpg] https://apt.studio.lan/debian bookworm main\n");
        assertEquals(new Run(0, "https://apt.studio.lan/debian", ""), run());
    }

    @Test
    void fails_saying_where_it_looked_when_apt_names_no_archive() throws Exception {
        write("sources.list", "# nothing here\n");
        Run run = run();
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("no Debian archive found in this machine's apt sources (" + apt + "/sources.list"), run.err());
    }

    @Test
    void no_script_names_a_mirror_host() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("scripts"))) {
            for (Path script : scripts.toList()) {
                String text = Files.readString(script);
                assertFalse(text.contains("deb.debian.org") || text.contains("ftp.debian.org"), script + " names a mirror");
            }
        }
    }
}
