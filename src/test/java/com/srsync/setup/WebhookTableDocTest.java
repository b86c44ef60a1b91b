package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table a person clicks by hand (docs/shotgrid-webhooks.md) names every event and field the check and `webhooks --apply` require. */
class WebhookTableDocTest {
    @Test
    void each_row_of_the_docs_table_names_what_the_hook_spec_requires_in_both_assets_modes() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("docs/shotgrid-webhooks.md")).stream().filter(l -> l.startsWith("| ")).toList();
        for (boolean perAsset : List.of(false, true)) {
            for (HookSpec spec : HookSpec.table(perAsset)) {
                String row = rows.stream().filter(r -> r.split("\\|")[1].contains(spec.entity())).findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + spec.entity() + " in docs/shotgrid-webhooks.md"));
                for (String field : spec.fields()) assertTrue(row.contains("`" + field + "`"), spec.entity() + " lacks `" + field + "`: " + row);
                for (String event : spec.events()) assertTrue(row.contains(event + "d"), spec.entity() + " lacks " + event + "d: " + row);
            }
        }
    }
}
