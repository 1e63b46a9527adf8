package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import dk.indkoebsscreening.web.DanishNumbers;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request form as the browser posts it: the API's {@link PurchaseRequestForm} plus the yes/no
 * questions that reveal the follow-up questions. Numbers are kept as typed, so a page with an error shows
 * them unchanged, and read the Danish way ({@link DanishNumbers}): "250.000 kr.", "48.500,50", "1,5 mio.", "4 år".
 */
public class RequestInput {

    /** The form's fields in page order: the error summary lists problems in this order. */
    static final List<String> FIELDS = List.of("title", "systemName", "vendor", "existingSystemNote", "need", "department",
            "oneOffCostDkk", "annualCostDkk", "contractYears", "expectedUsers", "desiredStartDate", "purchaseFunding",
            "purchaseFundingName", "operationFunding", "operationFundingName", "expectedBenefits", "benefitsDescription",
            "personalDataCategories", "hosting", "transferBasis", "hasIntegrations", "integrations",
            "changesSinceLast", "previousRequestId", "vendorContactName", "vendorContactEmail");

    private String title;
    private String systemName;
    private String vendor;
    private String existingSystemNote;
    private String need;
    private String department;
    private String oneOffCostDkk;
    private String annualCostDkk;
    private String contractYears;
    private String expectedUsers;
    /** The ticked check boxes; the hidden marker makes none ticked an empty list. */
    private List<PersonalData> personalDataCategories;
    private Hosting hosting;
    private String transferBasis;
    private Boolean hasIntegrations;
    private String integrations;
    private LocalDate desiredStartDate;
    /** A re-screening: the earlier request (a hidden field), and what has changed since. */
    private UUID previousRequestId;
    private String changesSinceLast;
    /** The vendor's contact for the vendor's questionnaire: optional, both or neither. */
    private String vendorContactName;
    private String vendorContactEmail;
    /** Who pays, and the expected benefits (one radio group per criterion, {@code expectedBenefits[EFFICIENCY]}). */
    private FundingSource purchaseFunding;
    private String purchaseFundingName;
    private FundingSource operationFunding;
    private String operationFundingName;
    private Map<BenefitCriterion, BenefitRating> expectedBenefits = new EnumMap<>(BenefitCriterion.class);
    private String benefitsDescription;
    /** Issued with the form and used once: a double click or a resubmission makes one request. */
    private String submissionToken;
    /** The draft the form was continued from (a hidden field): saved again as it, and gone once submitted. */
    private UUID draftId;

    static RequestInput withNewToken() {
        RequestInput input = new RequestInput();
        input.renewSubmissionToken();
        return input;
    }

    void renewSubmissionToken() {
        submissionToken = UUID.randomUUID().toString();
    }

