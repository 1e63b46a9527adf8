package dk.indkoebsscreening.system;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every connection of the application starts with a short {@code statement_timeout}
 * ({@code spring.datasource.hikari.data-source-properties.options}), so no request, however it is crafted, holds a
 * connection of the pool for long. Work that may legitimately take longer names its own limit here, for its
 * transaction only.
 */
@Component
public class StatementTimeout {

    private final JdbcClient jdbc;

    StatementTimeout(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For the rest of the current transaction, a statement may run this long. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void extendTo(Duration limit) {
        jdbc.sql("select set_config('statement_timeout', :limit, true)")
                .param("limit", limit.toMillis() + "ms")
                .query(String.class)
                .single();
    }
}
