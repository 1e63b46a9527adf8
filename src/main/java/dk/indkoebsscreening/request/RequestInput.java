package dk.indkoebsscreening.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.NumberFormat;

/**
 * The request form as the browser posts it: the API's {@link PurchaseRequestForm} plus the yes/no
 * questions that reveal the follow-up questions. Amounts are read in the page's language, so
 * "1.644.638" means 1644638 on a Danish page.
 */
public class RequestInput {

    /** The form's fields in page order: the error summary lists problems in this order. */
    static final List<String> FIELDS = List.of("title", "systemName", "vendor", "need", "department",
            "oneOffCostDkk", "annualCostDkk", "contractYears", "expectedUsers", "processesPersonalData",
            "personalData", "hosting", "transferBasis", "hasIntegrations", "integrations", "desiredStartDate");

    private String title;
    private String systemName;
    private String vendor;
    private String need;
    private String department;
    @NumberFormat(style = NumberFormat.Style.NUMBER)
    private BigDecimal oneOffCostDkk;
    @NumberFormat(style = NumberFormat.Style.NUMBER)
    private BigDecimal annualCostDkk;
    private Integer contractYears;
    private Integer expectedUsers;
    private Boolean processesPersonalData;
    private PersonalData personalData;
    private Hosting hosting;
    private String transferBasis;
    private Boolean hasIntegrations;
    private String integrations;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate desiredStartDate;
    /** Issued with the form and used once: a double click or a resubmission makes one request. */
    private String submissionToken;

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

    /** "No personal data" and "no integrations" answer the follow-up questions too. */
    PurchaseRequestForm toForm() {
        PersonalData data = Boolean.FALSE.equals(processesPersonalData) ? PersonalData.NONE
                : personalData == PersonalData.NONE ? null : personalData;
        return new PurchaseRequestForm(title, systemName, vendor, need, department, oneOffCostDkk, annualCostDkk,
                contractYears, expectedUsers, data, hosting, transferBasis,
                Boolean.TRUE.equals(hasIntegrations) ? integrations : null, desiredStartDate);
    }

    boolean integrationsMissing() {
        return Boolean.TRUE.equals(hasIntegrations) && (integrations == null || integrations.isBlank());
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSystemName() { return systemName; }
    public void setSystemName(String systemName) { this.systemName = systemName; }
    public String getVendor() { return vendor; }
    public void setVendor(String vendor) { this.vendor = vendor; }
    public String getNeed() { return need; }
    public void setNeed(String need) { this.need = need; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public BigDecimal getOneOffCostDkk() { return oneOffCostDkk; }
    public void setOneOffCostDkk(BigDecimal oneOffCostDkk) { this.oneOffCostDkk = oneOffCostDkk; }
    public BigDecimal getAnnualCostDkk() { return annualCostDkk; }
    public void setAnnualCostDkk(BigDecimal annualCostDkk) { this.annualCostDkk = annualCostDkk; }
    public Integer getContractYears() { return contractYears; }
    public void setContractYears(Integer contractYears) { this.contractYears = contractYears; }
    public Integer getExpectedUsers() { return expectedUsers; }
    public void setExpectedUsers(Integer expectedUsers) { this.expectedUsers = expectedUsers; }
    public Boolean getProcessesPersonalData() { return processesPersonalData; }
    public void setProcessesPersonalData(Boolean processesPersonalData) { this.processesPersonalData = processesPersonalData; }
    public PersonalData getPersonalData() { return personalData; }
    public void setPersonalData(PersonalData personalData) { this.personalData = personalData; }
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
    public String getSubmissionToken() { return submissionToken; }
    public void setSubmissionToken(String submissionToken) { this.submissionToken = submissionToken; }
}
