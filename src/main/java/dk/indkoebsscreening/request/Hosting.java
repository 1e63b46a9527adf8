package dk.indkoebsscreening.request;

public enum Hosting {
    ON_PREMISES,
    CLOUD_EU,
    CLOUD_OUTSIDE_EU
}
