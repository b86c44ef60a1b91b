package com.srsync.http;

import com.srsync.config.ConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxy settings studios already have, {@code HTTPS_PROXY}, {@code HTTP_PROXY} and
 * {@code NO_PROXY} (or their lower-case forms), as camel-http's own component options: HTTPS_PROXY for
 * calls to {@code https://} URLs (the {@code https} component), HTTP_PROXY for {@code http://} ones,
 * NO_PROXY for the hosts reached directly. Loopback is always reached directly. NO_PROXY entries are
 * read as curl reads them: {@code example.com} and {@code .example.com} also cover every host below
 * it, {@code *} every host, a port is ignored; an IP range is taken in whole octets ({@code 10.0.0.0/8}).
 */
public final class ProxySettings {
    private static final List<String> LOOPBACK = List.of("localhost", "127.*", "::1", "[::1]");

    private ProxySettings() {}

    /** The camel-http component properties for these environment variables; none when no proxy is set. */
    public static Map<String, String> componentProperties(Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        String noProxy = nonProxyHosts(first(env, "NO_PROXY", "no_proxy"));
        add(properties, "https", "HTTPS_PROXY", first(env, "HTTPS_PROXY", "https_proxy"), noProxy);
        add(properties, "http", "HTTP_PROXY", first(env, "HTTP_PROXY", "http_proxy"), noProxy);
        return properties;
    }

    private static void add(Map<String, String> properties, String component, String name, String url, String noProxy) {
        if (url == null) return;
        URI proxy;
        try {
            proxy = URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": must be a proxy URL such as http://proxy:3128, got '" + url + "'");
        }
        if (proxy.getHost() == null || !(proxy.getScheme().equals("http") || proxy.getScheme().equals("https"))) {
            throw new ConfigException(name + ": must be a proxy URL such as http://proxy:3128, got a URL without a host or with scheme " + proxy.getScheme());
        }
        String prefix = "camel.component." + component + ".";
        properties.put(prefix + "proxy-host", proxy.getHost());
        properties.put(prefix + "proxy-port", String.valueOf(proxy.getPort() > 0 ? proxy.getPort() : proxy.getScheme().equals("https") ? 443 : 80));
        properties.put(prefix + "proxy-auth-scheme", proxy.getScheme());
        properties.put(prefix + "non-proxy-hosts", noProxy);
        if (proxy.getRawUserInfo() != null) {
            String[] user = proxy.getUserInfo().split(":", 2);
            properties.put(prefix + "proxy-auth-username", user[0]);
            properties.put(prefix + "proxy-auth-password", user.length > 1 ? user[1] : "");
        }
    }

    /** NO_PROXY as camel-http's comma-separated patterns, loopback included. */
    static String nonProxyHosts(String noProxy) {
        Set<String> patterns = new LinkedHashSet<>(LOOPBACK);
        if (noProxy != null) {
            for (String entry : noProxy.split("[,\\s]+")) {
                String e = entry.trim().toLowerCase(java.util.Locale.ROOT);
                if (e.isEmpty()) continue;
                if (e.equals("*")) {
                    patterns.add("*");
                    continue;
                }
                if (e.contains("/")) {
                    patterns.addAll(range(e));
                    continue;
                }
                if (!e.startsWith("[") && e.indexOf(':') == e.lastIndexOf(':') && e.contains(":")) e = e.substring(0, e.indexOf(':'));
                if (e.startsWith("*.")) e = e.substring(1);
                if (e.startsWith(".")) {
                    patterns.add("*" + e);
                    patterns.add(e.substring(1));
                } else {
                    patterns.add(e);
                    if (!e.matches("[\\d.]+")) patterns.add("*." + e);
                }
            }
        }
        return String.join(",", patterns);
    }

    private static List<String> range(String cidr) {
        String[] parts = cidr.split("/");
        List<String> out = new ArrayList<>();
        try {
            int bits = Integer.parseInt(parts[1]);
            String[] octets = parts[0].split("\\.");
            if (octets.length == 4 && bits % 8 == 0 && bits > 0 && bits <= 32) {
                int keep = bits / 8;
                out.add(String.join(".", java.util.Arrays.copyOf(octets, keep)) + (keep < 4 ? ".*" : ""));
                return out;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("NO_PROXY: the range " + cidr + " is not in whole octets (/8, /16, /24 or /32); list its hosts instead");
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }
}
