package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.setup.HookSetup;
import com.srsync.setup.SetupWebhooks;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code webhooks --apply} by a script without the API Admin permission set: ShotGrid refuses the read of its hooks
 * (403), nothing is written, and the answer says what to grant and prints the table to click by hand.
 */
class WebhooksRefusedTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("public.url", "https://sync.studio.example");
    }

    @Test
    void a_refused_read_writes_nothing_names_the_permission_set_and_prints_the_table_by_hand() throws Exception {
        site.install();
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\": [{\"id\": \"x\", \"status\": 403, \"code\": 103, \"title\": \"You do not have access to webhooks.\"}]}")));

        org.apache.camel.Exchange done = template.send("direct:webhooks", e -> e.setVariable("apply", true));
        HookSetup setup = done.getMessage().getBody(HookSetup.class);
        SetupWebhooks webhooks = context.getRegistry().findSingleByType(SetupWebhooks.class);
        String text = webhooks.text(setup);

        assertEquals(0, shotgridServer.findAll(postRequestedFor(urlPathMatching("/api/v1/webhook/.*"))).size(), "nothing made");
        assertEquals(0, shotgridServer.findAll(putRequestedFor(urlPathMatching("/api/v1/webhook/.*"))).size(), "nothing updated");
        assertTrue(text.contains("The script needs the API Admin permission set"), text);
        assertTrue(text.contains("URL https://sync.studio.example/webhooks/shotgrid"), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("Task: ") && l.contains("task_assignees")), text);
        assertEquals(1, webhooks.exitStatus(setup));
    }
}
