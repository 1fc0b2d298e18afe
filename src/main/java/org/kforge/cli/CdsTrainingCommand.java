package org.kforge.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.console.BootJudge;
import org.kforge.console.RuleBook;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Command;

/**
 * Loads what a boot loads, without booting, so that the launcher's class-data-sharing archive
 * (-XX:ArchiveClassesAtExit) holds the whole boot path: profiles, the rules engine, a verdict,
 * JSON. Hidden: only ./kforge runs it, once per jar.
 */
@Command(name = "cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        ProfileRegistry.builtIn().list();
        BootJudge judge = BootJudge.live(RuleBook.builtIn(), Map.of("console", "ttyAMA0"), BootJudge.Clock.NONE);
        judge.line("[    0.000000] Linux version 6.1.0 (kforge@training)", 0.1);
        judge.line("kforge-init: ready", 0.2);
        judge.tick(0.3, 0.1);
        judge.end("training", 0, 0.3, true);
        org.kforge.Json.json().writeValueAsString(Map.of("outcome", "boot-ok"));
        Class.forName("org.kforge.qemu.QemuSession");
        Class.forName("org.kforge.qemu.QmpClient");
        Class.forName("org.kforge.boot.TwinBoot");
        Class.forName("org.kforge.report.ResultJson");
        java.io.PrintWriter none = new java.io.PrintWriter(java.io.Writer.nullWriter());
        Main.run(none, none, "boot", "--dry-run", "--accel", "tcg");
        return ExitCode.OK;
    }
}
