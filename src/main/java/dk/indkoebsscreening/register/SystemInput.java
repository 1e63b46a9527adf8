package dk.indkoebsscreening.register;

import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.web.DanishNumbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the register's edit page posts, as typed (amounts the Danish way), turned into the body the JSON API takes so
 * that both are validated alike.
 */
public class SystemInput {

    /** The page's fields in page order, for the error summary. */
    static final List<String> FIELDS = List.of("name", "localName", "vendor", "department", "contractValueDkk",
            "contractYears", "personalData", "hosting", "contractStart", "contractEnd", "noticeMonths", "owner", "kitosUuid", "localId",
            "note");

    private String name;
    private String localName;
    private String vendor;
    private String department;
    private String contractValueDkk;
    private String contractYears;
    private String personalData;
    private String hosting;
    private String kitosUuid;
    private String localId;
    private String note;
    private String contractStart;
    private String contractEnd;
    private String noticeMonths;
    private String owner;

    static SystemInput of(RegisteredSystem system) {
        SystemInput input = new SystemInput();
        input.name = system.name();
        input.localName = system.localName();
        input.vendor = system.vendor();
        input.department = system.department();
        // As a person types it: "120000", "48500,5" (DanishNumbers reads it back).
        input.contractValueDkk = system.contractValueDkk() == null ? null
                : system.contractValueDkk().stripTrailingZeros().toPlainString().replace('.', ',');
        input.contractYears = system.contractYears() == null ? null : system.contractYears().toString();
        input.personalData = system.personalData();
        input.hosting = system.hosting();
        input.kitosUuid = system.kitosUuid() == null ? null : system.kitosUuid().toString();
        input.localId = system.localId();
        input.note = system.note();
        input.contractStart = system.contractStart() == null ? null : system.contractStart().toString();
        input.contractEnd = system.contractEnd() == null ? null : system.contractEnd().toString();
        input.noticeMonths = system.noticeMonths() == null ? null : system.noticeMonths().toString();
        input.owner = system.owner();
        return input;
    }

    /** An amount that cannot be read stays as typed, so that the binder names the field. */
    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Text.orNull(name));
        body.put("localName", Text.orNull(localName));
        body.put("vendor", Text.orNull(vendor));
        body.put("department", Text.orNull(department));
        body.put("contractValueDkk", Text.orNull(contractValueDkk) == null ? null
                : DanishNumbers.amount(contractValueDkk).<Object>map(amount -> amount).orElse(contractValueDkk));
        body.put("contractYears", Text.orNull(contractYears) == null ? null
                : DanishNumbers.years(contractYears).<Object>map(years -> years).orElse(contractYears));
        body.put("personalData", Text.orNull(personalData));
        body.put("hosting", Text.orNull(hosting));
        body.put("kitosUuid", Text.orNull(kitosUuid) == null ? null : kitosUuid.strip());
        body.put("localId", Text.orNull(localId));
        body.put("note", Text.orNull(note));
        // Dates as the date field sends them (yyyy-mm-dd): the binder names one it cannot read.
        body.put("contractStart", Text.orNull(contractStart) == null ? null : contractStart.strip());
        body.put("contractEnd", Text.orNull(contractEnd) == null ? null : contractEnd.strip());
        body.put("noticeMonths", Text.orNull(noticeMonths) == null ? null
                : DanishNumbers.months(noticeMonths).<Object>map(months -> months).orElse(noticeMonths));
        body.put("owner", Text.orNull(owner) == null ? null : owner.strip());
        return body;
    }


    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLocalName() { return localName; }
    public void setLocalName(String localName) { this.localName = localName; }
    public String getVendor() { return vendor; }
    public void setVendor(String vendor) { this.vendor = vendor; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getContractValueDkk() { return contractValueDkk; }
    public void setContractValueDkk(String contractValueDkk) { this.contractValueDkk = contractValueDkk; }
    public String getContractYears() { return contractYears; }
    public void setContractYears(String contractYears) { this.contractYears = contractYears; }
    public String getPersonalData() { return personalData; }
    public void setPersonalData(String personalData) { this.personalData = personalData; }
    public String getHosting() { return hosting; }
    public void setHosting(String hosting) { this.hosting = hosting; }
    public String getKitosUuid() { return kitosUuid; }
    public void setKitosUuid(String kitosUuid) { this.kitosUuid = kitosUuid; }
    public String getLocalId() { return localId; }
    public void setLocalId(String localId) { this.localId = localId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getContractStart() { return contractStart; }
    public void setContractStart(String contractStart) { this.contractStart = contractStart; }
    public String getContractEnd() { return contractEnd; }
    public void setContractEnd(String contractEnd) { this.contractEnd = contractEnd; }
    public String getNoticeMonths() { return noticeMonths; }
    public void setNoticeMonths(String noticeMonths) { this.noticeMonths = noticeMonths; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
}
