package io.caspian.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's module table: dependencies point one way. Checked twice: in the poms (what a
 * module may compile against) and in the bytecode (what its classes actually use).
 */
class ModuleDirectionTest {
    /** Module to the Caspian modules it may use, as DESIGN.md lists them. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("iso8583", Set.of()),
            Map.entry("hsm", Set.of()),
            Map.entry("store", Set.of("hsm")),
            Map.entry("core", Set.of("iso8583", "hsm", "store")),
            Map.entry("link", Set.of("iso8583")),
            Map.entry("clearing", Set.of("store")),
            Map.entry("console", Set.of("core", "store", "clearing")),
            Map.entry("sim", Set.of("iso8583", "hsm", "link")),
            Map.entry("app", ALL()),
            Map.entry("bench", ALL()));

    private static Set<String> ALL() {
        return Set.of("iso8583", "hsm", "store", "core", "link", "clearing", "console", "sim");
    }

    @Test
    void pomsDeclareOnlyAllowedModules() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Pattern dep = Pattern.compile("<artifactId>caspian-([a-z0-9]+)</artifactId>");
        List<Path> poms;
        try (Stream<Path> s = Files.list(root)) {
            poms = s.map(p -> p.resolve("pom.xml")).filter(Files::isRegularFile).toList();
        }
        assertThat(poms).hasSizeGreaterThanOrEqualTo(4);
        for (Path pom : poms) {
            String module = pom.getParent().getFileName().toString();
            assertThat(ALLOWED).as("module %s is in DESIGN.md's table", module)
                    .containsKey(module);
            String xml = Files.readString(pom);
            String deps = xml.substring(xml.indexOf("</parent>") + 1);
            Matcher m = dep.matcher(deps);
            Set<String> used = new TreeSet<>();
            while (m.find()) {
                if (!m.group(1).equals(module)) {
                    used.add(m.group(1));
                }
            }
            assertThat(ALLOWED.get(module)).as("%s may depend on", module).containsAll(used);
        }
    }

    @Test
    void classesUseOnlyAllowedModules() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.caspian");
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            String module = e.getKey();
            String[] forbidden = ALL().stream()
                    .filter(other -> !other.equals(module) && !e.getValue().contains(other))
                    .map(other -> "io.caspian." + other + "..")
                    .collect(Collectors.toList()).toArray(new String[0]);
            if (forbidden.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage("io.caspian." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void coreKnowsNothingOfNettyAndLinkNothingOfFlows() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.caspian");
        noClasses().that().resideInAPackage("io.caspian.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("io.caspian.iso8583..", "io.caspian.hsm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.sql..")
                .allowEmptyShould(true).check(classes);
    }
}
