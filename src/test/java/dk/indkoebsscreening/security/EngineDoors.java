package dk.indkoebsscreening.security;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Camunda's two copies of its engine REST API, as a user calls them: {@code /engine-rest} with HTTP
 * Basic, and the webapps' {@code /camunda/api/engine/engine/default} with a logged-in browser session
 * (the application's login) and Camunda's XSRF header, as Cockpit's and Tasklist's scripts do.
 */
final class EngineDoors {

    enum Door {
        ENGINE_REST("/engine-rest"),
        WEBAPP("/camunda/api/engine/engine/default");

        final String base;

        Door(String base) {
            this.base = base;
        }
    }

    record Reply(int status, String body) {
    }

    private final int port;
    private final ApiClient api;
    private final Map<String, WebSession> sessions = new HashMap<>();

    EngineDoors(int port) {
        this.port = port;
        this.api = new ApiClient(port);
    }

    Reply call(Door door, String user, String method, String path, String json) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return call(door, user, method, path, json == null ? null : "application/json", body);
    }

    Reply call(Door door, String user, String method, String path, String contentType, byte[] body) {
        if (door == Door.ENGINE_REST) {
            ApiClient.RawResponse response = api.raw(user, method, door.base + path, contentType, body);
            return new Reply(response.status(), response.body());
        }
        HttpResponse<String> response = session(user).send(method, door.base + path, contentType, body);
        return new Reply(response.statusCode(), response.body());
    }

    private WebSession session(String user) {
        return sessions.computeIfAbsent(user, name -> {
            WebSession session = new WebSession(port);
            session.login(name);
            // The first webapp answer sets Camunda's XSRF-TOKEN cookie, which its scripts echo.
            session.get("/camunda/app/cockpit/default/");
            return session;
        });
    }
}
