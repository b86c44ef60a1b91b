package com.srsync.routes;

import static com.srsync.routes.WebhookSupport.deliver;
import static com.srsync.routes.WebhookSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.support.LogCapture;
import java.net.http.HttpResponse;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/** A webhook that fails for an unexpected reason gets a short JSON 500; the stack trace goes to the log only. */
class WebhookFailureAnswerTest extends ServiceTestSupport {
    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Test
    void an_unexpected_failure_is_answered_with_short_json_and_logged_in_full() throws Exception {
        AdviceWith.adviceWith(context, "webhook-intake", a -> a.weaveAddFirst().process(e -> {
            throw new IllegalStateException("a bug in com.srsync.webhook");
        }));
        context.start();
        try (LogCapture log = LogCapture.open()) {
            HttpResponse<String> answer = deliver(httpPort, fixture("shot-status-active.json"));

            assertEquals(500, answer.statusCode());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
            assertEquals("{\"error\":\"internal error, see the service log\"}", answer.body());
            assertFalse(answer.body().contains("Exception") || answer.body().contains("com.srsync"), answer.body());
            assertTrue(log.printed().contains("java.lang.IllegalStateException: a bug in com.srsync.webhook"), log.printed());
        }
    }
}
