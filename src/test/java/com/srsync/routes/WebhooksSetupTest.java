package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.sandbox.ShotGridSimulator;
import com.srsync.setup.HookSetup;
import com.srsync.setup.SetupWebhooks;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code webhooks [--apply]} through its route, against a ShotGrid whose webhook API keeps what is written: without
 * {@code --apply} nothing is written; with it the hooks match the table, a second run writes nothing, and a hook that
 * points elsewhere is never touched.
 */
class WebhooksSetupTest extends ServiceTestSupport {
    private static final String PUBLIC = "https://sync.studio.example";
    private static final ShotGridSimulator SITE = start();
    private static final Map<String, Object> THEIRS = Map.of("Task", Map.of("update", List.of("content")));

    private static ShotGridSimulator start() {
        try {
            return ShotGridSimulator.start("http://localhost:1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        SITE.close();
    }

    @Override
    void moreProperties(Properties p) {
        p.put("shotgrid.url", SITE.url());
        p.put("public.url", PUBLIC);
    }

    private HookSetup webhooks(boolean apply) throws Exception {
        org.apache.camel.Exchange done = template.send("direct:webhooks", e -> e.setVariable("apply", apply));
        if (done.getException() != null) throw done.getException();
        return done.getMessage().getBody(HookSetup.class);
    }

    private SetupWebhooks bean() {
        return context.getRegistry().findSingleByType(SetupWebhooks.class);
    }

    /** No hook of ours but a Task one lacking task_assignees, and someone else's. */
    private void site() {
        SITE.noHooks();
        SITE.hook("https://other.example/hook", THEIRS, false, null);
        SITE.hook(PUBLIC + "/webhooks/shotgrid", Map.of("Task", Map.of("create", List.of(), "update", List.of("entity", "project"),
                "delete", List.of(), "revive", List.of())), true, WebhookSupport.SECRET);
    }

    private Map<String, Object> theirs() {
        return SITE.hooks().values().stream().filter(h -> h.get("url").equals("https://other.example/hook")).findFirst().orElseThrow();
    }

    @Test
    void without_apply_nothing_is_written_and_what_lacks_is_said() throws Exception {
        site();
        int before = SITE.hookWrites();

        HookSetup setup = webhooks(false);
        String text = bean().text(setup);

        assertEquals(before, SITE.hookWrites(), "nothing written");
        assertTrue(text.contains("[missing] Task: the Task webhook does not send task_assignees: assignment changes wait for the safety net"), text);
        assertTrue(text.contains("[missing] Shot: no webhook of this service sends Shot events"), text);
        assertEquals(1, bean().exitStatus(setup));
        assertTrue(!text.contains(WebhookSupport.SECRET), "the secret is never printed");
    }

    @Test
    void apply_makes_them_match_a_second_apply_writes_nothing_and_someone_elses_hook_is_untouched() throws Exception {
        site();
        Map<String, Object> theirsBefore = theirs();

        HookSetup first = webhooks(true);
        assertEquals(0, bean().exitStatus(first), bean().text(first));
        int afterFirst = SITE.hookWrites();
        HookSetup second = webhooks(true);

        assertEquals(afterFirst, SITE.hookWrites(), "the second run writes nothing:\n" + bean().text(second));
        assertTrue(bean().text(second).lines().filter(l -> l.startsWith("[")).allMatch(l -> l.startsWith("[ok]")), bean().text(second));
        assertEquals(theirsBefore, theirs());
        Map<String, Object> shot = SITE.hooks().values().stream().filter(h -> ((Map<?, ?>) h.get("entity_types")).containsKey("Shot")).findFirst().orElseThrow();
        assertEquals(PUBLIC + "/webhooks/shotgrid", shot.get("url"));
        assertEquals(WebhookSupport.SECRET, shot.get("token"));
        assertEquals(true, shot.get("batch_deliveries"));
        assertEquals(7, SITE.hooks().size(), "someone else's, and one of ours per row of the table");
    }
}
