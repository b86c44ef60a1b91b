package com.srsync.app;

import com.srsync.config.ConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before anything starts: every port the service is about to listen on is free. A port in use is a
 * start-up error naming the port and the setting that chose it ("HTTP_PORT: port 8080 is in use"),
 * not a stack trace from deep inside the HTTP server ("Address already in use").
 */
public final class FreePorts {
    private FreePorts() {}

    /**
     * @param ports the setting's name and the port it chose, in the order they are reported
     * @throws ConfigException naming each port in use and its setting
     */
    public static void check(Map<String, Integer> ports) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
            String other = seen.putIfAbsent(p.getValue(), p.getKey());
            if (other != null) {
                problems.add(p.getKey() + ": port " + p.getValue() + " is also " + other + "; give each its own port");
            } else if (!free(p.getValue())) {
                problems.add(p.getKey() + ": port " + p.getValue() + " is in use (another process listens on it; "
                        + "another replica or sandbox on this host needs its own " + p.getKey() + ")");
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(String.join("; ", problems));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
