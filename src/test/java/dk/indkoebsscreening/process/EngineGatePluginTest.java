package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.webapp.impl.db.QueryServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * Pins what an outside caller may run: every command class in Camunda's engine and webapps that the
 * gate lets through is listed in {@code engine-gate/outside-caller-commands.txt}. A Camunda upgrade that
 * adds or renames commands fails here until someone has read the new list (written to
 * {@code target/outside-caller-commands.txt}).
 */
class EngineGatePluginTest {

    @Test
    void theCommandsAnOutsideCallerMayRunAreExactlyTheReviewedOnes() throws Exception {
        List<String> permitted = new ArrayList<>();
        for (Class<?> anchor : List.of(CompleteTaskCmd.class, QueryServiceImpl.class)) {
            for (Class<?> command : commandClassesInJarOf(anchor)) {
                if (EngineGatePlugin.permitsOutsideCaller(command)) {
                    permitted.add(command.getName());
                }
            }
        }
        Collections.sort(permitted);
        // To review a change: diff this file with the reviewed list.
        Files.write(Path.of("target", "outside-caller-commands.txt"), permitted);

        assertThat(permitted).containsExactlyElementsOf(reviewed());
    }

    @Test
    void businessStepsAndOurOwnCommandsAreNotAmongThem() {
        assertThat(EngineGatePlugin.permitsOutsideCaller(CompleteTaskCmd.class)).isFalse();
        Command<Void> ours = context -> null;
        assertThat(EngineGatePlugin.permitsOutsideCaller(ours, null)).isFalse();
        // Per job definition, Camunda retries only its failed jobs; running timers are checked in EngineGateTest.
        assertThat(EngineGatePlugin.permitsOutsideCaller(new SetJobRetriesCmd(null, "definition", 1, null, false), null)).isTrue();
        assertThat(EngineGatePlugin.permitsOutsideCaller(new SetJobRetriesCmd(null, "definition", 1, null, true), null))
                .as("with a new due date").isFalse();
        assertThat(EngineGatePlugin.permitsOutsideCaller(new SetJobRetriesCmd(null, "definition", 0, null, false), null))
                .as("retries 0 stop a timer").isFalse();
    }

    private static List<String> reviewed() throws IOException {
        try (InputStream in = EngineGatePluginTest.class.getResourceAsStream("/engine-gate/outside-caller-commands.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        }
    }

    private static List<Class<?>> commandClassesInJarOf(Class<?> anchor) throws IOException, URISyntaxException {
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> commands = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && name.startsWith("org/camunda/bpm/"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        try {
                            Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                            if (Command.class.isAssignableFrom(type) && !type.isInterface()
                                    && !Modifier.isAbstract(type.getModifiers())) {
                                type.getEnclosingClass(); // links what the gate looks at
                                commands.add(type);
                            }
                        } catch (ClassNotFoundException | LinkageError e) {
                            // Optional dependencies of Camunda's (e.g. other containers) are not on our class path.
                        }
                    });
        }
        return commands;
    }
}
