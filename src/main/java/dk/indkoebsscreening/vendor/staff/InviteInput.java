package dk.indkoebsscreening.vendor.staff;

import dk.indkoebsscreening.vendor.Invite;
import dk.indkoebsscreening.vendor.VendorPanel;
import dk.indkoebsscreening.vendor.VendorLanguage;
import java.util.ArrayList;
import java.util.List;

/**
 * The invitation form as the browser posts it: the contact (prefilled, editable), the language and, from the second
 * round, up to {@link VendorPanel#FOLLOW_UP_FIELDS} follow-up questions, one per field; empty fields are no question.
 */
public class InviteInput {

    static final List<String> FIELDS = List.of("contactName", "contactEmail", "language", "followUpQuestions",
            "followUpQuestions[0]", "followUpQuestions[1]", "followUpQuestions[2]");

    private String contactName;
    private String contactEmail;
    private VendorLanguage language;
    private List<String> followUpQuestions = new ArrayList<>();
    private String tilbage;

    /** The questions asked, with the index of each field they came from (to put a problem back at its field). */
    List<Integer> askedFields() {
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < followUpQuestions.size(); i++) {
            if (followUpQuestions.get(i) != null && !followUpQuestions.get(i).isBlank()) {
                asked.add(i);
            }
        }
        return asked;
    }

    Invite toInvite() {
        return new Invite(contactName, contactEmail, language, askedFields().stream().map(followUpQuestions::get).toList());
    }

    /** The follow-up fields the page shows: what was typed, padded with empty ones. */
    public List<String> getFollowUpFields() {
        List<String> fields = new ArrayList<>(followUpQuestions.subList(0, Math.min(followUpQuestions.size(), VendorPanel.FOLLOW_UP_FIELDS)));
        while (fields.size() < VendorPanel.FOLLOW_UP_FIELDS) {
            fields.add(null);
        }
        return fields;
    }

    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public VendorLanguage getLanguage() { return language; }
    public void setLanguage(VendorLanguage language) { this.language = language; }
    public List<String> getFollowUpQuestions() { return followUpQuestions; }
    public void setFollowUpQuestions(List<String> followUpQuestions) { this.followUpQuestions = followUpQuestions; }
    public String getTilbage() { return tilbage; }
    public void setTilbage(String tilbage) { this.tilbage = tilbage; }
}
