package io.caspian.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: sim may use iso8583, hsm and link, nothing else of Caspian. */
class SimDependenciesTest {

    @Test
    void simUsesOnlyIsoHsmAndLink() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.caspian.sim");
        noClasses().that().resideInAPackage("io.caspian.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caspian.core..",
                        "io.caspian.store..", "io.caspian.clearing..", "io.caspian.console..",
                        "io.caspian.app..", "io.caspian.bench..")
                .check(classes);
    }

    @Test
    void simDoesNotTouchNettyDirectly() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.caspian.sim");
        noClasses().that().resideInAPackage("io.caspian.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(classes);
    }
}
