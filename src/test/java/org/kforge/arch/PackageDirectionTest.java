package org.kforge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Packages": a package may use the ones before it in the pipeline (profile + assets -> plan ->
 * session -> events -> verdict -> report), never the other way round; {@code console} knows nothing of
 * {@code qemu} (nor of any other kforge package); {@code cli} is the only place that knows every package.
 */
class PackageDirectionTest {
    /** The pipeline, first to last: each package may depend only on packages before it (and the root, org.kforge). */
    static final List<String> PIPELINE = List.of("profile", "asset", "image", "kconfig", "build", "qemu", "console", "ktap", "compare",
            "pci", "dt", "board", "boot", "lab", "bisect", "report", "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kforge");
    }

    private static String pkg(String name) {
        return "org.kforge." + name + "..";
    }

    static List<String> stages() {
        return PIPELINE.subList(0, PIPELINE.size() - 1);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aStageKnowsNothingOfTheStagesAfterIt(String stage) {
        List<String> later = new ArrayList<>();
        for (String p : PIPELINE.subList(PIPELINE.indexOf(stage) + 1, PIPELINE.size())) later.add(pkg(p));
        noClasses().that().resideInAPackage(pkg(stage)).should().dependOnClassesThat().resideInAnyPackage(later.toArray(String[]::new))
                .allowEmptyShould(true).because("DESIGN.md: a package may use the ones before it in the pipeline, never the other way round")
                .check(classes);
    }

    @Test
    void consoleKnowsNothingOfQemuBootOrCli() {
        List<String> others = new ArrayList<>();
        for (String p : PIPELINE) if (!p.equals("console")) others.add(pkg(p));
        noClasses().that().resideInAPackage(pkg("console")).should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because("DESIGN.md: the console engine reads lines; it knows nothing of qemu, boot or cli").check(classes);
    }

    @Test
    void onlyCliKnowsCli() {
        noClasses().that().resideOutsideOfPackage(pkg("cli")).should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .because("DESIGN.md: cli is the only place that knows every package").check(classes);
    }

    @Test
    void theRootPackageKnowsNoStage() {
        noClasses().that().resideInAPackage("org.kforge").should().dependOnClassesThat()
                .resideInAnyPackage(PIPELINE.stream().map(PackageDirectionTest::pkg).toArray(String[]::new))
                .because("org.kforge holds what every stage shares (KforgeException, Json)").check(classes);
    }
}
