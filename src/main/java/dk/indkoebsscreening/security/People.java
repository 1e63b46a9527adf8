package dk.indkoebsscreening.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name rather than user id, for the pages ({@code @people.name(id)}): "Anna Andersen". A user the
 * identity service does not know (or without a name) is shown by the id. Names are remembered for a few
 * minutes, so a list of fifty tasks costs no fifty look-ups.
 */
@Component("people")
public class People {

    private static final long REMEMBER_NANOS = Duration.ofMinutes(5).toNanos();
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(String name, long until) {
    }

    private final IdentityService identityService;
    private final Map<String, Remembered> names = new ConcurrentHashMap<>();

    People(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        Remembered remembered = names.get(userId);
        if (remembered != null && System.nanoTime() - remembered.until() < 0) {
            return remembered.name();
        }
        String name = lookUp(userId);
        if (names.size() >= MAX_REMEMBERED) {
            names.clear();
        }
        names.put(userId, new Remembered(name, System.nanoTime() + REMEMBER_NANOS));
        return name;
    }

    private String lookUp(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
