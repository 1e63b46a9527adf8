package dk.indkoebsscreening.request;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeFacts;
import dk.indkoebsscreening.scope.ScopeRules;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** What the scope tables propose for a request as submitted, against the EU threshold in force on its submission day. */
@Component
public class ProposedScope {

    private final ScopeRules rules;
    private final ProcurementProperties procurement;
    private final ZoneId zone;

    @Autowired
    ProposedScope(ScopeRules rules, ProcurementProperties procurement, DeadlineProperties deadlines) {
        this(rules, procurement, deadlines.zone());
    }

    public ProposedScope(ScopeRules rules, ProcurementProperties procurement, ZoneId zone) {
        this.rules = rules;
        this.procurement = procurement;
        this.zone = zone;
    }

    /** How the request is handled given its proposed scope: a fast track's shortcuts, or the normal way. */
    public FastTrackHandling handling(PurchaseRequest request, Scope scope) {
        return rules.handling(scope, request.hosting().name());
    }

    public Scope of(PurchaseRequest request) {
        ContractValue value = ContractValue.of(request, procurement, zone);
        return rules.evaluate(new ScopeFacts(request.personalDataCategories().stream().map(PersonalData::name).toList(),
                request.hosting().name(),
                request.expectedUsers(), request.integrations() != null, value.contractValueDkk(), value.aboveEuThreshold()));
    }
}
