package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which hooks are this service's: at PUBLIC_URL exactly when it is set; by path alone without it. */
class HookUrlsTest {
    @Test
    void with_public_url_only_its_own_address_counts_not_another_host_with_the_same_path() {
        var ours = HookUrls.ours(URI.create("https://sync.studio.example/"));
        assertTrue(ours.test("https://sync.studio.example/webhooks/shotgrid"));
        assertTrue(ours.test("https://SYNC.studio.example/assignment_webhook/"));
        assertFalse(ours.test("https://staging.studio.example/webhooks/shotgrid"), "another instance's hook is never ours");
        assertFalse(ours.test(null));
    }

    @Test
    void without_public_url_any_address_ending_in_one_of_its_paths_counts() {
        var ours = HookUrls.ours(null);
        assertTrue(ours.test("https://anywhere.example/webhooks/shotgrid"));
        assertTrue(ours.test("https://anywhere.example/shot_status_webhook?x=1"));
        assertFalse(ours.test("https://anywhere.example/other"));
        assertFalse(ours.test(null));
    }
}
