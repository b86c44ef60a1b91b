package com.srsync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The studio's proxy variables as camel-http's component options. */
class ProxySettingsTest {

    @Test
    void https_proxy_configures_the_https_component_with_its_credentials() {
        Map<String, String> p = ProxySettings.componentProperties(Map.of("HTTPS_PROXY", "http://me:p%40ss@proxy.studio:3128", "NO_PROXY", ".studio.lan"));

        assertEquals("proxy.studio", p.get("camel.component.https.proxy-host"));
        assertEquals("3128", p.get("camel.component.https.proxy-port"));
        assertEquals("http", p.get("camel.component.https.proxy-auth-scheme"));
        assertEquals("me", p.get("camel.component.https.proxy-auth-username"));
        assertEquals("p@ss", p.get("camel.component.https.proxy-auth-password"));
        assertEquals("localhost,127.*,::1,[::1],*.studio.lan,studio.lan", p.get("camel.component.https.non-proxy-hosts"));
        assertTrue(p.keySet().stream().noneMatch(k -> k.startsWith("camel.component.http.")), "no HTTP_PROXY: plain http goes direct");
    }

    @Test
    void no_proxy_variables_change_nothing_and_lower_case_names_count_too() {
        assertEquals(Map.of(), ProxySettings.componentProperties(Map.of()));
        assertEquals("proxy", ProxySettings.componentProperties(Map.of("http_proxy", "proxy:8080")).get("camel.component.http.proxy-host"));
    }

    @ParameterizedTest(name = "NO_PROXY {0}")
    @CsvSource(delimiter = '|', value = {
        "console.lan          | localhost,127.*,::1,[::1],console.lan,*.console.lan",
        "'console.lan:8446'   | localhost,127.*,::1,[::1],console.lan,*.console.lan",
        "*                    | localhost,127.*,::1,[::1],*",
        "'10.0.0.0/8, 192.168.1.0/24' | localhost,127.*,::1,[::1],10.*,192.168.1.*",
        "'*.lan'              | localhost,127.*,::1,[::1],*.lan,lan",
    })
    void no_proxy_entries_are_read_as_curl_reads_them(String noProxy, String patterns) {
        assertEquals(patterns, ProxySettings.nonProxyHosts(noProxy));
    }

    @Test
    void a_proxy_url_that_makes_no_sense_or_a_ragged_range_is_refused_naming_the_setting() {
        assertTrue(assertThrows(ConfigException.class, () -> ProxySettings.componentProperties(Map.of("HTTPS_PROXY", "ftp://proxy:21")))
                .getMessage().startsWith("HTTPS_PROXY: "));
        assertTrue(assertThrows(ConfigException.class, () -> ProxySettings.nonProxyHosts("10.0.0.0/12")).getMessage().startsWith("NO_PROXY: "));
    }
}
