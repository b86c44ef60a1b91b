package com.srsync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The small HTTP server both simulators run on (the JDK's own; loopback only). */
abstract class SandboxHttp {
    protected final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;

    SandboxHttp(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::dispatch);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers one request; throw {@link IllegalArgumentException} for a 400, {@link java.util.NoSuchElementException} for a 404. */
    protected abstract Object handle(String method, String path, byte[] body, HttpExchange exchange) throws Exception;

    private void dispatch(HttpExchange exchange) throws IOException {
        int status = 200;
        Object answer;
        try {
            answer = handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestBody().readAllBytes(), exchange);
            if (answer instanceof Status s) {
                status = s.code();
                answer = s.body();
            }
        } catch (IllegalArgumentException e) {
            status = 400;
            answer = java.util.Map.of("error", e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            status = 404;
            answer = java.util.Map.of("error", e.getMessage() == null ? "not found" : e.getMessage());
        } catch (Exception e) {
            status = 500;
            answer = java.util.Map.of("error", String.valueOf(e));
        }
        byte[] bytes = answer == null ? new byte[0]
                : answer instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An answer with a status other than 200. */
    record Status(int code, Object body) {}
}
