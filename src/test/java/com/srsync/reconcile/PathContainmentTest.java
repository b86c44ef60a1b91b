package com.srsync.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A filled-in folder must lie strictly below its base path, read the way each system reads it. */
class PathContainmentTest {

    @ParameterizedTest(name = "{0}: {1} under {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        linux | /proj/TST/shots/010      | /proj          | inside
        linux | /proj/TST/../../etc      | /proj          | outside
        linux | /proj/../etc/TST         | /proj          | outside
        linux | /projects/TST            | /proj          | outside
        linux | /proj                    | /proj          | outside
        linux | /proj/                   | /proj          | outside
        linux | /proj/./TST              | /proj          | inside
        linux | /proj/.../TST            | /proj          | inside
        linux | /proj/a./.b              | /proj/         | inside
        win   | C:\\Proj\\TST\\010       | C:\\proj       | inside
        win   | C:\\Proj/TST/010         | C:\\proj       | inside
        win   | C:\\proj\\TST\\..\\..\\x | C:\\proj       | outside
        win   | C:\\proj\\.. \\x         | C:\\proj       | outside
        win   | C:\\proj\\TST\\...       | C:\\proj       | outside
        win   | C:\\projects\\TST        | C:\\proj       | outside
        """)
    void a_folder_counts_as_inside_only_below_its_base(String os, String folder, String base, String expected) {
        OsPaths b = os.equals("win") ? new OsPaths(null, base, null) : new OsPaths(base, null, null);
        OsPaths f = os.equals("win") ? new OsPaths(null, folder, null) : new OsPaths(folder, null, null);
        assertEquals(expected, PathContainment.problem(b, f).isEmpty() ? "inside" : "outside");
    }
}
