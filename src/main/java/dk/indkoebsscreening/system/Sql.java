package dk.indkoebsscreening.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/** Conversions between JDBC timestamps and instants, null-safe in both directions, and the pattern of a text search. */
public final class Sql {

    private Sql() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * A {@code like … escape '\\'} pattern that finds the typed text anywhere in a lower-cased column, the typed
     * text's own {@code %}, {@code _} and backslash taken literally.
     */
    public static String containing(String typed) {
        return "%" + typed.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
