package io.onboarding.csv;

import com.opencsv.CSVParser;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An open customer CSV: UTF-8 with or without a byte-order mark, RFC 4180 quoting (commas, quotes and
 * line breaks inside quoted cells), a header naming the columns, separated by commas or — as
 * spreadsheets in Germany or Italy export them — by semicolons. Hands out rows with their line numbers.
 */
public final class CustomerCsvFile implements Closeable {

    /**
     * What a spreadsheet's "CSV UTF-8" starts with: skipped when reading; written at the start of every report,
     * without which Excel reads UTF-8 in the computer's legacy code page (Müller shows as MÃ¼ller).
     */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What a full read of the file found, before anything is ordered. */
    public record Inspection(int rows, List<String> unknownColumns, char separator) {
    }

    private final Path path;
    private final BoundedCsvText text;
    private final CSVReader csv;
    private final CsvHeader header;
    private final char separator;
    private final long headerLine;

    private CustomerCsvFile(Path path) {
        this.path = path;
        PushbackReader reader = null;
        try {
            this.text = new BoundedCsvText(Files.newBufferedReader(path, StandardCharsets.UTF_8), ',', ';');
            reader = new PushbackReader(text, 1);
            int first = reader.read();
            if (first != BYTE_ORDER_MARK && first >= 0) {
                reader.unread(first);
            }
            String headerText;
            long line = 0;
            do {
                headerText = readLine(reader);
                line++;
            } while (headerText != null && headerText.isBlank());
            if (headerText == null) {
                throw new CsvFormatException("The file " + path + " is empty: it needs a header row naming the "
                        + "columns and one row per customer");
            }
            this.headerLine = line;
            this.separator = Separators.detect(headerText);
            text.separator(separator);
            RFC4180Parser headerParser = parser(separator);
            String[] headerCells = headerParser.parseLine(headerText);
            if (headerParser.isPending()) {
                throw new CsvFormatException("The header row (line " + line + ") has a quote that is never closed");
            }
            this.header = CsvHeader.parse(headerCells);
            // RFC 4180: a quote is escaped by doubling it; the default opencsv parser would also eat backslashes.
            this.csv = new CSVReaderBuilder(reader).withCSVParser(parser(separator)).build();
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("The input file does not exist: " + path.toAbsolutePath());
        } catch (CharacterCodingException e) {
            closeQuietly(reader);
            throw Utf8Check.notUtf8(path, "");
        } catch (IOException e) {
            closeQuietly(reader);
            throw new CsvFormatException("Cannot read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** A line ended by LF, CR LF or a lone CR (Excel for Mac), or null at the end of the file. */
    private static String readLine(PushbackReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            line.append((char) c);
            c = reader.read();
        }
        if (c == '\r') {
            int next = reader.read();
            if (next != '\n' && next >= 0) {
                reader.unread(next);
            }
        }
        return line.toString();
    }

    /** Opens the file and checks its header. */
    public static CustomerCsvFile open(Path path) {
        return new CustomerCsvFile(path);
    }

    /**
     * Reads the whole file once, so that a wrong encoding or an unclosed quote is reported before the
     * run starts rather than after half the file was ordered. A file with a header and no data rows (blank
     * lines do not count) is refused too: a nightly export that came out empty must not pass for a night
     * with nothing to do.
     */
    public static Inspection inspect(Path path) {
        Utf8Check.check(path);
        try (CustomerCsvFile file = open(path)) {
            int rows = 0;
            while (file.next() != null) {
                rows++;
            }
            if (rows == 0) {
                throw new CsvFormatException("The file " + path + " has a header but no rows: there is no customer "
                        + "to onboard. Check the export that wrote it");
            }
            return new Inspection(rows, file.header.unknownColumns(), file.separator);
        }
    }

    /** The next non-blank row, or null at the end of the file. */
    public CustomerRow next() {
        while (true) {
            long line = headerLine + csv.getLinesRead() + 1;
            String[] cells = readRecord(line);
            if (cells == null) {
                return null;
            }
            if (Arrays.stream(cells).allMatch(String::isBlank)) {
                continue;
            }
            return header.toRow(line, cells);
        }
    }

    /** The header cells as the file writes them. */
    public List<String> headerCells() {
        return header.cells();
    }

    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    /** The column separator found in the header: {@code ,} or {@code ;}. */
    public char separator() {
        return separator;
    }

    @Override
    public void close() {
        closeQuietly(csv);
    }

    private String[] readRecord(long line) {
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            throw Utf8Check.notUtf8(path, " (near line " + line + ")");
        } catch (CsvValidationException | IOException e) {
            // Never opencsv's message: it quotes the text after an open quote, where a password may stand.
            BoundedCsvText.Place quote = text.openQuote();
            throw new CsvFormatException(path + ": cannot read the row at line " + line + ": "
                    + (quote != null ? "the quote that opens column " + quote.column() + columnName(quote.column())
                            + " on line " + quote.line() + " is never closed"
                            : "it is not valid CSV (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private String columnName(int column) {
        return column <= header.cells().size() ? " (" + header.cells().get(column - 1) + ")" : "";
    }

    private static RFC4180Parser parser(char separator) {
        return new RFC4180ParserBuilder().withSeparator(separator).withQuoteChar(CSVParser.DEFAULT_QUOTE_CHARACTER)
                .build();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only file loses nothing.
        }
    }
}
