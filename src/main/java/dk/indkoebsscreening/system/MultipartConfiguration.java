package dk.indkoebsscreening.system;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Uploads as Spring Boot resolves them (spring.servlet.multipart.*), with one refusal told apart. Tomcat refuses a
 * part whose headers exceed {@code server.tomcat.max-part-header-size}, and Spring reads Tomcat's words ("size
 * limit exceeded") as a file too large. The headers of a file's part are its name and type: past that bound, it is
 * the name that is too long, and the sender is told so (400), not that the file is too large.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    StandardServletMultipartResolver multipartResolver(MultipartProperties multipart,
                                                       ServerProperties server) {
        DataSize maxPartHeader = server.getTomcat().getMaxPartHeaderSize();
        boolean lazily = multipart.isResolveLazily();
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
            @Override
            public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
                return new StandardMultipartHttpServletRequest(request, lazily) {
                    @Override
                    protected void handleParseFailure(Throwable failure) {
                        if (isPartHeaderTooLong(failure, maxPartHeader)) {
                            throw new RefusedFileException(HttpStatus.BAD_REQUEST, "attachment.nameTooLong");
                        }
                        if (isTooManyParts(failure)) {
                            throw new RefusedFileException(HttpStatus.CONFLICT, "attachment.tooManyParts");
                        }
                        super.handleParseFailure(failure);
                    }
                };
            }
        };
        resolver.setResolveLazily(lazily);
        resolver.setStrictServletCompliance(multipart.isStrictServletCompliance());
        return resolver;
    }

    /** More parts than server.tomcat.max-part-count: Spring reads Tomcat's words as a file too large, too. */
    private static boolean isTooManyParts(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat says both a request and a part's headers are too large with one exception; the limit tells which. */
    private static boolean isPartHeaderTooLong(Throwable failure, DataSize maxPartHeader) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeLimitExceededException tooLarge && tooLarge.getPermittedSize() == maxPartHeader.toBytes()) {
                return true;
            }
        }
        return false;
    }
}
