package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The short-lived cache of successful logins: only the right password hits it, failures never do. The throttle is the
 * application's, on its database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationCacheTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    @Autowired
    LoginThrottle throttle;

    AuthenticationCacheTest() {
        Group staff = mock(Group.class);
        when(staff.getId()).thenReturn("staff");
        when(identity.checkPassword("anna", "demo")).thenReturn(true);
        when(identity.createGroupQuery().groupMember("anna").list()).thenReturn(List.of(staff));
        // Stubbed before the logins run side by side: deep stubs made while calls race return the wrong kind of query.
        when(identity.createTenantQuery().userMember(anyString()).list()).thenReturn(List.of());
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aSuccessfulLoginIsRememberedButAWrongPasswordIsStillChecked() {
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, throttle, new AuthenticationCacheProperties(Duration.ofSeconds(30)));

        assertThat(provider.authenticate(login("anna", "demo")).getAuthorities()).extracting("authority").containsExactly("staff");
        assertThat(provider.authenticate(login("anna", "demo")).isAuthenticated()).isTrue();
        verify(identity, times(1)).checkPassword("anna", "demo");

        assertThatThrownBy(() -> provider.authenticate(login("anna", "wrong"))).isInstanceOf(BadCredentialsException.class);
        verify(identity, times(1)).checkPassword("anna", "wrong");
        // The failure dropped the remembered login: the next one is checked again.
        provider.authenticate(login("anna", "demo"));
        verify(identity, times(2)).checkPassword("anna", "demo");
    }

    /**
     * An integration sending its first calls in parallel: each used to count as a failed attempt until its check was
     * done, so the seventh got 429 while the right password was still being checked. Now they share the first check.
     */
    @Test
    void callsSentTogetherWithTheRightPasswordWaitForTheFirstCheckAndAreAllLetIn() throws Exception {
        when(identity.checkPassword("anna", "demo")).thenAnswer(invocation -> {
            Thread.sleep(300);
            return true;
        });
        // Without the cache too: the calls share the one check that is running.
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, throttle, new AuthenticationCacheProperties(Duration.ZERO));
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Authentication>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(clients.submit(() -> {
                    start.await();
                    return provider.authenticate(login("anna", "demo"));
                }));
            }
            start.countDown();
            for (Future<Authentication> call : calls) {
                assertThat(call.get().isAuthenticated()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        verify(identity, times(1)).checkPassword("anna", "demo");
    }

    /** Checks of different users never wait for each other: anna's check ends only once bent's has begun. */
    @Test
    void differentUsersAreCheckedAtTheSameTime() throws Exception {
        CountDownLatch bentIsBeingChecked = new CountDownLatch(1);
        when(identity.checkPassword("anna", "demo")).thenAnswer(invocation -> bentIsBeingChecked.await(5, TimeUnit.SECONDS));
        when(identity.createGroupQuery().groupMember("bent").list()).thenReturn(List.of());
        when(identity.checkPassword("bent", "demo")).thenAnswer(invocation -> {
            bentIsBeingChecked.countDown();
            return true;
        });
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, throttle, new AuthenticationCacheProperties(Duration.ZERO));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Authentication> anna = clients.submit(() -> provider.authenticate(login("anna", "demo")));
            Thread.sleep(100);
            Future<Authentication> bent = clients.submit(() -> provider.authenticate(login("bent", "demo")));

            assertThat(bent.get(5, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            assertThat(anna.get(5, TimeUnit.SECONDS).isAuthenticated()).as("not timed out waiting for bent").isTrue();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void zeroTurnsTheCacheOff() {
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, throttle, new AuthenticationCacheProperties(Duration.ZERO));
        provider.authenticate(login("anna", "demo"));
        provider.authenticate(login("anna", "demo"));
        verify(identity, times(2)).checkPassword("anna", "demo");
    }
}
