package dk.indkoebsscreening.supervision;

/** How a data processor is supervised, chosen by risk (Datatilsynet's guidance; the models OS2compliance records). */
public enum SupervisionMethod {
    ISAE_3000_TYPE_2,
    ISAE_3402_TYPE_2,
    SOC_2,
    WRITTEN_INSPECTION,
    PHYSICAL_INSPECTION
}
