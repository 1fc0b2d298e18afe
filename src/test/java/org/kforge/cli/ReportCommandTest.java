package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kforge report on saved logs: the page's parts, and console text that cannot become markup. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aLogsPageHasTheVerdictTimelineKtapTableAndLineAnchors() throws Exception {
        Path page = tmp.resolve("r.html");
        CliRun r = CliRun.of("report", "-o", page.toString(), "src/test/resources/ktap/kunit-panic.log");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("<header id=\"verdict\" class=\"verdict failed\" data-outcome=\"panic\">",
                "<a class=\"first-bad\" href=\"#L22\">line 22</a>", "data-phase=\"kernel\"", "data-phase=\"tests\"",
                "<span id=\"L22\" class=\"line bad first-bad\"><a href=\"#L22\">22</a>",
                "<span id=\"L13\" class=\"line ktap-fail\">", "<td>example_skip_test</td><td class=\"status\">SKIPPED</td>");
        assertThat(html).doesNotContain("http://", "https://", "<script");
    }

    @Test
    void consoleTextIsEscapedAndControlsMadeVisible() throws Exception {
        Path log = tmp.resolve("evil.log");
        Files.writeString(log, "[    0.1] Linux version 6.1 <script>alert(1)</script>\n[    0.2] \u001b[2J\u0000 & \"x\" 'y'\n"
                + "[    0.3] Kernel panic - not syncing: <img src=x onerror=alert(1)>\n", StandardCharsets.UTF_8);
        Path page = tmp.resolve("evil.html");
        CliRun r = CliRun.of("report", "-o", page.toString(), log.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script", "<img", "\u001b", "\u0000")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "^[[2J^@ &amp; &quot;x&quot; &#39;y&#39;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aDirectoryWithoutAConsoleIsNoRun() {
        CliRun r = CliRun.of("report", "-o", tmp.resolve("x.html").toString(), tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has no console.log");
        assertThat(tmp.resolve("x.html")).doesNotExist();
    }
}
