package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * sign in, upload the sample file, preview, start, watch, results, download — and the refusals. Saves its
 * screenshots into target/screenshots/; with {@code -Dscreenshots.update=true} into docs/screenshots/, the
 * README's, so that an ordinary test run never rewrites tracked files.
 */
@Import(TestSandboxConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "onboarding.web.operators[0].name=ada",
        "onboarding.web.operators[0].password-hash={bcrypt}$2a$10$32sJke5VDg1mBCDXsdlJIefI43UbvcOZP7AIwPKOLaFjBXf/REFmS",
        "onboarding.chunk-size=4", "spring.servlet.multipart.max-file-size=100KB",
        "spring.servlet.multipart.max-request-size=100KB"})
@ActiveProfiles("test")
@Tag("slow")
class ConsoleBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Boolean.getBoolean("screenshots.update") ? Path.of("docs/screenshots")
            : Path.of("target/screenshots");
    private static final Path SAMPLE = Path.of("sample-data/customers.csv");

    @LocalServerPort
    int port;

    @Autowired
    TestSandbox sandbox;

    @TempDir
    Path tmp;

    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("ONBOARDING_BROWSER_TESTS"))) {
            throw new AssertionError("Chromium and ChromeDriver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed; .ci/run installs them");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Flags for a machine without outside network: no background connections, no sandbox as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + tmp.resolve("profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        sandbox.reset();
    }

    @AfterEach
    void stopBrowser() {
        sandbox.load().clear();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorUploadsTheSampleSeesThePreviewRunsItAndDownloadsResultsMatchingTheFile() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys("Ada-Console-Pass-1");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        assertThat(browser.findElement(By.cssSelector("ul.status")).getText()).contains("Mode: SANDBOX", "Database: OK");
        screenshot("upload");

        browser.findElement(By.id("file")).sendKeys(SAMPLE.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start")));
        assertThat(browser.findElement(By.id("rows")).getText()).isEqualTo("31");
        assertThat(browser.findElement(By.id("to-fix")).getText()).isEqualTo("8");
        assertThat(browser.getPageSource()).contains("missing-alternate-email.de");
        assertThat(sandbox.requests()).as("the preview orders nothing").isEmpty();
        screenshot("preview");

        // Slow Google down a little, so that the live progress can be seen (and photographed).
        sandbox.load().latency(Duration.ofMillis(60), Duration.ZERO);
        browser.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bar")));
        wait.until(driver -> Integer.parseInt(driver.findElement(By.id("done")).getText()) > 0);
        screenshot("progress");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results-section")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("COMPLETED");
        assertThat(browser.findElement(By.cssSelector("[data-outcome=ONBOARDED]")).getText()).isEqualTo("22");
        assertThat(browser.findElement(By.cssSelector("[data-outcome=INVALID]")).getText()).isEqualTo("6");
        screenshot("results");

        String resultsUrl = browser.findElement(By.id("download-results")).getAttribute("href");
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(resultsUrl))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(domainsOf(download.body(), 1)).as("one result per input row, in file order")
                .containsExactlyElementsOf(domainsOf(Files.readString(SAMPLE), 0));
    }

    @Test
    void anonymousRequestsRequestsWithoutCsrfAndPathsInFileNamesAreRefused() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/runs"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys("Ada-Console-Pass-1");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        String token = browser.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");

        HttpResponse<String> withoutToken = http.send(multipart(cookie, null, "fine.csv"), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> traversal = http.send(multipart(cookie, token, "../../etc/passwd.csv"),
                HttpResponse.BodyHandlers.ofString());
        // Only the base name is kept, and only to be shown: the file is stored under the server's own name.
        assertThat(traversal.statusCode()).isEqualTo(302);
        assertThat(traversal.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/uploads/u-"));
        assertThat(Path.of("/etc/passwd.csv")).doesNotExist();

        HttpResponse<String> tooLarge = http.send(multipart(cookie, token, "large.csv", 200 * 1024),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than the upload limit");
    }

    private HttpRequest multipart(String cookie, String token, String fileName) {
        return multipart(cookie, token, fileName, 0);
    }

    private HttpRequest multipart(String cookie, String token, String fileName, int padding) {
        String boundary = "----onboarding" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(token).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append("customerDomain,organizationName,contactName,postalCode,countryCode\r\nx.com,X,Y,12345,US\r\n")
                .append("y.com,Y,Z,12345,US\r\n".repeat(padding / 20))
                .append("\r\n--").append(boundary).append("--\r\n");
        return HttpRequest.newBuilder(URI.create(url("/uploads")))
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** The customerDomain column of a CSV, from the header's position of it. */
    private static List<String> domainsOf(String csv, int column) throws Exception {
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(new java.io.StringReader(csv))) {
            List<String[]> rows = reader.readAll();
            int index = column;
            if (column == 0) {
                List<String> header = List.of(rows.get(0));
                index = header.indexOf("customerDomain");
            }
            int at = index;
            // The report shows each domain as Google gets it: lower case.
            return rows.subList(1, rows.size()).stream().map(row -> row[at].strip().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toList());
        }
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
