package dk.indkoebsscreening.system;

import java.nio.file.Path;

/**
 * A kept cluster of the embedded PostgreSQL has no password file beside it: an earlier version made it, which
 * trusted every local process, or the file was deleted. Its superuser has no password the application knows,
 * and none can be set without opening the cluster to everyone on the machine for a moment, so the start stops
 * and {@link ClusterWithoutPasswordFailureAnalyzer} says what to do.
 */
class ClusterWithoutPasswordException extends IllegalStateException {

    private final transient Path dataDirectory;
    private final transient Path passwordFile;

    ClusterWithoutPasswordException(Path dataDirectory, Path passwordFile) {
        super("The embedded PostgreSQL cluster in " + dataDirectory + " has no password file " + passwordFile);
        this.dataDirectory = dataDirectory;
        this.passwordFile = passwordFile;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    Path passwordFile() {
        return passwordFile;
    }
}
