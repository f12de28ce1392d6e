package io.onboarding.csv;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An open customer CSV: UTF-8 with or without a byte-order mark, RFC 4180 quoting (commas, quotes and
 * line breaks inside quoted cells), a header naming the columns. Hands out rows with their line numbers.
 */
public final class CustomerCsvFile implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What a full read of the file found, before anything is ordered. */
    public record Inspection(int rows, List<String> unknownColumns) {
    }

    private final Path path;
    private final CSVReader csv;
    private final CsvHeader header;

    private CustomerCsvFile(Path path) {
        this.path = path;
        BufferedReader reader = null;
        try {
            reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            // RFC 4180: a quote is escaped by doubling it; the default opencsv parser would also eat backslashes.
            this.csv = new CSVReaderBuilder(reader)
                    .withCSVParser(new RFC4180ParserBuilder().build())
                    .build();
            this.header = CsvHeader.parse(readRecord());
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("The input file does not exist: " + path.toAbsolutePath());
        } catch (CharacterCodingException e) {
            closeQuietly(reader);
            throw notUtf8(path, "");
        } catch (IOException e) {
            closeQuietly(reader);
            throw new CsvFormatException("Cannot read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** Opens the file and checks its header. */
    public static CustomerCsvFile open(Path path) {
        return new CustomerCsvFile(path);
    }

    /**
     * Reads the whole file once, so that a wrong encoding or an unclosed quote is reported before the
     * run starts rather than after half the file was ordered.
     */
    public static Inspection inspect(Path path) {
        checkUtf8(path);
        try (CustomerCsvFile file = open(path)) {
            int rows = 0;
            while (file.next() != null) {
                rows++;
            }
            return new Inspection(rows, file.header.unknownColumns());
        }
    }

    /** The next non-blank row, or null at the end of the file. */
    public CustomerRow next() {
        while (true) {
            long line = csv.getLinesRead() + 1;
            String[] cells = readRecord();
            if (cells == null) {
                return null;
            }
            if (Arrays.stream(cells).allMatch(String::isBlank)) {
                continue;
            }
            return header.toRow(line, cells);
        }
    }

    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    @Override
    public void close() {
        closeQuietly(csv);
    }

    private String[] readRecord() {
        long line = csv.getLinesRead() + 1;
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            throw notUtf8(path, " (near line " + line + ")");
        } catch (CsvValidationException | IOException e) {
            throw new CsvFormatException(path + ": cannot read the row at line " + line + ": " + e.getMessage()
                    + " (is a quote left open?)", e);
        }
    }

    /** Names the first line that is not valid UTF-8; the buffered CSV reader cannot tell which line it was. */
    private static void checkUtf8(Path path) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == -1 || b == '\n') {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        throw notUtf8(path, " (line " + number + ")");
                    }
                    if (b == -1) {
                        return;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("The input file does not exist: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new CsvFormatException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static CsvFormatException notUtf8(Path path, String where) {
        return new CsvFormatException(path + " is not UTF-8" + where
                + ": save it from your spreadsheet as 'CSV UTF-8' and run it again");
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
