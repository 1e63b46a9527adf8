package dk.indkoebsscreening.municipality;

/**
 * A new municipality was committed: published after the commit, so a listener (the engine's tenant) sees its row and
 * a rolled-back creation announces nothing.
 */
public record MunicipalityAdded(String id, String name) {
}
