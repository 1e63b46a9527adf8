package dk.indkoebsscreening.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The tasks' drafts ({@code task_draft}), one per task, as {@link TaskDrafts} keeps them. */
@Repository
class DraftStore {

    private static final TypeReference<Map<String, List<String>>> FORM = new TypeReference<>() {
    };

    /** A task's form as its author saved it, and when. */
    record Draft(MultiValueMap<String, String> form, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DraftStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void save(String taskId, UUID requestId, String author, MultiValueMap<String, String> form, Instant at) {
        jdbc.sql("""
                        insert into task_draft (task_id, request_id, author, form, saved_at) values (?, ?, ?, cast(? as jsonb), ?)
                        on conflict (task_id) do update set author = excluded.author, form = excluded.form, saved_at = excluded.saved_at
                        """)
                .params(taskId, requestId, author, write(form), Sql.timestamp(at))
                .update();
    }

    Optional<Draft> find(String taskId, String author) {
        return jdbc.sql("select form, saved_at from task_draft where task_id = ? and author = ?")
                .params(taskId, author)
                .query((rs, row) -> new Draft(read(rs.getString("form")), Sql.instant(rs, "saved_at")))
                .optional();
    }

    /** When the claim ends: the task was completed, released or handed over. */
    @Transactional(propagation = Propagation.MANDATORY)
    void drop(String taskId) {
        jdbc.sql("delete from task_draft where task_id = ?").param(taskId).update();
    }

    private String write(MultiValueMap<String, String> form) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(form));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MultiValueMap<String, String> read(String text) {
        try {
            return new LinkedMultiValueMap<>(json.readValue(text, FORM));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
