package dk.indkoebsscreening.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A developer's {@code ./data} from before the password gets a few lines on what to do, not a stack trace. */
class ClusterWithoutPasswordFailureAnalyzer extends AbstractFailureAnalyzer<ClusterWithoutPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterWithoutPasswordException cause) {
        return new FailureAnalysis(
                "The embedded PostgreSQL's data directory " + cause.dataDirectory() + " has no password file ("
                        + cause.passwordFile() + "). An earlier version made it, which let every process on this"
                        + " machine log in as the database's superuser without a password; the application no longer"
                        + " starts such a database.",
                "Delete " + cause.dataDirectory() + " and start again: a new database is made with a generated"
                        + " password kept in " + cause.passwordFile() + ", and the demo users and requests are created"
                        + " again. With the default settings delete the whole ./data directory, so that the Kafka log"
                        + " starts afresh with the database.",
                cause);
    }
}
