package dk.indkoebsscreening.process;

import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One kind of user task, implemented in the module that owns its work: the record its page form and its API body
 * bind to, the rules that record's annotations cannot express, what completing it records and sets in the process,
 * and its part of the task page. The task module finds the steps through Spring and keeps what every task has in
 * common (inbox, claim, release, hand-over, completion as one engine command); adding a kind of task is one step
 * and its page fragment.
 *
 * <p>The {@code requestId} its methods get is the id of what the task is about ({@link TaskSubject}): the request, or
 * for a task about a registered system (a renewal) the system's.
 *
 * @param <F> the step's input, the same record for the page's form and the API's body
 */
public interface TaskStep<F extends Record> {

    TaskType type();

    Class<F> form();

    /** Problems of the form that its annotations cannot express, checked under the request's lock with them. */
    default List<FieldProblem> problems(UUID requestId, String taskDefinitionKey, F form) {
        return List.of();
    }

    /** Records the completed step in its module's tables; returns the variables the task's completion sets in the process. */
    Map<String, Object> complete(UUID requestId, String taskDefinitionKey, F form, String username);

    /**
     * The template whose fragment {@code step} is the task's part of the task page (it reads {@code form}, {@code errors},
     * {@code task}, {@code details} and the {@link #pageAttributes page attributes}); null where the task is done on
     * another page.
     */
    String template();

    /** The form as the page shows it: the one posted, or a blank one, with what is left out filled from the proposal. */
    default F shown(UUID requestId, F form) {
        return form;
    }

    /** What the step's fragment shows besides the form. */
    default Map<String, Object> pageAttributes(Page page) {
        return Map.of();
    }

    /**
     * The questions the completion answers besides the record's own fields, as an API caller needs them to fill the
     * body ({@code GET /api/tasks/{id}}): a screening's checklist, which is configuration, not code; a decision's
     * conditions set by the areas, which are the request's. None by default.
     */
    default List<Question> questions(UUID requestId, String taskDefinitionKey) {
        return List.of();
    }

    /** The form's fields in the order the page shows them, for its error summary: the record's, unless the page differs. */
    default List<String> fieldOrder(String taskDefinitionKey) {
        return Arrays.stream(form().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** What the page says once the step is done, in the user's language. */
    String savedMessage(String reference, String taskDefinitionKey, F form);

    /**
     * The name of the attachment step files added while the task is open are recorded under: the task type's, unless
     * stored otherwise; null for a task that is not about a request, which has no request's files to add to.
     */
    default String attachmentStep() {
        return type().name();
    }

    /**
     * Whether the task's page offers "Gem kladde": the form saved half-done for whoever holds the task (the task module's
     * drafts), worth it for a long form like a screening's checklist. None by default.
     */
    default boolean keepsDrafts() {
        return false;
    }

    /** Whether the task may be released or handed to a colleague; a question to one person stays theirs. */
    default boolean mayBeHandedOn() {
        return true;
    }

    /**
     * A question of a task's form that its record does not name.
     *
     * @param field    where the answer goes in the body, as a dotted path (also the field an error about it names)
     * @param options  the answers allowed; empty for free text
     */
    @Schema(description = "A question the completion answers, with where its answer goes and what it may be.",
            requiredProperties = {"field", "id", "text", "answerType", "options", "required"})
    record Question(String field, String id, String text, AnswerType answerType, List<String> options, boolean required) {

        public Question {
            options = List.copyOf(options);
        }
    }

    enum AnswerType {
        /** One of the question's options. */
        ONE_OF,
        FREE_TEXT
    }

    /** The task's request as the inbox shows it, and whose page it is, for what the step shows there. */
    record Page(UUID requestId, String taskDefinitionKey, String systemName, String vendor, String username, Set<String> groups) {
    }
}
