package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The status page in headless Chromium (Debian's chromium and chromedriver; Selenium never downloads
 * a driver) against the sandbox: a wrong token says so, the right one shows TST's jobs with artist
 * names, a change in the simulated ShotGrid shows after a refresh, a write the console refused is
 * replayed from the page once it recovers, the AMI
 * redirect opens the project with its shot highlighted, and the browser logs no error. Screenshots go
 * to target/ui/.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void an_operator_logs_in_sees_the_jobs_and_a_change_and_follows_the_action_menu() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium here: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        int port = ServiceTestSupport.freePort();
        int sgPort = ServiceTestSupport.freePort();
        int consolePort = ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(Map.of("SANDBOX", "true", "SANDBOX_SHOTGRID_PORT", String.valueOf(sgPort),
                "SANDBOX_RESILIO_PORT", String.valueOf(consolePort), "RETRY_MAX_REDELIVERIES", "1", "RETRY_DELAY_MS", "100",
                "DATA_DIR", Files.createTempDirectory("srsync-ui-").toString()), port, "status-page")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/admin/runs", Sandbox.ADMIN_TOKEN).body().contains("\"written\""));
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(driverService, options);
            Path shots = Files.createDirectories(Path.of("target", "ui"));
            try {
                browser.manage().window().setSize(new Dimension(1280, 800));
                String page = "http://localhost:" + port + "/ui";
                browser.get(page);
                browser.findElement(By.id("token")).sendKeys("wrong-token");
                browser.findElement(By.cssSelector("#login button")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("message")).getText().contains("not this service's ADMIN_TOKEN"));
                screenshot(browser, shots.resolve("wrong-token.png"));

                browser.findElement(By.id("token")).clear();
                browser.findElement(By.id("token")).sendKeys(Sandbox.ADMIN_TOKEN);
                browser.findElement(By.cssSelector("#login button")).click();
                await().atMost(Duration.ofSeconds(15)).until(() -> text(browser).contains("HybridWork_TST_TST_010_0010"));
                assertTrue(text(browser).contains("Alex Trial (enduser"), text(browser));
                assertTrue(text(browser).contains("Health: all checks up."), text(browser));
                assertTrue(browser.findElement(By.id("warnings")).getText().startsWith("2 artists are matched by display name only"),
                        "the sandbox's artists.yaml lists no login: the page says so");
                screenshot(browser, shots.resolve("project.png"));

                HttpClient http = HttpClient.newHttpClient();
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sgPort + "/sandbox/tasks/5001/assignees/8"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());   // Matthew joins
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    browser.findElement(By.id("refresh")).click();
                    Thread.sleep(500);
                    return text(browser).contains("Matthew Testuser (enduser");
                });

                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + consolePort + "/sandbox/outage/10"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());   // the console refuses writes
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sgPort + "/sandbox/shots/1214/status/active"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());   // a new job is due
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    browser.findElement(By.id("refresh")).click();
                    Thread.sleep(500);
                    return browser.findElement(By.id("dead")).isDisplayed();
                });
                assertTrue(text(browser).contains("create HybridWork_TST_TST_010_0020 (project 155)"), text(browser));
                screenshot(browser, shots.resolve("dead-letter.png"));
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + consolePort + "/sandbox/outage/0"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());   // the console recovers
                browser.findElement(By.id("replay")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("message")).getText().contains("Replay queued"));
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    browser.findElement(By.id("refresh")).click();
                    Thread.sleep(500);
                    return !browser.findElement(By.id("dead")).isDisplayed() && text(browser).contains("HybridWork_TST_TST_010_0020");
                });

                HttpResponse<String> ami = http.send(HttpRequest.newBuilder(URI.create(page + "/ami"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("entity_type=Shot&selected_ids=1213&project_id=155")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(303, ami.statusCode());
                browser.get("http://localhost:" + port + ami.headers().firstValue("Location").orElseThrow());
                await().atMost(Duration.ofSeconds(15)).until(() -> text(browser).contains("TST (project 155)"));
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("tr.highlight")).size() == 1);
                assertTrue(browser.findElement(By.cssSelector("tr.highlight")).getText().contains("HybridWork_TST_TST_010_0010"));   // the selected shot

                browser.manage().window().setSize(new Dimension(390, 844));                  // a phone
                screenshot(browser, shots.resolve("phone.png"));
                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertEquals(List.of(), errors.stream().map(LogEntry::getMessage)
                        .filter(m -> !m.contains("401") && !(m.contains("/observe/health") && m.contains("503"))).toList());
                // expected: the wrong token's 401, and health's 503 while the console was refusing writes
            } finally {
                browser.quit();
            }
        }
    }

    private static String text(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static void screenshot(WebDriver browser, Path file) throws java.io.IOException {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
