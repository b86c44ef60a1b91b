package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service's own commands: what each command line means, and that anything else is refused (exit 2), never Camel's options. */
class CommandLineTest {
    @ParameterizedTest(name = "''{0}'' -> {1} json={2} apply={3}")
    @CsvSource(delimiter = '|', value = {
        "                       | SERVE    | false | false",
        "check                  | CHECK    | false | false",
        "check --json           | CHECK    | true  | false",
        "webhooks               | WEBHOOKS | false | false",
        "webhooks --apply       | WEBHOOKS | false | true",
        "webhooks --apply --json| WEBHOOKS | true  | true",
        "--help                 | HELP     | false | false",
        "-h                     | HELP     | false | false",
    })
    void each_command_line_means_what_it_says(String args, CommandLine.Command command, boolean json, boolean apply) throws Exception {
        CommandLine line = CommandLine.parse(args == null ? new String[0] : args.trim().split("\\s+"));
        assertEquals(new CommandLine(command, json, apply), line);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "chek           | unknown command 'chek'",
        "--port=9       | unknown command '--port=9'",
        "check --apply  | 'check' does not take --apply",
        "webhooks now   | 'webhooks' does not take now",
        "--help check   | unknown command '--help'",
    })
    void anything_else_is_refused_naming_it(String args, String message) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(args.trim().split("\\s+")));
        assertEquals(message, e.getMessage());
    }
}
