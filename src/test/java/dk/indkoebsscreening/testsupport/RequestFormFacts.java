package dk.indkoebsscreening.testsupport;

/** The request form's facts as the browser tests fill them in. */
public final class RequestFormFacts {

    private RequestFormFacts() {
    }

    /** A small purchase without personal data or integrations, hosted in the EU: the fast track's facts. */
    public static void fillSmallPurchase(Browser browser) {
        browser.type("field-department", "Kultur og Fritid");
        browser.type("field-oneOffCostDkk", "20.000");
        browser.type("field-annualCostDkk", "10.000");
        browser.type("field-contractYears", "3");
        browser.type("field-expectedUsers", "40");
        browser.choose("personalDataCategories", "NONE");
        browser.choose("hosting", "CLOUD_EU");
        browser.choose("hasIntegrations", "false");
        browser.setDate("field-desiredStartDate", "2030-03-01");
    }
}
