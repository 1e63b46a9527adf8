package dk.indkoebsscreening.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether a PDF would run something of its own when it is opened or clicked: a JavaScript or a Launch action
 * (which starts a program) anywhere a viewer finds actions — the document's OpenAction and AA, the JavaScript
 * name tree, pages' AA, annotations' A and AA (links, form widgets), form fields' AA, bookmarks, and the actions
 * chained to these by Next. Rather than a list of those places, every object reachable from the trailer is looked
 * at, so none is overlooked; a dictionary is such an action by its type (S) or a script (JS).
 *
 * <p>The file is read by PDFBox from disk, object by object. PDFBox decodes compressed object and cross-reference
 * streams into memory without a bound; here it decodes them through {@link BoundedStream}, which gives up past
 * {@value #MAX_DECODED_BYTES} bytes for the whole file, so a small PDF that inflates to gigabytes costs nothing.
 * PDFBox's lenient mode repairs a broken file with a second parser of its own, out of reach of that bound: the
 * file is read strictly, as a PDF writer writes it. A PDF that cannot be read so, or only in part, cannot be
 * vouched for, and one that needs a password cannot be read at all; both are answered as such.
 */
final class PdfActions {

    enum Found {
        NOTHING, SCRIPT_OR_LAUNCH, UNREADABLE, PASSWORD
    }

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    /** The decoded object and cross-reference streams of one file: a few MB even in a PDF of thousands of pages. */
    static final long MAX_DECODED_BYTES = 32L * 1024 * 1024;
    /** A row of a predictor's image of an object stream: a few hundred bytes in practice. */
    private static final long MAX_PREDICTOR_ROW = 64L * 1024;
    /** Far more numbers, names and strings than the structure of any document holds (its text is in streams). */
    private static final long MAX_OBJECTS = 1_000_000;
    /** The filters an object or cross-reference stream is written with; images' filters have no place there. */
    private static final List<COSName> STRUCTURE_FILTERS = List.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION,
            COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION);

    private PdfActions() {
    }

    static Found in(Path pdf) {
        try (RandomAccessRead file = new RandomAccessReadBufferedFile(pdf.toFile())) {
            BoundedParser parser = new BoundedParser(file);
            try (PDDocument document = parser.parse(false)) {
                return runsSomething(document.getDocument().getTrailer(), parser) ? Found.SCRIPT_OR_LAUNCH
                        : parser.gaveUp ? Found.UNREADABLE : Found.NOTHING;
            }
        } catch (InvalidPasswordException needsPassword) {
            return Found.PASSWORD;
        } catch (IOException | RuntimeException broken) {
            return Found.UNREADABLE;
        } catch (StackOverflowError nestedTooDeep) {
            // PDFBox reads nested arrays and dictionaries recursively; the stack is this request's and unwound here.
            return Found.UNREADABLE;
        }
    }

    /**
     * Looks at every object reachable from the trailer once, without recursion (nesting is the sender's to choose).
     * PDFBox hands over an object it could not read (a stream past the bound among them) as null, and logs it:
     * what it hid is unknown, and the parser is told it gave up.
     */
    private static boolean runsSomething(COSDictionary trailer, BoundedParser parser) {
        Deque<COSBase> pending = new ArrayDeque<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(trailer);
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            COSBase object = next instanceof COSObject reference ? reference.getObject() : next;
            if (object == null) {
                parser.gaveUp = true;
                continue;
            }
            if (!seen.add(object)) {
                continue;
            }
            if (object instanceof COSDictionary dictionary) {
                if (isScriptOrLaunch(dictionary)) {
                    return true;
                }
                dictionary.getValues().forEach(pending::push);
            } else if (object instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
        return false;
    }

    private static boolean isScriptOrLaunch(COSDictionary dictionary) {
        COSName type = dictionary.getCOSName(COSName.S);
        return COSName.JAVA_SCRIPT.equals(type) || LAUNCH.equals(type) || dictionary.containsKey(COSName.JS);
    }

    /**
     * PDFBox's parser, with every stream it reads decoded within one budget for the file, and at most
     * {@value #MAX_OBJECTS} objects read: an array of 12 million zeros is a 24 MB file that took 8 s and gigabytes
     * of heap to read whole.
     */
    private static final class BoundedParser extends PDFParser {

        private long decoded;
        private long objects;
        private boolean gaveUp;

        BoundedParser(RandomAccessRead file) throws IOException {
            super(file);
        }

        @Override
        protected COSBase parseDirObject() throws IOException {
            if (++objects > MAX_OBJECTS) {
                refuse("More than " + MAX_OBJECTS + " objects");
            }
            return super.parseDirObject();
        }

        @Override
        protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
            return new BoundedStream(super.parseCOSStream(dictionary), this);
        }

        void count(long bytes) throws IOException {
            decoded += bytes;
            if (decoded > MAX_DECODED_BYTES) {
                gaveUp = true;
                throw new IOException("More than " + MAX_DECODED_BYTES + " bytes of streams decoded");
            }
        }

        void refuse(String why) throws IOException {
            gaveUp = true;
            throw new IOException(why);
        }
    }

    /**
     * A stream as PDFBox parsed it, decoded only with the filters an object stream uses and only within the
     * parser's budget. Its raw data (decrypted in place, when the file is encrypted) stays with PDFBox's stream.
     */
    private static final class BoundedStream extends COSStream {

        private final COSStream parsed;
        private final BoundedParser parser;

        BoundedStream(COSStream parsed, BoundedParser parser) {
            this.parsed = parsed;
            this.parser = parser;
            parsed.forEach(this::setItem);
            setKey(parsed.getKey());
        }

        @Override
        public InputStream createRawInputStream() throws IOException {
            return parsed.createRawInputStream();
        }

        @Override
        public OutputStream createRawOutputStream() throws IOException {
            return parsed.createRawOutputStream();
        }

        @Override
        public boolean hasData() {
            return parsed.hasData();
        }

        @Override
        public RandomAccessRead createView() throws IOException {
            return new RandomAccessReadBuffer(decoded());
        }

        /** Nothing in the check reads a stream's content as such: page content, fonts and images stay undecoded. */
        @Override
        public COSInputStream createInputStream(DecodeOptions options) throws IOException {
            parser.refuse("A stream's content was asked for");
            return null;
        }

        @Override
        public void close() throws IOException {
            parsed.close();
            super.close();
        }

        private byte[] decoded() throws IOException {
            List<COSName> filters = filters();
            InputStream input = createRawInputStream();
            byte[] data = null;
            for (int i = 0; i < filters.size(); i++) {
                BoundedOutput output = new BoundedOutput(parser);
                try (InputStream encoded = input) {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(encoded, output, this, i);
                }
                data = output.bytes.toByteArray();
                input = new ByteArrayInputStream(data);
            }
            if (data == null) {
                try (InputStream raw = input) {
                    data = raw.readAllBytes();
                }
            }
            return data;
        }

        private List<COSName> filters() throws IOException {
            COSBase filter = getFilters();
            List<COSName> filters = new ArrayList<>();
            if (filter instanceof COSName name) {
                filters.add(name);
            } else if (filter instanceof COSArray array) {
                for (COSBase item : array) {
                    if (!(item instanceof COSName name)) {
                        parser.refuse("A filter that is no name");
                        return List.of();
                    }
                    filters.add(name);
                }
            }
            for (int i = 0; i < filters.size(); i++) {
                if (!STRUCTURE_FILTERS.contains(filters.get(i))) {
                    parser.refuse("Filter " + filters.get(i) + " on an object or cross-reference stream");
                }
                if (predictorRow(i) > MAX_PREDICTOR_ROW) {
                    parser.refuse("A predictor row of more than " + MAX_PREDICTOR_ROW + " bytes");
                }
            }
            return filters;
        }

        /** PDFBox allocates a predictor's rows before it reads a byte: they are bounded before it does. */
        private long predictorRow(int index) {
            COSBase parameters = getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
            if (parameters instanceof COSArray array) {
                parameters = index < array.size() ? array.getObject(index) : null;
            }
            if (!(parameters instanceof COSDictionary predictor)) {
                return 0;
            }
            long columns = Math.max(predictor.getLong(COSName.COLUMNS, 1), 1);
            long colors = Math.max(predictor.getLong(COSName.COLORS, 1), 1);
            long bits = Math.max(predictor.getLong(COSName.BITS_PER_COMPONENT, 8), 1);
            return columns * Math.min(colors, 32) * Math.min(bits, 64) / 8;
        }
    }

    /** Decoded bytes, counted against the parser's budget as they are written. */
    private static final class BoundedOutput extends OutputStream {

        private final BoundedParser parser;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        BoundedOutput(BoundedParser parser) {
            this.parser = parser;
        }

        @Override
        public void write(int b) throws IOException {
            parser.count(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            parser.count(length);
            bytes.write(data, offset, length);
        }
    }
}
