package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.support.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A call is bounded in time and in size, whatever the far side does. */
class TransportLimitsTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("http.read.timeout.ms", "500");
        p.put("http.call.deadline.ms", "1500");
        p.put("http.max.response.bytes", "65536");
    }

    @Test
    void an_answer_that_trickles_in_for_ever_is_cut_at_the_deadline_and_nothing_is_written() {
        site.project(155, "TST").install();
        // every 200 ms a few bytes: never silent for the 500 ms read timeout, done only after 8 s
        resilioServer.stubFor(get("/api/v2/jobs").willReturn(okJson("[" + " ".repeat(400) + "]").withHeader("Content-Encoding", "identity")
                .withChunkedDribbleDelay(40, 8000)));

        try (LogCapture log = LogCapture.open()) {
            long start = System.currentTimeMillis();
            reconcile(155L);
            long took = System.currentTimeMillis() - start;

            assertTrue(took < 4000, "the reconcile was held " + took + " ms");
            assertEquals(List.of(), console.writes());
            assertEquals(1, log.containing("no complete answer within 1500 ms (HTTP_CALL_DEADLINE_MS)").size(), log.lines().toString());
        }
    }

    @Test
    void an_answer_larger_than_the_cap_fails_the_read_and_nothing_is_written() {
        site.project(155, "TST").install();
        resilioServer.stubFor(get("/api/v2/jobs").willReturn(okJson("[" + "{\"id\": 1, \"name\": \"x\"},".repeat(5000) + "{}]")));

        try (LogCapture log = LogCapture.open()) {
            reconcile(155L);

            assertEquals(List.of(), console.writes());
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.containing("the answer is larger than 65536 bytes (HTTP_MAX_RESPONSE_BYTES)").isEmpty());
        }
    }
}
