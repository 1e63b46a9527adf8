package dk.indkoebsscreening.testsupport;

import dk.indkoebsscreening.request.BenefitCriterion;

/** The request form's facts as the browser tests fill them in. */
public final class RequestFormFacts {

    /** Who pays and the expected benefits as the form posts them, URL-encoded, to append to a form's other fields. */
    public static final String FUNDING_AND_BENEFITS = "&purchaseFunding=DEPARTMENT&operationFunding=IT"
            + "&expectedBenefits%5BWELL_BEING%5D=MEDIUM&expectedBenefits%5BEFFICIENCY%5D=HIGH"
            + "&expectedBenefits%5BCITIZEN_QUALITY%5D=MEDIUM&expectedBenefits%5BINFORMATION_SECURITY%5D=MEDIUM"
            + "&expectedBenefits%5BSCALABILITY%5D=MEDIUM&benefitsDescription=Sparer+tid+for+borgere+og+ansatte.";

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
        fillFundingAndBenefits(browser);
    }

    /** The same answers as {@link #FUNDING_AND_BENEFITS}, chosen and typed in the browser. */
    public static void fillFundingAndBenefits(Browser browser) {
        browser.choose("purchaseFunding", "DEPARTMENT");
        browser.choose("operationFunding", "IT");
        for (BenefitCriterion criterion : BenefitCriterion.values()) {
            browser.choose("expectedBenefits[" + criterion + "]", criterion == BenefitCriterion.EFFICIENCY ? "HIGH" : "MEDIUM");
        }
        browser.type("field-benefitsDescription", "Sparer tid for borgere og ansatte.");
    }
}
