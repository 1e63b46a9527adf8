package dk.indkoebsscreening.web;

import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of pages that other places link to from outside a page (mails): one definition, so a link
 * and the page it leads to cannot drift apart.
 */
public final class Links {

    /** Leads to the open task of a kind (and area) on a request, wherever the task is by then. */
    public static final String TASK_OF_REQUEST = "/opgaver/til/{requestId}";
    public static final String SETTINGS = "/indstillinger";
    /** The coordinators' page of absences and groups' stand-ins. */
    public static final String COVER = "/opgaver/fravaer";

    private Links() {
    }

    public static String request(UUID requestId) {
        return "/anmodninger/" + requestId;
    }

    /** A registered system's page. */
    public static String system(UUID systemId) {
        return "/systemer/" + systemId;
    }

    /** @param area an {@code Area} name for a screening, or null */
    public static String taskOf(UUID requestId, String type, String area) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(TASK_OF_REQUEST).queryParam("type", type);
        if (area != null) {
            link.queryParam("omraade", area);
        }
        return link.buildAndExpand(requestId).toUriString();
    }

    /** The inbox filtered to one request, for a mail about several of its tasks. */
    public static String inboxFor(String reference) {
        return UriComponentsBuilder.fromPath("/opgaver").queryParam("q", reference).toUriString();
    }
}
