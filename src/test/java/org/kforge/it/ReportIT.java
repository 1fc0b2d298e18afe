package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real failed boot (no initramfs: the kernel panics for want of a root) leaves report.html in its run directory
 * and JUnit XML with --junit; headless Chromium (Debian's) renders the page and screenshots it (kept as
 * target/report-it/*.png), and the DOM Chromium parsed holds the verdict, the timeline's phases and the anchor
 * of the first bad line. kforge report puts that run and a KUnit log that panicked side by side.
 */
class ReportIT {
    private static final Path ARTIFACTS = Path.of("target/report-it");

    @TempDir
    Path tmp;

    @AfterEach
    void noQemuLeftBehind() {
        assertThat(Kforge.runningQemus()).as("QEMU processes left running").isZero();
    }

    @Test
    void aFailedBootsPageShowsTheVerdictTimelineAndFirstBadLineInChromium() throws Exception {
        Path run = tmp.resolve("run");
        Path junit = tmp.resolve("junit.xml");
        Kforge boot = Kforge.run("boot", "-q", "--no-initrd", "--timeout", "60", "--out", run.toString(), "--junit", junit.toString());
        assertThat(boot.exitCode()).as(boot.toString()).isEqualTo(1);
        assertThat(boot.out()).contains("report: " + run.resolve("report.html"));

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new File("src/test/resources/junit/junit.xsd"))
                .newValidator().validate(new StreamSource(junit.toFile()));
        assertThat(junit).content().contains("classname=\"kforge.boot\"", "<failure message=", "first bad line ", "Kernel panic");

        Path page = run.resolve("report.html");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
        Files.createDirectories(ARTIFACTS);
        Path png = ARTIFACTS.resolve("boot-no-initrd.png");
        String dom = chromium(page, png);
        assertThat(dom).containsPattern("<header id=\"verdict\" class=\"verdict failed\" data-outcome=\"no-(root|init)\">");
        assertThat(dom).contains("<h1>FAILED (no-");
        assertThat(dom).contains("data-phase=\"kernel\"", "data-phase=\"failure\"");
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("<a class=\"first-bad\" href=\"#L(\\d+)\">").matcher(dom);
        assertThat(first.find()).as("a link to the first bad line").isTrue();
        String n = first.group(1);
        assertThat(dom).containsPattern("<span id=\"L" + n + "\" class=\"line[^\"]*first-bad[^\"]*\"><a href=\"#L" + n + "\">" + n + "</a>");
        screenshotLooksRendered(png);
        Files.copy(page, ARTIFACTS.resolve("boot-no-initrd.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path both = tmp.resolve("both.html");
        Kforge report = Kforge.run("report", "-o", both.toString(), run.toString(), "src/test/resources/ktap/kunit-panic.log");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        String side = chromium(both, ARTIFACTS.resolve("two-runs.png"));
        assertThat(side).contains("2 runs side by side", "id=\"r1-verdict\"", "id=\"r2-verdict\"", "id=\"r2-L22\"");
        assertThat(side).contains("<td>example_simple_test</td><td class=\"status\">FAILED</td>",
                "# example_simple_test: EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29");
        assertThat(side).contains("<td>#2</td><td class=\"status\">CRASHED</td>");
    }

    /** Headless Chromium: a PNG of the page, and the DOM it parsed (--dump-dom). */
    private String chromium(Path page, Path png) throws Exception {
        String url = page.toAbsolutePath().toUri().toString();
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1600", url));
        assertThat(png).exists();
        return run(List.of("--dump-dom", url));
    }

    private String run(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + tmp.resolve("chromium-profile")));
        cmd.addAll(args);
        Path out = tmp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** 1280 px wide, and not one colour: the verdict's red bar and text were drawn. */
    private static void screenshotLooksRendered(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < Math.min(img.getHeight(), 300); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        }
        assertThat(colours.size()).as("colours in the top of the page").isGreaterThan(20);
        assertThat(colours).as("the failed verdict's red bar").contains(0xFFC0262D);
    }
}