    /** The token if it is one this application issued (a UUID), else null. */
    String validSubmissionToken() {
        try {
            return submissionToken != null && UUID.fromString(submissionToken).toString().equals(submissionToken)
                    ? submissionToken : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A re-screening's form, filled from the earlier request of the same system; the dates, the costs' new terms and what
     * has changed are the requester's to give.
     */
    static RequestInput rescreeningOf(PurchaseRequest previous) {
        RequestInput input = withNewToken();
        input.previousRequestId = previous.id();
        input.title = previous.title();
        input.systemName = previous.systemName();
        input.vendor = previous.vendor();
        input.need = previous.need();
        input.department = previous.department();
        input.oneOffCostDkk = previous.oneOffCostDkk().stripTrailingZeros().toPlainString().replace('.', ',');
        input.annualCostDkk = previous.annualCostDkk().stripTrailingZeros().toPlainString().replace('.', ',');
        input.contractYears = Integer.toString(previous.contractYears());
        input.expectedUsers = Integer.toString(previous.expectedUsers());
        input.personalDataCategories = previous.personalDataCategories();
        input.hosting = previous.hosting();
        input.transferBasis = previous.transferBasis();
        input.hasIntegrations = previous.integrations() != null;
        input.integrations = previous.integrations();
        if (previous.vendorContact() != null) {
            input.vendorContactName = previous.vendorContact().name();
            input.vendorContactEmail = previous.vendorContact().email();
        }
        if (previous.funding() != null) {
            input.purchaseFunding = previous.funding().purchase();
            input.purchaseFundingName = previous.funding().purchaseName();
            input.operationFunding = previous.funding().operation();
            input.operationFundingName = previous.funding().operationName();
        }
        return input;
    }

    /** A new request of a registered system that no request of ours registered (from KITOS, or entered by hand). */
    static RequestInput forSystem(String systemName, String vendor) {
        RequestInput input = withNewToken();
        input.systemName = Text.orNull(systemName);
        input.vendor = Text.orNull(vendor);
        return input;
    }

    /** A draft continued: its answers as they were typed, with a new token for its submission. */
    static RequestInput fromDraft(RequestDraft draft) {
        RequestDraftContent content = draft.content();
        RequestInput input = withNewToken();
        input.draftId = draft.id();
        input.title = content.title();
        input.systemName = content.systemName();
        input.vendor = content.vendor();
        input.existingSystemNote = content.existingSystemNote();
        input.need = content.need();
        input.department = content.department();
        input.oneOffCostDkk = content.oneOffCostDkk();
        input.annualCostDkk = content.annualCostDkk();
        input.contractYears = content.contractYears();
        input.expectedUsers = content.expectedUsers();
        input.personalDataCategories = content.personalDataCategories();
        input.hosting = content.hosting();
        input.transferBasis = content.transferBasis();
        input.hasIntegrations = content.hasIntegrations();
        input.integrations = content.integrations();
        input.desiredStartDate = content.desiredStartDate();
        input.previousRequestId = content.previousRequestId();
        input.changesSinceLast = content.changesSinceLast();
        input.vendorContactName = content.vendorContactName();
        input.vendorContactEmail = content.vendorContactEmail();
        input.purchaseFunding = content.purchaseFunding();
        input.purchaseFundingName = content.purchaseFundingName();
        input.operationFunding = content.operationFunding();
        input.operationFundingName = content.operationFundingName();
        if (content.expectedBenefits() != null) {
            input.expectedBenefits.putAll(content.expectedBenefits());
        }
        input.benefitsDescription = content.benefitsDescription();
        return input;
    }

    /** What a draft keeps: every answer as typed, nothing read or required yet. */
    RequestDraftContent toDraft() {
        return new RequestDraftContent(title, systemName, vendor, existingSystemNote, need, department, oneOffCostDkk,
                annualCostDkk, contractYears, expectedUsers, personalDataCategories, hosting, transferBasis,
                hasIntegrations, integrations, desiredStartDate, previousRequestId, changesSinceLast, vendorContactName, vendorContactEmail,
                purchaseFunding, purchaseFundingName, operationFunding, operationFundingName, expectedBenefits, benefitsDescription);
    }

    /** "No integrations" answers the follow-up question too; unreadable numbers are null. */
    PurchaseRequestForm toForm() {
        return new PurchaseRequestForm(title, systemName, vendor, need, department, amount(oneOffCostDkk),
                amount(annualCostDkk), years(contractYears), whole(expectedUsers), personalDataCategories, hosting, transferBasis,
                Boolean.TRUE.equals(hasIntegrations) ? integrations : null, desiredStartDate, existingSystemNote,
                previousRequestId, previousRequestId == null ? null : changesSinceLast, Text.orNull(vendorContactName),
                Text.orNull(vendorContactEmail), purchaseFunding, purchaseFundingName, operationFunding, operationFundingName,
                expectedBenefits, benefitsDescription);
    }

    /** The message key of each number that was typed but cannot be read, by field. */
    Map<String, String> unreadableNumbers() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (typed(oneOffCostDkk) && amount(oneOffCostDkk) == null) {
            problems.put("oneOffCostDkk", "request.cost.unreadable");
        }
        if (typed(annualCostDkk) && amount(annualCostDkk) == null) {
            problems.put("annualCostDkk", "request.cost.unreadable");
        }
        if (typed(contractYears) && years(contractYears) == null) {
            problems.put("contractYears", "request.contractYears.whole");
        }
        if (typed(expectedUsers) && whole(expectedUsers) == null) {
            problems.put("expectedUsers", "request.expectedUsers.whole");
        }
        return problems;
    }

    private static boolean typed(String text) {
        return !Text.isBlank(text);
    }

    private static BigDecimal amount(String text) {
        return typed(text) ? DanishNumbers.amount(text).orElse(null) : null;
    }

    /** Whole numbers beyond an int's range are left to the range check, which names the field's limits. */
    private static Integer whole(String text) {
        return typed(text) ? DanishNumbers.whole(text).map(RequestInput::bounded).orElse(null) : null;
    }

    /** "4 år" and "fire år" too, as "250.000 kr." is read for an amount. */
    private static Integer years(String text) {
        return typed(text) ? DanishNumbers.years(text).map(RequestInput::bounded).orElse(null) : null;
    }

    private static int bounded(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    boolean integrationsMissing() {
        return Boolean.TRUE.equals(hasIntegrations) && Text.isBlank(integrations);
    }

    public UUID getPreviousRequestId() { return previousRequestId; }
    public void setPreviousRequestId(UUID previousRequestId) { this.previousRequestId = previousRequestId; }
    public String getChangesSinceLast() { return changesSinceLast; }
    public void setChangesSinceLast(String changesSinceLast) { this.changesSinceLast = changesSinceLast; }
    public String getVendorContactName() { return vendorContactName; }
    public void setVendorContactName(String vendorContactName) { this.vendorContactName = vendorContactName; }
    public String getVendorContactEmail() { return vendorContactEmail; }
    public void setVendorContactEmail(String vendorContactEmail) { this.vendorContactEmail = vendorContactEmail; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSystemName() { return systemName; }
    public void setSystemName(String systemName) { this.systemName = systemName; }
    public String getVendor() { return vendor; }
    public void setVendor(String vendor) { this.vendor = vendor; }
    public String getExistingSystemNote() { return existingSystemNote; }
    public void setExistingSystemNote(String existingSystemNote) { this.existingSystemNote = existingSystemNote; }
    public String getNeed() { return need; }
    public void setNeed(String need) { this.need = need; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getOneOffCostDkk() { return oneOffCostDkk; }
    public void setOneOffCostDkk(String oneOffCostDkk) { this.oneOffCostDkk = oneOffCostDkk; }
    public String getAnnualCostDkk() { return annualCostDkk; }
    public void setAnnualCostDkk(String annualCostDkk) { this.annualCostDkk = annualCostDkk; }
    public String getContractYears() { return contractYears; }
    public void setContractYears(String contractYears) { this.contractYears = contractYears; }
    public String getExpectedUsers() { return expectedUsers; }
    public void setExpectedUsers(String expectedUsers) { this.expectedUsers = expectedUsers; }
    public List<PersonalData> getPersonalDataCategories() { return personalDataCategories; }
    public void setPersonalDataCategories(List<PersonalData> personalDataCategories) { this.personalDataCategories = personalDataCategories; }
    public Hosting getHosting() { return hosting; }
    public void setHosting(Hosting hosting) { this.hosting = hosting; }
    public String getTransferBasis() { return transferBasis; }
    public void setTransferBasis(String transferBasis) { this.transferBasis = transferBasis; }
    public Boolean getHasIntegrations() { return hasIntegrations; }
    public void setHasIntegrations(Boolean hasIntegrations) { this.hasIntegrations = hasIntegrations; }
    public String getIntegrations() { return integrations; }
    public void setIntegrations(String integrations) { this.integrations = integrations; }
    public LocalDate getDesiredStartDate() { return desiredStartDate; }
    public void setDesiredStartDate(LocalDate desiredStartDate) { this.desiredStartDate = desiredStartDate; }
    public FundingSource getPurchaseFunding() { return purchaseFunding; }
    public void setPurchaseFunding(FundingSource purchaseFunding) { this.purchaseFunding = purchaseFunding; }
    public String getPurchaseFundingName() { return purchaseFundingName; }
    public void setPurchaseFundingName(String purchaseFundingName) { this.purchaseFundingName = purchaseFundingName; }
    public FundingSource getOperationFunding() { return operationFunding; }
    public void setOperationFunding(FundingSource operationFunding) { this.operationFunding = operationFunding; }
    public String getOperationFundingName() { return operationFundingName; }
    public void setOperationFundingName(String operationFundingName) { this.operationFundingName = operationFundingName; }
    public Map<BenefitCriterion, BenefitRating> getExpectedBenefits() { return expectedBenefits; }
    public void setExpectedBenefits(Map<BenefitCriterion, BenefitRating> expectedBenefits) { this.expectedBenefits = expectedBenefits; }
    /** The rating chosen on a criterion, by their names, for the form's radio buttons; null when none is. */
    public String ratingOf(String criterion) {
        BenefitRating rating = expectedBenefits == null ? null : expectedBenefits.get(BenefitCriterion.valueOf(criterion));
        return rating == null ? null : rating.name();
    }

    public String getBenefitsDescription() { return benefitsDescription; }
    public void setBenefitsDescription(String benefitsDescription) { this.benefitsDescription = benefitsDescription; }
    public UUID getDraftId() { return draftId; }
    public void setDraftId(UUID draftId) { this.draftId = draftId; }
    public String getSubmissionToken() { return submissionToken; }
    public void setSubmissionToken(String submissionToken) { this.submissionToken = submissionToken; }
}
