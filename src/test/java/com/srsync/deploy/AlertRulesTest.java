package com.srsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/prometheus/alerts.yaml: valid rules, each alert raised and cleared in promtool's own unit tests
 * (alerts.test.yaml), and the PrometheusRule of deploy/kubernetes holding the very same groups.
 */
class AlertRulesTest {
    @Test
    void the_rules_are_valid_prometheus_rules() throws Exception {
        Promtool.required();
        Promtool check = Promtool.run(null, "check", "rules", "deploy/prometheus/alerts.yaml");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS: 7 rules found"), check.output());
    }

    @Test
    void each_alert_is_raised_by_its_cause_and_clears_when_it_is_gone() throws Exception {
        Promtool.required();
        Promtool test = Promtool.run(null, "test", "rules", "deploy/prometheus/alerts.test.yaml");
        assertEquals(0, test.exit(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void the_prometheus_rule_for_the_operator_holds_the_same_groups() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yaml")));
        Map<String, Object> operator = new Yaml().load(Files.readString(Path.of("deploy/kubernetes/prometheusrule.yaml")));
        assertEquals("PrometheusRule", operator.get("kind"));
        assertEquals(rules.get("groups"), ((Map<?, ?>) operator.get("spec")).get("groups"));
    }
}
