package com.srsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * The sandbox's console for tests in other packages: a Resilio peer that keeps its jobs (creates, updates and
 * deletes change what it lists), with the sandbox's machines (storage 4, artists' 2 and 3). On a free port.
 */
public final class ConsoleSimulator implements AutoCloseable {
    private final SimulatedConsole console;

    private ConsoleSimulator(SimulatedConsole console) {
        this.console = console;
    }

    public static ConsoleSimulator start() throws IOException {
        SimulatedConsole console = new SimulatedConsole(0);
        console.start();
        return new ConsoleSimulator(console);
    }

    public String url() {
        return "http://127.0.0.1:" + console.port();
    }

    public String token() {
        return SimulatedConsole.TOKEN;
    }

    /** Every job the console holds, read at one moment. */
    public List<JsonNode> jobs() {
        return List.copyOf(console.jobs());
    }

    @Override
    public void close() {
        console.stop();
    }
}
