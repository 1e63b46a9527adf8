package dk.indkoebsscreening.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** What one logger writes during each test ({@code @RegisterExtension}), e.g. the security log. */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final String loggerName;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(String loggerName) {
        this.loggerName = loggerName;
    }

    public List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** What was logged at ERROR, with the logger's name. */
    public List<String> errors() {
        return appender.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ((Logger) LoggerFactory.getLogger(loggerName)).detachAppender(appender);
    }
}
