package dk.indkoebsscreening.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * A Danish PDF made from a template (the screening report, the steering report): tagged for accessibility (PDF/UA) with
 * the Liberation fonts embedded, whole in memory (a few hundred kB), so a failure is an error page rather than half a file.
 */
@Component
public class TaggedPdf {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final String FONTS = "/liberation/";

    static {
        // The renderer logs every document at INFO on its own console handler; its warnings are what matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final ITemplateEngine templates;
    private final ApplicationContext application;

    TaggedPdf(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    /**
     * The template rendered in Danish with these variables (the pages' helpers too), as a PDF; the variables are made
     * while the locale is Danish, so the words they hold are too, whatever language the reader's pages are in.
     */
    public byte[] render(String template, Supplier<Map<String, Object>> madeInDanish) {
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(DANISH);
        try {
            Map<String, Object> variables = madeInDanish.get();
            Context context = new Context(DANISH);
            context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(application, null));
            variables.forEach(context::setVariable);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            font(builder, "LiberationSans-Regular.ttf", "Liberation Sans", 400, FontStyle.NORMAL);
            font(builder, "LiberationSans-Bold.ttf", "Liberation Sans", 700, FontStyle.NORMAL);
            font(builder, "LiberationSans-Italic.ttf", "Liberation Sans", 400, FontStyle.ITALIC);
            font(builder, "LiberationMono-Regular.ttf", "Liberation Mono", 400, FontStyle.NORMAL);
            builder.withHtmlContent(templates.process(template, context), null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /** Sends a PDF as a download under this name, kept by no cache. */
    public static void write(byte[] pdf, String fileName, HttpServletResponse response) throws IOException {
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.getOutputStream().write(pdf);
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = TaggedPdf.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the classpath (openpdf-fonts-extra)");
            }
            return in;
        }, family, weight, style, true);
    }
}
