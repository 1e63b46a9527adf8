package dk.indkoebsscreening.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Real PDFs, written by PDFBox as an office program writes them (compressed object streams and a cross-reference
 * stream): a clean offer with text and a web link, and the same with a JavaScript or a Launch action in each place a
 * viewer runs one from.
 */
public final class Pdfs {

    /** Where a PDF's action is put. */
    public interface Change {
        void apply(PDDocument document, PDPage page) throws IOException;
    }

    private Pdfs() {
    }

    /** One page of text with a link to a web page: what must still be accepted. */
    public static byte[] clean() {
        return offer((document, page) -> { });
    }

    public static byte[] offer(Change change) {
        return write(change, null);
    }

    /** Protected as vendors protect their offers: it opens without a password, but may not be changed. */
    public static byte[] ownerProtected(Change change) {
        return write(change, new StandardProtectionPolicy("ejer-" + System.nanoTime(), "", new AccessPermission()));
    }

    /** Opens only with the password. */
    public static byte[] passwordProtected() {
        return write((document, page) -> { }, new StandardProtectionPolicy("ejer", "hemmelig", new AccessPermission()));
    }

    public static PDActionJavaScript script() {
        return new PDActionJavaScript("app.launchURL('https://angriber.example/', true);");
    }

    public static PDActionLaunch launch() {
        PDActionLaunch launch = new PDActionLaunch();
        PDSimpleFileSpecification program = new PDSimpleFileSpecification();
        program.setFile("C:\\Windows\\System32\\cmd.exe");
        launch.setFile(program);
        return launch;
    }

    public static Change openAction(PDAction action) {
        return (document, page) -> document.getDocumentCatalog().setOpenAction(action);
    }

    public static Change linkAction(PDAction action) {
        return (document, page) -> page.getAnnotations().add(link(action));
    }

    public static Change documentScript() {
        return (document, page) -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", script()));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        };
    }

    public static Change pageOpenAction(PDAction action) {
        return (document, page) -> page.getActions().setO(action);
    }

    public static Change formFieldAction(PDAction action) {
        return (document, page) -> {
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("pris");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(50, 600, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
            PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
            actions.setK(action);
            field.setActions(actions);
        };
    }

    /** A harmless web link whose action is followed by the given one. */
    public static Change nextAfterLink(PDAction action) {
        return (document, page) -> {
            PDActionURI web = new PDActionURI();
            web.setURI("https://leverandoer.example/tilbud");
            web.setNext(List.of(action));
            page.getAnnotations().add(link(web));
        };
    }

    private static PDAnnotationLink link(PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 700, 200, 20));
        link.setAction(action);
        return link;
    }

    private static byte[] write(Change change, StandardProtectionPolicy protection) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 750);
                text.showText("Tilbud paa sagssystem");
                text.endText();
            }
            PDActionURI web = new PDActionURI();
            web.setURI("https://leverandoer.example/");
            page.getAnnotations().add(link(web));
            change.apply(document, page);
            if (protection != null) {
                document.protect(protection);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
