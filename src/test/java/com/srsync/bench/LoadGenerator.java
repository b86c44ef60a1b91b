package com.srsync.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * A lean HTTP/1.1 load generator: each worker keeps one persistent connection and sends requests
 * built by {@code request} (event number in, raw request bytes out). {@link #atRate} is an open
 * model: requests fall due at a fixed rate and each one's time counts from when it was due, so a
 * stall shows in the numbers instead of slowing the load. {@link #flatOut} is a closed loop.
 */
public final class LoadGenerator {
    private final String host;
    private final int port;
    private final LongFunction<byte[]> request;
    private final AtomicLong events = new AtomicLong(50_000_000);

    public LoadGenerator(String host, int port, LongFunction<byte[]> request) {
        this.host = host;
        this.port = port;
        this.request = request;
    }

    /** What a run gave: answers (200), errors (any other status, or none), duration, and each request's time in milliseconds. */
    public record Result(long answered, long errors, double seconds, List<Double> millis) {}

    /** Every answer's status, by request number, when set (e.g. to count 503s apart, or see which requests were taken). */
    private volatile Answers answers = (n, status) -> { };

    /** Told of each answer: the request's number (as given to the request function) and its status (-1: no answer). */
    public interface Answers {
        void answered(long request, int status);
    }

    public LoadGenerator onAnswer(Answers listener) {
        this.answers = listener;
        return this;
    }

    public Result atRate(int perSecond, int seconds, int connections) throws InterruptedException {
        long count = (long) perSecond * seconds;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(1_000_000);
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicLong answered = new AtomicLong(), errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(started(() -> {
                Connection conn = null;
                try {
                    for (Long at = due.take(); at >= 0; at = due.take()) {
                        conn = sendOne(conn, answered, errors);
                        millis.add((System.nanoTime() - at) / 1e6);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (conn != null) conn.close();
                }
            }));
        }
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long at = start + i * interval;
            long wait = at - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            due.put(at);
        }
        for (int c = 0; c < connections; c++) due.put(-1L);
        for (Thread w : workers) w.join();
        return new Result(answered.get(), errors.get(), (System.nanoTime() - start) / 1e9, new ArrayList<>(millis));
    }

    public Result flatOut(int connections, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicLong answered = new AtomicLong(), errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(started(() -> {
                Connection conn = null;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    conn = sendOne(conn, answered, errors);
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
                if (conn != null) conn.close();
            }));
        }
        for (Thread w : workers) w.join();
        return new Result(answered.get(), errors.get(), (System.nanoTime() - start) / 1e9, new ArrayList<>(millis));
    }

    /** Sends the next request on {@code conn} (opened if needed) and counts the answer; returns the connection to go on with. */
    private Connection sendOne(Connection conn, AtomicLong answered, AtomicLong errors) {
        long number = events.incrementAndGet();
        try {
            Connection c = conn == null ? new Connection(host, port) : conn;
            int status = c.send(request.apply(number));
            (status == 200 ? answered : errors).incrementAndGet();
            answers.answered(number, status);
            return c;
        } catch (IOException e) {
            errors.incrementAndGet();
            answers.answered(number, -1);
            if (conn != null) conn.close();
            return null;
        }
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work, "load");
        t.start();
        return t;
    }

    /** One keep-alive connection: writes a request, reads the status line, headers and body of its answer. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 16_384);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        int send(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(header.substring(15).trim());
                if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18) && header.toLowerCase().contains("chunked")) chunked = true;
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    if (in.readNBytes(size).length < size) throw new IOException("connection closed mid-answer");
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) { /* trailers */ }
            } else if (in.readNBytes(length).length < length) {
                throw new IOException("connection closed mid-answer");
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("connection closed");
                if (b != '\r') sb.append((char) b);
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A POST request's bytes. */
    public static byte[] post(String host, int port, String path, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
