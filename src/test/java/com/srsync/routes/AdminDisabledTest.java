package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class AdminDisabledTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.remove("admin.token");
    }

    @Test
    void without_an_admin_token_the_admin_endpoints_answer_404() throws Exception {
        assertEquals(404, admin("GET", "/admin/plan?project=155", "anything").statusCode());
        assertEquals(404, admin("POST", "/admin/sync", null).statusCode());
        assertEquals(java.util.List.of(), console.writes());
    }
}
