package com.srsync.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The service's own command line: no argument runs the service; {@code check [--json]} checks the set-up once;
 * {@code webhooks [--apply] [--json]} shows (or makes) the ShotGrid webhooks the service needs; {@code --help}
 * says so. Anything else is a {@link UsageException} (exit 2), never Camel's own option list.
 */
public record CommandLine(Command command, boolean json, boolean apply) {
    public enum Command { SERVE, CHECK, WEBHOOKS, HELP }

    /** A command line that is none of the service's. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String... args) throws UsageException {
        if (args == null || args.length == 0) return new CommandLine(Command.SERVE, false, false);
        String first = args[0];
        if (Set.of("--help", "-h", "help").contains(first) && args.length == 1) return new CommandLine(Command.HELP, false, false);
        Command command = switch (first) {
            case "check" -> Command.CHECK;
            case "webhooks" -> Command.WEBHOOKS;
            default -> throw new UsageException("unknown command '" + first + "'");
        };
        List<String> options = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean json = options.remove("--json");
        boolean apply = command == Command.WEBHOOKS && options.remove("--apply");
        if (!options.isEmpty()) throw new UsageException("'" + first + "' does not take " + String.join(" ", options));
        return new CommandLine(command, json, apply);
    }

    public static String usage() {
        return String.join("\n",
                "usage: java -jar shotgrid-resilio-sync.jar [command]",
                "",
                "  (no command)          run the service",
                "  check [--json]        check every prerequisite once, in words; exit 0 when every required one passes,",
                "                        1 otherwise (nothing is written anywhere)",
                "  webhooks [--json]     what the ShotGrid site's webhooks for PUBLIC_URL lack (nothing is written)",
                "  webhooks --apply      make or update them to match (needs the API Admin permission set)",
                "  --help                this text",
                "",
                "Settings come from the environment and config/application.properties, as for the service.");
    }
}
