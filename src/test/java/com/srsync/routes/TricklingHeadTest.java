package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.support.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP_CALL_DEADLINE_MS covers the whole call: a console that sends its status line and then trickles
 * header bytes, never silent long enough for the read timeout, fails the call at the deadline instead
 * of holding a reconcile for ever.
 */
class TricklingHeadTest extends ServiceTestSupport {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final ServerSocket PEER = trickler();

    private static ServerSocket trickler() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        CALLS.incrementAndGet();
                        Thread t = new Thread(() -> trickle(s));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status line at once, then one header byte every 100 ms for up to 30 s. */
    private static void trickle(Socket s) {
        try (s; OutputStream out = s.getOutputStream()) {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 300; i++) {
                Thread.sleep(100);
                out.write('a');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: what the deadline is for
        }
    }

    @AfterAll
    static void closePeer() throws IOException {
        PEER.close();
    }

    @Override
    void moreProperties(Properties p) {
        p.put("resilio.url", "http://127.0.0.1:" + PEER.getLocalPort());
        p.put("http.read.timeout.ms", "500");
        p.put("http.call.deadline.ms", "1500");
    }

    @Test
    void a_console_that_trickles_its_headers_is_cut_at_the_deadline() {
        site.project(155, "TST").install();
        try (LogCapture log = LogCapture.open()) {
            long start = System.currentTimeMillis();
            reconcile(155L);                                    // stops before any write: the job list cannot be read
            long took = System.currentTimeMillis() - start;

            assertTrue(took < 4000, "the reconcile was held " + took + " ms");
            assertTrue(CALLS.get() >= 1);
            assertEquals(1, log.containing("no complete answer within 1500 ms (HTTP_CALL_DEADLINE_MS)").size(), log.lines().toString());
        }
    }
}
