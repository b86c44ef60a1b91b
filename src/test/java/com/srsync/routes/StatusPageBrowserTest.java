package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
 * a driver) against the sandbox, as a coordinator uses it: the token's origin is said, each artist's
 * machine shows as a coloured chip per shot (an offline machine and an error too, with the console's
 * message), a write the console refused is shown under its project in words and replayed, "Sync now"
 * is followed to its end, a shot that is not active is answered with why, search highlights, a phone
 * keeps each cell's label, and the browser logs no error. Screenshots go to target/ui/.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void a_coordinator_sees_who_has_each_shot_and_why_a_shot_has_no_job() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium here: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        int port = ServiceTestSupport.freePort();
        int sgPort = ServiceTestSupport.freePort();
        int consolePort = ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(Map.of("SANDBOX", "true", "SANDBOX_SHOTGRID_PORT", String.valueOf(sgPort),
                "SANDBOX_RESILIO_PORT", String.valueOf(consolePort), "RETRY_MAX_REDELIVERIES", "1", "RETRY_DELAY_MS", "100",
                "DELIVERY_POLL_INTERVAL_MS", "1000", "DATA_DIR", Files.createTempDirectory("srsync-ui-").toString()), port, "status-page")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/admin/runs", Sandbox.ADMIN_TOKEN).body().contains("\"written\""));
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(driverService, options);
            Path shots = Files.createDirectories(Path.of("target", "ui"));
            String sg = "http://localhost:" + sgPort;
            String console = "http://localhost:" + consolePort;
            try {
                browser.manage().window().setSize(new Dimension(1280, 900));
                String page = "http://localhost:" + port + "/ui";
                browser.get(page);
                assertFalse(browser.findElement(By.id("leader")).isDisplayed(), "no empty pill before the token is known");
                assertTrue(text(browser).contains("the service's ADMIN_TOKEN setting"), "where the token comes from");
                browser.findElement(By.id("token")).sendKeys("wrong-token");
                browser.findElement(By.cssSelector("#login button")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("message")).getText().contains("not this service's ADMIN_TOKEN"));

                browser.findElement(By.id("token")).clear();
                browser.findElement(By.id("token")).sendKeys(Sandbox.ADMIN_TOKEN);
                browser.findElement(By.cssSelector("#login button")).click();
                awaitShown(browser, () -> chip(browser, "TST_010_0010", "Alex Trial").contains("ready"));
                assertTrue(text(browser).contains("Every machine the jobs hold is online, without an error."), text(browser));
                WebElement folded = browser.findElement(By.id("service"));                   // what a coordinator does not need: folded
                assertTrue(folded.isDisplayed() && folded.getAttribute("open") == null, "the service part is folded while all is well");
                assertFalse(text(browser).contains("Health: all checks up."), "health is inside the folded part");
                folded.findElement(By.tagName("summary")).click();
                assertTrue(text(browser).contains("Health: all checks up."), text(browser));
                assertTrue(browser.findElement(By.id("webhook")).getText().matches("(No|Last) webhook delivery .*"), text(browser));
                assertTrue(browser.findElement(By.id("warnings")).getText().startsWith("2 artists are matched by display name only"));
                assertTrue(browser.findElement(By.id("leader")).getText().startsWith("This copy of the service is in charge"), text(browser));
                browser.findElement(By.id("check")).click();                                    // the set-up, checked when asked
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("checks")).getText().startsWith("Every required check passed."));
                String checks = browser.findElement(By.id("checks")).getText();
                assertTrue(checks.contains("console: token ok the console at"), checks);
                assertTrue(checks.contains("settings: artists.yaml warning 2 artists are matched by display name only"), checks);
                assertTrue(browser.findElements(By.cssSelector("#checks tr.state-error")).isEmpty(), checks);
                folded.findElement(By.tagName("summary")).click();
                screenshot(browser, shots.resolve("project.png"));

                post(sg + "/sandbox/tasks/5001/assignees/8");                                   // Matthew joins
                awaitShown(browser, () -> chip(browser, "TST_010_0010", "Matthew Testuser").contains("chip"));

                post(console + "/sandbox/agents/2/offline");                                     // Alex's machine goes offline
                awaitShown(browser, () -> browser.findElement(By.id("delivery")).getText().startsWith("1 machine offline: Alex Trial (since ")
                        && chip(browser, "TST_010_0010", "Alex Trial").contains("offline"));
                screenshot(browser, shots.resolve("offline.png"));
                assertTrue(browser.findElement(By.id("delivery")).getText().contains("Offline: nothing new reaches the machine"),
                        "what to do is said");
                post(console + "/sandbox/agents/2/error?message=Disk+is+full");                  // and then has an error, while offline
                awaitShown(browser, () -> chip(browser, "TST_010_0010", "Alex Trial").contains("error"));
                assertTrue(chipTitle(browser, "TST_010_0010", "Alex Trial").contains("Disk is full"), chipTitle(browser, "TST_010_0010", "Alex Trial"));
                String top = browser.findElement(By.id("delivery")).getText();
                assertTrue(top.contains("1 machine with an error: Alex Trial - Disk is full (and offline)."), top);
                assertTrue(top.contains("1 machine offline: Alex Trial"), "both are shown: " + top);
                assertTrue(top.contains("Error: open the machine in the Resilio console"), top);
                assertTrue(stateTitle(browser, "TST_010_0010").startsWith("Read from Resilio "), "when the state was read, on hover");
                screenshot(browser, shots.resolve("error.png"));
                post(console + "/sandbox/agents/2/online");

                post(console + "/sandbox/outage/10");                                             // the console refuses writes
                post(sg + "/sandbox/shots/1214/status/active");                                   // a new job is due
                awaitShown(browser, () -> text(browser).contains("Could not make the job HybridWork_TST_TST_010_0020: Service Unavailable"));
                assertTrue(text(browser).contains("Tried 2 times"), text(browser));
                screenshot(browser, shots.resolve("dead-letter.png"));
                post(console + "/sandbox/outage/0");                                              // the console recovers
                browser.findElement(By.id("replay")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("notice")).getText().startsWith("Replay queued"));
                assertEquals("", browser.findElement(By.id("message")).getText(), "success is not shown as an error");
                awaitShown(browser, () -> !text(browser).contains("Could not make the job") && chip(browser, "TST_010_0020", "Matthew Testuser").contains("chip"));

                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {           // sync now (the page may be redrawing)
                    browser.findElement(By.cssSelector("section.project h2 button")).click();
                    return true;
                });                                                                              // the page follows it to its end
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("notice")).getText().startsWith("Done: the check"));

                HttpResponse<String> ami = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page + "/ami"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("entity_type=Shot&selected_ids=1213,1215&project_id=155")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(303, ami.statusCode());
                browser.get("http://localhost:" + port + ami.headers().firstValue("Location").orElseThrow());
                await().atMost(Duration.ofSeconds(15)).until(() -> browser.findElements(By.cssSelector("tr.highlight")).size() == 1);
                assertTrue(browser.findElement(By.cssSelector("tr.highlight")).getText().startsWith("TST_010_0010"));
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("answer")).getText()
                        .contains("TST_010_0030 has no job: its status is 'wtg', and only shots in active get one."));

                browser.findElement(By.id("search")).sendKeys("Alex");                            // search highlights what matches
                assertTrue(browser.findElements(By.cssSelector("tr.match")).size() >= 1);
                browser.findElement(By.id("search")).clear();
                browser.findElement(By.id("search")).sendKeys("TST_010_0030");                    // a shot the service does not know
                await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("ask")).isDisplayed());
                browser.findElement(By.id("answer")).getText();
                browser.findElement(By.id("ask")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("answer")).getText().startsWith("TST_010_0030 has no job"));
                browser.findElement(By.id("search")).clear();
                browser.findElement(By.id("search")).sendKeys(" ");

                browser.manage().window().setSize(new Dimension(390, 844));                  // a phone: each stacked cell keeps its label
                ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
                Object label = ((JavascriptExecutor) browser).executeScript(
                        "return getComputedStyle(document.querySelector('section.project td'), '::before').content");
                assertEquals("\"Shot: \"", String.valueOf(label));
                Object firstShot = ((JavascriptExecutor) browser).executeScript(
                        "return document.querySelector('section.project tbody tr').getBoundingClientRect().top");
                assertTrue(((Number) firstShot).doubleValue() < 844, "the first screen of a phone shows shots: the first row is at " + firstShot);
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

    /** Clicks Refresh until {@code shown} holds (the page also refreshes itself every 30 s). */
    private static void awaitShown(WebDriver browser, java.util.concurrent.Callable<Boolean> shown) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            if (shown.call()) return true;
            browser.findElement(By.id("refresh")).click();
            Thread.sleep(500);
            return shown.call();
        });
    }

    /** The classes of an artist's chip in a shot's row ("" when there is none). */
    private static String chip(WebDriver browser, String shot, String artist) {
        for (WebElement row : browser.findElements(By.cssSelector("section.project tr"))) {
            if (!row.getText().startsWith(shot)) continue;
            for (WebElement c : row.findElements(By.cssSelector(".chip"))) if (c.getText().equals(artist)) return c.getAttribute("class");
        }
        return "";
    }

    private static String chipTitle(WebDriver browser, String shot, String artist) {
        for (WebElement row : browser.findElements(By.cssSelector("section.project tr"))) {
            if (!row.getText().startsWith(shot)) continue;
            for (WebElement c : row.findElements(By.cssSelector(".chip"))) if (c.getText().equals(artist)) return c.getAttribute("title");
        }
        return "";
    }

    /** The hover text of the state cell in a shot's row. */
    private static String stateTitle(WebDriver browser, String shot) {
        for (WebElement row : browser.findElements(By.cssSelector("section.project tr"))) {
            if (row.getText().startsWith(shot)) return row.findElements(By.tagName("td")).get(2).findElement(By.tagName("span")).getAttribute("title");
        }
        return "";
    }

    private static void post(String url) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String text(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static void screenshot(WebDriver browser, Path file) throws java.io.IOException {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
