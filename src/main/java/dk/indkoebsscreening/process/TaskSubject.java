package dk.indkoebsscreening.process;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What a user task is about, as an inbox shows it and links to: a purchase request, or a registered system (a renewal,
 * a supervision). Its module says so through {@link TaskSubjectSource}.
 *
 * @param label      a short name for it: the request's reference, the system's name
 * @param title      the request's title; for a system its name
 * @param systemName the system (the one requested, or the registered one)
 * @param link       the page of the subject, e.g. {@code /anmodninger/{id}} or {@code /systemer/{id}}
 * @param flags      what the subject's module found about it that every task on it should show (a request's scope
 *                   flags, e.g. {@code DPIA_LIKELY}); the names are the owning module's, the inbox only shows them
 */
public record TaskSubject(Kind kind, UUID id, String label, String title, String systemName, String vendor, String link,
                          List<String> flags) {

    public TaskSubject {
        flags = List.copyOf(flags);
    }

    /** A subject without flags. */
    public TaskSubject(Kind kind, UUID id, String label, String title, String systemName, String vendor, String link) {
        this(kind, id, label, title, systemName, vendor, link, List.of());
    }

    @Schema(title = "TaskSubjectKind", description = "What a task is about: a purchase request, or a system in the register.")
    public enum Kind {
        REQUEST,
        SYSTEM
    }

    public boolean isRequest() {
        return kind == Kind.REQUEST;
    }
}
