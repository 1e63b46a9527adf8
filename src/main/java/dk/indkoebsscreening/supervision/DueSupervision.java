package dk.indkoebsscreening.supervision;

/** A processor whose supervision is due soon or overdue, with its system's name, for the dashboard. */
public record DueSupervision(DataProcessor processor, String systemName) {
}
