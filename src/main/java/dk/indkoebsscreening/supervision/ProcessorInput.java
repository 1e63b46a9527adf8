package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.web.DanishNumbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the processor form posts, as typed, turned into the body the JSON API takes so that both are validated alike. */
public class ProcessorInput {

    /** The page's fields in page order, for the error summary. */
    static final List<String> FIELDS = List.of("name", "cvr", "processing", "subProcessorOf", "method", "intervalMonths", "nextDue");

    private String name;
    private String cvr;
    private String processing;
    private String subProcessorOf;
    private String method;
    private String intervalMonths;
    private String nextDue;

    static ProcessorInput of(DataProcessor processor) {
        ProcessorInput input = new ProcessorInput();
        input.name = processor.name();
        input.cvr = processor.cvr();
        input.processing = processor.processing();
        input.subProcessorOf = processor.subProcessorOf() == null ? null : processor.subProcessorOf().toString();
        input.method = processor.method().name();
        input.intervalMonths = Integer.toString(processor.intervalMonths());
        input.nextDue = processor.nextDue().toString();
        return input;
    }

    /** A number that cannot be read stays as typed, so that the binder names the field. */
    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Text.orNull(name));
        body.put("cvr", Text.orNull(cvr) == null ? null : cvr.strip());
        body.put("processing", Text.orNull(processing));
        body.put("subProcessorOf", Text.orNull(subProcessorOf));
        body.put("method", Text.orNull(method));
        body.put("intervalMonths", Text.orNull(intervalMonths) == null ? null
                : DanishNumbers.months(intervalMonths).<Object>map(months -> months).orElse(intervalMonths));
        body.put("nextDue", Text.orNull(nextDue));
        return body;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCvr() { return cvr; }
    public void setCvr(String cvr) { this.cvr = cvr; }
    public String getProcessing() { return processing; }
    public void setProcessing(String processing) { this.processing = processing; }
    public String getSubProcessorOf() { return subProcessorOf; }
    public void setSubProcessorOf(String subProcessorOf) { this.subProcessorOf = subProcessorOf; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getIntervalMonths() { return intervalMonths; }
    public void setIntervalMonths(String intervalMonths) { this.intervalMonths = intervalMonths; }
    public String getNextDue() { return nextDue; }
    public void setNextDue(String nextDue) { this.nextDue = nextDue; }
}
