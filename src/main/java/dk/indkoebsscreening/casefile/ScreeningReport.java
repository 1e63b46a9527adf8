package dk.indkoebsscreening.casefile;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.web.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The screening report ("Screeningsrapport") of one request as a PDF for the case file: the request, its scope, the
 * areas with verdicts, findings, conditions and checklist answers, questions and answers, the decision, the
 * files with their SHA-256 and the history; in Danish, with the municipality's name, tagged for
 * accessibility (PDF/UA) with embedded fonts.
 */
@Component
class ScreeningReport {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final String FONTS = "/liberation/";

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ScreeningService screening;
    private final Formats formats;
    private final Municipalities municipalities;
    private final Requests requests;
    private final Clock clock;

    ScreeningReport(ITemplateEngine templates, ApplicationContext application, ScreeningService screening, Formats formats,
                    Municipalities municipalities, Requests requests, Clock clock) {
        this.templates = templates;
        this.application = application;
        this.screening = screening;
        this.formats = formats;
        this.municipalities = municipalities;
        this.requests = requests;
        this.clock = clock;
    }

    /** The PDF, whole (a few hundred kB at most), so a failure is an error page rather than half a file. */
    byte[] pdf(CaseFile details) {
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(DANISH);
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            font(builder, "LiberationSans-Regular.ttf", "Liberation Sans", 400, FontStyle.NORMAL);
            font(builder, "LiberationSans-Bold.ttf", "Liberation Sans", 700, FontStyle.NORMAL);
            font(builder, "LiberationSans-Italic.ttf", "Liberation Sans", 400, FontStyle.ITALIC);
            font(builder, "LiberationMono-Regular.ttf", "Liberation Mono", 400, FontStyle.NORMAL);
            builder.withHtmlContent(html(details), null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    String fileName(CaseFile details) {
        return "Screeningsrapport " + details.request().reference() + ".pdf";
    }

    private String html(CaseFile details) {
        Map<Area, List<ChecklistQuestion>> checklists = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            checklists.put(area, screening.checklist(area));
        }
        Context context = new Context(DANISH);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("details", details);
        context.setVariable("request", details.request());
        context.setVariable("checklists", checklists);
        context.setVariable("whatNow", WhatNow.of(details));
        // The request's municipality, not the reader's: a shared expert or the administrator acts for no municipality.
        Municipality municipality = municipalities.byId(requests.municipalityOf(details.request().id()));
        context.setVariable("municipality", municipality.name());
        context.setVariable("letterhead", municipality.logoText());
        context.setVariable("generated", formats.dateTime(clock.instant()));
        return templates.process("report/screening-report", context);
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = ScreeningReport.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the classpath (openpdf-fonts-extra)");
            }
            return in;
        }, family, weight, style, true);
    }
}
