package dk.indkoebsscreening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries: no cycle, each module uses only what its package-info.java allows and only
 * other modules' top-level types, and Camunda's internals (its impl packages, its ACT_* tables) are touched
 * by the process module alone.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(IndkoebsscreeningApplication.class);
    private static final Path README = Path.of("README.md");
    private static final Pattern ENGINE_TABLE = Pattern.compile("(?i)\\bact_(ru|re|hi|id|ge)_\\w+");

    @Test
    void modulesHaveNoCycleAndUseOnlyWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void onlyTheProcessModuleUsesCamundasInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.indkoebsscreening");

        noClasses().that().resideOutsideOfPackage("dk.indkoebsscreening.process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.webapp.impl..")
                .because("Camunda does not keep its internals stable: they are confined to process/, re-checked with every upgrade")
                .check(classes);
    }

    @Test
    void onlyTheProcessModuleWritesSqlOverTheEnginesTables() throws IOException {
        Path sources = Path.of("src/main/java/dk/indkoebsscreening");
        List<String> outside;
        try (Stream<Path> files = Files.walk(sources)) {
            outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(sources.resolve("process")))
                    .filter(file -> ENGINE_TABLE.matcher(read(file)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(outside).isEmpty();
    }

    /**
     * The README's module section is this test's rendering of the modules as the code has them, so it cannot drift:
     * when a module or a dependency changes, this fails until the README is written again (with
     * {@code -Dmodules.readme=write}, which also writes Documenter's PlantUML diagrams and module canvases to
     * target/spring-modulith-docs for a closer look; GitHub does not render PlantUML, so no run needs them).
     */
    @Test
    void readmeShowsTheModulesAsTheCodeHasThem() throws IOException {
        String section = ModuleSection.of(MODULES);

        String readme = Files.readString(README);
        if ("write".equals(System.getProperty("modules.readme"))) {
            Files.writeString(README, ModuleSection.replaceIn(readme, section));
            new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        }
        assertThat(ModuleSection.in(Files.readString(README)))
                .as("README.md's module section differs from the code's modules: ./mvnw test -Dtest=ModulesTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dmodules.readme=write writes it again")
                .isEqualTo(section);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
