package com.srsync.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DebounceWindowTest {
    private final DefaultCamelContext context = new DefaultCamelContext();

    private Exchange trigger(String project) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(project);
        return e;
    }

    @Test
    void the_timeout_is_the_debounce_period_until_the_maximum_delay_draws_near() throws Exception {
        DebounceWindow window = new DebounceWindow(Duration.ofMillis(200), Duration.ofMillis(500));
        Exchange group = window.aggregate(null, trigger("155"));
        assertEquals(200, window.timeoutMillis(trigger("155")));

        Thread.sleep(400);
        long left = window.timeoutMillis(trigger("155"));
        assertTrue(left <= 100 && left >= 1, "left: " + left);
        Thread.sleep(150);
        assertEquals(1, window.timeoutMillis(trigger("155")));
        assertEquals(200, window.timeoutMillis(trigger("156")), "another project has its own window");

        window.onCompletion(group);
        assertEquals(200, window.timeoutMillis(trigger("155")), "a completed group's window is closed");
        assertEquals(0, window.waiting());
    }
}
