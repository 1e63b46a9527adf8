package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Problems;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing is open without a login. The JSON API and Camunda's REST API use HTTP Basic and no
 * session (so a browser's session cookie can never drive them, and CSRF does not apply). Camunda's
 * REST API and its webapps are for administrators only; the webapps take their login from ours.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Where a vendor's page sends a browser without a vendor's session: a page saying to open the link again. */
    static final String VENDOR_NO_SESSION = "/leverandoer/ingen-session";

    /**
     * The vendor's pages. The link's landing page and its exchange are open: the token is the credential, which the
     * vendor module checks and turns into a session whose only authority is {@link Groups#VENDOR}. The other chains
     * read that session like a login and refuse it everywhere, as it has none of our groups; this chain admits
     * nothing else. No referrer ever leaves these pages (the landing page's address holds the token).
     */
    @Bean
    @Order(0)
    SecurityFilterChain vendor(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/leverandoer/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/leverandoer/adgang"), path("/leverandoer/adgang/*"), path(VENDOR_NO_SESSION))
                        .permitAll()
                        .anyRequest().hasAuthority(Groups.VENDOR))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, missing) ->
                                request.getRequestDispatcher(VENDOR_NO_SESSION).forward(request, response))
                        .accessDeniedHandler(new TooLargeUploadHandler(new AccessDeniedHandlerImpl())))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, LoginDelayResponses delays) throws Exception {
        return stateless(http.securityMatcher(path("/engine-rest/**")), delays)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Groups.ADMINS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, LoginDelayResponses delays) throws Exception {
        return stateless(http.securityMatcher(path("/api/**")), delays)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/api/admin/**")).hasAuthority(Groups.ADMINS)
                        .requestMatchers(path("/api/municipalities"), path("/api/municipalities/**")).hasAuthority(Groups.ADMINS)
                        // The municipality's people read the system register; coordinators change it (SystemRegister checks again).
                        .requestMatchers(HttpMethod.GET, "/api/register", "/api/register/**").hasAnyAuthority(Groups.ofMunicipalities())
                        .requestMatchers(path("/api/register/**"), path("/api/register")).hasAuthority(Groups.COORDINATORS)
                        // The shared organisation's experts: their tasks, the requests of their tasks (Requests#readable
                        // checks the task), their absence; no list, search or register of a municipality.
                        .requestMatchers(HttpMethod.GET, "/api/requests/search").hasAnyAuthority(Groups.ofMunicipalities())
                        .requestMatchers(HttpMethod.POST, "/api/requests").access(submitsRequests())
                        .requestMatchers(HttpMethod.GET, "/api/requests/*", "/api/requests/*/attachments/*", "/api/requests/*/report.pdf")
                        .hasAnyAuthority(Groups.all())
                        .requestMatchers(path("/api/tasks"), path("/api/tasks/**"), path("/api/me/**")).hasAnyAuthority(Groups.all())
                        .anyRequest().hasAnyAuthority(Groups.ofMunicipalities()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, BrowserSecurity browser, LoginDelayResponses delays) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Camunda's webapps (Cockpit, Admin, Tasklist) and their APIs are for operators;
                        // WebappSingleSignOn hands them this login.
                        .requestMatchers(path("/camunda/**"), path("/fra-tasklist")).hasAuthority(Groups.ADMINS)
                        // The webapps' files, also served from the class path's root (Camunda's webjar).
                        .requestMatchers(path("/webjars/camunda/**"), path("/camunda-welcome/**"), path("/plugin/**"))
                        .hasAuthority(Groups.ADMINS)
                        // The login page with any parameters (formLogin's permitAll matches its exact URLs only), and its
                        // search for a municipality's login by e-mail address.
                        .requestMatchers("/login", "/login/kommune", "/tilgaengelighed", "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Groups.ADMINS)
                        // The web UI's stylesheet and scripts are needed by the login page.
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico").permitAll()
                        // The shared organisation's administrators see every municipality's figures there.
                        .requestMatchers("/overblik").hasAnyAuthority(Groups.COORDINATORS, Groups.ADMINS)
                        // So the steering group's report, with its CSV, PDF and each figure's requests.
                        .requestMatchers("/styring", "/styring.csv", "/styring.pdf", "/styring/**")
                        .hasAnyAuthority(Groups.COORDINATORS, Groups.ADMINS)
                        .requestMatchers("/admin", "/admin/**").hasAuthority(Groups.ADMINS)
                        .requestMatchers(HttpMethod.GET, "/systemer/ny").hasAuthority(Groups.COORDINATORS)
                        // A system's data processors are the security group's too (ProcessorSupervision checks again).
                        .requestMatchers(HttpMethod.POST, "/systemer/*/databehandlere", "/systemer/*/databehandlere/**")
                        .hasAnyAuthority(Groups.COORDINATORS, Area.SECURITY.candidateGroup())
                        .requestMatchers(HttpMethod.POST, "/systemer/**").hasAuthority(Groups.COORDINATORS)
                        .requestMatchers("/opgaver", "/opgaver/**").hasAnyAuthority(Groups.screeningParticipants())
                        // Someone in none of our groups is told so there, and reaches nothing else.
                        .requestMatchers(NoGroupRefusal.PAGE).access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Groups.VENDOR))))
                        // The shared organisation's experts: the requests of their tasks with their files, report and
                        // process picture (Requests#readable checks the task), their mails and absence, the start page;
                        // nothing else of a municipality (lists, search, register, submitting a request, nor its duplicate
                        // check, which names the municipalities' systems).
                        .requestMatchers("/anmodninger/ny", "/anmodninger/kladde", "/anmodninger/kladder/**").access(submitsRequests())
                        .requestMatchers(HttpMethod.GET, "/anmodninger/ny", "/anmodninger/alle", "/anmodninger/alle.csv",
                                "/anmodninger/lignende")
                        .hasAnyAuthority(Groups.ofMunicipalities())
                        .requestMatchers(HttpMethod.GET, "/", "/anmodninger/*", "/anmodninger/*/bilag/*", "/anmodninger/*/rapport.pdf",
                                "/anmodninger/*/proces", "/anmodninger/*/proces.bpmn")
                        .hasAnyAuthority(Groups.all())
                        .requestMatchers("/indstillinger", "/indstillinger/**", "/logout").hasAnyAuthority(Groups.all())
                        .anyRequest().hasAnyAuthority(Groups.ofMunicipalities()))
                // The webapps have their own CSRF protection (an XSRF-TOKEN cookie echoed in a header).
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                // The webapps' scripts get a status, not the login page; browsers opening a page get the login page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**"))
                        // The OpenAPI document is read by tools (HTTP Basic) and by Swagger UI in a logged-in browser.
                        .defaultAuthenticationEntryPointFor(delays.basicEntryPoint(), openApiDocument())
                        .accessDeniedHandler(new TooLargeUploadHandler(new NoGroupRefusal())))
                // Lets scripts and tests reach a page with a password; browsers get the login page.
                .httpBasic(basic -> basic.authenticationEntryPoint(delays.basicEntryPoint()));
        // The web UI's login, logout and headers: see BrowserSecurity.
        return browser.apply(http, path("/camunda/**"), delays.formFailureHandler()).build();
    }

    /**
     * A request is always a municipality's: its people submit and draft requests, the shared organisation's (its
     * administrators too) none, as they would belong to no municipality.
     */
    private static AuthorizationManager<RequestAuthorizationContext> submitsRequests() {
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAnyAuthority(Groups.ofMunicipalities()),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Groups.SHARED_ORGANISATION)));
    }

    /** The JSON API, once Spring Security has let the caller in. */
    @Bean
    FilterRegistrationBean<JsonOnlyApi> jsonOnlyApi(Problems problems) {
        FilterRegistrationBean<JsonOnlyApi> registration = new FilterRegistrationBean<>(new JsonOnlyApi(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Both copies of the engine's REST API, after Spring Security has let an administrator through. */
    @Bean
    FilterRegistrationBean<EngineApiInputGuard> engineApiInputGuard() {
        FilterRegistrationBean<EngineApiInputGuard> registration = new FilterRegistrationBean<>(new EngineApiInputGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** {@code /v3/api-docs}, {@code .yaml} and {@code /swagger-config} (openapi.ApiDocument); Swagger UI is a page. */
    private static RequestMatcher openApiDocument() {
        return new OrRequestMatcher(path("/v3/api-docs*"), path("/v3/api-docs/**"));
    }

    /** Path patterns that also match outside Spring MVC (the REST API and webapps are their own servlets). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static HttpSecurity stateless(HttpSecurity http, LoginDelayResponses delays) throws Exception {
        return http
                .httpBasic(basic -> basic.authenticationEntryPoint(delays.basicEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // Answers no browser should render or frame, JSON or a download, with the pages' other headers.
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(SecurityHeaders.API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER_POLICY))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
    }
}
