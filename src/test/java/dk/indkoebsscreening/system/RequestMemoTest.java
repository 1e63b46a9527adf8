package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What a page view keeps of its look-ups, and what it must not keep. */
class RequestMemoTest {

    private final AtomicInteger lookUps = new AtomicInteger();
    private final Supplier<Integer> lookUp = lookUps::incrementAndGet;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aReadingRequestLooksUpOnceAndForgetsWhenTold() {
        during("GET");
        assertThat(RequestMemo.of("engineTask:1", lookUp)).isEqualTo(1);
        assertThat(RequestMemo.of("engineTask:1", lookUp)).isEqualTo(1);
        assertThat(RequestMemo.of("engineTask:2", lookUp)).as("another key").isEqualTo(2);
        RequestMemo.forget("engineTask:");
        assertThat(RequestMemo.of("engineTask:1", lookUp)).isEqualTo(3);
    }

    @Test
    void aWritingRequestAndWorkOutsideRequestsLookUpEveryTime() {
        during("POST");
        RequestMemo.of("engineTask:1", lookUp);
        RequestMemo.of("engineTask:1", lookUp);
        RequestContextHolder.resetRequestAttributes();
        RequestMemo.of("engineTask:1", lookUp);
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void whatOneMunicipalitySawIsNotWhatAnotherSees() {
        during("GET");
        int nordby = Tenancy.callAs("nordby", () -> RequestMemo.of("engineTask:1", lookUp));
        int sydby = Tenancy.callAs("sydby", () -> RequestMemo.of("engineTask:1", lookUp));
        assertThat(sydby).isNotEqualTo(nordby);
        assertThat(Tenancy.callAs("nordby", () -> RequestMemo.of("engineTask:1", lookUp))).isEqualTo(nordby);
    }

    private static void during(String method) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/opgaver/1")));
    }
}
