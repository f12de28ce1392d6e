package io.onboarding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTests {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.onboarding");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.onboarding.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void noDoorImportsAnotherDoor() {
        for (String door : new String[] {"cli", "web", "schedule"}) {
            noClasses().that().resideInAPackage("io.onboarding." + door + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others(door)).check(main);
        }
    }

    @Test
    void onlyTheCommandLineWritesToTheTerminal() {
        noClasses().that().resideOutsideOfPackage("io.onboarding.cli..").should()
                .accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the server's and the run service's words go to the log or into typed answers")
                .check(main);
    }

    @Test
    void metricsGoThroughTheInjectedRegistry() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.micrometer.core.instrument.Metrics")
                .check(main);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .because("tests move an injected Clock instead of waiting for the real one")
                .check(main);
    }

    @Test
    void onlyTheInjectedSleeperSleeps() {
        noClasses().that().doNotHaveFullyQualifiedName("io.onboarding.provisioning.Sleeper")
                .should().callMethod(Thread.class, "sleep", long.class)
                .because("waiting goes through the injected Sleeper, so tests wait for conditions, never for time")
                .check(main);
    }

    private static String[] others(String door) {
        return java.util.stream.Stream.of("cli", "web", "schedule").filter(other -> !other.equals(door))
                .map(other -> "io.onboarding." + other + "..").toArray(String[]::new);
    }
}
