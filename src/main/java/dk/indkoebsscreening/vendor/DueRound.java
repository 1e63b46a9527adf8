package dk.indkoebsscreening.vendor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A round the link job has to remind or expire, and the municipality it belongs to, which the job acts for. */
record DueRound(UUID invitationId, String municipality) {

    static DueRound of(ResultSet row, int n) throws SQLException {
        return new DueRound(row.getObject("id", UUID.class), row.getString("tenant_id"));
    }
}
