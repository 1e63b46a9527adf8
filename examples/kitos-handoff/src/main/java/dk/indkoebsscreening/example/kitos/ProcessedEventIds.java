package dk.indkoebsscreening.example.kitos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/** The CloudEvents ids already handled, kept in a file so that a restarted consumer still knows them. */
final class ProcessedEventIds {

    private final Path file;
    private final Set<String> ids = new HashSet<>();

    ProcessedEventIds(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                ids.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** Call after the event's effect is done: a crash in between handles it again rather than never. */
    void add(String eventId) {
        if (!ids.add(eventId)) {
            return;
        }
        try {
            Files.writeString(file, eventId + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
