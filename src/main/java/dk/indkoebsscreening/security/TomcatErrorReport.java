package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Answers that Tomcat gives itself, before any filter runs (a path with an encoded slash, a NUL or a
 * malformed escape): a problem ({@link Problems}) as the input boundary gives, with the security headers, instead of
 * Tomcat's English HTML page. Replaces the error report valve Spring Boot installs.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    TomcatErrorReport(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new SecureErrorReportValve(problems));
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(SecureErrorReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, whose valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Reports only errors nothing else has answered; application errors are rendered by Spring. */
    public static class SecureErrorReportValve extends ErrorReportValve {

        private final Problems problems;

        SecureErrorReportValve(Problems problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                SecurityHeaders.writeTo(request, response);
                response.setContentType(Problems.MEDIA_TYPE.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    // No instance: what Tomcat refuses is a path it could not take as one.
                    byte[] body = problems.bytes(problems.problem(response.getStatus(), null, ApiLanguage.of(request)));
                    writer.write(new String(body, StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone, or the response cannot be written: nothing to tell anyone.
            }
        }
    }
}
