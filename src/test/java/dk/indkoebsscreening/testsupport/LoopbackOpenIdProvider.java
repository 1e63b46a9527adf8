package dk.indkoebsscreening.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider (Spring Authorization Server) on 127.0.0.1, standing in for the municipality's Entra ID:
 * authorization code flow, discovery, JWKS, user info, RP-initiated logout ({@code /connect/logout}), and ID
 * tokens that carry the person's name, e-mail address and a {@code groups} claim as Entra sends it. Its own
 * login page is Spring Security's default one; its session cookie has its own name, so it never meets the
 * application's even on the same host.
 */
public final class LoopbackOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "indkoebsscreening";
    public static final String CLIENT_SECRET = "loopback-secret";
    public static final String PASSWORD = "kodeord";

    /** A person the provider knows, with the values of the claims it puts in their ID token. */
    public record Person(String username, String name, String email, List<String> groups) {
    }

    private final ConfigurableApplicationContext context;
    private final String issuer;

    /** The provider of the application's registration {@code kommune}. */
    public LoopbackOpenIdProvider(String applicationBaseUrl, List<Person> people) {
        this(applicationBaseUrl, List.of("kommune"), people);
    }

    /**
     * @param applicationBaseUrl where the application runs: its redirect and post-logout URIs are registered
     *                           exactly, as a production provider does
     * @param registrations      the application's registrations whose redirect URI the provider accepts (one
     *                           municipality's own, or a misconfigured one reaching it too)
     */
    public LoopbackOpenIdProvider(String applicationBaseUrl, List<String> registrations, List<Person> people) {
        this.context = new SpringApplicationBuilder(ProviderConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("setting", new Setting(applicationBaseUrl, registrations, people)))
                .properties(Map.of(
                        // Not the application's configuration files, nor its port.
                        "spring.config.name", "loopback-openid-provider",
                        "server.address", "127.0.0.1",
                        "server.port", "0",
                        "server.servlet.session.cookie.name", "PROVIDER_SESSION",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN"))
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        context.close();
    }

    /** What the provider is started with. */
    record Setting(String application, List<String> registrations, List<Person> people) {

        Person named(String username) {
            return people.stream().filter(person -> person.username().equals(username)).findFirst().orElseThrow();
        }
    }

    /** A test configuration, so that the application's component scan passes it by. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    // Tomcat and a servlet to map requests to: without one, Tomcat answers 404 before any filter sees them.
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
    static class ProviderConfiguration {

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, endpoints -> endpoints.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users(Setting setting) {
            return new InMemoryUserDetailsManager(setting.people().stream()
                    .map(person -> User.withUsername(person.username()).password("{noop}" + PASSWORD).build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(Setting setting) {
            String application = setting.application();
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> setting.registrations().forEach(id -> uris.add(application + "/login/oauth2/code/" + id)))
                    .postLogoutRedirectUri(application + "/login?logout")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The claims Entra ID puts in an ID token, from the person's entry. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Setting setting) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = setting.named(context.getPrincipal().getName());
                    context.getClaims().claims(claims -> {
                        claims.put("preferred_username", person.username());
                        claims.put("name", person.name());
                        claims.put("email", person.email());
                        claims.put("groups", person.groups());
                    });
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the user-info endpoint, which takes the access token it issued. */
        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
