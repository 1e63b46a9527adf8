package dk.indkoebsscreening.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Administration")
@RequestMapping("/api/admin/login-delays")
class LoginThrottleController {

    private final LoginThrottle throttle;

    LoginThrottleController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Operation(operationId = "loginDelays", summary = "The logins delayed now", description = "Users and addresses that must wait after failed logins, and until when.")
    @GetMapping
    List<LoginThrottle.Delay> current() {
        return throttle.current();
    }

    @Operation(operationId = "liftLoginDelay", summary = "Lift a user's login delay early")
    @ApiResponse(responseCode = "204", description = "Done.")
    @DeleteMapping("/{username}")
    ResponseEntity<Void> lift(@PathVariable String username, Authentication administrator) {
        throttle.clear(username, administrator.getName());
        return ResponseEntity.noContent().build();
    }
}
