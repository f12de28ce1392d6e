package io.onboarding.csv;

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

    private static final int CHUNK = 64 * 1024;

    private Utf8Check() {
    }

    /** Reads the file in fixed-size chunks: its memory does not grow with the file or with its longest line. */
    static void check(Path path) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] chunk = new byte[CHUNK];
            // Room for the chunk and the up to 3 bytes of a character that the previous chunk cut.
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK + 4);
            CharBuffer chars = CharBuffer.allocate(CHUNK + 4);
            LineCount lines = new LineCount();
            long offset = 0;
            while (true) {
                int read = in.read(chunk);
                boolean end = read < 0;
                if (!end) {
                    bytes.put(chunk, 0, read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.clear();
                lines.count(bytes.array(), bytes.position());
                if (result.isError()) {
                    throw notUtf8(path, " (line " + lines.line + ", byte offset " + (offset + bytes.position()) + ")");
                }
                offset += bytes.position();
                bytes.compact();
                if (end) {
                    return;
                }
            }
        } catch (NoSuchFileException e) {
            throw new CsvFormatException("The input file does not exist: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new CsvFormatException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Lines ended by LF, CR LF or a lone CR (Excel for Mac's "CSV (Macintosh)"). */
    private static final class LineCount {

        long line = 1;
        private boolean afterCarriageReturn;

        void count(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    if (!afterCarriageReturn) {
                        line++;
                    }
                    afterCarriageReturn = false;
                } else {
                    afterCarriageReturn = b == '\r';
                    if (afterCarriageReturn) {
                        line++;
                    }
                }
            }
        }
    }

    static CsvFormatException notUtf8(Path path, String where) {
        return new CsvFormatException(path + " is not UTF-8" + where
                + ": save it from your spreadsheet as 'CSV UTF-8' and run it again");
    }
}
