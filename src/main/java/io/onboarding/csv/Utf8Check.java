package io.onboarding.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Finds the first bytes that are not UTF-8 and names their line and byte offset: the buffered CSV reader
 * meets a decoding error wherever its buffer happens to fill, which tells the operator nothing.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    static void check(Path path) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            long lineStart = 0;
            long offset = 0;
            while (true) {
                int b = in.read();
                if (b == -1 || b == '\n') {
                    int bad = firstMalformed(decoder, line.toByteArray());
                    if (bad >= 0) {
                        throw notUtf8(path, " (line " + number + ", byte offset " + (lineStart + bad) + ")");
                    }
                    if (b == -1) {
                        return;
                    }
                    line.reset();
                    number++;
                    lineStart = offset + 1;
                } else {
                    line.write(b);
                }
                offset++;
            }
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("The input file does not exist: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new CsvFormatException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static CsvFormatException notUtf8(Path path, String where) {
        return new CsvFormatException(path + " is not UTF-8" + where
                + ": save it from your spreadsheet as 'CSV UTF-8' and run it again");
    }

    /** Index of the first malformed byte, or -1. */
    private static int firstMalformed(CharsetDecoder decoder, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.reset().decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : -1;
    }
}
