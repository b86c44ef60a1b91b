package com.srsync.routes;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.bench.BenchReport;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 12. The webhook answer against the stack's own floor: an outside load generator (wrk, 32 connections,
 * from Debian's package) drives the real webhook path - each request a distinct, signed task-assignee change
 * (HMAC-SHA1 computed in wrk's Lua with OpenSSL's libcrypto) - and, in the same service process, a route
 * that answers a constant on the same server. The ratio of the two rates is what the webhook path costs
 * beyond the HTTP stack itself; the goal is 0.8.
 */
class IngressRatioBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(20));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(20)
            .disableRequestJournal()).build();

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final int SECONDS = Math.min(Integer.getInteger("bench.seconds", 30), 15);
    private static final int ROUNDS = 3;

    /** A route beside the service's: the same server, the same answer size, no work. */
    private static final String CONSTANT_ROUTE = """
        - route:
            id: bench-constant
            from:
              uri: platform-http:/bench/constant
              parameters: {httpMethodRestrict: POST}
              steps:
                - setHeader: {name: Content-Type, constant: application/json}
                - setBody: {constant: '{"received":1,"repeats":0}'}
        """;

    /** Each request a fresh event id (thread id x 10^8 + counter), the body signed as ShotGrid signs it. */
    private static final String SIGNED_DELIVERIES = """
        local ffi = require("ffi")
        ffi.cdef[[
        unsigned char *HMAC(const void *evp_md, const void *key, int key_len, const unsigned char *d, size_t n, unsigned char *md, unsigned int *md_len);
        const void *EVP_sha1(void);
        ]]
        local crypto = ffi.load("crypto")
        local out = ffi.new("unsigned char[20]")
        local len = ffi.new("unsigned int[1]")
        local secret = "%s"
        local threads = 0
        function setup(thread) threads = threads + 1; thread:set("base", threads * 100000000 + %d) end
        local n = 0
        local function sign(msg)
          crypto.HMAC(crypto.EVP_sha1(), secret, #secret, msg, #msg, out, len)
          local hex = {}
          for i = 0, 19 do hex[#hex + 1] = string.format("%%02x", out[i]) end
          return "sha1=" .. table.concat(hex)
        end
        function request()
          n = n + 1
          local id = base + n
          local body = '{"data": {"id": "1.2.' .. id .. '", "event_log_entry_id": ' .. id .. ', "event_type": "Shotgun_Task_Change", '
            .. '"operation": "update", "user": {"type": "HumanUser", "id": 42}, "entity": {"type": "Task", "id": 5001}, '
            .. '"project": {"type": "Project", "id": 155}, "meta": {"type": "attribute_change", "attribute_name": "task_assignees", '
            .. '"entity_type": "Task", "entity_id": 5001, "field_data_type": "multi_entity", '
            .. '"added": [{"type": "HumanUser", "id": 7, "name": "Alex Trial"}], "removed": []}, '
            .. '"created_at": "2026-11-20 10:16:40.002211", "attribute_name": "task_assignees", "session_uuid": null}, '
            .. '"timestamp": "2026-11-20T10:16:41Z"}'
          return wrk.format("POST", "%s", {["Content-Type"] = "application/json", ["x-sg-signature"] = sign(body)}, body)
        end
        """;

    @Test
    void the_webhook_path_against_a_route_that_answers_a_constant() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(WRK), "no wrk here: apt-get install wrk");
        new ShotGridSite(shotgrid).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        new ResilioConsole(resilio).install();
        Path routes = Files.createTempDirectory("srsync-bench-routes-");
        try (var shipped = Files.list(Path.of("routes"))) {
            for (Path f : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) Files.copy(f, routes.resolve(f.getFileName()));
        }
        Files.writeString(routes.resolve("bench-constant.yaml"), CONSTANT_ROUTE);
        int port = ServiceTestSupport.freePort();
        Map<String, String> settings = Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench", "SHOTGRID_API_KEY", "k",
                "SECRET_TOKEN", ProcessBench.SECRET, "RESILIO_URL", resilio.baseUrl(), "RESILIO_TOKEN", ResilioConsole.TOKEN,
                "DATA_DIR", Files.createTempDirectory("srsync-bench-").toString(), "SAFETY_NET_INITIAL_DELAY_MS", "3600000",
                "ROUTES_DIR", routes.toString(), "DELIVERY_POLL_INTERVAL_MS", "0");
        List<String> rows = new ArrayList<>();
        double webhookTotal = 0;
        double constantTotal = 0;
        try (ServiceProcess service = ServiceProcess.start(settings, port, "bench-ratio")) {
            String base = "http://127.0.0.1:" + port;
            for (int warm = 0; warm < 2; warm++) {                                       // warm both paths up (the JIT), not reported
                wrk(service, base + "/bench/constant", constantScript(), 8);
                wrk(service, base + "/webhooks/shotgrid", deliveries(warm), 8);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                Run constant = wrk(service, base + "/bench/constant", constantScript(), SECONDS);
                Run webhook = wrk(service, base + "/webhooks/shotgrid", deliveries(10 + round), SECONDS);
                constantTotal += constant.rate();
                webhookTotal += webhook.rate();
                rows.add(BenchReport.row(String.valueOf(round), "%.0f".formatted(constant.rate()), "%.0f".formatted(webhook.rate()),
                        "%.2f".formatted(webhook.rate() / constant.rate()), "%.0f".formatted(constant.cpuMicros()),
                        "%.0f".formatted(webhook.cpuMicros())));
            }
            service.stop();
        }
        rows.add(BenchReport.row("all", "%.0f".formatted(constantTotal / ROUNDS), "%.0f".formatted(webhookTotal / ROUNDS),
                "%.2f".formatted(webhookTotal / constantTotal), "", ""));
        BenchReport.section(12, String.join("\n",
                "## 12. The webhook path against the stack's floor (wrk, 32 connections)",
                "",
                BenchReport.row("round", "constant route /s", "webhook path /s", "ratio", "constant: service CPU µs a request",
                        "webhook: service CPU µs a request"),
                BenchReport.row("---", "---", "---", "---", "---", "---"),
                String.join("\n", rows),
                "",
                "wrk (2 threads, 32 connections, " + SECONDS + " s a run) against one service process on the same 2 cores; the rounds alternate "
                        + "a route that answers a constant on the same server and the real webhook path (each request a distinct, "
                        + "signed task-assignee change of one project: signature, parse, repeat check, hand-over, answer, counted). "
                        + "The ratio is what the webhook path costs beyond the HTTP stack; goal 0.8. The CPU columns are the service "
                        + "process's own CPU time (user and system, from /proc) over the run and the 3 s after it (the events' "
                        + "way to the debounce), per answered request: steadier than the rates, which share the cores with wrk."));
    }

    private static String constantScript() {
        return "wrk.method = \"POST\"\nwrk.body = \"{}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n";
    }

    private static String deliveries(int round) {
        return SIGNED_DELIVERIES.formatted(ProcessBench.SECRET, round * 10_000_000, "/webhooks/shotgrid");
    }

    /** One wrk run: the requests a second wrk reports, and the service's CPU time per request. */
    private record Run(double rate, double cpuMicros) {}

    /** Runs wrk for {@code seconds} with this script (non-2xx answers fail the bench). */
    private static Run wrk(ServiceProcess service, String url, String script, int seconds) throws Exception {
        long before = cpuMicros(service.pid());
        String out = wrk(url, script, seconds);
        Thread.sleep(3000);
        long used = cpuMicros(service.pid()) - before;
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher n = Pattern.compile("(\\d+) requests in").matcher(out);
        if (!m.find() || !n.find()) throw new IllegalStateException("no rate in wrk's output:\n" + out);
        return new Run(Double.parseDouble(m.group(1)), (double) used / Long.parseLong(n.group(1)));
    }

    /** A process's user and system CPU time so far, in microseconds (/proc/{pid}/stat, clock ticks of 10 ms). */
    private static long cpuMicros(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10_000;
    }

    private static String wrk(String url, String script, int seconds) throws Exception {
        Path lua = Files.createTempFile("srsync-wrk-", ".lua");
        Files.writeString(lua, script);
        Process p = new ProcessBuilder(WRK.toString(), "-t2", "-c32", "-d" + seconds + "s", "-s", lua.toString(), url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) throw new IllegalStateException("wrk did not end: " + out);
        if (out.contains("Non-2xx")) throw new IllegalStateException("answers that were not 2xx:\n" + out);
        return out;
    }
}
