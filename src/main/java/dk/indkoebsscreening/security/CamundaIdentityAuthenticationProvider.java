package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.ControlCharacters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs users in against Camunda's identity service, so the application, Tasklist and Cockpit share
 * one set of users and groups; each group becomes an authority of the same name, and the municipality whose tenant the
 * user is a member of the user's municipality ({@link CurrentUser#municipality()}).
 *
 * <p>The JSON API is stateless (HTTP Basic on every call), and each check costs two database
 * transactions (password, groups). A successful login is therefore remembered for a short time
 * ({@code indkoeb.security.authentication-cache}, default 30 s; {@code 0s} turns it off): only a salted
 * SHA-256 digest of the password is kept, in memory, with a process-wide random salt; failed logins are
 * never cached. The price: a changed password, a removed user or changed group membership takes effect
 * after at most that time.
 *
 * <p>Repeated failures make that user wait before the next attempt from that address ({@link LoginThrottle}, in the
 * database: the same on every node), checked before the cache and the password; calls with the same credentials at the same time share one check. Camunda's own throttle, which locks the user everywhere and
 * for good after ten failures, is switched off in {@code application.yml}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_CACHED_USERS = 10_000;

    private record Cached(byte[] digest, List<SimpleGrantedAuthority> authorities, long expiresAtNanos) {
    }

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final long cacheNanos;
    private final byte[] salt = new byte[32];
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Credentials, CompletableFuture<List<SimpleGrantedAuthority>>> checking =
            new ConcurrentHashMap<>();

    /** A user name with the digest of the password tried. */
    private record Credentials(String username, String passwordDigest) {
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
                                          AuthenticationCacheProperties cache) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.cacheNanos = cache.authenticationCache().toNanos();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        // A control character is refused at the input boundary already; this is the second line (PostgreSQL refuses a NUL).
        if (username == null || username.isBlank() || credentials == null || ControlCharacters.firstForbidden(username) >= 0) {
            throw new BadCredentialsException("Bad credentials");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Optional<Duration> delayed = throttle.waitFor(username, address);
        if (delayed.isPresent()) {
            throw new LoginDelayedException(delayed.get());
        }
        String password = credentials.toString();
        byte[] digest = digest(username, password);
        Authentication remembered = fromCache(username, digest, address);
        if (remembered != null) {
            return remembered;
        }
        // Calls sent together with the same credentials (an integration's parallel requests) share one check:
        // each would otherwise count as an attempt before any check had ended, and the seventh would get 429.
        // Different credentials (other users, other guesses) never wait for each other; each guess still counts.
        Credentials key = new Credentials(username, HexFormat.of().formatHex(digest));
        CompletableFuture<List<SimpleGrantedAuthority>> mine = new CompletableFuture<>();
        CompletableFuture<List<SimpleGrantedAuthority>> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            List<SimpleGrantedAuthority> authorities = outcomeOf(running);
            throttle.succeeded(username, address);
            return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        }
        try {
            List<SimpleGrantedAuthority> authorities = check(username, password, digest, address);
            mine.complete(authorities);
            return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private static List<SimpleGrantedAuthority> outcomeOf(CompletableFuture<List<SimpleGrantedAuthority>> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private Authentication fromCache(String username, byte[] digest, String address) {
        if (cacheNanos <= 0) {
            return null;
        }
        Cached cached = cache.get(username);
        if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0 && MessageDigest.isEqual(cached.digest(), digest)) {
            throttle.succeeded(username, address);
            return UsernamePasswordAuthenticationToken.authenticated(username, null, cached.authorities());
        }
        return null;
    }

    private List<SimpleGrantedAuthority> check(String username, String password, byte[] digest, String address) {
        Optional<Duration> wait = throttle.attempt(username, address);
        if (wait.isPresent()) {
            throw new LoginDelayedException(wait.get());
        }
        boolean rightPassword;
        try {
            rightPassword = identityService.checkPassword(username, password);
        } catch (RuntimeException e) {
            abandon(username, address, e);
            throw e;
        }
        if (!rightPassword) {
            cache.remove(username);
            throttle.failed(username, address);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(username, address);
        List<SimpleGrantedAuthority> found = new ArrayList<>();
        identityService.createGroupQuery().groupMember(username).list().forEach(group -> found.add(new SimpleGrantedAuthority(group.getId())));
        municipalityOf(username).ifPresent(municipality -> found.add(CurrentUser.municipalityAuthority(municipality)));
        List<SimpleGrantedAuthority> authorities = List.copyOf(found);
        if (cacheNanos > 0) {
            if (cache.size() >= MAX_CACHED_USERS) {
                cache.clear();
            }
            cache.put(username, new Cached(digest, authorities, System.nanoTime() + cacheNanos));
        }
        return authorities;
    }

    /**
     * The municipality whose tenant the user is a member of (not through a group: groups are every municipality's);
     * none for the shared organisation's people and in an installation of one municipality.
     *
     * @throws DisabledException the user is a member of several, which would make "their municipality" ambiguous
     */
    private Optional<String> municipalityOf(String username) {
        List<Tenant> tenants = identityService.createTenantQuery().userMember(username).list();
        if (tenants.size() > 1) {
            throw new DisabledException(username + " is a member of several municipalities");
        }
        return tenants.stream().map(Tenant::getId).findFirst();
    }

    /**
     * The check failed, not the caller (e.g. the database is away): the attempt no longer counts. Where the throttle
     * cannot reach the database either, the attempt stays counted until it is forgotten, and the check's failure is
     * the one reported.
     */
    private void abandon(String username, String address, RuntimeException checkFailure) {
        try {
            throttle.abandoned(username, address);
        } catch (RuntimeException throttleFailure) {
            checkFailure.addSuppressed(throttleFailure);
        }
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(password.getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
