package com.srsync.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names from ShotGrid may be one folder of a path: one row per class of unsafe name. */
class FolderNamesTest {

    static Stream<Arguments> unsafe() {
        return Stream.of(
            Arguments.of("a forward slash", "../../../../../../etc", "contains '/', a path separator"),
            Arguments.of("a backslash", "..\\..\\Windows", "contains '\\', a path separator"),
            Arguments.of("dot dot", "..", "is '..', which names a folder that already exists"),
            Arguments.of("dot", ".", "is '.', which names a folder that already exists"),
            Arguments.of("empty", "", "is empty"),
            Arguments.of("only spaces", "   ", "is empty"),
            Arguments.of("a new line", "TST_010\n0010", "holds a control character (U+000A)"),
            Arguments.of("a NUL", "TST\u0000", "holds a control character (U+0000)"),
            Arguments.of("a colon", "TST:010", "holds ':', which Windows forbids in folder names"),
            Arguments.of("a question mark", "TST?", "holds '?', which Windows forbids in folder names"),
            Arguments.of("a pipe", "A|B", "holds '|', which Windows forbids in folder names"),
            Arguments.of("a trailing dot", "TST_010.", "ends with a dot, which Windows drops"),
            Arguments.of("dot dot space", ".. ", "ends with a space, which Windows drops"),
            Arguments.of("a device name", "CON", "is 'CON', a device name Windows reserves"),
            Arguments.of("a device name with an extension", "nul.txt", "is 'nul', a device name Windows reserves"),
            Arguments.of("a full-width solidus", "..\uFF0F..\uFF0Fetc", "reads as '../../etc' once normalised, which contains '/', a path separator"),
            Arguments.of("a full-width full stop pair", "\uFF0E\uFF0E", "reads as '..' once normalised, which is '..', which names a folder that already exists"),
            Arguments.of("300 characters", "A".repeat(300), "is longer than 255 characters"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("unsafe")
    void unsafe_names_are_refused_with_their_reason(String what, String name, String reason) {
        assertEquals(reason, FolderNames.problem(name).orElse("(accepted)"));
    }

    @ParameterizedTest(name = "''{0}'' is a folder name")
    @ValueSource(strings = {"TST_010_0010", "Shot 10", "A.B", "Ünïcödé 日本", "..x", "x..y", "CONSOLE", "0010", "TST-B", "(wip)"})
    void ordinary_names_are_accepted(String name) {
        assertTrue(FolderNames.isSafe(name), FolderNames.problem(name).orElse(""));
    }

    @ParameterizedTest(name = "printable shows {0} without acting on it")
    @ValueSource(strings = {"A\nB", "A\rB", "A\u001b[31mB", "A\u2028B"})
    void printable_names_never_break_a_log_line(String name) {
        String shown = FolderNames.printable(name);
        assertTrue(shown.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028'), shown);
        assertTrue(shown.startsWith("A\\u") && shown.endsWith("B"), shown);
    }
}
