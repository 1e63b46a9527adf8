package dk.indkoebsscreening.register;

import dk.indkoebsscreening.request.DuplicateCheck;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The duplicate check: registered systems and earlier requests (approved, rejected or in progress) like the
 * system a requester is asking for, shown while they type and again at triage.
 */
@Service
public class SimilarSystems implements DuplicateCheck {

    /** Shorter names match too much to be useful (every "IT" system). */
    static final int MIN_NAME_LENGTH = 3;
    static final int LIMIT = 5;

    private final RegisterRepository systems;
    private final Requests requests;

    SimilarSystems(RegisterRepository systems, Requests requests) {
        this.systems = systems;
        this.requests = requests;
    }

    @Override
    public Matches like(String systemName, String vendor, UUID except, CurrentUser viewer) {
        if (!DuplicateCheck.isSearchable(systemName, vendor)) {
            throw InvalidInputException.of(systemName != null && systemName.length() > PurchaseRequestForm.NAME_LENGTH
                    ? "systemName" : "vendor", "duplicates.nameTooLong", PurchaseRequestForm.NAME_LENGTH);
        }
        String name = systemName == null ? "" : systemName.strip();
        if (name.length() < MIN_NAME_LENGTH) {
            return Matches.none();
        }
        String vendorText = vendor == null ? null : vendor.strip();
        List<RegisteredMatch> registered = systems.similar(name, vendorText, LIMIT).stream()
                .map(RegisterRepository.Similar::system)
                .map(system -> new RegisteredMatch(system.id(), system.name(), system.vendor(), system.department(),
                        system.retired(), system.requestReference()))
                .toList();
        // An approved request is in the register already: shown once, as the registered system.
        Set<String> registeredRequests = registered.stream().map(RegisteredMatch::requestReference)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return new Matches(registered, requests.similarBySystem(name, vendorText, except, LIMIT).stream()
                .map(Requests.SimilarRequest::request)
                .filter(request -> !registeredRequests.contains(request.reference()))
                .map(request -> Requests.mayRead(request, viewer)
                        ? new RequestMatch(request.id(), request.reference(), request.title(), request.systemName(),
                                request.vendor(), request.department(), request.status())
                        : new RequestMatch(null, null, null, request.systemName(), request.vendor(), null, request.status()))
                .toList());
    }
}
