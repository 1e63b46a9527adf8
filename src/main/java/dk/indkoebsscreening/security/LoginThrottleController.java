package dk.indkoebsscreening.security;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators (SecurityConfiguration): the login delays in force, and lifting a user's delays early. */
@RestController
@RequestMapping("/api/admin/login-delays")
class LoginThrottleController {

    private final LoginThrottle throttle;

    LoginThrottleController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    List<LoginThrottle.Delay> current() {
        return throttle.current();
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> lift(@PathVariable String username, Authentication administrator) {
        throttle.clear(username, administrator.getName());
        return ResponseEntity.noContent().build();
    }
}
